// A server started as a child process is ready once it prints "Listening on" (Probot's log line).
import type { ChildProcess } from "node:child_process";

/**
 * Collects everything `child` prints, and resolves once it prints "Listening on"; rejects when it
 * exits before. Returns what it has printed so far, at any later time.
 */
export async function waitUntilListening(child: ChildProcess): Promise<() => string> {
  let output = "";
  await new Promise<void>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Listening on")) done();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => fail(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  return () => output;
}

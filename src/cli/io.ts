// What a command may touch of the outside world, passed in so that tests can run commands in
// process: where to write, which folder is the repository, which environment.
export interface CliIO {
  /** Writes text as is (commands add their own newlines). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The folder paths are relative to: the root of the governed repository's checkout. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The real process's streams, folder and environment. */
export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}

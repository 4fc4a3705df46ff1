// The durable queue end to end, against a real Redis (GOVERNANCE_TEST_REDIS_URL, which `.ci/run`
// starts): two app processes on one Redis serve a burst of webhooks; one is killed (SIGKILL) in
// the middle of it and started again. Every PR's final checks must equal a fault-free run of the
// same burst (one in-process app, the in-memory queue), no two jobs of the installation may
// overlap (so no two evaluations of one PR), and the installation's writes never overlap in
// flight, as with one process.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { build } from "esbuild";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluationQueue } from "../../src/evaluate/queue.js";
import { freePort, PRIVATE_KEY, sendWebhook, type AppHarness } from "./harness.js";
import { INSTALLATION, World } from "./world.js";

const url = process.env.GOVERNANCE_TEST_REDIS_URL;
const START = "2026-11-20T10:00:00Z";
const BUNDLE = new URL("./.durable-app.mjs", import.meta.url).pathname;

let dir = "";
beforeAll(async () => {
  if (!url) return;
  dir = mkdtempSync(join(tmpdir(), "durable-e2e-"));
  await build({
    entryPoints: [new URL("./durable/app-process.ts", import.meta.url).pathname],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    outfile: BUNDLE,
    logLevel: "warning",
  });
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  rmSync(BUNDLE, { force: true });
});

interface Proc {
  child: ChildProcess;
  harness: AppHarness;
}

/** Starts one app process on the queue `name`; resolves once it serves webhooks. */
async function startProcess(standinUrl: string, name: string, workLog: string, pending: () => Promise<number>): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [BUNDLE], {
    env: { ...process.env, STANDIN_URL: standinUrl, REDIS_URL: url, QUEUE_NAME: name, NOW: START, WORK_LOG: workLog, PORT: String(port), PRIVATE_KEY },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the app process exited (${code}) before it was ready`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const harness: AppHarness = {
    url: base,
    queue: new EvaluationQueue(),
    send: (event, payload, opts) => sendWebhook(base, event, payload, opts),
    // Settled when the shared queue has nothing waiting, parked or running.
    settle: async () => {
      while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    sweep: () => Promise.reject(new Error("not used")),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        // A process that does not stop when asked is killed (it exits by itself once its lock lapses).
        const stuck = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(stuck);
      }
    },
  };
  return { child, harness };
}

/** The burst: PRs opened, approved, commented on, relabelled, pushed to; `halfway` runs once in the middle. */
async function burst(world: World, halfway: () => Promise<void>): Promise<void> {
  const numbers: number[] = [];
  for (let i = 0; i < 8; i++) {
    const author = ["alice", "carol", "newcomer", "bob"][i % 4]!;
    numbers.push(await world.openPull({ author, title: `Amendment ${i}`, files: { "CHARTER.md": `# Charter ${i}\n` } }));
  }
  for (const [i, n] of numbers.entries()) {
    if (i === 4) await halfway();
    await world.approve(n, "bob");
    await world.approve(n, "carol");
    await world.comment(n, "dan", i % 2 ? "/governance abstain" : "Looks good to me");
    if (i % 3 === 0) await world.label(n, ["consultation"]);
    if (i % 4 === 1) await world.push(n, { "CHARTER.md": `# Charter ${i}, amended\n` });
    await world.approve(n, "dan");
  }
}

/** Every open PR's two checks, as text that two runs of the burst share. */
function finalChecks(world: World): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const item of world.repo.items.values()) {
    if (item.kind !== "pull" || item.state !== "open") continue;
    out[item.number] = [world.declaration(item.number), world.signoff(item.number)].map((c) => c && { conclusion: c.conclusion, title: c.title, summary: c.summary, text: c.text });
  }
  return out;
}

describe.skipIf(!url)("two app processes on one Redis", () => {
  it("lose nothing when one is killed mid-burst: the checks equal a fault-free run's, no job overlaps another, writes never overlap", { timeout: 240_000 }, async () => {
    // The fault-free run: one in-process app, the in-memory queue.
    const reference = await World.create({ start: START });
    await burst(reference, async () => undefined);
    await reference.settle();
    const expected = finalChecks(reference);
    expect(reference.standin.violations).toEqual([]);
    await reference.stop();

    const name = `e2e-${randomUUID()}`;
    const workLog = join(dir, "work.jsonl");
    const redis = new Redis(url!, { maxRetriesPerRequest: null });
    const queue = new Queue(name, { connection: redis });
    const pending = async () => Object.values(await queue.getJobCounts("wait", "active", "delayed", "prioritized", "waiting-children")).reduce((a, b) => a + b, 0);
    const procs: Proc[] = [];
    const world = await World.create({
      start: START,
      // Each answer takes a little while, so that the kill finds work under way.
      standin: { latencyMs: 15 },
      startApps: async (standin) => {
        for (let i = 0; i < 2; i++) procs.push(await startProcess(standin.baseUrl, name, workLog, pending));
        return procs.map((p) => p.harness);
      },
    });
    let killedAt = 0;
    try {
      await burst(world, async () => {
        // Process 0 dies with work stored and under way; its webhooks were answered only once stored.
        killedAt = Date.now();
        procs[0]!.child.kill("SIGKILL");
        await new Promise((resolve) => procs[0]!.child.once("exit", resolve));
        // GitHub's next deliveries reach the process left until the first is back.
        world.apps[0] = procs[1]!.harness;
        const restarted = await startProcess(world.standin.baseUrl, name, workLog, pending);
        procs.push(restarted);
        world.apps[0] = restarted.harness;
      });
      await world.settle();

      expect(finalChecks(world)).toEqual(expected);
      expect(world.standin.violations).toEqual([]);

      // No two jobs of the installation ran at once, on any process; the killed process's job
      // counts as running until it was killed.
      const lines = readFileSync(workLog, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { pid: number; phase: string; installation: number; key: string; t: number });
      const killedPid = procs[0]!.child.pid;
      const runs: Array<{ start: number; end: number; key: string }> = [];
      const open = new Map<number, { start: number; key: string }>();
      for (const line of lines.filter((l) => l.installation === INSTALLATION)) {
        if (line.phase === "start") {
          expect(open.has(line.pid), `process ${line.pid} started ${line.key} while running another`).toBe(false);
          open.set(line.pid, { start: line.t, key: line.key });
        } else {
          const run = open.get(line.pid);
          if (run) runs.push({ ...run, end: line.t });
          open.delete(line.pid);
        }
      }
      for (const [pid, run] of open) {
        expect(pid, `a job of a live process never ended: ${run.key}`).toBe(killedPid);
        runs.push({ ...run, end: killedAt });
      }
      runs.sort((a, b) => a.start - b.start);
      for (let i = 1; i < runs.length; i++) {
        expect(runs[i]!.start, `${runs[i]!.key} started while ${runs[i - 1]!.key} ran`).toBeGreaterThanOrEqual(runs[i - 1]!.end);
      }
      expect(runs.length).toBeGreaterThan(8);

      // The installation's writes, in the order the stand-in received them, never overlapped.
      const writes = world.standin.requests.filter((r) => r.installation === INSTALLATION && r.method !== "GET" && !(r.method === "POST" && r.path === "/graphql"));
      expect(writes.length).toBeGreaterThan(0);
      for (let i = 1; i < writes.length; i++) {
        expect(writes[i]!.receivedAt).toBeGreaterThanOrEqual(writes[i - 1]!.receivedAt + writes[i - 1]!.ms);
      }
    } finally {
      for (const p of procs) await p.harness.stop().catch(() => undefined);
      await world.standin.stop();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      redis.disconnect();
    }
  });
});

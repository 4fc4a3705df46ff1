// The durable queue end to end, against a real Redis (GOVERNANCE_TEST_REDIS_URL, which `.ci/run`
// starts): two app processes on one Redis serve a burst of webhooks (PRs signed, then queued in
// GitHub's merge queue); in the middle of it one is killed (SIGKILL) or stopped as a deploy stops
// it (SIGTERM), and a new one started. Every PR's and every merge group's final checks must equal
// a fault-free run of the same burst (one in-process app, the in-memory queue), no two jobs of the
// installation may overlap (so no two evaluations of one PR or one group), and the installation's
// writes never overlap in flight, as with one process. And the scheduled sweep, a job scheduler
// on the shared Redis, runs once per period whatever the number of processes.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { build } from "esbuild";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EvaluationQueue } from "../../src/evaluate/queue.js";
import { freePort, PRIVATE_KEY, sendWebhook, type AppHarness } from "./harness.js";
import type { QueueEntry } from "./standin/standin.js";
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

/** One line of the work log: a job's work starting or ending in one process. */
interface WorkLine {
  pid: number;
  phase: "start" | "end";
  installation: number;
  key: string;
  job: string;
  t: number;
}

const readWork = (workLog: string): WorkLine[] =>
  existsSync(workLog) ? readFileSync(workLog, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as WorkLine) : [];

/** The job each process has started and not ended. */
function openJobs(lines: WorkLine[]): Map<number, WorkLine> {
  const open = new Map<number, WorkLine>();
  for (const line of lines) {
    if (line.phase === "start") open.set(line.pid, line);
    else open.delete(line.pid);
  }
  return open;
}

/** Polls until `condition` gives a value; gives up (throws) after `limitMs`, so that no test hangs. */
async function until<T>(condition: () => T | undefined | false, what: string, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const alive = (p: Proc): boolean => p.child.exitCode === null && p.child.signalCode === null;
const exited = (p: Proc): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  alive(p) ? new Promise((resolve) => p.child.once("exit", (code, signal) => resolve({ code, signal }))) : Promise.resolve({ code: p.child.exitCode, signal: p.child.signalCode });

/** Starts one app process on the queue `name`; resolves once it serves webhooks. */
async function startProcess(standinUrl: string, name: string, workLog: string, pending: () => Promise<number>, env: Record<string, string> = {}): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [BUNDLE], {
    env: { ...process.env, STANDIN_URL: standinUrl, REDIS_URL: url, QUEUE_NAME: name, NOW: START, WORK_LOG: workLog, PORT: String(port), PRIVATE_KEY, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the app process exited (${code}) before it was ready`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const proc: Proc = {
    child,
    harness: {
      url: base,
      queue: new EvaluationQueue(),
      send: (event, payload, opts) => sendWebhook(base, event, payload, opts),
      // Settled when the shared queue has nothing waiting, parked or running.
      settle: async () => {
        while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      },
      sweep: () => Promise.reject(new Error("not used")),
      stop: async () => {
        if (!alive(proc)) return;
        const done = exited(proc);
        child.kill("SIGTERM");
        // A process that does not stop when asked is killed (it exits by itself once its lock lapses).
        const stuck = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await done;
        clearTimeout(stuck);
      },
    },
  };
  return proc;
}

/**
 * The burst: PRs opened, approved, commented on, relabelled, pushed to, a governed file pushed to
 * the default branch (a record of its own); then four of them queued
 * in GitHub's merge queue (each a merge group whose checks are asked for). `fault` runs once:
 * among the PRs' events, or between the groups'.
 */
async function burst(world: World, fault: () => Promise<void>, at: "signals" | "groups"): Promise<void> {
  const numbers: number[] = [];
  for (let i = 0; i < 8; i++) {
    const author = ["alice", "carol", "newcomer", "bob"][i % 4]!;
    numbers.push(await world.openPull({ author, title: `Amendment ${i}`, files: { "CHARTER.md": `# Charter ${i}\n` } }));
  }
  for (const [i, n] of numbers.entries()) {
    // A direct push of a governed file: its record is work like any other.
    if (i === 3) await world.pushDefault({ "charter/annex.md": "# Annex, pushed directly\n" }, { pusher: "bob" });
    if (at === "signals" && i === 4) await fault();
    await world.approve(n, "bob");
    await world.approve(n, "carol");
    await world.comment(n, "dan", i % 2 ? "/governance abstain" : "Looks good to me");
    if (i % 3 === 0) await world.label(n, ["consultation"]);
    if (i % 4 === 1) await world.push(n, { "CHARTER.md": `# Charter ${i}, amended\n` });
    await world.approve(n, "dan");
  }
  for (const [i, n] of numbers.slice(0, 4).entries()) {
    if (at === "groups" && i === 2) await fault();
    await world.enqueue(n);
  }
}

/**
 * Every open PR's two checks, and every queued group's, as text that two runs of the burst share.
 * The memo of seen commands names comments by their ids, which the stand-in numbers from one
 * counter with the check runs and the app's own comments (so as many as were written before):
 * each is named here by its place among the people's comments instead, the same in both runs.
 */
function finalChecks(world: World): Record<string, unknown> {
  const people = [...world.standin.comments.values()].filter((c: { userType: string }) => c.userType !== "Bot");
  const place = new Map(people.map((c: { id: number }, i) => [c.id, i]));
  const stable = (text: string | null | undefined) =>
    text?.replace(/\[(\d+),"/g, (found: string, id: string) => (place.has(Number(id)) ? `["comment ${place.get(Number(id))}","` : found));
  const view = (c: { conclusion: unknown; title?: string | null; summary?: string | null; text?: string | null } | undefined) =>
    c && { conclusion: c.conclusion, title: c.title, summary: stable(c.summary), text: stable(c.text) };
  const out: Record<string, unknown> = {};
  for (const item of world.repo.items.values()) {
    if (item.kind !== "pull" || item.state !== "open") continue;
    out[`#${item.number}`] = [world.declaration(item.number), world.signoff(item.number)].map(view);
  }
  for (const entry of world.standin.queueOf(world.repo) as QueueEntry[]) {
    const { declaration, signoff } = world.groupChecks(entry);
    out[`group of #${entry.number}`] = [declaration, signoff].map(view);
  }
  out.records = world.records().map((r) => ({ pr: r.pr, outcome: r.record?.outcome, pusher: r.record?.pusher }));
  return out;
}

/** The fault-free run of the burst: one in-process app, the in-memory queue. */
async function reference(): Promise<Record<string, unknown>> {
  const world = await World.create({ start: START });
  try {
    await burst(world, async () => undefined, "signals");
    await world.settle();
    expect(world.standin.violations).toEqual([]);
    const checks = finalChecks(world);
    expect(checks.records).toEqual([{ pr: null, outcome: "pushed", pusher: "bob" }]);
    return checks;
  } finally {
    await world.stop();
  }
}

/** Two app processes on a queue of their own on the test's Redis. */
async function onRedis<T>(env: Record<string, string>, body: (ctx: { world: World; procs: Proc[]; workLog: string; queue: Queue; restart: (standinUrl: string) => Promise<Proc> }) => Promise<T>): Promise<T> {
  const name = `e2e-${randomUUID()}`;
  const workLog = join(dir, `${name}.jsonl`);
  const redis = new Redis(url!, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection: redis });
  const pending = async () => Object.values(await queue.getJobCounts("wait", "active", "delayed", "prioritized", "waiting-children")).reduce((a, b) => a + b, 0);
  const procs: Proc[] = [];
  const restart = async (standinUrl: string) => {
    const proc = await startProcess(standinUrl, name, workLog, pending, env);
    procs.push(proc);
    return proc;
  };
  const world = await World.create({
    start: START,
    // Each answer takes a little while, so that a fault finds work under way.
    standin: { latencyMs: 15 },
    startApps: async (standin) => {
      for (let i = 0; i < 2; i++) await restart(standin.baseUrl);
      return procs.map((p) => p.harness);
    },
  });
  try {
    return await body({ world, procs, workLog, queue, restart });
  } finally {
    for (const p of procs) await p.harness.stop().catch(() => undefined);
    await world.standin.stop();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
  }
}

/**
 * Runs the burst on two processes; at the fault, waits for a process to be running a job whose
 * key starts with `running`, sends it `signal`, and starts a new process in its place (GitHub's
 * next deliveries go to the other one meanwhile). Then checks what holds whatever the fault: the
 * final checks equal the fault-free run's, no two jobs of the installation ran at once on any
 * processes, and the installation's writes never overlapped in flight.
 */
async function faultedBurst(expected: Record<string, unknown>, signal: "SIGKILL" | "SIGTERM", running: string, at: "signals" | "groups") {
  return onRedis({}, async ({ world, procs, workLog, restart }) => {
    let stopped: { pid: number; key: string; at: number; exit: { code: number | null; signal: NodeJS.Signals | null } } | undefined;
    await burst(
      world,
      async () => {
        const [victim, job] = await until(() => {
          const open = openJobs(readWork(workLog));
          for (const p of procs) {
            const line = alive(p) ? open.get(p.child.pid!) : undefined;
            if (line?.key.startsWith(running)) return [p, line] as const;
          }
          return undefined;
        }, `a process running a job "${running}…"`);
        const slot = world.apps.indexOf(victim.harness);
        world.apps[slot] = procs.find((p) => p !== victim && alive(p))!.harness;
        const at = Date.now();
        const exit = exited(victim);
        victim.child.kill(signal);
        // A process that has not exited by itself in 20 s is killed (and the test fails on it).
        const stuck = setTimeout(() => victim.child.kill("SIGKILL"), 20_000);
        stopped = { pid: victim.child.pid!, key: job.key, at, exit: await exit };
        clearTimeout(stuck);
        world.apps[slot] = (await restart(world.standin.baseUrl)).harness;
      },
      at,
    );
    await world.settle();

    expect(finalChecks(world)).toEqual(expected);
    expect(world.standin.violations).toEqual([]);

    // No two jobs of the installation ran at once, on any process; a killed process's job counts
    // as running until it was killed.
    const lines = readWork(workLog).filter((l) => l.installation === INSTALLATION);
    const runs: Array<{ start: number; end: number; key: string }> = [];
    const open = new Map<number, { start: number; key: string }>();
    for (const line of lines) {
      if (line.phase === "start") {
        expect(open.has(line.pid), `process ${line.pid} started ${line.key} while running another`).toBe(false);
        open.set(line.pid, { start: line.t, key: line.key });
      } else {
        const run = open.get(line.pid);
        if (run) runs.push({ ...run, end: line.t });
        open.delete(line.pid);
      }
    }
    const unended = [...open].map(([pid, run]) => ({ pid, key: run.key }));
    for (const [, run] of open) runs.push({ ...run, end: stopped!.at });
    runs.sort((a, b) => a.start - b.start);
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]!.start, `${runs[i]!.key} started while ${runs[i - 1]!.key} ran`).toBeGreaterThanOrEqual(runs[i - 1]!.end);
    }
    expect(runs.length).toBeGreaterThan(8);
    // The direct push's record was stored work, run by whichever process took it, like the rest.
    expect(lines.filter((l) => l.key.startsWith("record push ") && l.phase === "end")).toHaveLength(1);

    // The installation's writes, in the order the stand-in received them, never overlapped.
    const writes = world.standin.requests.filter((r) => r.installation === INSTALLATION && r.method !== "GET" && !(r.method === "POST" && r.path === "/graphql"));
    expect(writes.length).toBeGreaterThan(0);
    for (let i = 1; i < writes.length; i++) {
      expect(writes[i]!.receivedAt).toBeGreaterThanOrEqual(writes[i - 1]!.receivedAt + writes[i - 1]!.ms);
    }
    return { stopped: stopped!, unended, lines };
  });
}

describe.skipIf(!url)("two app processes on one Redis", () => {
  let expected: Record<string, unknown> = {};
  beforeAll(async () => {
    if (url) expected = await reference();
  }, 120_000);

  it("lose nothing when one is killed mid-burst: the checks equal a fault-free run's, no job overlaps another, writes never overlap", { timeout: 240_000 }, async () => {
    const { stopped, unended } = await faultedBurst(expected, "SIGKILL", "", "signals");
    expect(stopped.exit).toEqual({ code: null, signal: "SIGKILL" });
    // Only the killed process left a job unended: the one it was running, taken over by another.
    expect(unended).toEqual([{ pid: stopped.pid, key: stopped.key }]);
  });

  it("lose no merge group's work when the process judging it is killed: the group's checks equal a fault-free run's", { timeout: 240_000 }, async () => {
    const { stopped, unended, lines } = await faultedBurst(expected, "SIGKILL", "group:", "groups");
    expect(stopped.key).toMatch(/^group:/);
    expect(unended).toEqual([{ pid: stopped.pid, key: stopped.key }]);
    // The group cut short was judged again to the end, by a process still alive.
    expect(lines.some((l) => l.key === stopped.key && l.phase === "end" && l.pid !== stopped.pid)).toBe(true);
  });

  it("on SIGTERM mid-burst (a deploy), a process ends the job it runs, exits 0 by itself, and the rest is run by the others", { timeout: 240_000 }, async () => {
    const { stopped, unended, lines } = await faultedBurst(expected, "SIGTERM", "", "signals");
    expect(stopped.exit).toEqual({ code: 0, signal: null });
    // Nothing left unended by anyone: the stopped process finished its job before it exited.
    expect(unended).toEqual([]);
    expect(lines.some((l) => l.key === stopped.key && l.phase === "end" && l.pid === stopped.pid)).toBe(true);
    // The others went on with the rest.
    expect(lines.filter((l) => l.pid !== stopped.pid && l.phase === "start" && l.t > stopped.at).length).toBeGreaterThan(0);
  });

  it("run the scheduled sweep once a period between them: one job scheduler, each tick's sweep run by one process", { timeout: 240_000 }, async () => {
    await onRedis({ SCHEDULE: "* * * * * *" }, async ({ procs, workLog, queue }) => {
      const sweeps = () => readWork(workLog).filter((l) => l.key === "sweep");
      await until(() => sweeps().filter((l) => l.phase === "end").length >= 5, "five sweeps");
      for (const p of procs) await p.harness.stop();
      expect(await queue.getJobSchedulers()).toHaveLength(1);
      const started = sweeps().filter((l) => l.phase === "start");
      // Each sweep is the job of one tick ("repeat:sweep:<ms>", on a whole second), and no tick's
      // job ran twice, on one process or on two.
      const ticks = started.map((l) => Number(/^repeat:sweep:(\d+)$/.exec(l.job)?.[1]));
      expect(ticks.every((t) => Number.isInteger(t) && t % 1000 === 0)).toBe(true);
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks.length).toBeGreaterThanOrEqual(5);
    });
  });
});

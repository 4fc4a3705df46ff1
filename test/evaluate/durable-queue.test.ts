// The durable queue against a real Redis (GOVERNANCE_TEST_REDIS_URL, which `.ci/run` starts):
// coalescing per key, one job at a time per installation across two queues ("replicas") on one
// Redis, and no installation starving another. (Surviving a SIGKILL: test/e2e/durable.test.ts.)
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { DurableQueue } from "../../src/evaluate/durable-queue.js";
import type { Work } from "../../src/evaluate/work.js";

const url = process.env.GOVERNANCE_TEST_REDIS_URL;

const silent = { warn: () => undefined, error: () => undefined };
const target = (n: number): Work => ({ kind: "evaluate", target: { owner: "o", repo: "r", pull_number: n } });
const numberOf = (work: Work): number => (work.kind === "evaluate" ? work.target.pull_number : -1);

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

const queues: DurableQueue[] = [];
afterEach(async () => {
  for (const q of queues.splice(0)) await q.close();
});

async function start(name: string, perform: (installationId: number, work: Work) => Promise<void>): Promise<DurableQueue> {
  const q = await DurableQueue.start({ url: url!, name, perform, log: silent, lockMs: 2000, concurrency: 4 });
  queues.push(q);
  return q;
}

describe.skipIf(!url)("the durable queue on Redis", () => {
  it("runs a key once more, exactly once, for any number of events while it runs", async () => {
    const name = `test-${randomUUID()}`;
    const runs: number[] = [];
    const first = gate();
    const started = gate();
    const q = await start(name, async (_i, work) => {
      runs.push(numberOf(work));
      if (runs.length === 1) {
        started.open();
        await first.opened;
      }
    });
    await q.add(1, "o/r#1", target(1));
    await started.opened;
    for (let i = 0; i < 20; i++) await q.add(1, "o/r#1", target(1));
    first.open();
    await until(async () => (await q.pending()) === 0 && runs.length >= 2);
    expect(runs).toEqual([1, 1]);
  });

  it("coalesces events for a key that waits into one run", async () => {
    const name = `test-${randomUUID()}`;
    const runs: number[] = [];
    const blocker = gate();
    const blocked = gate();
    const q = await start(name, async (_i, work) => {
      runs.push(numberOf(work));
      if (numberOf(work) === 0) {
        blocked.open();
        await blocker.opened;
      }
    });
    // PR 0 holds the installation; PR 5's events wait behind it and become one run.
    await q.add(1, "o/r#0", target(0));
    await blocked.opened;
    for (let i = 0; i < 10; i++) await q.add(1, "o/r#5", target(5));
    blocker.open();
    await until(async () => (await q.pending()) === 0 && runs.length >= 2);
    expect(runs).toEqual([0, 5]);
  });

  it("runs an installation's work one at a time across two replicas, and other installations meanwhile", async () => {
    const name = `test-${randomUUID()}`;
    const running = new Map<number, number>();
    let overlap = 0;
    const done: string[] = [];
    const hold = gate();
    const perform = async (installationId: number, work: Work) => {
      const now = (running.get(installationId) ?? 0) + 1;
      running.set(installationId, now);
      if (now > 1) overlap++;
      if (installationId === 1 && numberOf(work) === 0) await hold.opened;
      else await new Promise((resolve) => setTimeout(resolve, 5));
      running.set(installationId, (running.get(installationId) ?? 1) - 1);
      done.push(`${installationId}#${numberOf(work)}`);
    };
    const a = await start(name, perform);
    const b = await start(name, perform);
    await a.add(1, "o/r#0", target(0));
    await until(() => (running.get(1) ?? 0) === 1);
    for (let n = 1; n <= 6; n++) await (n % 2 ? a : b).add(1, `o/r#${n}`, target(n));
    for (let n = 1; n <= 3; n++) await b.add(2, `p/r#${n}`, target(n));
    // Installation 2 is not kept waiting by installation 1's held-up job.
    await until(() => done.filter((d) => d.startsWith("2#")).length === 3);
    expect(done.filter((d) => d.startsWith("1#"))).toEqual([]);
    hold.open();
    await until(async () => (await a.pending()) === 0 && done.length === 10);
    expect(overlap).toBe(0);
    expect(done.filter((d) => d.startsWith("1#")).sort()).toEqual(["1#0", "1#1", "1#2", "1#3", "1#4", "1#5", "1#6"]);
  });
});

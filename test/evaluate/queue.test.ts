import { describe, expect, it } from "vitest";
import { EvaluationQueue } from "../../src/evaluate/queue.js";

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued microtask and promise callback run (no timers, no sleeping). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const silent = { error: () => {} };

describe("EvaluationQueue", () => {
  it("keeps nothing per event for a key that is held up: push makes no promise, awaiting callers share one", async () => {
    const q = new EvaluationQueue({ concurrency: 1, log: silent });
    const gate = deferred();
    const ran: string[] = [];
    q.push(1, "o/r#1", async () => {
      ran.push("first");
      await gate.promise;
    });
    await settle();
    // Every further event while it runs: one entry to run after it, whatever the number.
    for (let i = 0; i < 1000; i++) expect(q.push(1, "o/r#1", async () => void ran.push(`again-${i}`))).toBeUndefined();
    const a = q.enqueue(1, "o/r#1", async () => void ran.push("awaited-a"));
    const b = q.enqueue(1, "o/r#1", async () => void ran.push("awaited-b"));
    expect(a).toBe(b);
    expect(q.size).toBe(1);
    gate.resolve();
    await a;
    await q.onIdle();
    expect(ran).toEqual(["first", "awaited-b"]);
  });

  it("runs a key that is waiting once, with the latest task", async () => {
    const q = new EvaluationQueue({ concurrency: 1, log: silent });
    const gate = deferred();
    const ran: string[] = [];
    q.enqueue(1, "blocker", async () => {
      ran.push("blocker");
      await gate.promise;
    });
    for (const n of [1, 2, 3]) q.enqueue(1, "o/r#5", async () => void ran.push(`pr5-${n}`));
    expect(q.size).toBe(2);
    gate.resolve();
    await q.onIdle();
    expect(ran).toEqual(["blocker", "pr5-3"]);
  });

  it("re-runs a running key once after it finishes, never two at once", async () => {
    const q = new EvaluationQueue({ concurrency: 4, log: silent });
    const gates = [deferred(), deferred()];
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const task = async () => {
      const gate = gates[runs++];
      running++;
      maxRunning = Math.max(maxRunning, running);
      await gate?.promise;
      running--;
    };
    q.enqueue(1, "o/r#1", task);
    await settle();
    expect(runs).toBe(1);
    q.enqueue(1, "o/r#1", task);
    q.enqueue(1, "o/r#1", task);
    q.enqueue(1, "o/r#1", task);
    await settle();
    expect(runs).toBe(1);
    gates[0]?.resolve();
    await settle();
    expect(runs).toBe(2);
    gates[1]?.resolve();
    await q.onIdle();
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it("keeps installations independent: one's slow work never delays another's", async () => {
    const q = new EvaluationQueue({ concurrency: 1, log: silent });
    const slow = deferred();
    const done: string[] = [];
    q.enqueue(1, "a/r#1", async () => {
      await slow.promise;
      done.push("inst1");
    });
    q.enqueue(1, "a/r#2", async () => void done.push("inst1-second"));
    const other = q.enqueue(2, "b/r#1", async () => void done.push("inst2"));
    await other;
    expect(done).toEqual(["inst2"]);
    slow.resolve();
    await q.onIdle();
    expect(done).toEqual(["inst2", "inst1", "inst1-second"]);
  });

  it.each([1, 2, 3])("runs at most %i evaluations of one installation at once", async (concurrency) => {
    const q = new EvaluationQueue({ concurrency, log: silent });
    const gate = deferred();
    let running = 0;
    let maxRunning = 0;
    for (let i = 0; i < 6; i++) {
      q.enqueue(7, `o/r#${i}`, async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await gate.promise;
        running--;
      });
    }
    await settle();
    expect(running).toBe(concurrency);
    gate.resolve();
    await q.onIdle();
    expect(maxRunning).toBe(concurrency);
  });

  it("logs a failed task and carries on, with no unhandled rejection", async () => {
    const errors: unknown[] = [];
    const q = new EvaluationQueue({ log: { error: (obj) => void errors.push(obj) } });
    const results: string[] = [];
    const failed = q.enqueue(1, "o/r#1", async () => {
      throw new Error("boom");
    });
    q.enqueue(1, "o/r#2", async () => void results.push("ok"));
    await expect(failed).resolves.toBeUndefined();
    await q.onIdle();
    expect(results).toEqual(["ok"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ installation: "1", key: "o/r#1" });
  });

  it("resolves an enqueue only after a run that started after it", async () => {
    const q = new EvaluationQueue({ log: silent });
    const gate = deferred();
    const seen: number[] = [];
    let state = 0;
    q.enqueue(1, "k", async () => {
      await gate.promise;
      seen.push(state);
    });
    await settle();
    state = 1;
    const later = q.enqueue(1, "k", async () => void seen.push(state));
    gate.resolve();
    await later;
    expect(seen).toEqual([1, 1]);
  });

  it("runNow: runs inline, the caller awaits it, and errors reach the caller", async () => {
    const q = new EvaluationQueue({ runNow: true, log: silent });
    const ran: number[] = [];
    await q.enqueue(1, "k", async () => void ran.push(1));
    expect(ran).toEqual([1]);
    await expect(q.enqueue(1, "k", async () => Promise.reject(new Error("fails")))).rejects.toThrow("fails");
    expect(q.size).toBe(0);
  });

  it("onIdle resolves at once when empty", async () => {
    await expect(new EvaluationQueue().onIdle()).resolves.toBeUndefined();
  });
});

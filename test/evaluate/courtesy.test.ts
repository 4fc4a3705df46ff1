// Courtesy writes (the reaction to `/governance check`) are bounded per PR and per person and go
// after the checks: a flood of commands cannot delay another PR's check. No clock: the app's
// clock is a value the test moves, and "after the checks" is observed by recording the order in
// which the writes and the evaluations run.
import { describe, expect, it } from "vitest";
import { CourtesyWrites } from "../../src/evaluate/courtesy.js";
import { EvaluationQueue } from "../../src/evaluate/queue.js";

const INSTALLATION = 7;

function setup(options: Partial<ConstructorParameters<typeof CourtesyWrites>[0]> = {}) {
  let now = new Date("2026-11-22T08:00:00Z");
  const queue = new EvaluationQueue({ log: { error: () => {} } });
  const order: string[] = [];
  const courtesy = new CourtesyWrites({ now: () => now, whenIdle: (id) => queue.whenIdle(id), ...options });
  const react = (what: string) => () => {
    order.push(what);
    return Promise.resolve();
  };
  return { queue, courtesy, order, react, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

/** An evaluation that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("courtesy writes", () => {
  it("40 /governance check from three people on one PR: a few reactions, all after the pending check of another PR", async () => {
    const { queue, courtesy, order, react } = setup();
    const other = gate();
    // A real approval on another PR is being evaluated when the flood comes.
    void queue.enqueue(INSTALLATION, "org/charter#2", async () => {
      await other.opened;
      order.push("check of #2");
    });
    const offers: Array<Promise<boolean>> = [];
    for (let i = 0; i < 40; i++) offers.push(courtesy.offer(INSTALLATION, { pr: "org/charter#1", person: ["troll1", "troll2", "troll3"][i % 3]! }, react(`reaction ${i}`)));
    const accepted = (await Promise.all(offers)).filter(Boolean).length;
    // Bounded: at most 5 for the PR (3 per person), whatever the flood.
    expect(accepted).toBe(5);
    expect(courtesy.dropped).toBe(35);
    await Promise.resolve();
    expect(order).toEqual([]); // nothing goes before the check
    other.open();
    await queue.onIdle();
    await courtesy.onIdle();
    expect(order).toEqual(["check of #2", "reaction 0", "reaction 1", "reaction 2", "reaction 3", "reaction 4"]);
  });

  it("a check queued while the reactions wait still goes first", async () => {
    const { queue, courtesy, order, react } = setup();
    const first = gate();
    void queue.enqueue(INSTALLATION, "org/charter#1", async () => {
      await first.opened;
      order.push("check of #1");
    });
    await courtesy.offer(INSTALLATION, { pr: "org/charter#1", person: "bob" }, react("reaction"));
    void queue.enqueue(INSTALLATION, "org/charter#3", async () => {
      order.push("check of #3");
    });
    first.open();
    await queue.onIdle();
    await courtesy.onIdle();
    expect(order).toHaveLength(3);
    expect(order[2]).toBe("reaction");
  });

  it("review requests: one write for several people, each person and the PR bounded as one write each", async () => {
    const { queue, courtesy, order } = setup({ perPerson: 2, perPr: 3 });
    const check = gate();
    void queue.enqueue(INSTALLATION, "org/charter#1", async () => {
      await check.opened;
      order.push("check of #1");
    });
    const ask = (pr: string, people: string[]) =>
      courtesy.offerEach(INSTALLATION, people.map((person) => ({ pr, person })), async (granted) => {
        order.push(`${pr} asks ${granted.map((t) => t.person).join(" ")}`);
      });
    // Four voters missing on #1: the PR's window takes three.
    expect((await ask("org/charter#1", ["bea", "cleo", "cora", "dan"])).map((t) => t.person)).toEqual(["bea", "cleo", "cora"]);
    // bea has had one request in the window, cleo one: another PR may ask them once more...
    expect((await ask("org/charter#2", ["bea", "cleo"])).map((t) => t.person)).toEqual(["bea", "cleo"]);
    // ...and no more: each person's window is full, so this write is not even queued.
    expect(await ask("org/charter#3", ["BEA", "cleo"])).toEqual([]);
    expect(courtesy.dropped).toBe(3);
    await Promise.resolve();
    expect(order).toEqual([]);
    check.open();
    await queue.onIdle();
    await courtesy.onIdle();
    expect(order).toEqual(["check of #1", "org/charter#1 asks bea cleo cora", "org/charter#2 asks bea cleo"]);
  });

  it("bounds each person across PRs, and each PR across people, within the window; later, again", async () => {
    const { courtesy, react, advance } = setup({ perPerson: 1, perPr: 2, windowMs: 600_000 });
    const offer = (pr: string, person: string) => courtesy.offer(INSTALLATION, { pr, person }, react(`${pr} ${person}`));
    expect(await offer("org/charter#1", "troll")).toBe(true);
    expect(await offer("org/charter#2", "TROLL")).toBe(false); // the same person, another PR
    expect(await offer("org/charter#1", "bob")).toBe(true);
    expect(await offer("org/charter#1", "carol")).toBe(false); // the PR has had its two
    advance(600_001);
    expect(await offer("org/charter#1", "troll")).toBe(true);
  });

  it("waits for at most maxPending per installation; other installations have their own", async () => {
    const { queue, courtesy, react } = setup({ maxPending: 2, perPr: 100, perPerson: 100 });
    const busy = gate();
    void queue.enqueue(INSTALLATION, "org/charter#9", () => busy.opened);
    const offer = (installation: number, i: number) => courtesy.offer(installation, { pr: `org/charter#${i}`, person: `p${i}` }, react(String(i)));
    expect(await Promise.all([1, 2, 3].map((i) => offer(INSTALLATION, i)))).toEqual([true, true, false]);
    expect(await offer(INSTALLATION + 1, 4)).toBe(true);
    busy.open();
    await queue.onIdle();
    await courtesy.onIdle();
  });

  it("inline (the Action), runs at once after the evaluation, bounded all the same; a failed write is only logged", async () => {
    const warnings: unknown[] = [];
    const courtesy = new CourtesyWrites({ now: () => new Date(0), perPerson: 1, log: { warn: (o) => void warnings.push(o) } });
    let ran = 0;
    expect(await courtesy.offer(1, { pr: "o/r#1", person: "bob" }, async () => void ran++)).toBe(true);
    expect(ran).toBe(1);
    expect(await courtesy.offer(1, { pr: "o/r#1", person: "bob" }, async () => void ran++)).toBe(false);
    expect(await courtesy.offer(1, { pr: "o/r#1", person: "eve" }, () => Promise.reject(new Error("502")))).toBe(true);
    expect(warnings).toHaveLength(1);
  });
});

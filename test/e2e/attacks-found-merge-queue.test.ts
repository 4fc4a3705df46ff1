// Attacks found on the merge queue (red team, attack1): each test asserts what SPEC.md demands and
// fails on the code it was written against because the attack works.
import { describe, expect, it } from "vitest";
import { HOUR } from "./harness.js";
import type { QueueEntry } from "./standin/standin.js";
import { POLICY_PATH, worldPerTest, type World } from "./world.js";

const createWorld = worldPerTest();

async function approveAll(w: World, pr: number, voters: string[]): Promise<void> {
  w.clock.advance(HOUR);
  for (const voter of voters) await w.approve(pr, voter);
  await w.settle();
}

describe("promise 2: every merge through a merge queue is recorded, judged by the rules in force on the default branch before it", () => {
  it("a signed-off rules change queued just ahead of a charter amendment: the amendment landing in the same group is recorded, judged by the rules before the merge", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    // #rules narrows what a charter amendment is (charter/** no longer governed). It is a
    // governance decision and gets its sign-off (two sectors).
    const policy = w.standin.readFile(w.repo, POLICY_PATH)!.replace('paths: ["CHARTER.md", "charter/**"]', 'paths: ["CHARTER.md"]');
    expect(policy).not.toBe(w.standin.readFile(w.repo, POLICY_PATH));
    const rules = await w.openPull({ author: "alice", title: "Narrow the charter's paths", files: { [POLICY_PATH]: policy } });
    await approveAll(w, rules, ["bob", "carol"]);
    expect(w.signoff(rules)?.conclusion).toBe("success");
    // #amend is a charter amendment under the rules in force: signed off by three sectors.
    const amend = await w.openPull({ author: "alice", title: "Amend article 7", files: { "charter/article-7.md": "# Article 7, amended\n" } });
    await approveAll(w, amend, ["bob", "carol", "dan"]);
    expect(w.signoff(amend)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });

    // The writer queues the amendment right behind the rules change: one group lands both.
    const entries: QueueEntry[] = [await w.enqueue(rules), await w.enqueue(amend)];
    await w.settle();
    expect(w.groupChecks(entries[1]!).signoff?.conclusion).toBe("success");
    expect((await w.landQueue(amend)).map((e) => e.number)).toEqual([rules, amend]);
    await w.settle();

    // Just before the merge, the default branch's rules made #amend a charter amendment: it is
    // on the record, adopted and signed off, like #rules.
    const records = w.records();
    expect(records.find((r) => r.record?.pr === rules)?.record).toMatchObject({ outcome: "adopted", signed_off: true });
    expect(records.find((r) => r.record?.pr === amend)?.record, "the amendment landed through the queue off the record").toMatchObject({
      outcome: "adopted",
      signed_off: true,
      kinds: ["charter"],
      merge_commit: entries[1]!.headSha,
    });
  });

  it("a registry change queued just ahead of a decision: the decision's record counts the approvals the default branch's registry counted", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    // #registry moves carol from business to government (a signed-off governance decision).
    const registry = w.standin.readFile(w.repo, "STAKEHOLDERS.yml")!.replace("    sector: business\n    organisation: Chamber of Commerce", "    sector: government\n    organisation: Chamber of Commerce");
    expect(registry).not.toBe(w.standin.readFile(w.repo, "STAKEHOLDERS.yml"));
    const moved = await w.openPull({ author: "alice", title: "carol moves to government", files: { "STAKEHOLDERS.yml": registry } });
    await approveAll(w, moved, ["bob", "carol"]);
    expect(w.signoff(moved)?.conclusion).toBe("success");
    const amend = await w.openPull({ author: "alice", title: "Amend article 8", files: { "charter/article-8.md": "# Article 8, amended\n" } });
    await approveAll(w, amend, ["bob", "carol", "dan"]);
    expect(w.signoff(amend)?.conclusion).toBe("success");

    const entries: QueueEntry[] = [await w.enqueue(moved), await w.enqueue(amend)];
    await w.settle();
    expect(w.groupChecks(entries[1]!).signoff?.conclusion).toBe("success");
    await w.landQueue(amend);
    await w.settle();

    // The amendment was signed off under the registry in force (carol: business); the record must
    // not call it an override judged by a registry that was never the default branch's head.
    expect(w.records().find((r) => r.record?.pr === amend)?.record).toMatchObject({
      outcome: "adopted",
      signed_off: true,
      approvals: { business: ["carol"], "civil-society": ["dan"], government: ["bob"] },
    });
  });
});

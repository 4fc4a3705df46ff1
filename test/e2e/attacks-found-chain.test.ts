// Attacks on the chain found by the red team (attack3: 6c1a5ee, f11c916), with their variants.
// Each test asserts what SPEC.md demands and fails on the code it was written against because the
// attack works.
import { describe, expect, it } from "vitest";
import { DAY, HOUR } from "./harness.js";
import { expectedHash } from "../../src/core/record.js";
import { renderRecordComment } from "../../src/render/record.js";
import { CHECK_ANCHOR } from "../../src/constants.js";
import { pushPayload } from "../helpers/payloads.js";
import { INSTALLATION, OWNER, POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, REPO, worldPerTest } from "./world.js";

const createWorld = worldPerTest();

describe("promise 2: a close is recorded, however many records are anchored on one commit", () => {
  // alice's charter amendment is withdrawn and reopened 21 times without a new commit (its author
  // may close and reopen her own PR): 21 records, each anchored on the same head commit. Anyone
  // then reacts to the last record comment (GitHub moves its `updated_at`). An administrator
  // merges another charter amendment without sign-off: the override must be on the record.
  it("21 records anchored on one commit and a reaction on the last: the next close is still recorded", async () => {
    const w = await createWorld({ start: "2026-11-02T10:00:00Z" });
    const churn = await w.openPull({ author: "alice", title: "Amend article 2", files: { "CHARTER.md": "# Charter\n\nArticle 2.\n" } });
    await w.settle();
    for (let i = 0; i < 21; i++) {
      w.clock.advance(HOUR);
      await w.close(churn);
      await w.settle();
      w.clock.advance(HOUR);
      await w.reopen(churn);
      await w.settle();
    }
    const head = w.headSha(churn);
    expect(w.records()).toHaveLength(21);
    expect(w.repo.checkRuns.filter((r) => r.headSha === head && r.name === CHECK_ANCHOR && r.appId === w.standin.appId)).toHaveLength(21);

    // A stranger reacts to the last record (a reaction is no edit).
    const last = w.recordComments().at(-1)!;
    w.clock.advance(HOUR);
    w.standin.react(last.id, "stranger", "+1", w.clock.now());

    // An administrator's override: a charter amendment merged with no approval at all.
    w.clock.advance(HOUR);
    const override = await w.openPull({ author: "alice", title: "Rewrite the charter", files: { "CHARTER.md": "# One sector's charter\n" } });
    await w.settle();
    w.clock.advance(HOUR);
    await w.merge(override);
    await w.settle();
    await w.app.sweep();
    await w.settle();

    expect(
      w.records().map((r) => r.record).filter((r) => r?.pr === override),
      "the merge without sign-off is on no record: the app cannot continue the chain",
    ).toEqual([expect.objectContaining({ pr: override, outcome: "adopted", signed_off: false })]);
    // verify reads every page of the anchors on that commit: record 21's is on the second.
    expect(await w.verify()).toMatchObject({ ok: true, count: 22, problems: [] });
  }, 120_000);
});

describe("promise 3: the chain is never started again, and verify sees every record", () => {
  // Two charter amendments adopted in September: records 1 and 2 on the log "Transparency log:
  // 2026-09". The partnership stays busy on other things (in the rest of September, 50 commits on
  // the default branch and 50 PRs that are no decision). In November mallory (a writer: GitHub lets triage label any issue)
  // takes the `transparency` label off the September log, and an administrator rewrites record 1
  // there (recomputing its hash). Then a charter amendment is adopted in November.
  it("a writer takes the transparency label off an old log, an administrator rewrites a record in it: verify still names the rewrite", async () => {
    const w = await createWorld({ start: "2026-09-10T10:00:00Z" });
    for (const title of ["Article 1", "Article 2"]) {
      const pr = await w.openPull({ author: "alice", title, files: { "CHARTER.md": `# ${title}\n` } });
      for (const who of ["bob", "carol", "dan"]) await w.approve(pr, who);
      await w.settle();
      await w.merge(pr);
      await w.settle();
      w.clock.advance(HOUR);
    }
    const [first] = w.recordComments();
    expect(w.records().map((r) => r.record?.seq)).toEqual([1, 2]);
    const september = w.logIssues()[0]!;

    // The rest of September: other work, none of it a decision (nothing to record).
    w.clock.set("2026-09-20T10:00:00Z");
    for (let i = 0; i < 50; i++) {
      w.clock.advance(HOUR);
      w.standin.commit(w.repo, "main", { "README.md": `# Partnership, edit ${i}\n` }, { at: w.clock.now(), author: "secretariat" });
      const notes = w.standin.openPull(w.repo, { author: "bob", title: `Notes ${i}`, files: { [`notes/${i}.md`]: "notes\n" }, at: w.clock.now() });
      w.standin.close(w.repo, notes.number, w.clock.now());
    }

    // November: the label goes, and record 1 is rewritten (signed off by nobody, hash recomputed).
    w.clock.set("2026-11-03T10:00:00Z");
    w.standin.setLabels(w.repo, september.number, [], "mallory", w.clock.now());
    const { hash: _h, ...rest } = { ...first!.record, approvals: {}, signed_off: false };
    const forged = { ...rest, hash: expectedHash(rest) };
    w.standin.editComment(first!.id, renderRecordComment(forged as never, { lang: "en" }), w.clock.now(), "secretariat");

    w.clock.advance(DAY);
    const pr = await w.openPull({ author: "alice", title: "Article 3", files: { "CHARTER.md": "# Article 3\n" } });
    for (const who of ["bob", "carol", "dan"]) await w.approve(pr, who);
    await w.settle();
    await w.merge(pr);
    await w.settle();

    const verified = await w.verify();
    expect(
      verified,
      "the app started the chain again at seq 1 on a new log and verify finds nothing wrong: records 1 and 2 of September left the chain and one was rewritten",
    ).toMatchObject({ ok: false });
    // The September log is still the app's (found by its author, not its label): the chain goes on
    // at 3, and verify names the rewrite.
    expect(w.records().map((r) => r.record?.seq)).toEqual([1, 2, 3]);
    expect(verified.problems).toEqual(expect.arrayContaining([expect.objectContaining({ seq: 1, problem: "edited" })]));
  });

  // The variant: an administrator (only one may: GitHub lets no writer delete an issue) deletes
  // the whole September log, records 1 and 2 with it. Nothing visible is left of the chain: the
  // app must still not start it again, and verify names the records gone.
  it("an administrator deletes a whole old log issue: the chain goes on from its anchors, and verify names its records deleted", async () => {
    const w = await createWorld({ start: "2026-09-10T10:00:00Z" });
    const adopt = async (title: string) => {
      const pr = await w.openPull({ author: "alice", title, files: { "CHARTER.md": `# ${title}\n` } });
      for (const who of ["bob", "carol", "dan"]) await w.approve(pr, who);
      await w.settle();
      await w.merge(pr);
      await w.settle();
      return pr;
    };
    await adopt("Article 1");
    w.clock.advance(HOUR);
    await adopt("Article 2");
    const [september] = w.logIssues();
    const anchored = w.recordComments().map((c) => c.record);
    expect(anchored.map((r) => r.seq)).toEqual([1, 2]);

    // Other work on the default branch for the rest of September (more than a page of history).
    w.clock.set("2026-09-20T10:00:00Z");
    for (let i = 0; i < 60; i++) {
      w.clock.advance(HOUR);
      w.standin.commit(w.repo, "main", { "README.md": `# Partnership, edit ${i}\n` }, { at: w.clock.now(), author: "secretariat" });
    }

    w.clock.set("2026-11-03T10:00:00Z");
    expect(() => w.standin.deleteIssue(w.repo, september!.number, "mallory"), "a writer may not delete an issue").toThrow();
    w.standin.deleteIssue(w.repo, september!.number, "secretariat");
    expect(w.logIssues()).toEqual([]);

    w.clock.advance(DAY);
    await adopt("Article 3");

    // Record 3, chained to record 2 as its anchor says: never a second record 1.
    expect(w.records().map((r) => r.record)).toEqual([expect.objectContaining({ seq: 3, prev: anchored[1]!.hash })]);
    const verified = await w.verify();
    expect(verified).toMatchObject({ ok: false, count: 1 });
    expect(verified.problems.filter((p) => p.problem === "deleted").map((p) => p.seq)).toEqual([1, 2]);
  });
});

// Only the person who gave a signal withdraws it; a decision stays one; approvals under another
// base do not count (SPEC.md "How votes are read", "Files in a governed repository"). Pure: the
// facts as a writer left them in, the verdict out.
import { describe, expect, it } from "vitest";
import { decisionKindsOf } from "../../src/core/decisions.js";
import { baseAt, commandsToRemember, standingSignals } from "../../src/core/signals.js";
import { evaluateSignoff } from "../../src/core/signoff.js";
import type { PullRequestFacts, ReviewFact, SeenCommand } from "../../src/core/types.js";
import { approvedBy, comment, entry, kindWith, NOW, policyWith, prFacts, registryWith, review, signOff, time, user } from "../helpers/builders.js";

const registry = registryWith([
  entry("gov1", "government"),
  entry("biz1", "business"),
  entry("cs1", "civil-society"),
  entry("int1", "international"),
]);
// Two sectors with no cap, objections block, approvals do not go stale (the harder case).
const charter = kindWith({ id: "charter", labels: ["decision:charter"], rule: signOff({ sectors: 2 }), dismissStale: false });
const policy = policyWith({ decisions: [charter] });
const asCharter = (p: Partial<PullRequestFacts>) => prFacts({ labels: ["decision:charter"], ...p });
const verdict = (facts: PullRequestFacts) => evaluateSignoff({ policy, registry, facts, now: NOW });

const seen = (c: { id: number; user: { login: string; id: number | null }; createdAt: string }, verb: SeenCommand["verb"]): SeenCommand => ({
  commentId: c.id,
  login: c.user.login,
  userId: c.user.id,
  verb,
  createdAt: c.createdAt,
});

describe("a command the app saw stands, whatever happens to its comment", () => {
  // gov1 and biz1 approve; biz1 then recuses (a conflict of interest): one sector is left.
  const approvals = approvedBy("gov1", "biz1");
  const recusal = comment("biz1", "/governance recuse I advise the applicant", 10);

  it("the recusal as posted: one sector, waiting", () => {
    expect(verdict(asCharter({ reviews: approvals, comments: [recusal] })).outcome).toBe("pending");
  });

  it("a writer edits it into nothing: the seen recusal stands", () => {
    const edited = { ...recusal, body: "thanks", edited: true };
    expect(verdict(asCharter({ reviews: approvals, comments: [edited], seenCommands: [seen(recusal, "recuse")] })).outcome).toBe("pending");
  });

  it("a writer deletes it: the seen recusal stands, shown under its author", () => {
    const result = verdict(asCharter({ reviews: approvals, comments: [], seenCommands: [seen(recusal, "recuse")] }));
    expect(result.outcome).toBe("pending");
    expect(result.kinds[0]?.tally.bySector.business?.recused).toEqual(["biz1"]);
  });

  it("a writer edits it into another command: the verb seen stands", () => {
    const edited = { ...recusal, body: "/governance abstain", edited: true };
    const result = verdict(asCharter({ reviews: approvals, comments: [edited], seenCommands: [seen(recusal, "recuse")] }));
    expect(result.kinds[0]?.tally.bySector.business).toMatchObject({ recused: ["biz1"], abstain: [] });
  });

  it("only its author withdraws it, by a later signal", () => {
    const again = review("biz1", "APPROVED", 20);
    expect(verdict(asCharter({ reviews: [...approvals, again], comments: [], seenCommands: [seen(recusal, "recuse")] })).outcome).toBe("success");
  });

  it("a command edited before the app saw it is no signal (the earlier approval stands)", () => {
    const edited = { ...recusal, edited: true };
    const result = verdict(asCharter({ reviews: approvals, comments: [edited] }));
    expect(result.outcome).toBe("success");
    expect(result.kinds[0]?.notCounted).toContainEqual({ login: "biz1", reason: "edited-comment", source: "comment" });
  });

  it("a plain comment edited into a command is no signal", () => {
    const plain = { ...comment("biz1", "/governance recuse", 10), edited: true };
    expect(verdict(asCharter({ reviews: approvals, comments: [plain] })).outcome).toBe("success");
  });

  it("an abstention counted as no: deleting it cannot raise the share of yes", () => {
    const motion = kindWith({ id: "motion", labels: ["motion"], abstentions: "as_no", rule: { type: "approvals", op: "at_least", share: { num: 2, den: 3, text: "2/3" }, of: "cast", in: { kind: "all" }, weights: "members" } });
    const p = policyWith({ decisions: [motion] });
    const abstain = comment("cs1", "/governance abstain", 5);
    const facts = prFacts({ labels: ["motion"], reviews: approvedBy("gov1"), comments: [abstain] });
    expect(evaluateSignoff({ policy: p, registry, facts, now: NOW }).kinds[0]?.holds).toBe(false);
    const deleted = { ...facts, comments: [], seenCommands: [seen(abstain, "abstain")] };
    expect(evaluateSignoff({ policy: p, registry, facts: deleted, now: NOW }).kinds[0]?.holds).toBe(false);
  });
});

describe("an objection stands until its author withdraws it", () => {
  const dismissed = (by: string | null, previousState: "CHANGES_REQUESTED" | "APPROVED" | null, at = 30): ReviewFact => ({
    ...review("cs1", "DISMISSED", 5),
    dismissal: { by: by === null ? null : user(by), at: time(at), previousState },
  });
  const approvals = approvedBy("gov1", "biz1");

  it("dismissed by a writer of another sector: still blocks, and the check names who dismissed it", () => {
    const result = verdict(asCharter({ reviews: [...approvals, dismissed("gov1", "CHANGES_REQUESTED")] }));
    expect(result.outcome).toBe("failure");
    expect(result.title.key).toBe("signoff.title.blocked");
    expect(result.kinds[0]?.objections).toEqual([{ login: "cs1", sector: "civil-society", blocking: true, dismissedBy: "gov1", dismissedAt: time(30) }]);
  });

  it("dismissed by someone GitHub does not name, or of a state GitHub does not say: still blocks", () => {
    expect(verdict(asCharter({ reviews: [...approvals, dismissed(null, "CHANGES_REQUESTED")] })).outcome).toBe("failure");
    expect(verdict(asCharter({ reviews: [...approvals, dismissed("gov1", null)] })).outcome).toBe("failure");
  });

  it("dismissed by its own author: withdrawn", () => {
    expect(verdict(asCharter({ reviews: [...approvals, dismissed("cs1", "CHANGES_REQUESTED")] })).outcome).toBe("success");
  });

  it("its author approves later: lifted", () => {
    const result = verdict(asCharter({ reviews: [...approvals, dismissed("gov1", "CHANGES_REQUESTED"), review("cs1", "APPROVED", 40)] }));
    expect(result.outcome).toBe("success");
  });

  it("a dismissed approval is no vote, whoever dismissed it", () => {
    const approval = { ...review("biz1", "DISMISSED", 2), dismissal: { by: user("gov1"), at: time(3), previousState: "APPROVED" as const } };
    expect(verdict(asCharter({ reviews: [review("gov1", "APPROVED", 1), approval] })).outcome).toBe("pending");
  });
});

describe("a decision stays one", () => {
  it("a decision label removed by a writer: still a decision of that kind", () => {
    const facts = prFacts({
      files: [{ filename: "README.md" }],
      labels: [],
      labelEvents: [
        { label: "Decision:Charter", added: true, at: time(1), actor: "cs1" },
        { label: "decision:charter", added: false, at: time(2), actor: "gov1" },
      ],
    });
    expect(decisionKindsOf(policy, facts).map((k) => k.id)).toEqual(["charter"]);
    expect(verdict(facts).isDecision).toBe(true);
  });

  it("a label never carried makes no decision", () => {
    const facts = prFacts({ files: [{ filename: "README.md" }], labels: [], labelEvents: [{ label: "docs", added: true, at: time(1), actor: "gov1" }] });
    expect(verdict(facts).isDecision).toBe(false);
  });
});

describe("only PRs into the default branch are judged", () => {
  it("a PR into another branch is not a decision, with the reason, and is no kind (never recorded)", () => {
    const facts = asCharter({ baseRef: "staging", defaultBranch: "main", reviews: approvedBy("gov1", "biz1") });
    const result = verdict(facts);
    expect(result).toMatchObject({ outcome: "success", isDecision: false, signedOff: false, notJudged: { reason: "other-base", base: "staging", defaultBranch: "main" } });
    expect(result.title).toEqual({ key: "signoff.title.otherBase", params: { base: "staging", defaultBranch: "main" } });
    expect(decisionKindsOf(policy, facts)).toEqual([]);
  });

  it("approvals given under staging do not count once retargeted to main; later ones do", () => {
    const retarget = { from: "staging", to: "main", at: time(10), actor: "gov1" };
    const before = asCharter({ baseRef: "main", defaultBranch: "main", baseChanges: [retarget], reviews: approvedBy("gov1", "biz1") });
    const result = verdict(before);
    expect(result.outcome).toBe("pending");
    expect(result.kinds[0]?.notCounted).toEqual([
      { login: "biz1", reason: "other-base", source: "review" },
      { login: "gov1", reason: "other-base", source: "review" },
    ]);
    const after = { ...before, reviews: [...before.reviews, review("gov1", "APPROVED", 11), review("biz1", "APPROVED", 12)] };
    expect(verdict(after).outcome).toBe("success");
  });

  it("an objection given under another base still counts", () => {
    const facts = asCharter({
      baseRef: "main",
      defaultBranch: "main",
      baseChanges: [{ from: "staging", to: "main", at: time(10), actor: "gov1" }],
      reviews: [review("cs1", "CHANGES_REQUESTED", 1), review("gov1", "APPROVED", 11), review("biz1", "APPROVED", 12)],
    });
    expect(verdict(facts).outcome).toBe("failure");
  });

  it.each<[string, PullRequestFacts["baseChanges"], string, string | null]>([
    ["no change: the base now", [], time(5), "main"],
    ["before the first change: the base it had", [{ from: "staging", to: "main", at: time(10), actor: null }], time(5), "staging"],
    ["after it: the new base", [{ from: "staging", to: "main", at: time(10), actor: null }], time(15), "main"],
    [
      "main, staging, main again: an approval under the first main counts",
      [
        { from: "main", to: "staging", at: time(10), actor: null },
        { from: "staging", to: "main", at: time(20), actor: null },
      ],
      time(5),
      "main",
    ],
    ["REST names no branch: unknown, never the current base", [{ from: null, to: null, at: time(10), actor: null }], time(5), null],
  ])("baseAt: %s", (_name, baseChanges, at, base) => {
    expect(baseAt({ baseRef: "main", baseChanges }, at)).toBe(base);
  });
});

describe("commandsToRemember: what the app writes in its memo", () => {
  const members = new Set(["gov1", "biz1", "cs1"]);
  const isMember = (who: { login: string }) => members.has(who.login.toLowerCase());

  it("remembers unedited commands of members, one per person (their latest), never edited ones, bots' or strangers'", () => {
    const c1 = comment("gov1", "/governance abstain", 1);
    const c2 = comment("gov1", "/governance recuse conflict", 2);
    const c3 = { ...comment("biz1", "/governance recuse", 3), edited: true };
    const c4 = comment("eve", "/governance abstain", 4);
    const c5 = comment("cs1", "/governance check", 5);
    const c6 = comment("helper[bot]", "/governance abstain", 6);
    expect(commandsToRemember({ comments: [c1, c2, c3, c4, c5, c6] }, isMember)).toEqual([seen(c2, "recuse")]);
  });

  it("keeps what it remembered before, even when the comment is gone", () => {
    const old = seen(comment("cs1", "/governance abstain", 1), "abstain");
    expect(commandsToRemember({ comments: [], seenCommands: [old] }, isMember)).toEqual([old]);
  });

  it("keeps the newest `limit`", () => {
    const memo = ["gov1", "biz1", "cs1"].map((l, i) => seen(comment(l, "/governance abstain", i), "abstain"));
    expect(commandsToRemember({ comments: [], seenCommands: memo }, isMember, 2).map((s) => s.login)).toEqual(["biz1", "cs1"]);
  });

  it("standingSignals is idempotent", () => {
    const c = comment("cs1", "/governance abstain", 1);
    const facts = asCharter({ comments: [], seenCommands: [seen(c, "abstain")], reviews: [{ ...review("cs1", "DISMISSED", 0), dismissal: { by: user("gov1"), at: time(1), previousState: "CHANGES_REQUESTED" } }] });
    const once = standingSignals(facts);
    expect(standingSignals(once)).toEqual(once);
  });
});

describe("the app could not find its memo: fail closed for the voters whose comments were deleted or edited, until they speak again", () => {
  // gov1 and biz1 approve; biz1 abstained later, and a writer deleted that comment; the run that
  // remembered it is out of the app's reach (src/github/memo-search.ts).
  const approvals = approvedBy("gov1", "biz1");
  const lost = (deleted: Array<{ author: string | null; by: string | null; at: string }>) => ({ memoUnreachable: { deleted } });

  it("biz1's comment deleted by mallory: the sign-off fails, naming biz1 and no one else", () => {
    const result = verdict(asCharter({ reviews: approvals, comments: [], ...lost([{ author: "biz1", by: "mallory", at: time(20) }]) }));
    expect(result).toMatchObject({ outcome: "failure", signedOff: false, memoGap: [{ login: "biz1", since: time(20) }] });
    expect(result.title).toEqual({ key: "signoff.title.memoGap", params: { people: "biz1", count: 1 } });
  });

  it("a deleted comment of someone not in the registry, or a memo lost where nobody's comment was deleted or edited: nothing is held", () => {
    expect(verdict(asCharter({ reviews: approvals, comments: [], ...lost([{ author: "stranger", by: "mallory", at: time(20) }]) })).outcome).toBe("success");
    expect(verdict(asCharter({ reviews: approvals, comments: [comment("cs1", "+1", 5)], ...lost([]) })).outcome).toBe("success");
  });

  it("an edited comment of a voter counts as deleted from the moment it changed", () => {
    const edited = { ...comment("biz1", "never mind", 5, true), updatedAt: time(25) };
    expect(verdict(asCharter({ reviews: approvals, comments: [edited], ...lost([]) })).memoGap).toEqual([{ login: "biz1", since: time(25) }]);
  });

  it("lifted by biz1's own later signal only: an approval, or a command in a new comment (which then counts)", () => {
    const deleted = lost([{ author: "biz1", by: "mallory", at: time(20) }]);
    expect(verdict(asCharter({ reviews: [...approvals, review("biz1", "APPROVED", 30)], comments: [], ...deleted })).outcome).toBe("success");
    expect(verdict(asCharter({ reviews: approvals, comments: [comment("biz1", "/governance abstain", 30)], ...deleted })).outcome).toBe("pending");
    // Others speaking, or biz1 before the deletion, or `/governance check`, do not lift it.
    expect(verdict(asCharter({ reviews: [...approvals, review("cs1", "APPROVED", 30)], comments: [comment("biz1", "/governance check", 31)], ...deleted })).outcome).toBe("failure");
  });

  it("more deletions than were read: every voter is held until they speak again", () => {
    const result = verdict(asCharter({ reviews: [...approvals, review("cs1", "APPROVED", 30), review("int1", "APPROVED", 30)], comments: [], ...lost([{ author: null, by: null, at: "" }]) }));
    expect(result.memoGap).toBeUndefined();
    expect(verdict(asCharter({ reviews: approvals, comments: [], ...lost([{ author: null, by: null, at: "" }]) })).memoGap?.map((p) => p.login)).toEqual(["cs1", "int1"]);
  });
});

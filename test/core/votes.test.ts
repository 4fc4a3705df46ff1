import { describe, expect, it } from "vitest";
import { parseCommand, readVotes } from "../../src/core/votes.js";
import type { CommentFact, DecisionKind, ReviewFact } from "../../src/core/types.js";
import { userId } from "../e2e/standin/standin.js";
import { comment, entry, kindWith, NOW, OLD, policyWith, prFacts, registryWith, review, user } from "../helpers/builders.js";

const registry = registryWith([
  entry("gov1", "government"),
  entry("gov2", "government"),
  entry("Biz1", "business"),
  entry("cs1", "civil-society"),
  entry("old", "business", "2025-01-01"), // expired
  entry("acad", "academia"), // sector left the policy
  entry("zoe", "business", "2026-01-01", { voter: false }), // observer
  entry("author", "government"), // the PR's author: never a voter on their own PR
  entry("helper[bot]", "business"),
]);
const policy = policyWith();

function read(reviews: ReviewFact[], comments: CommentFact[] = [], kind: Partial<DecisionKind> = {}) {
  return readVotes({ policy, registry, facts: prFacts({ reviews, comments }), kind: kindWith(kind), now: NOW });
}

const voteOf = (r: ReturnType<typeof read>, login: string) => r.votes.find((v) => v.login.toLowerCase() === login.toLowerCase())?.vote ?? "none";

describe("parseCommand", () => {
  it.each([
    ["/governance abstain", "abstain"],
    ["  /GOVERNANCE Abstain", "abstain"],
    ["/governance abstain\nbecause", "abstain"],
    ["/governance recuse I sit on the fund's board", "recuse"],
    ["/governance check", "check"],
    ["/governance abstained", undefined],
    ["please /governance abstain", undefined],
    ["/governance", undefined],
    ["/governancerecuse", undefined],
    // SPEC.md's grammar: the verb as a whole word, then the end, a space or punctuation; the rest is a reason.
    ["/governance recuse: I advise the applicant", "recuse"],
    ["/governance  abstain.", "abstain"],
    ["/governance\tabstain", "abstain"],
    ["/governance\nrecuse", "recuse"],
    ["/governance recuse, I sit on the board", "recuse"],
    ["/governance recuse; board member", "recuse"],
    ["/governance abstain!", "abstain"],
    ["/governance abstain?", "abstain"],
    ["/governance recuse-conflict", "recuse"],
    ["/governance recuse(board)", "recuse"],
    ["/governance abstain…", "abstain"],
    ["/governance recuse：利益冲突", "recuse"],
    ["/governance recuse。", "recuse"],
    ["/governance abstain، لدي تضارب", "abstain"],
    ["/governance recuse — conflict", "recuse"],
    ["/governance recuse«board»", "recuse"],
    ["/governance check.", "check"],
    ["/Governance RECUSE:", "recuse"],
    ["/governance recused", undefined],
    ["/governance recuser", undefined],
    ["/governance checking", undefined],
    ["/governance abstain2", undefined],
    ["/governance abstainé", undefined],
    ["/governance abstain_now", undefined],
    ["/governance: abstain", undefined],
    ["/governance-abstain", undefined],
    ["> /governance abstain", undefined],
    ["`/governance abstain`", undefined],
  ])("%j -> %s", (body, command) => {
    expect(parseCommand(body)).toBe(command);
  });
});

describe("readVotes: identity is the account id, not the login", () => {
  const kind = kindWith();
  const votesOf = (reg: ReturnType<typeof registryWith>, reviews: ReviewFact[], comments: CommentFact[] = [], ids: "required" | "optional" = "required") =>
    readVotes({ policy: policyWith({ declarations: { ids } }), registry: reg, facts: prFacts({ reviews, comments }), kind, now: NOW });
  const byAccount = (login: string, id: number | null, state: ReviewFact["state"] = "APPROVED", at = 1): ReviewFact => ({
    ...review(login, state, at),
    user: user(login, false, id),
  });

  it("counts an account that renamed since it declared: found by its id, shown under its new login", () => {
    const r = votesOf(registryWith([entry("gov1", "government")]), [byAccount("gov1-renamed", userId("gov1"))]);
    expect(r.votes).toMatchObject([{ login: "gov1-renamed", sector: "government", vote: "yes" }]);
    expect(r.tally.bySector.government).toMatchObject({ yes: ["gov1-renamed"], registered: 1 });
    expect(r.notCounted).toEqual([]);
  });

  it("gives nothing to a new account that took a login someone gave up (another id)", () => {
    const r = votesOf(registryWith([entry("gov1", "government")]), [byAccount("gov1", 99_000_001)]);
    expect(r.votes).toEqual([]);
    expect(r.notCounted).toEqual([{ login: "gov1", reason: "undeclared", source: "review" }]);
    // The entry's own account is still in the electorate.
    expect(r.tally.bySector.government!.registered).toBe(1);
  });

  it("counts the member and not the newcomer when both act: the renamed member by id, the newcomer under the old login not at all", () => {
    const r = votesOf(registryWith([entry("gov1", "government")]), [byAccount("gov1", 99_000_001, "APPROVED", 1), byAccount("gov1-new", userId("gov1"), "CHANGES_REQUESTED", 2)]);
    expect(r.votes).toMatchObject([{ login: "gov1-new", vote: "no" }]);
    expect(r.notCounted).toEqual([{ login: "gov1", reason: "undeclared", source: "review" }]);
  });

  it("finds an entry by id first, even when another entry (without id) has the account's current login", () => {
    const reg = registryWith([entry("gov1", "government"), entry("biz1", "business", "2026-01-01", { id: undefined })]);
    const r = votesOf(reg, [byAccount("biz1", userId("gov1"))], [], "optional");
    expect(r.votes).toMatchObject([{ login: "biz1", sector: "government", vote: "yes" }]);
  });

  it("does not count an entry without an id under ids: required (reason: no account id)", () => {
    const reg = registryWith([entry("gov1", "government", "2026-01-01", { id: undefined }), entry("biz1", "business")]);
    const r = votesOf(reg, [byAccount("gov1", userId("gov1")), byAccount("biz1", userId("biz1"), "APPROVED", 2)]);
    expect(r.votes.map((v) => v.login)).toEqual(["biz1"]);
    expect(r.notCounted).toEqual([{ login: "gov1", reason: "no-id", source: "review" }]);
    expect(r.tally.bySector.government!.registered).toBe(0);
  });

  it("matches an entry without an id by login under ids: optional, whatever the account's id", () => {
    const reg = registryWith([entry("gov1", "government", "2026-01-01", { id: undefined })]);
    const r = votesOf(reg, [byAccount("GOV1", 123)], [], "optional");
    expect(r.votes).toMatchObject([{ login: "GOV1", sector: "government", vote: "yes" }]);
  });

  it("matches an account whose id is not known (simulate without ids) by login, as if the ids agreed", () => {
    const r = votesOf(registryWith([entry("gov1", "government")]), [byAccount("gov1", null)]);
    expect(r.votes).toMatchObject([{ login: "gov1", vote: "yes" }]);
  });

  it("takes the author by id: a renamed author is still the author; a newcomer on the author's old login is not", () => {
    const reg = registryWith([entry("gov1", "government"), entry("author", "business")]);
    const facts = (reviews: ReviewFact[]) => prFacts({ author: user("author-renamed", false, userId("author")), reviews });
    const renamed = readVotes({ policy: policyWith(), registry: reg, facts: facts([byAccount("author-renamed", userId("author"))]), kind, now: NOW });
    expect(renamed.notCounted).toEqual([{ login: "author-renamed", reason: "author", source: "review" }]);
    expect(renamed.tally.bySector.business!.registered).toBe(0);
  });

  it("lets a command by the renamed account count as theirs, and none by the newcomer on their old login", () => {
    const reg = registryWith([entry("gov1", "government")]);
    const c1 = { ...comment("gov1", "/governance recuse", 2), user: user("gov1", false, 99_000_001) };
    const r = votesOf(reg, [byAccount("gov1-new", userId("gov1"))], [c1]);
    expect(r.votes).toMatchObject([{ login: "gov1-new", vote: "yes" }]);
    expect(r.notCounted).toEqual([{ login: "gov1", reason: "undeclared", source: "comment" }]);
  });
});

describe("readVotes: one voter's latest signal", () => {
  it.each<[string, ReviewFact[], CommentFact[], Partial<DecisionKind>, string]>([
    ["approval on the head", [review("gov1", "APPROVED", 1)], [], {}, "yes"],
    ["approval of an earlier commit, dismiss_stale", [review("gov1", "APPROVED", 1, OLD)], [], { dismissStale: true }, "none"],
    ["approval of an earlier commit, no dismiss_stale", [review("gov1", "APPROVED", 1, OLD)], [], { dismissStale: false }, "yes"],
    ["changes requested of an earlier commit never goes stale", [review("gov1", "CHANGES_REQUESTED", 1, OLD)], [], {}, "no"],
    ["approve, then changes requested", [review("gov1", "APPROVED", 1), review("gov1", "CHANGES_REQUESTED", 2)], [], {}, "no"],
    [
      "approve, changes requested, approve",
      [review("gov1", "APPROVED", 1), review("gov1", "CHANGES_REQUESTED", 2), review("gov1", "APPROVED", 3)],
      [],
      {},
      "yes",
    ],
    ["order by time, not by list position", [review("gov1", "APPROVED", 5), review("gov1", "CHANGES_REQUESTED", 2)], [], {}, "yes"],
    ["an objection then dismissed", [review("gov1", "DISMISSED", 2)], [], {}, "none"],
    ["an approval, then a dismissed objection", [review("gov1", "APPROVED", 1), review("gov1", "DISMISSED", 2)], [], {}, "none"],
    ["a review comment is no signal", [review("gov1", "APPROVED", 1), review("gov1", "COMMENTED", 2)], [], {}, "yes"],
    ["a pending review is no signal", [review("gov1", "CHANGES_REQUESTED", 1), review("gov1", "PENDING", 2)], [], {}, "no"],
    ["abstain", [], [comment("gov1", "/governance abstain", 1)], {}, "abstain"],
    ["a command replaces an earlier review", [review("gov1", "APPROVED", 1)], [comment("gov1", "/governance abstain", 2)], {}, "abstain"],
    ["recuse", [review("gov1", "APPROVED", 1)], [comment("gov1", "/governance recuse conflict", 2)], {}, "recused"],
    ["a later review brings back a recused voter", [review("gov1", "APPROVED", 3)], [comment("gov1", "/governance recuse", 2)], {}, "yes"],
    ["at the same time a review wins over a comment", [review("gov1", "APPROVED", 2)], [comment("gov1", "/governance abstain", 2)], {}, "yes"],
    ["an edited command is no signal", [review("gov1", "APPROVED", 1)], [comment("gov1", "/governance abstain", 2, true)], {}, "yes"],
    ["/governance check is no vote", [review("gov1", "APPROVED", 1)], [comment("gov1", "/governance check", 2)], {}, "yes"],
    ["a plain comment is no signal", [review("gov1", "APPROVED", 1)], [comment("gov1", "LGTM, abstain", 2)], {}, "yes"],
    ["login case does not matter", [review("GOV1", "APPROVED", 1)], [], {}, "yes"],
  ])("%s", (_name, reviews, comments, kind, vote) => {
    expect(voteOf(read(reviews, comments, kind), "gov1")).toBe(vote);
  });
});

describe("readVotes: who is not counted, and why", () => {
  it.each<[string, ReviewFact[], CommentFact[], Array<{ login: string; reason: string; source: string }>]>([
    ["self-approval", [review("author", "APPROVED", 1)], [], [{ login: "author", reason: "author", source: "review" }]],
    ["an undeclared reviewer", [review("eve", "APPROVED", 1)], [], [{ login: "eve", reason: "undeclared", source: "review" }]],
    ["an expired approver", [review("old", "APPROVED", 1)], [], [{ login: "old", reason: "expired", source: "review" }]],
    ["an approver whose sector left the policy", [review("acad", "APPROVED", 1)], [], [{ login: "acad", reason: "unknown-sector", source: "review" }]],
    ["a bot approver, even declared", [review("helper[bot]", "APPROVED", 1)], [], [{ login: "helper[bot]", reason: "bot", source: "review" }]],
    ["an account GitHub marks as a bot, even declared", [{ ...review("gov1", "APPROVED", 1), user: { login: "gov1", id: userId("gov1"), isBot: true } }], [], [{ login: "gov1", reason: "bot", source: "review" }]],
    ["an observer's review", [review("zoe", "CHANGES_REQUESTED", 1)], [], [{ login: "zoe", reason: "observer", source: "review" }]],
    ["a non-voter's changes requested", [review("eve", "CHANGES_REQUESTED", 1)], [], [{ login: "eve", reason: "undeclared", source: "review" }]],
    [
      "a non-voter's review and command, once per source",
      [review("eve", "APPROVED", 1), review("eve", "APPROVED", 2)],
      [comment("eve", "/governance abstain", 3), comment("eve", "/governance recuse", 4)],
      [
        { login: "eve", reason: "undeclared", source: "review" },
        { login: "eve", reason: "undeclared", source: "comment" },
      ],
    ],
    ["a stale approval", [review("gov1", "APPROVED", 1, OLD)], [], [{ login: "gov1", reason: "earlier-commit", source: "review" }]],
    ["a stale approval superseded by a fresh one", [review("gov1", "APPROVED", 1, OLD), review("gov1", "APPROVED", 2)], [], []],
    ["an edited command that was the latest signal", [review("gov1", "APPROVED", 1)], [comment("gov1", "/governance abstain", 2, true)], [{ login: "gov1", reason: "edited-comment", source: "comment" }]],
    ["an edited command superseded by a review", [review("gov1", "APPROVED", 3)], [comment("gov1", "/governance abstain", 2, true)], []],
    ["a recusal that replaced a review", [review("gov1", "APPROVED", 1)], [comment("gov1", "/governance recuse", 2)], [{ login: "gov1", reason: "recused", source: "review" }]],
    ["a review of a deleted account is ignored", [{ ...review("gov1", "APPROVED", 1), user: null } as unknown as ReviewFact], [], []],
    ["commenters without commands are not listed", [review("eve", "COMMENTED", 1)], [comment("eve", "hello", 2)], []],
  ])("%s", (_name, reviews, comments, notCounted) => {
    const r = read(reviews, comments);
    expect(r.notCounted).toEqual(notCounted);
    if (notCounted.some((n) => n.reason !== "earlier-commit" && n.reason !== "edited-comment" && n.reason !== "recused")) {
      expect(r.votes).toEqual([]);
    }
  });
});

describe("readVotes: the tally", () => {
  it("counts the electorate and the votes by sector, in the order cast", () => {
    const r = read(
      [review("gov2", "APPROVED", 5), review("gov1", "APPROVED", 3), review("Biz1", "CHANGES_REQUESTED", 1)],
      [comment("cs1", "/governance recuse", 2)],
    );
    expect(r.tally.bySector).toEqual({
      government: { yes: ["gov1", "gov2"], no: [], abstain: [], recused: [], registered: 2 },
      business: { yes: [], no: ["Biz1"], abstain: [], recused: [], registered: 1 },
      "civil-society": { yes: [], no: [], abstain: [], recused: ["cs1"], registered: 0 },
      international: { yes: [], no: [], abstain: [], recused: [], registered: 0 },
    });
    expect(r.votes.map((v) => [v.login, v.sector, v.vote, v.source.type])).toEqual([
      ["Biz1", "business", "no", "review"],
      ["cs1", "civil-society", "recused", "comment"],
      ["gov1", "government", "yes", "review"],
      ["gov2", "government", "yes", "review"],
    ]);
  });

  it.each([["excluded"], ["as_no"]] as const)("carries abstentions: %s", (abstentions) => {
    expect(read([], [], { abstentions }).tally.abstentions).toBe(abstentions);
  });

  it("never counts the PR author among the registered, nor observers, bots or the undeclared", () => {
    const r = read([]);
    expect(r.tally.bySector.government?.registered).toBe(2); // gov1, gov2; not "author"
    expect(r.tally.bySector.business?.registered).toBe(1); // Biz1; not old, zoe, helper[bot]
  });
});

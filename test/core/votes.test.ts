import { describe, expect, it } from "vitest";
import { parseCommand, readVotes } from "../../src/core/votes.js";
import type { CommentFact, DecisionKind, ReviewFact } from "../../src/core/types.js";
import { comment, entry, kindWith, NOW, OLD, policyWith, prFacts, registryWith, review } from "../helpers/builders.js";

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
  ])("%j -> %s", (body, command) => {
    expect(parseCommand(body)).toBe(command);
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
    ["an account GitHub marks as a bot, even declared", [{ ...review("gov1", "APPROVED", 1), user: { login: "gov1", isBot: true } }], [], [{ login: "gov1", reason: "bot", source: "review" }]],
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

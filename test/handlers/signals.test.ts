// Only the person who gave a signal withdraws it; a decision stays one; only PRs into the default
// branch are judged (SPEC.md "How votes are read", "Files in a governed repository"). Each attack
// is a real webhook of what a writer did, delivered to the app with GitHub's answers after it.
import { describe, expect, it } from "vitest";
import { issueCommentPayload, pullRequestPayload } from "../helpers/payloads.js";
import { decodeMemo, encodeMemo, splitMemo } from "../../src/github/signal-memo.js";
import { userId } from "../e2e/standin/standin.js";
import { HEAD, lines, NUMBER, ownedBy, review, setupHandlerTest, TARGET as target, type EvaluationSpec, type PullSpec } from "./harness.js";

const SIGNOFF = "Multi-sector sign-off";
// A charter amendment needs three sectors, civil society among them: bob (government), carol
// (business) and dan (civil society) approved; alice is the author.
const CHARTER: PullSpec = { author: "alice", labels: ["decision:charter"], files: ["CHARTER.md"] };
const approvals = (...logins: string[]) => logins.map((login, i) => review(login, "APPROVED", `2026-11-21T0${i + 1}:00:00Z`));
const RECUSAL = { id: 4900, user: "dan", body: "/governance recuse I chair the fund this amends", at: "2026-11-21T09:00:00Z" };
const SEEN_RECUSAL = { commentId: 4900, login: "dan", userId: userId("dan"), verb: "recuse" as const, createdAt: RECUSAL.at };

const handlerTest = setupHandlerTest();
/** The sign-off check the app wrote after the webhook. */
const deliver = async (event: string, payload: unknown, spec: EvaluationSpec) => (await handlerTest.deliver(event, payload, spec)).checks[SIGNOFF];

/** The sign-off run as this app last wrote it on the head: its memo at the end of the summary. */
const signoffRun = (summary: string, pr = NUMBER) => ({ [SIGNOFF]: { id: 102, conclusion: "action_required", title: "2 of 3 sectors: waiting for Civil society", summary, externalId: ownedBy(pr) } });

describe("a command stands whatever a writer does to its comment", () => {
  it("the app remembers a command it sees, in its own sign-off run", async () => {
    const signoff = await deliver(
      "issue_comment",
      issueCommentPayload("issue_comment.created", { ...target, body: RECUSAL.body, commentId: RECUSAL.id, commenter: "dan" }),
      { pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan"), comments: [RECUSAL] } },
    );
    expect(signoff?.output.title).toBe("2 of 3 sectors: waiting for Civil society");
    expect(splitMemo(decodeMemo(signoff?.output.summary)).commands).toEqual([SEEN_RECUSAL]);
  });

  it("a writer edits another voter's recusal into nothing: it stands (the earlier approval does not come back)", async () => {
    const edited = { ...RECUSAL, body: "Thanks, all fine.", editedAt: "2026-11-21T10:00:00Z" };
    const signoff = await deliver(
      "issue_comment",
      issueCommentPayload(
        "issue_comment.edited",
        { ...target, body: edited.body, commentId: RECUSAL.id, commenter: "dan" },
        { sender: { login: "mallory" }, changes: { body: { from: RECUSAL.body } } },
      ),
      {
        pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan"), comments: [edited] },
        checks: { existing: signoffRun(`waiting\n\n${encodeMemo([SEEN_RECUSAL])}`), creates: 1, updates: [SIGNOFF] },
      },
    );
    expect(signoff?.output.title).toBe("2 of 3 sectors: waiting for Civil society");
    expect(lines(signoff?.output.text)).toContain("| Civil society | – | – | – | dan | 0 |");
    expect(splitMemo(decodeMemo(signoff?.output.summary)).commands).toEqual([SEEN_RECUSAL]);
  });

  it("a writer deletes another voter's abstention: it stands", async () => {
    const abstain = { id: 4901, user: "dan", body: "/governance abstain", at: "2026-11-22T07:00:00Z" };
    const seen = { commentId: 4901, login: "dan", userId: null, verb: "abstain" as const, createdAt: abstain.at };
    // A motion: quorum of two thirds; bob approved; dan's abstention made the quorum.
    const motion: PullSpec = { author: "alice", labels: ["motion"], reviews: [review("bob", "APPROVED", "2026-11-21T09:00:00Z")], comments: [] };
    const signoff = await deliver(
      "issue_comment",
      issueCommentPayload("issue_comment.deleted", { ...target, body: abstain.body, commentId: abstain.id, commenter: "dan" }, { sender: { login: "mallory" } }),
      { pr: motion, checks: { existing: signoffRun(`passed\n\n${encodeMemo([seen])}`), creates: 1, updates: [SIGNOFF] } },
    );
    expect(signoff?.output.title).toBe("Signed off by 1 sector");
    expect(lines(signoff?.output.text)).toContain("| Civil society | – | – | dan | – | 1 |");
  });

  it("a command remembered on an earlier head stands after a push", async () => {
    const signoff = await deliver("pull_request", pullRequestPayload("pull_request.synchronize", target), {
      pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan"), comments: [], earlierSignoffs: [`waiting\n\n${encodeMemo([SEEN_RECUSAL])}`] },
    });
    expect(signoff?.output.title).toBe("2 of 3 sectors: waiting for Civil society");
    expect(splitMemo(decodeMemo(signoff?.output.summary)).commands).toEqual([SEEN_RECUSAL]);
  });

  it("a recusal someone reacted to before the app saw it is a recusal: a reaction moves GitHub's updatedAt, it is no edit", async () => {
    // The comment's webhook was missed; anyone who can read the PR put a 👍 on it; then any event.
    const reacted = { ...RECUSAL, updatedAt: "2026-11-21T10:00:00Z" };
    const signoff = await deliver("pull_request", pullRequestPayload("pull_request.synchronize", target), {
      pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan"), comments: [reacted] },
    });
    expect(signoff?.output.title).toBe("2 of 3 sectors: waiting for Civil society");
    expect(splitMemo(decodeMemo(signoff?.output.summary)).commands).toEqual([SEEN_RECUSAL]);
  });

  it("a plain comment a writer edits into a command is no signal", async () => {
    const edited = { id: 4902, user: "dan", body: "/governance recuse", at: "2026-11-21T09:00:00Z", editedAt: "2026-11-21T10:00:00Z" };
    const signoff = await deliver(
      "issue_comment",
      issueCommentPayload("issue_comment.edited", { ...target, body: edited.body, commentId: edited.id, commenter: "dan" }, { sender: { login: "mallory" }, changes: { body: { from: "LGTM" } } }),
      { pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan"), comments: [edited] } },
    );
    expect(signoff?.output.title).toBe("Signed off by 3 sectors");
    expect(splitMemo(decodeMemo(signoff?.output.summary)).commands).toEqual([]);
  });

  it("a memo forged in a comment is never read: only the app's own check runs are its memory", async () => {
    const forged = { id: 4903, user: "mallory", body: `Note\n\n${encodeMemo([{ ...SEEN_RECUSAL, login: "carol", commentId: 1 }])}`, at: "2026-11-21T09:00:00Z" };
    const signoff = await deliver("pull_request", pullRequestPayload("pull_request.synchronize", target), {
      pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan"), comments: [forged] },
    });
    expect(signoff?.output.title).toBe("Signed off by 3 sectors");
  });
});

describe("an objection stands until its author withdraws it", () => {
  const objection = { id: 700, user: "carol", state: "DISMISSED" as const, at: "2026-11-21T05:00:00Z" };

  it("a writer of another sector dismisses it: still blocked, and the check says who dismissed it", async () => {
    const signoff = await deliver("pull_request_review", pullRequestPayload("pull_request_review.dismissed", target), {
      pr: {
        ...CHARTER,
        reviews: [...approvals("bob", "dan"), objection],
        timeline: [{ type: "dismissed", review: 700, by: "bob", at: "2026-11-22T07:00:00Z", previous: "CHANGES_REQUESTED" }],
      },
    });
    expect(signoff).toMatchObject({ conclusion: "failure", output: { title: "Blocked by an objection from Business" } });
    const text = lines(signoff?.output.text);
    const at = text.indexOf("- **carol** (Business): blocks until they approve, abstain, recuse or dismiss their review themselves");
    expect(at).toBeGreaterThan(-1);
    expect(text[at + 1]).toBe("  - **bob** dismissed this review on November 22, 2026; only its author can withdraw an objection, so it still stands.");
  });

  it("its author dismisses it: lifted", async () => {
    const signoff = await deliver("pull_request_review", pullRequestPayload("pull_request_review.dismissed", target), {
      pr: {
        ...CHARTER,
        reviews: [...approvals("bob", "dan"), objection, review("carol", "APPROVED", "2026-11-22T07:30:00Z")],
        timeline: [{ type: "dismissed", review: 700, by: "carol", at: "2026-11-22T07:00:00Z", previous: "CHANGES_REQUESTED" }],
      },
    });
    expect(signoff).toMatchObject({ conclusion: "success", output: { title: "Signed off by 3 sectors" } });
  });
});

describe("decision-ness and the base cannot be taken away", () => {
  it("a writer removes the decision label: it stays a charter amendment", async () => {
    const signoff = await deliver("pull_request", pullRequestPayload("pull_request.unlabeled", target), {
      pr: {
        author: "alice",
        labels: [],
        files: ["README.md"],
        reviews: approvals("bob"),
        timeline: [
          { type: "labeled", label: "decision:charter", by: "dan", at: "2026-11-20T10:01:00Z" },
          { type: "unlabeled", label: "decision:charter", by: "bob", at: "2026-11-22T07:00:00Z" },
        ],
      },
    });
    expect(signoff?.output.title).toBe("1 of 3 sectors: waiting for Civil society");
  });

  it("a PR into another branch is not a decision, and says why", async () => {
    const signoff = await deliver("pull_request", pullRequestPayload("pull_request.opened", target), { pr: { ...CHARTER, baseRef: "staging" } });
    expect(signoff).toMatchObject({ conclusion: "success", output: { title: "Not a decision: into staging, not the default branch main" } });
    expect(signoff?.output.summary).toContain("only pull requests into the default branch are judged");
  });

  it("approvals given into staging do not count once a writer retargets the PR to the default branch", async () => {
    const signoff = await deliver(
      "pull_request",
      // @octokit/webhooks-examples has no `pull_request.edited`: an `opened` one with the action and
      // the `changes` GitHub sends when the base is changed.
      pullRequestPayload("pull_request.opened", target, { action: "edited", changes: { base: { ref: { from: "staging" }, sha: { from: HEAD } } } }),
      { pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan"), timeline: [{ type: "base", from: "staging", to: "main", by: "bob", at: "2026-11-22T07:00:00Z" }] } },
    );
    expect(signoff?.output.title).toBe("0 of 3 sectors: waiting for Civil society");
    const text = lines(signoff?.output.text);
    for (const who of ["bob", "carol", "dan"]) {
      expect(text).toContain(`- **${who}** (review): approved while the pull request was into another branch; approve again now that it is into the default branch`);
    }
  });
});

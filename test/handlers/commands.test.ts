// Issue 5: the comment commands `/governance abstain` and `/governance recuse`, delivered as real
// issue_comment webhooks, change the tally of a charter rule (quorum of two thirds, a majority of
// the votes cast) only when a voter gives them in a comment that was not edited.
import { describe, expect, it } from "vitest";
import { mockGitHub } from "../helpers/github-mocks.js";
import { issueCommentPayload } from "../helpers/payloads.js";
import {
  assertDone,
  checkBodies,
  HEAD,
  INSTALLATION,
  lines,
  NUMBER,
  OWNER,
  POLICY_URL,
  REPO,
  review,
  serveEvaluation,
  setupHandlerTest,
  startApp,
  type CommentSpec,
} from "./harness.js";

const SIGNOFF = "Multi-sector sign-off";
const COMMENT_AT = "2026-11-22T07:00:00Z";
const EDITED_AT = "2026-11-22T07:30:00Z";

// Voters (the author alice excluded): bob (government), carol (business), dan (civil society).
// bob approved; nobody else has voted yet.
const QUORUM_1_OF_3 = "Quorum: 1 of 3 took part, needs at least 2/3";

interface Case {
  who: string;
  commenter: string;
  type: "User" | "Bot";
  body: string;
  edited: boolean;
  conclusion: string;
  title: string;
  /** Lines of the check's text that show the tally. */
  shows: string[];
}

const cases: Array<[string, Case]> = [
  [
    "an abstention from a voter counts as present: the quorum is reached and the motion passes",
    {
      who: "voter", commenter: "dan", type: "User", body: "/governance abstain", edited: false,
      conclusion: "success", title: "Signed off by 1 sector",
      shows: ["| Civil society | – | – | dan | – | 1 |", "  - All sectors: 2 of 3 registered voters took part (66.7%, needs at least 2/3) ✓"],
    },
  ],
  [
    "a recusal from a voter (with its reason) leaves the electorate: 1 of 2 took part",
    {
      who: "voter", commenter: "dan", type: "User", body: "/Governance RECUSE I chair the fund this amends", edited: false,
      conclusion: "action_required", title: "Quorum: 1 of 2 took part, needs at least 2/3",
      shows: ["| Civil society | – | – | – | dan | 0 |", "  - All sectors: 1 of 2 registered voters took part (50%, needs at least 2/3) ✗"],
    },
  ],
  [
    "an abstention from an observer is listed as not counted",
    {
      who: "non-voter", commenter: "zoe", type: "User", body: "/governance abstain", edited: false,
      conclusion: "action_required", title: QUORUM_1_OF_3,
      shows: ["- **zoe** (comment): an observer (voter: false in the registry) does not vote", "| Business | – | – | – | – | 1 |"],
    },
  ],
  [
    "a recusal from someone who has not declared is listed as not counted",
    {
      who: "non-voter", commenter: "newcomer", type: "User", body: "/governance recuse", edited: false,
      conclusion: "action_required", title: QUORUM_1_OF_3,
      shows: ["- **newcomer** (comment): has no declaration in the registry"],
    },
  ],
  [
    "an abstention from a bot is ignored",
    {
      who: "bot", commenter: "helper[bot]", type: "Bot", body: "/governance abstain", edited: false,
      conclusion: "action_required", title: QUORUM_1_OF_3,
      shows: ["- **helper\\[bot\\]** (comment): a bot account does not vote", "| Civil society | – | – | – | – | 1 |"],
    },
  ],
  [
    "an abstention in an edited comment is no signal",
    {
      who: "voter", commenter: "dan", type: "User", body: "/governance abstain", edited: true,
      conclusion: "action_required", title: QUORUM_1_OF_3,
      shows: [
        "- **dan** (comment): the command is in a comment that was edited; post it again in a new comment",
        "| Civil society | – | – | – | – | 1 |",
      ],
    },
  ],
];

const { deliver } = setupHandlerTest();

describe("/governance abstain and /governance recuse", () => {
  it.each(cases)("%s", async (_title, c) => {
    const comment: CommentSpec = { id: 4800, user: c.commenter, body: c.body, at: COMMENT_AT, ...(c.edited ? { editedAt: EDITED_AT } : {}) };
    const { mock, checks } = await deliver(
      "issue_comment",
      issueCommentPayload(
        c.edited ? "issue_comment.edited" : "issue_comment.created",
        { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: NUMBER, body: c.body, commentId: 4800, commenter: c.commenter, commenterType: c.type },
        c.edited ? { changes: { body: { from: "/governance abstian" } } } : {},
      ),
      { pr: { author: "alice", labels: ["motion"], reviews: [review("bob", "APPROVED", "2026-11-21T09:00:00Z")], comments: [comment] } },
    );

    const signoff = checks[SIGNOFF];
    expect(signoff).toMatchObject({
      name: SIGNOFF,
      head_sha: HEAD,
      status: "completed",
      conclusion: c.conclusion,
      details_url: POLICY_URL,
      output: { title: c.title },
    });
    const text = lines(signoff?.output.text);
    for (const line of c.shows) expect(text).toContain(line);
    // A vote is answered by the check, never by a reaction.
    expect(mock.writes().some((w) => w.path.endsWith("/reactions"))).toBe(false);
  });

  it("without any command, the motion waits for its quorum (the baseline of the table above)", async () => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    serveEvaluation(mock, {
      pr: {
        author: "alice",
        labels: ["motion"],
        reviews: [review("bob", "APPROVED", "2026-11-21T09:00:00Z")],
        comments: [{ id: 4801, user: "carol", body: "Looks fine to me, but I am not voting yet.", at: COMMENT_AT }],
      },
    });
    const app = await startApp();
    // A comment that is no command cannot change anything: it is not evaluated at all...
    await app.receive(
      "issue_comment",
      issueCommentPayload("issue_comment.created", { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: NUMBER, body: "Looks fine to me", commentId: 4801, commenter: "carol" }),
    );
    expect(mock.requests.filter((r) => !r.path.endsWith("/access_tokens"))).toEqual([]);
    // ...so the baseline comes from a command that is no vote.
    await app.receive(
      "issue_comment",
      issueCommentPayload("issue_comment.deleted", { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: NUMBER, body: "/governance abstain", commentId: 4802, commenter: "dan" }),
    );
    assertDone(mock);
    const signoff = checkBodies(mock)[SIGNOFF];
    expect(signoff).toMatchObject({ conclusion: "action_required", output: { title: QUORUM_1_OF_3 } });
    expect(lines(signoff?.output.text)).toContain("| Civil society | – | – | – | – | 1 |");
  });
});

// Issue 4: the `Multi-sector sign-off` check, end to end through a real Probot, on every trigger
// that evaluates it: pull request and review events, the sweep, `/governance check`, and a
// re-run requested from GitHub's UI.
import { describe, expect, it } from "vitest";
import { mockGitHub, serveFile, serveGovernance } from "../helpers/github-mocks.js";
import { checkRunPayload, issueCommentPayload, pullRequestPayload } from "../helpers/payloads.js";
import { setupNock } from "../helpers/probot.js";
import {
  APP_ID,
  appWrites,
  asExisting,
  assertDone,
  checkBodies,
  fixture,
  HEAD,
  INSTALLATION,
  lines,
  NOW,
  NUMBER,
  OLD_HEAD,
  OWNER,
  POLICY,
  POLICY_URL,
  REGISTRY,
  REPO,
  review,
  serveChecks,
  serveEvaluation,
  serveNoDirectPushes,
  serveOpenHead,
  serveOpenPullsWithChecks,
  servePull,
  setupHandlerTest,
  startApp,
  TARGET as target,
  type EvaluationSpec,
  type PullSpec,
} from "./harness.js";

const DECLARATION = "Stakeholder declaration";
const SIGNOFF = "Multi-sector sign-off";

const SWEEP_POLICY = `${POLICY}\ntransparency:\n  report: off\n`;
const CHARTER: PullSpec = { author: "alice", labels: ["decision:charter"], files: ["CHARTER.md"] };
const approvals = (...logins: string[]) => logins.map((login, i) => review(login, "APPROVED", `2026-11-21T0${i + 1}:00:00Z`));

const { deliver } = setupHandlerTest();

const opened = () => pullRequestPayload("pull_request.opened", target);
/** The whole sign-off check run the app writes when it passes on HEAD at NOW, with `output`. */
const passed = (output: object) => ({
  name: SIGNOFF,
  head_sha: HEAD,
  status: "completed",
  conclusion: "success",
  completed_at: NOW.toISOString(),
  details_url: POLICY_URL,
  // The sweep's hint: what the evaluation saw, and when to look again.
  external_id: expect.stringMatching(/^pg1\./),
  output,
});

describe("Multi-sector sign-off", () => {
  it("passes a charter amendment approved by three sectors including the required one", async () => {
    const { checks } = await deliver("pull_request", opened(), { pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan") } });
    expect(checks[SIGNOFF]).toEqual(passed({ title: "Signed off by 3 sectors", summary: expect.any(String), text: expect.any(String) }));
    expect(lines(checks[SIGNOFF]?.output.summary)[0]).toBe("- **Charter amendment**: signed off ✓");
    const text = lines(checks[SIGNOFF]?.output.text);
    expect(text).toContain("| Government | bob | – | – | – | 1 |");
    expect(text).toContain("| Business | carol | – | – | – | 1 |");
    expect(text).toContain("| Civil society | dan | – | – | – | 1 |");
  });

  it("waits for the required sector, as action_required with the policy as details", async () => {
    const { checks } = await deliver("pull_request_review", pullRequestPayload("pull_request_review.submitted", target), {
      pr: { ...CHARTER, reviews: approvals("bob", "carol") },
    });
    expect(checks[SIGNOFF]).toMatchObject({
      name: SIGNOFF,
      head_sha: HEAD,
      status: "completed",
      conclusion: "action_required",
      details_url: POLICY_URL,
      output: { title: "2 of 3 sectors: waiting for Civil society" },
    });
    expect(lines(checks[SIGNOFF]?.output.text)).toContain("| Civil society | – | – | – | – | 1 |");
  });

  it("is blocked by an objection of a voter", async () => {
    const { checks } = await deliver("pull_request_review", pullRequestPayload("pull_request_review.submitted", target), {
      pr: { ...CHARTER, reviews: [...approvals("bob", "dan"), review("carol", "CHANGES_REQUESTED", "2026-11-21T05:00:00Z")] },
    });
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "failure", output: { title: "Blocked by an objection from Business" } });
    const summary = lines(checks[SIGNOFF]?.output.summary);
    expect(summary).toContain(
      "An objection blocks this pull request (carol). An objection stands until its own author approves, abstains, recuses or dismisses it; a dismissal by anyone else does not lift it.",
    );
    expect(lines(checks[SIGNOFF]?.output.text)).toContain("- **carol** (Business): blocks until they approve, abstain, recuse or dismiss their review themselves");
  });

  it("no longer counts approvals of the earlier commit after a push (synchronize)", async () => {
    const { checks } = await deliver("pull_request", pullRequestPayload("pull_request.synchronize", target), {
      pr: {
        ...CHARTER,
        reviews: [
          review("bob", "APPROVED", "2026-11-21T01:00:00Z", OLD_HEAD),
          review("carol", "APPROVED", "2026-11-21T02:00:00Z"),
          review("dan", "APPROVED", "2026-11-21T03:00:00Z"),
        ],
      },
    });
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "action_required", output: { title: "2 of 3 sectors: waiting for 1 more sector" } });
    const text = lines(checks[SIGNOFF]?.output.text);
    expect(text).toContain("- **bob** (review): approved an earlier commit; an approval of the latest commit is needed");
    expect(text).toContain("| Government | – | – | – | – | 1 |");
  });

  it("passes a PR that is no decision", async () => {
    const { checks } = await deliver("pull_request", opened(), { pr: { author: "alice", files: ["README.md", "docs/guide.md"] } });
    expect(checks[SIGNOFF]).toEqual(
      passed({
        title: "Not a decision",
        summary: `This pull request changes no file and carries no label that the policy makes a decision, so it needs no sign-off.\n\nThe rules this pull request is judged by are in [the partnership’s policy](${POLICY_URL}).`,
      }),
    );
  });

  it("fails both checks on an invalid policy, with the position of the error", async () => {
    const { mock, checks } = await deliver("pull_request", opened(), null, (m) => {
      serveGovernance(m, { owner: OWNER, repo: REPO, policy: fixture("governance-invalid.yml") });
      servePull(m, { ...CHARTER, reviews: approvals("bob", "carol", "dan") });
      serveChecks(m);
    });
    for (const name of [DECLARATION, SIGNOFF]) {
      expect(checks[name]).toMatchObject({ name, head_sha: HEAD, conclusion: "failure", output: { title: "The governance policy or registry is invalid (1 error)" } });
      expect(lines(checks[name]?.output.summary)).toContain(
        `- [\\.github/governance\\.yml:14:16](${POLICY_URL}#L14): \`sectors: 5\` asks for more sectors than the policy declares (3). Lower it to 3 or less.`,
      );
    }
    // The registry is not read: an invalid policy cannot judge it.
    expect(mock.requests.some((r) => r.path.endsWith("/STAKEHOLDERS.yml"))).toBe(false);
  });

  it("fails closed on a GitHub error, naming the request id", async () => {
    const { checks } = await deliver("pull_request_review", pullRequestPayload("pull_request_review.submitted", target), null, (mock) => {
      serveGovernance(mock, { owner: OWNER, repo: REPO, policy: POLICY, registry: REGISTRY });
      servePull(mock, CHARTER, { failing: { list: "graphql", requestId: "BEEF:0001:0002" } });
      // Where the failed checks go: the PR's head commit, read again (REST) after the failure.
      serveOpenHead(mock);
      serveChecks(mock);
    });
    const signoff = checks[SIGNOFF];
    expect(signoff).toMatchObject({ head_sha: HEAD, conclusion: "failure", output: { title: "Could not read this pull request from GitHub" } });
    expect(lines(signoff?.output.summary)).toContain("GitHub’s request id: BEEF:0001:0002. Quote it if you contact GitHub Support.");
  });

  it("writes nothing when both checks already show the same outcome and text", async () => {
    const spec: EvaluationSpec = { pr: { ...CHARTER, reviews: approvals("bob", "carol") } };
    const first = await deliver("pull_request", opened(), spec);
    setupNock();
    const existing = { [DECLARATION]: asExisting(101, first.checks[DECLARATION]), [SIGNOFF]: asExisting(102, first.checks[SIGNOFF]) };
    const again = await deliver("pull_request", pullRequestPayload("pull_request.labeled", target), { ...spec, checks: { existing } });
    expect(appWrites(again.mock)).toEqual([]);
  });
});

describe("Multi-sector sign-off: the sweep", () => {
  it("passes a PR whose comment period has just ended", async () => {
    const consultation: PullSpec = { author: "alice", labels: ["consultation"], createdAt: NOW.toISOString(), reviews: approvals("bob", "carol") };
    // At T, the PR is opened and approved by two sectors: it waits for its comment period.
    const first = await deliver("pull_request", opened(), { policy: SWEEP_POLICY, pr: consultation });
    expect(first.checks[SIGNOFF]).toMatchObject({
      conclusion: "action_required",
      details_url: POLICY_URL,
      output: { title: "Comment period ends 2026-11-25 08:00 UTC" },
    });
    expect(lines(first.checks[SIGNOFF]?.output.summary)).toContain("- Comment period of **Public consultation** (72 hours): ends November 25, 2026 at 08:00 AM UTC");

    // At T + 72 h, the app's sweep finds the PR and passes it.
    setupNock();
    const mock = mockGitHub();
    mock.get("/app/installations?per_page=100", { body: [{ id: INSTALLATION, account: { login: OWNER }, app_id: APP_ID }] });
    mock.post(`/app/installations/${INSTALLATION}/access_tokens`, undefined, {
      status: 201,
      body: { token: "ghs_sweep", expires_at: "2099-01-01T00:00:00Z", permissions: {} },
    });
    mock.get("/installation/repositories?per_page=100", {
      body: { total_count: 1, repositories: [{ id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: "main", archived: false }] },
    });
    // The sweep reads the rules of the repository, publishes its due reports (none with
    // `report: off`: the reports have their own tests), then evaluates each open PR.
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: SWEEP_POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    mock.get(`/repos/${OWNER}/${REPO}/issues?state=all&creator=partnership-governance%5Bbot%5D&per_page=100`, { body: [] }, { times: 2 });
    // It looks for closes the log missed (none were closed here), back to the log's last record (none).
    mock.get(`/repos/${OWNER}/${REPO}/pulls?state=closed&sort=updated&direction=desc&per_page=100`, { body: [] });
    serveNoDirectPushes(mock, OWNER, REPO);
    const existing = { [DECLARATION]: asExisting(101, first.checks[DECLARATION]), [SIGNOFF]: asExisting(102, first.checks[SIGNOFF]) };
    // The listing shows the checks' hint: the comment period's end has come.
    serveOpenPullsWithChecks(mock, [{ number: NUMBER, labels: ["consultation"], reviews: 2, existing }]);
    serveEvaluation(mock, { policy: SWEEP_POLICY, pr: consultation, checks: { existing, updates: [SIGNOFF] } });
    const app = await startApp(new Date(NOW.getTime() + 72 * 3_600_000));

    await app.sweep();

    assertDone(mock);
    const checks = checkBodies(mock, existing);
    expect(checks[DECLARATION]).toBeUndefined();
    expect(checks[SIGNOFF]).toMatchObject({ status: "completed", conclusion: "success", completed_at: "2026-11-25T08:00:00.000Z", output: { title: "Signed off by 2 sectors" } });
    expect(lines(checks[SIGNOFF]?.output.summary)).toContain("- Comment period of **Public consultation** (72 hours): ended November 25, 2026 at 08:00 AM UTC");
  });
});

describe("Multi-sector sign-off: asked to evaluate again", () => {
  const checkComment = (commenter: string, commenterType: "User" | "Bot" = "User") =>
    issueCommentPayload("issue_comment.created", {
      owner: OWNER,
      repo: REPO,
      installationId: INSTALLATION,
      number: NUMBER,
      body: "/governance check",
      commentId: 4711,
      commenter,
      commenterType,
    });

  it("answers `/governance check` from a person with a +1 reaction and an evaluation", async () => {
    const { mock, checks } = await deliver(
      "issue_comment",
      checkComment("carol"),
      { pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan"), comments: [{ id: 4711, user: "carol", body: "/governance check", at: "2026-11-22T07:59:00Z" }] } },
      (m) => m.post(`/repos/${OWNER}/${REPO}/issues/comments/4711/reactions`, { content: "+1" }, { status: 201, body: { id: 1, content: "+1" } }),
    );
    expect(mock.sent("POST", `/repos/${OWNER}/${REPO}/issues/comments/4711/reactions`)).toHaveLength(1);
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "success", output: { title: "Signed off by 3 sectors" } });
  });

  it("ignores `/governance check` from a bot: no reaction, no evaluation", async () => {
    const { mock } = await deliver("issue_comment", checkComment("ci-helper[bot]", "Bot"), null);
    expect(mock.requests.filter((r) => !r.path.endsWith("/access_tokens"))).toEqual([]);
  });

  it("re-evaluates when GitHub's UI asks to re-run this app's check", async () => {
    const payload = checkRunPayload("check_run.rerequested", {
      owner: OWNER, repo: REPO, installationId: INSTALLATION, headSha: HEAD, name: SIGNOFF, appId: APP_ID, pullNumbers: [NUMBER],
    });
    const { checks } = await deliver("check_run", payload, { pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan") } });
    expect(checks[SIGNOFF]).toMatchObject({ head_sha: HEAD, conclusion: "success", output: { title: "Signed off by 3 sectors" } });
  });

  it("finds the open PRs of the commit when GitHub lists none on the re-run check (a PR from a fork)", async () => {
    const payload = checkRunPayload("check_run.rerequested", {
      owner: OWNER, repo: REPO, installationId: INSTALLATION, headSha: HEAD, name: DECLARATION, appId: APP_ID, pullNumbers: [],
    });
    const { mock, checks } = await deliver("check_run", payload, { pr: { author: "newcomer" } }, (m) => {
      m.get(`/repos/${OWNER}/${REPO}/commits/${HEAD}/pulls?per_page=100`, {
        body: [
          { number: 9, state: "closed", head: { sha: HEAD, ref: "amend" } },
          { number: NUMBER, state: "open", head: { sha: HEAD, ref: "amend" } },
        ],
      });
      m.post(`/repos/${OWNER}/${REPO}/issues/${NUMBER}/comments`, undefined, { status: 201, body: { id: 903 } });
    });
    expect(checks[DECLARATION]).toMatchObject({ head_sha: HEAD, conclusion: "failure", output: { title: "1 contributor has not declared: newcomer" } });
    expect(mock.requests.some((r) => r.path.includes("/pulls/9"))).toBe(false);
  });

  it("does nothing when the re-run is of another app's check", async () => {
    const { mock } = await deliver(
      "check_run",
      checkRunPayload("check_run.rerequested", {
        owner: OWNER, repo: REPO, installationId: INSTALLATION, headSha: HEAD, name: SIGNOFF, appId: APP_ID + 1000, pullNumbers: [NUMBER],
      }),
      null,
    );
    expect(mock.requests.filter((r) => !r.path.endsWith("/access_tokens"))).toEqual([]);
  });
});

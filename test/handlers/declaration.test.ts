// Issue 3: the `Stakeholder declaration` check, end to end through a real Probot: real webhook
// payloads in, the exact check-run bodies (and the instruction comment) out.
import { describe, expect, it } from "vitest";
import { MARKER_INSTRUCTIONS } from "../../src/constants.js";
import { mockGitHub, serveApp, serveFile, serveGovernance, type GitHubMock } from "../helpers/github-mocks.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import {
  appWrites,
  asExisting,
  assertDone,
  checkBodies,
  fixture,
  HEAD,
  INSTALLATION,
  lines,
  NUMBER,
  OWNER,
  POLICY_URL,
  REGISTRY,
  REGISTRY_URL,
  REPO,
  serveChecks,
  serveEvaluation,
  serveOpenHead,
  servePull,
  setupHandlerTest,
  startApp,
  TARGET,
  type EvaluationSpec,
} from "./harness.js";

const DECLARATION = "Stakeholder declaration";
const SIGNOFF = "Multi-sector sign-off";
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${NUMBER}/comments`;

const { opened } = setupHandlerTest();
/** A PR opened by its author. */
const evaluate = (spec: EvaluationSpec, extra?: (mock: GitHubMock) => void) => opened(spec, extra, spec.pr?.author ?? "alice");
const openedBy = (author: string) => pullRequestPayload("pull_request.opened", { ...TARGET, author });

describe("Stakeholder declaration", () => {
  it("passes when the author has a current declaration", async () => {
    const { mock, checks } = await evaluate({ pr: { author: "alice" } });
    expect(checks[DECLARATION]).toEqual({
      name: DECLARATION,
      head_sha: HEAD,
      status: "completed",
      conclusion: "success",
      completed_at: "2026-11-22T08:00:00.000Z",
      details_url: POLICY_URL,
      // The sweep's hint: what the evaluation saw, and when to look again.
      external_id: expect.stringMatching(/^pg1\./),
      output: { title: "All contributors have declared", summary: expect.any(String) },
    });
    expect(lines(checks[DECLARATION]?.output.summary)).toContain("- **alice**: Civil society, Open Knowledge Foundation, declared on March 1, 2026");
    // Nobody to thank and nobody to ask: no comment is written.
    expect(mock.writes().filter((w) => w.path.startsWith(COMMENTS))).toEqual([]);
  });

  it("fails for an undeclared author, posts the instructions once, stays quiet when nothing changed, and thanks them once declared", async () => {
    // 1. The first evaluation: the check fails and the instruction comment is posted.
    const first = await evaluate({ pr: { author: "newcomer" } }, (mock) => {
      mock.post(COMMENTS, undefined, { status: 201, body: { id: 900 } });
    });
    const failed = first.checks[DECLARATION];
    expect(failed).toMatchObject({ name: DECLARATION, head_sha: HEAD, status: "completed", conclusion: "failure" });
    expect(failed?.output.title).toBe("1 contributor has not declared: newcomer");
    const summary = lines(failed?.output.summary);
    expect(summary).toContain("- **newcomer** has no entry in the registry.");
    expect(summary).toContain("  - login: newcomer");
    expect(summary).toContain("    declared: 2026-11-22");
    expect(failed?.output.summary).toContain(`[STAKEHOLDERS\\.yml](${REGISTRY_URL}) on the main branch`);
    const posted = first.mock.sent("POST", COMMENTS);
    expect(posted).toHaveLength(1);
    const instructions = (posted[0]?.body as { body: string }).body;
    expect(instructions).toContain(MARKER_INSTRUCTIONS);
    expect(instructions).toContain("Please declare whom you represent");
    expect(instructions).toContain("- **newcomer** has no entry in the registry.");

    // 2. The same state again: both checks and the comment already say it, so nothing is written.
    const existing = { [DECLARATION]: asExisting(101, failed), [SIGNOFF]: asExisting(102, first.checks[SIGNOFF]) };
    const appComment = { id: 900, user: "partnership-governance[bot]", body: instructions, at: "2026-11-22T08:00:00Z" };
    const second = await evaluate({ pr: { author: "newcomer" }, appComments: [appComment], checks: { existing } });
    expect(appWrites(second.mock)).toEqual([]);

    // 3. The author declared on main: the check passes and the comment becomes a thank-you.
    const third = await evaluate(
      { pr: { author: "newcomer" }, registry: fixture("STAKEHOLDERS-with-newcomer.yml"), appComments: [appComment], checks: { existing, updates: [DECLARATION] } },
      (mock) => mock.patch(`/repos/${OWNER}/${REPO}/issues/comments/900`, undefined, { body: { id: 900 } }),
    );
    expect(third.checks[DECLARATION]).toMatchObject({ status: "completed", conclusion: "success", output: { title: "All contributors have declared" } });
    expect(lines(third.checks[DECLARATION]?.output.summary)).toContain(
      "- **newcomer**: Business, Green Energy Cooperative, declared on November 21, 2026",
    );
    expect(third.checks[SIGNOFF]).toBeUndefined();
    const edited = third.mock.sent("PATCH", `/repos/${OWNER}/${REPO}/issues/comments/900`);
    expect(edited).toHaveLength(1);
    const thanks = (edited[0]?.body as { body: string }).body;
    expect(thanks).toContain(MARKER_INSTRUCTIONS);
    expect(thanks).toContain(`Thank you: everyone in this pull request has now declared whom they represent in [the registry](${REGISTRY_URL}).`);
    expect(third.mock.sent("POST", COMMENTS)).toEqual([]);
  });

  it("fails for an expired declaration, with the day it expired", async () => {
    const { checks } = await evaluate({ pr: { author: "erin" } }, (mock) => {
      mock.post(COMMENTS, undefined, { status: 201, body: { id: 901 } });
    });
    expect(checks[DECLARATION]).toMatchObject({ conclusion: "failure", output: { title: "1 contributor has not declared: erin" } });
    expect(lines(checks[DECLARATION]?.output.summary)).toContain(
      "- **erin**: the declaration expired on July 1, 2026. Renew it by setting `declared` to today’s date.",
    );
  });

  it.each([
    ["a bot author", "dependabot[bot]", "- **dependabot\\[bot\\]**: a bot account"],
    ["an exempt author", "secretariat", "- **secretariat**: exempt in the policy"],
  ])("does not ask %s to declare", async (_case, author, line) => {
    const { mock, checks } = await evaluate({ pr: { author } });
    expect(checks[DECLARATION]).toMatchObject({ conclusion: "success", output: { title: "All contributors have declared" } });
    expect(lines(checks[DECLARATION]?.output.summary)).toContain(line);
    expect(mock.sent("POST", COMMENTS)).toEqual([]);
  });

  it("with committers required, fails for an undeclared committer and for a commit linked to no account", async () => {
    const { mock, checks } = await evaluate(
      {
        policy: fixture("governance-committers.yml"),
        pr: {
          author: "alice",
          commits: [
            { sha: "1".repeat(40), login: "alice", name: "Alice" },
            { sha: "2".repeat(40), login: "newcomer", name: "New Comer" },
            { sha: "3".repeat(40), login: null, name: "Jo Bloggs" },
            { sha: "4".repeat(40), login: "bob", name: "Bob" },
          ],
        },
      },
      (mock) => mock.post(COMMENTS, undefined, { status: 201, body: { id: 902 } }),
    );
    expect(checks[DECLARATION]).toMatchObject({
      conclusion: "failure",
      output: { title: "2 contributors have not declared: newcomer, Jo Bloggs" },
    });
    const summary = lines(checks[DECLARATION]?.output.summary);
    expect(summary).toContain("- **newcomer** has no entry in the registry.");
    expect(summary.some((l) => l.startsWith("- Commit `3333333` by Jo Bloggs was made with an e-mail address that GitHub links to no account"))).toBe(true);
    expect(summary).toContain("- **alice**: Civil society, Open Knowledge Foundation, declared on March 1, 2026");
    expect(summary).toContain("- **bob**: Government, Ministry of Culture, declared on January 15, 2026");
    expect(mock.sent("POST", COMMENTS)).toHaveLength(1);
  });

  it("with committers required, fails a PR of 251 commits: GitHub lists 250, so the 251st's undeclared author cannot hide behind them", async () => {
    // The 250 commits GitHub lists are all by declared alice; GitHub counts 251 (commits.totalCount).
    const commits = Array.from({ length: 250 }, (_, i) => ({ sha: i.toString(16).padStart(40, "0"), login: "alice", name: "Alice" }));
    const { checks } = await evaluate({ policy: fixture("governance-committers.yml"), pr: { author: "alice", commits, commitCount: 251 } });
    expect(checks[DECLARATION]).toMatchObject({
      conclusion: "failure",
      output: { title: "This pull request has more commits than GitHub lists (250 of 251): its committers cannot all be checked. Squash its commits or split it into smaller pull requests" },
    });
  });

  it("passes an author who declares in the PR itself, reading only that entry at the head, while sign-off still needs the governance kind", async () => {
    const { mock, checks } = await evaluate(
      { pr: { author: "newcomer", files: ["STAKEHOLDERS.yml"] } },
      (mock) => serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: HEAD, content: fixture("STAKEHOLDERS-with-newcomer.yml") }),
    );
    expect(checks[DECLARATION]).toMatchObject({ conclusion: "success", output: { title: "All contributors have declared" } });
    expect(lines(checks[DECLARATION]?.output.summary)).toContain("- **newcomer**: Business, Green Energy Cooperative, declared in this pull request");
    expect(checks[SIGNOFF]).toMatchObject({
      conclusion: "action_required",
      details_url: POLICY_URL,
      output: { title: "0 of 2 sectors: waiting for 2 more sectors" },
    });
    expect(lines(checks[SIGNOFF]?.output.summary)).toContain("- **Changes to the governance rules**: not signed off yet ✗ (0 of 2 sectors: waiting for 2 more sectors)");
    // Only the registry is read at the head; the policy and the judging registry come from main.
    expect(mock.sent("GET").filter((r) => r.query.ref === HEAD).map((r) => r.path)).toEqual([`/repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml`]);
    expect(mock.sent("POST", COMMENTS)).toEqual([]);
  });

  it("fails both checks on an invalid registry, with file:line:column", async () => {
    const { mock, checks } = await evaluate({ pr: { author: "alice" }, registry: fixture("STAKEHOLDERS-invalid.yml") });
    for (const name of [DECLARATION, SIGNOFF]) {
      expect(checks[name]).toMatchObject({ name, head_sha: HEAD, status: "completed", conclusion: "failure" });
      expect(checks[name]?.output.title).toBe("The governance policy or registry is invalid (1 error)");
      expect(checks[name]?.output.summary).toContain(
        `- [STAKEHOLDERS\\.yml:8:12](${REGISTRY_URL}#L8): \`Alice\` is declared more than once (first on line 2). Each person declares once, for one sector.`,
      );
    }
    expect(mock.writes().filter((w) => w.path.startsWith(COMMENTS))).toEqual([]);
  });
});

describe("Stakeholder declaration: the instruction comment is the app's own", () => {
  it("looks up its login once, leaves another bot's comment with the marker alone, and posts its own", async () => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    serveApp(mock, { id: 1, slug: "partnership-governance" });
    const impostor = { id: 800, user: "copycat[bot]", body: `Pasted instructions\n\n${MARKER_INSTRUCTIONS}`, at: "2026-11-21T08:00:00Z" };
    serveEvaluation(mock, { pr: { author: "newcomer" }, appComments: [impostor] });
    mock.post(COMMENTS, undefined, { status: 201, body: { id: 900 } });
    const app = await startApp(undefined, { lookUpLogin: true });

    await app.receive("pull_request", openedBy("newcomer"));

    assertDone(mock);
    // The other bot's comment is neither edited nor removed: the app wrote its own instead.
    expect(mock.writes().filter((w) => w.path.includes("/issues/comments/"))).toEqual([]);
    const posted = mock.sent("POST", COMMENTS);
    expect(posted).toHaveLength(1);

    // Evaluated again, its own comment and checks now there: nothing is written, and the login
    // is not asked again.
    const checks = checkBodies(mock);
    const own = { id: 900, user: "partnership-governance[bot]", body: (posted[0]?.body as { body: string }).body, at: "2026-11-22T08:00:00Z" };
    serveEvaluation(mock, {
      pr: { author: "newcomer" },
      appComments: [impostor, own],
      checks: { existing: { [DECLARATION]: asExisting(101, checks[DECLARATION]), [SIGNOFF]: asExisting(102, checks[SIGNOFF]) } },
    });
    const writes = appWrites(mock).length;
    await app.receive("pull_request", openedBy("newcomer"));

    assertDone(mock);
    expect(appWrites(mock)).toHaveLength(writes);
    expect(mock.sent("GET", "/app")).toHaveLength(1);
  });
});

describe("Stakeholder declaration: a GitHub error while gathering facts", () => {
  it.each([
    ["the PR's facts (the GraphQL query)", "graphql", fixture("governance.yml")],
    ["the commits (REST)", "commits", fixture("governance-committers.yml")],
  ] as const)("fails both checks naming the request id when reading %s answers 500", async (_what, list, policy) => {
    const { checks } = await opened(null, (mock) => {
      serveGovernance(mock, { owner: OWNER, repo: REPO, policy, registry: REGISTRY });
      servePull(
        mock,
        { author: "alice", ...(list === "commits" ? { commits: [] } : {}) },
        { failing: { list, requestId: "CAFE:1234:5678:9ABC" } },
      );
      // Where the failed checks go: the PR's head commit, read again (REST) after the failure.
      serveOpenHead(mock);
      serveChecks(mock);
    });
    for (const name of [DECLARATION, SIGNOFF]) {
      expect(checks[name]).toMatchObject({ name, head_sha: HEAD, status: "completed", conclusion: "failure", output: { title: "Could not read this pull request from GitHub" } });
      const summary = lines(checks[name]?.output.summary);
      expect(summary).toContain("GitHub’s request id: CAFE:1234:5678:9ABC. Quote it if you contact GitHub Support.");
      expect(summary).toContain(
        "This is usually temporary. Run the check again with the **Re-run** button of this check, or comment `/governance check` on the pull request.",
      );
      expect(summary.some((l) => l.startsWith("GitHub answered with an error (HTTP 500)"))).toBe(true);
    }
  });
});

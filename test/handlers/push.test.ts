// Issue 3: a push to the default branch that changes the registry (or the policy) re-evaluates
// every open pull request, all pages of them, also of the other repositories whose rules come
// from the changed file; a push that changes neither evaluates nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mockGitHub, serveFile, type GitHubMock } from "../helpers/github-mocks.js";
import { pushPayload } from "../helpers/payloads.js";
import { setupNock, teardownNock } from "../helpers/probot.js";
import {
  checkBodies,
  fixture,
  HEAD,
  INSTALLATION,
  OWNER,
  POLICY,
  REGISTRY,
  REPO,
  requestLine,
  serveEvaluation,
  serveOpenPulls,
  startApp,
  assertDone,
  watchUnexpected,
} from "./harness.js";

const OTHER_HEAD = "c".repeat(40);

/** The repositories the installation reaches (`GET /installation/repositories`). */
function serveInstallationRepositories(mock: GitHubMock, names: string[]): void {
  mock.get("/installation/repositories?per_page=100", {
    body: {
      total_count: names.length,
      repositories: names.map((name, i) => ({ id: i + 1, name, full_name: `${OWNER}/${name}`, owner: { login: OWNER }, default_branch: "main", archived: false })),
    },
  });
}
const push = (modified: string[], ref?: string) =>
  pushPayload({ owner: OWNER, repo: REPO, installationId: INSTALLATION, defaultBranch: "main", modified, ...(ref ? { ref } : {}) });

describe("a push", () => {
  beforeEach(() => {
    setupNock();
    watchUnexpected();
  });
  afterEach(teardownNock);

  it("to main that changes the registry evaluates every open PR again, across pages", async () => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    const registry = fixture("STAKEHOLDERS-with-newcomer.yml");
    // The handler reads the rules (as evaluations do: the default branch, no ref) to know the
    // registry's path, then lists the open PRs.
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: registry });
    serveOpenPulls(mock, [[12], [13]]);
    // A YAML file changed: could it be another repository's rules? None uses this one's.
    serveInstallationRepositories(mock, [REPO]);
    serveEvaluation(mock, { registry, pr: { number: 12, author: "newcomer" } });
    serveEvaluation(mock, { registry, pr: { number: 13, author: "carol", headSha: OTHER_HEAD } });
    const app = await startApp();

    await app.receive("push", push(["STAKEHOLDERS.yml"]));

    assertDone(mock);
    const written = mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`).map((r) => r.body as { name: string; head_sha: string; conclusion: string; output: { title: string } });
    expect(written.map((b) => [b.head_sha, b.name, b.conclusion, b.output.title])).toEqual([
      [HEAD, "Stakeholder declaration", "success", "All contributors have declared"],
      [HEAD, "Multi-sector sign-off", "success", "Not a decision"],
      [OTHER_HEAD, "Stakeholder declaration", "success", "All contributors have declared"],
      [OTHER_HEAD, "Multi-sector sign-off", "success", "Not a decision"],
    ]);
    expect(mock.requests.map(requestLine)).toContain(`GET /repos/${OWNER}/${REPO}/pulls?state=open&per_page=100&page=2`);
    expect(checkBodies(mock)["Stakeholder declaration"]?.output.summary).toContain("- **carol**: Business, Chamber of Commerce");
  });

  it("to main that changes the policy evaluates the open PRs without reading the rules first", async () => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    serveOpenPulls(mock, [[12]]);
    serveEvaluation(mock, { pr: { number: 12, author: "alice" } });
    serveInstallationRepositories(mock, [REPO]);
    const app = await startApp();

    await app.receive("push", push([".github/governance.yml"]));

    assertDone(mock);
    expect(mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`)).toHaveLength(2);
  });

  it.each([
    ["to main that changes neither the policy nor the registry, nor any YAML but a workflow", ["README.md", "CHARTER.md", ".github/workflows/ci.yml"], undefined, 2],
    ["to another branch, even of the registry", ["STAKEHOLDERS.yml"], "refs/heads/feature", 0],
  ])("%s evaluates nothing", async (_case, modified, ref, reads) => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    if (reads > 0) {
      serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY });
      serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    }
    const app = await startApp();

    await app.receive("push", push(modified, ref));

    assertDone(mock);
    expect(mock.requests.filter((r) => !r.path.endsWith("/access_tokens")).map(requestLine)).toEqual(
      reads > 0
        ? [
            `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml`,
            `GET /repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml`,
          ]
        : [],
    );
  });

  it("to the organisation's .github repository re-evaluates the open PRs of every repository whose rules come from it, and only those", async () => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    // The pushed repository itself: its own policy changed, it has no open PR.
    mock.get(`/repos/${OWNER}/.github/pulls?state=open&per_page=100`, { body: [] });
    serveInstallationRepositories(mock, [".github", REPO, "budget"]);
    // charter has no policy of its own: Probot's fallback, the organisation's, is its rules.
    const charterRules = () => {
      serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: null });
      serveFile(mock, { owner: OWNER, repo: ".github", path: ".github/governance.yml", ref: null, content: POLICY });
      serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    };
    charterRules();
    // budget has its own policy and registry: the push changed nothing of its rules.
    serveFile(mock, { owner: OWNER, repo: "budget", path: ".github/governance.yml", ref: null, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: "budget", path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    // charter's open PR, evaluated again under the new base policy.
    serveOpenPulls(mock, [[12]]);
    charterRules();
    serveEvaluation(mock, { pr: { number: 12, author: "alice" }, rules: false });
    const app = await startApp();

    await app.receive("push", pushPayload({ owner: OWNER, repo: ".github", installationId: INSTALLATION, defaultBranch: "main", modified: [".github/governance.yml"] }));

    assertDone(mock);
    expect(mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`)).toHaveLength(2);
    // budget's PRs were not even listed.
    expect(mock.requests.map(requestLine)).not.toContain(`GET /repos/${OWNER}/budget/pulls?state=open&per_page=100`);
  });
});

// Issue 3: a push to the default branch that changes the registry (or the policy) re-evaluates
// every open pull request, all pages of them, also of the other repositories whose rules come
// from the changed file; a push that changes neither evaluates nothing.
import { describe, expect, it } from "vitest";
import { serveFile, type GitHubMock } from "../helpers/github-mocks.js";
import { pushPayload } from "../helpers/payloads.js";
import {
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
  setupHandlerTest,
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

const { deliver } = setupHandlerTest();

describe("a push", () => {
  it("to main that changes the registry evaluates every open PR again, across pages", async () => {
    const registry = fixture("STAKEHOLDERS-with-newcomer.yml");
    const { mock, checks } = await deliver("push", push(["STAKEHOLDERS.yml"]), null, (m) => {
      // The handler reads the rules (as evaluations do: the default branch, no ref) to know the
      // registry's path, then lists the open PRs.
      serveFile(m, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY });
      serveFile(m, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: registry });
      serveOpenPulls(m, [[12], [13]]);
      // A YAML file changed: could it be another repository's rules? None uses this one's.
      serveInstallationRepositories(m, [REPO]);
      serveEvaluation(m, { registry, pr: { number: 12, author: "newcomer" } });
      serveEvaluation(m, { registry, pr: { number: 13, author: "carol", headSha: OTHER_HEAD } });
    });

    const written = mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`).map((r) => r.body as { name: string; head_sha: string; conclusion: string; output: { title: string } });
    expect(written.map((b) => [b.head_sha, b.name, b.conclusion, b.output.title])).toEqual([
      [HEAD, "Stakeholder declaration", "success", "All contributors have declared"],
      [HEAD, "Multi-sector sign-off", "success", "Not a decision"],
      [OTHER_HEAD, "Stakeholder declaration", "success", "All contributors have declared"],
      [OTHER_HEAD, "Multi-sector sign-off", "success", "Not a decision"],
    ]);
    expect(mock.requests.map(requestLine)).toContain(`GET /repos/${OWNER}/${REPO}/pulls?state=open&per_page=100&page=2`);
    expect(checks["Stakeholder declaration"]?.output.summary).toContain("- **carol**: Business, Chamber of Commerce");
  });

  it("to main that changes the policy evaluates the open PRs without reading the rules first", async () => {
    const { mock } = await deliver("push", push([".github/governance.yml"]), null, (m) => {
      serveOpenPulls(m, [[12]]);
      serveEvaluation(m, { pr: { number: 12, author: "alice" } });
      serveInstallationRepositories(m, [REPO]);
    });

    expect(mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`)).toHaveLength(2);
  });

  it.each([
    ["to main that changes neither the policy nor the registry, nor any YAML but a workflow", ["README.md", "CHARTER.md", ".github/workflows/ci.yml"], undefined, 2],
    ["to another branch, even of the registry", ["STAKEHOLDERS.yml"], "refs/heads/feature", 0],
  ])("%s evaluates nothing", async (_case, modified, ref, reads) => {
    const { mock } = await deliver("push", push(modified, ref), null, (m) => {
      if (reads > 0) {
        serveFile(m, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY });
        serveFile(m, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
      }
    });

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
    const push = pushPayload({ owner: OWNER, repo: ".github", installationId: INSTALLATION, defaultBranch: "main", modified: [".github/governance.yml"] });
    const { mock } = await deliver("push", push, null, (m) => {
      // The pushed repository itself: its own policy changed, it has no open PR.
      m.get(`/repos/${OWNER}/.github/pulls?state=open&per_page=100`, { body: [] });
      serveInstallationRepositories(m, [".github", REPO, "budget"]);
      // charter has no policy of its own: Probot's fallback, the organisation's, is its rules.
      const charterRules = () => {
        serveFile(m, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: null });
        serveFile(m, { owner: OWNER, repo: ".github", path: ".github/governance.yml", ref: null, content: POLICY });
        serveFile(m, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
      };
      charterRules();
      // budget has its own policy and registry: the push changed nothing of its rules.
      serveFile(m, { owner: OWNER, repo: "budget", path: ".github/governance.yml", ref: null, content: POLICY });
      serveFile(m, { owner: OWNER, repo: "budget", path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
      // charter's open PR, evaluated again under the new base policy.
      serveOpenPulls(m, [[12]]);
      charterRules();
      serveEvaluation(m, { pr: { number: 12, author: "alice" }, rules: false });
    });

    expect(mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`)).toHaveLength(2);
    // budget's PRs were not even listed.
    expect(mock.requests.map(requestLine)).not.toContain(`GET /repos/${OWNER}/budget/pulls?state=open&per_page=100`);
  });
});

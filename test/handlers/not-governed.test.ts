// Issue 2: a repository without a policy is left alone, and the rules that judge a pull request
// are always the default branch's, whatever the pull request changes.
import { describe, expect, it } from "vitest";
import { serveFile } from "../helpers/github-mocks.js";
import { pullRequestPayload, pushPayload } from "../helpers/payloads.js";
import { fixture, HEAD, INSTALLATION, lines, OWNER, POLICY, REGISTRY, REPO, requestLine, review, setupHandlerTest, TARGET as target } from "./harness.js";

const { deliver } = setupHandlerTest();

describe("a repository without a policy", () => {
  it.each([
    ["the organisation's .github repository has no policy either", true],
    ["the organisation has no .github repository", false],
  ])("is left alone when %s", async (_case, orgRepoExists) => {
    const { mock } = await deliver("pull_request", pullRequestPayload("pull_request.opened", target), null, (m) => {
      // Both files are read from their repository's default branch without naming it (no `ref`,
      // no default-branch lookup); GitHub answers 404 for an absent file as for an absent repository.
      serveFile(m, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: null });
      if (orgRepoExists) {
        serveFile(m, { owner: OWNER, repo: ".github", path: ".github/governance.yml", ref: null, content: null });
      } else {
        m.get(`/repos/${OWNER}/.github/contents/.github/governance.yml`, { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } });
      }
    });

    expect(mock.writes().filter((w) => !w.path.endsWith("/access_tokens"))).toEqual([]);
    expect(mock.requests.map(requestLine).filter((l) => !l.endsWith("/access_tokens"))).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml`,
      `GET /repos/${OWNER}/.github/contents/.github/governance.yml`,
    ]);
  });

  it("ignores a push to its default branch, also when the organisation has no .github repository", async () => {
    const push = pushPayload({ owner: OWNER, repo: REPO, installationId: INSTALLATION, defaultBranch: "main", modified: ["STAKEHOLDERS.yml"] });
    const { mock } = await deliver("push", push, null, (m) => {
      // The push is to the default branch: the policy is read there, as evaluations read it (no ref);
      // the organisation's, from its own default branch.
      serveFile(m, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: null });
      m.get(`/repos/${OWNER}/.github/contents/.github/governance.yml`, { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } });
      // A YAML file changed: the app looks whether another repository's rules use it (none here).
      m.get("/installation/repositories?per_page=100", {
        body: { total_count: 1, repositories: [{ id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: "main", archived: false }] },
      });
    });

    expect(mock.writes().filter((w) => !w.path.endsWith("/access_tokens"))).toEqual([]);
    expect(mock.requests.map(requestLine).filter((l) => !l.endsWith("/access_tokens"))).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml`,
      `GET /repos/${OWNER}/.github/contents/.github/governance.yml`,
      "GET /installation/repositories?per_page=100",
    ]);
  });
});

describe("the rules a pull request is judged by", () => {
  it("come from the default branch: a PR that rewrites the policy to pass itself still waits for main's sign-off", async () => {
    const { mock, checks } = await deliver(
      "pull_request",
      pullRequestPayload("pull_request.synchronize", target),
      {
        pr: {
          labels: ["decision:charter"],
          files: [".github/governance.yml", "CHARTER.md"],
          reviews: [review("bob", "APPROVED", "2026-11-21T09:00:00Z"), review("carol", "APPROVED", "2026-11-21T10:00:00Z")],
        },
      },
      (m) => {
        // The head's files are read only to check that they are valid (the PR changes the policy).
        serveFile(m, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: HEAD, content: fixture("governance-self-approving.yml") });
        serveFile(m, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: HEAD, content: REGISTRY });
      },
    );

    const signoff = checks["Multi-sector sign-off"];
    expect(signoff).toMatchObject({
      name: "Multi-sector sign-off",
      head_sha: HEAD,
      status: "completed",
      conclusion: "action_required",
      output: { title: "2 of 3 sectors: waiting for Civil society" },
    });
    expect(lines(signoff?.output.summary)).toEqual(
      expect.arrayContaining([
        "- **Charter amendment**: not signed off yet ✗ (2 of 3 sectors: waiting for Civil society)",
        "- **Changes to the governance rules**: signed off ✓",
      ]),
    );
    // The policy and registry that judged it were read from the default branch (no `ref`: the
    // contents API reads it); the head only for validation.
    const reads = mock.sent("GET").filter((r) => r.path.includes("/contents/"));
    expect(reads.map(requestLine)).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml`,
      `GET /repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml`,
      `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml?ref=${HEAD}`,
      `GET /repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml?ref=${HEAD}`,
    ]);
    expect(POLICY).not.toEqual(fixture("governance-self-approving.yml"));
  });
});

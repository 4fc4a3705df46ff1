import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_CONFIG_BYTES } from "../../src/constants.js";
import { createReadFile, getDefaultBranch, readFileAtDefaultBranch } from "../../src/github/files.js";
import { mockGitHub, serveFile, serveGovernance, serveRepository } from "../helpers/github-mocks.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";
import { checkRunPayload, deepMerge, issueCommentPayload, loadPayload, pullRequestPayload, pushPayload } from "../helpers/payloads.js";

describe("reading files from the default branch", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("reads the default branch's file without naming the branch: no GET /repos/{o}/{r}, no ?ref=", async () => {
    const mock = mockGitHub();
    serveGovernance(mock, { owner: "org", repo: "charter", policy: "sectors: []\n" });
    const file = await readFileAtDefaultBranch(createTestOctokit(), { owner: "org", repo: "charter", path: ".github/governance.yml" });
    mock.assertAllDone();
    expect(Buffer.from(file?.text ?? []).toString()).toBe("sectors: []\n");
    expect(file?.size).toBe(12);
    expect(mock.requests.map((r) => `${r.path}?${new URLSearchParams(r.query)}`)).toEqual(["/repos/org/charter/contents/.github/governance.yml?"]);
  });

  it("reads a file at the ref it is given (a PR's head)", async () => {
    const mock = mockGitHub();
    serveGovernance(mock, { owner: "org", repo: "charter", ref: "c".repeat(40), policy: "sectors: []\n" });
    const file = await readFileAtDefaultBranch(createTestOctokit(), { owner: "org", repo: "charter", path: ".github/governance.yml" }, "c".repeat(40));
    mock.assertAllDone();
    expect(Buffer.from(file?.text ?? []).toString()).toBe("sectors: []\n");
    expect(mock.requests.map((r) => `${r.path}?${new URLSearchParams(r.query)}`)).toEqual([
      `/repos/org/charter/contents/.github/governance.yml?ref=${"c".repeat(40)}`,
    ]);
  });

  it("gives null for an absent file", async () => {
    const mock = mockGitHub();
    serveFile(mock, { owner: "org", repo: "charter", path: "STAKEHOLDERS.yml", content: null });
    expect(await readFileAtDefaultBranch(createTestOctokit(), { owner: "org", repo: "charter", path: "STAKEHOLDERS.yml" }, "main")).toBeNull();
    mock.assertAllDone();
  });

  it("gives null for a directory", async () => {
    const mock = mockGitHub();
    mock.get("/repos/org/charter/contents/docs?ref=main", { body: [{ type: "dir", name: "a", path: "docs/a", sha: "1", size: 0 }] });
    expect(await readFileAtDefaultBranch(createTestOctokit(), { owner: "org", repo: "charter", path: "docs" }, "main")).toBeNull();
    mock.assertAllDone();
  });

  it("refuses a file over the size limit without downloading it", async () => {
    const mock = mockGitHub();
    mock.get("/repos/org/charter/contents/STAKEHOLDERS.yml?ref=main", {
      body: { type: "file", encoding: "none", size: 50_000_000, name: "STAKEHOLDERS.yml", path: "STAKEHOLDERS.yml", content: "", sha: "9" },
    });
    const file = await readFileAtDefaultBranch(createTestOctokit(), { owner: "org", repo: "charter", path: "STAKEHOLDERS.yml" }, "main");
    mock.assertAllDone();
    expect(file?.size).toBe(50_000_000);
    expect(file?.text.byteLength).toBe(MAX_CONFIG_BYTES + 1);
    expect(mock.requests).toHaveLength(1);
  });

  it("throws other errors", async () => {
    const mock = mockGitHub();
    mock.get("/repos/org/charter/contents/x.yml?ref=main", { status: 500, body: { message: "boom" } });
    await expect(readFileAtDefaultBranch(createTestOctokit(), { owner: "org", repo: "charter", path: "x.yml" }, "main")).rejects.toMatchObject({ status: 500 });
    mock.assertAllDone();
  });

  it("getDefaultBranch", async () => {
    const mock = mockGitHub();
    serveRepository(mock, { owner: "org", repo: "charter", defaultBranch: "develop" });
    expect(await getDefaultBranch(createTestOctokit(), { owner: "org", repo: "charter" })).toBe("develop");
    mock.assertAllDone();
  });

  it("the ReadFile adapter names files of the governed repository by path, others as owner/repo:path", async () => {
    const mock = mockGitHub();
    serveFile(mock, { owner: "org", repo: "charter", path: ".github/governance.yml", ref: null, content: "a: 1\n" });
    serveFile(mock, { owner: "org", repo: ".github", path: "people.yml", ref: null, content: "b: 2\n" });
    serveFile(mock, { owner: "org", repo: ".github", path: "absent.yml", ref: null, content: null });
    const readFile = createReadFile(createTestOctokit(), { owner: "org", repo: "charter" });
    const local = await readFile({ owner: "org", repo: "charter", path: ".github/governance.yml" });
    const remote = await readFile({ owner: "org", repo: ".github", path: "people.yml" });
    const absent = await readFile({ owner: "org", repo: ".github", path: "absent.yml" });
    mock.assertAllDone();
    expect(local?.file).toBe(".github/governance.yml");
    expect(Buffer.from(local?.text ?? "").toString()).toBe("a: 1\n");
    expect(remote?.file).toBe("org/.github:people.yml");
    expect(Buffer.from(remote?.text ?? "").toString()).toBe("b: 2\n");
    expect(absent).toBeNull();
    // Every file is read from its repository's default branch without looking the branch up.
    expect(mock.requests.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query)}`)).toEqual([
      "GET /repos/org/charter/contents/.github/governance.yml?",
      "GET /repos/org/.github/contents/people.yml?",
      "GET /repos/org/.github/contents/absent.yml?",
    ]);
  });

  it("the ReadFile adapter reads a file of a repository that does not exist (or is not visible) as absent", async () => {
    const mock = mockGitHub();
    mock.get("/repos/org/.github/contents/.github/governance.yml", {
      status: 404,
      body: { message: "Not Found", documentation_url: "https://docs.github.com/rest/repos/contents#get-repository-content" },
    });
    const readFile = createReadFile(createTestOctokit(), { owner: "org", repo: "charter" });
    expect(await readFile({ owner: "org", repo: ".github", path: ".github/governance.yml" })).toBeNull();
    mock.assertAllDone();
    expect(mock.requests).toHaveLength(1);
  });
});

describe("payload helpers", () => {
  it.each(["pull_request.opened", "pull_request.closed", "pull_request_review.submitted", "issue_comment.created", "push", "check_run.rerequested"])(
    "loads a real %s payload with an installation",
    (name) => {
      const payload = loadPayload(name);
      expect(payload.repository).toBeDefined();
      expect(payload.installation).toBeDefined();
      if (name.includes(".")) expect(payload.action).toBe(name.split(".")[1]);
    },
  );

  it("changes only the fields asked for", () => {
    const original = loadPayload("pull_request.opened");
    const payload = pullRequestPayload("pull_request.opened", {
      owner: "org", repo: "charter", number: 12, headSha: "f".repeat(40), author: "alice", installationId: 9,
    });
    expect(payload).toMatchObject({
      number: 12,
      installation: { id: 9 },
      repository: { name: "charter", owner: { login: "org" }, full_name: "org/charter" },
      pull_request: { number: 12, head: { sha: "f".repeat(40) }, user: { login: "alice", type: "User" } },
    });
    const pr = payload.pull_request as Record<string, unknown>;
    const originalPr = original.pull_request as Record<string, unknown>;
    expect(pr.title).toBe(originalPr.title);
    expect((pr.head as Record<string, unknown>).ref).toBe((originalPr.head as Record<string, unknown>).ref);
  });

  it("aims a comment at a pull request, a push at a branch, a re-run at a commit", () => {
    const comment = issueCommentPayload("issue_comment.created", { owner: "org", repo: "charter", number: 4, body: "/governance check", commenter: "bob" });
    expect(comment).toMatchObject({ issue: { number: 4, pull_request: { url: "https://api.github.com/repos/org/charter/pulls/4" } }, comment: { body: "/governance check", user: { login: "bob" } } });
    const push = pushPayload({ defaultBranch: "main", modified: ["STAKEHOLDERS.yml"] });
    expect(push).toMatchObject({ ref: "refs/heads/main", head_commit: { modified: ["STAKEHOLDERS.yml"] } });
    const rerun = checkRunPayload("check_run.rerequested", { headSha: "e".repeat(40), appId: 77, name: "Multi-sector sign-off" });
    expect(rerun).toMatchObject({ action: "rerequested", check_run: { head_sha: "e".repeat(40), app: { id: 77 }, name: "Multi-sector sign-off" } });
  });

  it.each([
    [{ a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    [{ a: [1, 2] }, { a: [3] }, { a: [3] }],
    [{ a: { b: 1 } }, { a: null }, { a: null }],
  ])("deepMerge(%j, %j)", (base, override, expected) => {
    expect(deepMerge(base, override)).toEqual(expected);
  });
});

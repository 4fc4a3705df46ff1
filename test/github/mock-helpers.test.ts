import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findOperation, validateRequest, validateResponse } from "../helpers/openapi.js";
import { mockGitHub, serveFile, serveRepository } from "../helpers/github-mocks.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";

describe("openapi", () => {
  it.each([
    ["GET", "/repos/o/r/contents/.github/governance.yml", "/repos/{owner}/{repo}/contents/{path}"],
    ["GET", "/repos/o/r/contents/a%2Fb.yml", "/repos/{owner}/{repo}/contents/{path}"],
    ["POST", "/repos/o/r/check-runs", "/repos/{owner}/{repo}/check-runs"],
    ["GET", "/repos/o/r/commits/abc/check-runs", "/repos/{owner}/{repo}/commits/{ref}/check-runs"],
    ["GET", "/repos/o/r/pulls/3/files", "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
  ])("finds %s %s", (method, path, template) => {
    expect(findOperation(method, path)?.template).toBe(template);
  });

  it.each([
    [{ method: "GET", path: "/repos/o/r/not-an-endpoint" }, "no such endpoint"],
    [{ method: "DELETE", path: "/repos/o/r/check-runs/5" }, "no such endpoint"],
    [{ method: "GET", path: "/repos/o/r/pulls/1/files", query: { colour: "red" } }, 'no query parameter "colour"'],
    [{ method: "POST", path: "/repos/o/r/check-runs", body: { name: "x", head_sha: "a", mood: "happy" } }, "body.mood: no such field"],
    [{ method: "POST", path: "/repos/o/r/check-runs", body: { name: "x", head_sha: "a", conclusion: "pending" } }, "is not one of"],
    [{ method: "POST", path: "/repos/o/r/check-runs", body: { name: 5, head_sha: "a" } }, "body.name: expected string"],
    [{ method: "POST", path: "/repos/o/r/check-runs", body: { name: "x", head_sha: "a", output: { title: "t", summary: "s", colour: 1 } } }, "body.output.colour"],
  ])("refuses a request %#", (req, message) => {
    expect(validateRequest(req).join("\n")).toContain(message);
  });

  it.each([
    [{ method: "GET", path: "/repos/o/r/pulls/1/files", query: { per_page: "100", page: "2" } }],
    [{ method: "POST", path: "/repos/o/r/check-runs", body: { name: "x", head_sha: "a", status: "completed", conclusion: "action_required", details_url: "https://x", output: { title: "t", summary: "s" } } }],
    [{ method: "PATCH", path: "/repos/o/r/issues/comments/5", body: { body: "hi" } }],
  ])("accepts a request %#", (req) => {
    expect(validateRequest(req)).toEqual([]);
  });

  it.each([
    [{ method: "GET", path: "/repos/o/r/pulls/1/reviews", status: 200, body: [{ id: 1, state: "APPROVED", made_up: true }] }, "response[0].made_up"],
    [{ method: "GET", path: "/repos/o/r/pulls/1/reviews", status: 200, body: [{ id: "1" }] }, "response[0].id: expected integer"],
    [{ method: "GET", path: "/repos/o/r/pulls/1", status: 200, body: { number: 1, user: { login: "a", wings: 2 } } }, "response.user.wings"],
    [{ method: "GET", path: "/repos/o/r/pulls/1", status: 418, body: {} }, "does not document status 418"],
  ])("refuses a response %#", (res, message) => {
    expect(validateResponse(res).join("\n")).toContain(message);
  });

  it.each([
    [{ method: "GET", path: "/repos/o/r/pulls/1", status: 200, body: { number: 1, draft: false, user: { login: "a", type: "User" }, merged_at: null } }],
    [{ method: "GET", path: "/repos/o/r/pulls/1", status: 304 }],
    [{ method: "GET", path: "/repos/o/r/pulls/1", status: 500, body: { message: "boom" } }],
    [{ method: "GET", path: "/repos/o/r/contents/x.yml", status: 404, body: { message: "Not Found", documentation_url: "x" } }],
  ])("accepts a response %#", (res) => {
    expect(validateResponse(res)).toEqual([]);
  });
});

describe("mockGitHub", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("refuses to define a made-up endpoint or a made-up response field", () => {
    const mock = mockGitHub();
    expect(() => mock.get("/repos/o/r/made-up", { body: {} })).toThrow(/no such endpoint/);
    expect(() => mock.get("/repos/o/r/pulls/1", { body: { number: 1, colour: "red" } })).toThrow(/response.colour/);
    expect(() => mock.get("/repos/o/r/pulls/1?colour=red", { body: {} })).toThrow(/no query parameter/);
  });

  it("captures what the app sent, and reports a body GitHub would not accept", async () => {
    const mock = mockGitHub();
    mock.patch("/repos/o/r/issues/comments/5", undefined, { body: { id: 5, body: "x" } });
    const octokit = createTestOctokit();
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      owner: "o", repo: "r", comment_id: 5, body: "x", mood: "great",
    } as never);
    expect(mock.sent("PATCH")[0]?.body).toEqual({ body: "x", mood: "great" });
    expect(() => mock.assertAllDone()).toThrow(/body.mood/);
  });

  it("serves a file, a 404 and the repository; assertAllDone lists what was never asked", async () => {
    const mock = mockGitHub();
    serveRepository(mock, { owner: "o", repo: "r", defaultBranch: "trunk" });
    serveFile(mock, { owner: "o", repo: "r", path: ".github/governance.yml", ref: "trunk", content: "sectors: []\n" });
    serveFile(mock, { owner: "o", repo: "r", path: "STAKEHOLDERS.yml", ref: "trunk", content: null });
    const octokit = createTestOctokit();
    const repo = await octokit.rest.repos.get({ owner: "o", repo: "r" });
    expect(repo.data.default_branch).toBe("trunk");
    const file = await octokit.rest.repos.getContent({ owner: "o", repo: "r", path: ".github/governance.yml", ref: "trunk" });
    expect(Buffer.from((file.data as { content: string }).content, "base64").toString()).toBe("sectors: []\n");
    expect(file.headers.etag).toMatch(/^".+"$/);
    expect(() => mock.assertAllDone()).toThrow(/never requested: GET \/repos\/o\/r\/contents\/STAKEHOLDERS.yml/);
    await expect(octokit.rest.repos.getContent({ owner: "o", repo: "r", path: "STAKEHOLDERS.yml", ref: "trunk" })).rejects.toMatchObject({ status: 404 });
    mock.assertAllDone();
  });
});

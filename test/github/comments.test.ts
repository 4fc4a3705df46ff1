import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addReaction, ensureMarkedComment } from "../../src/github/comments.js";
import { MARKER_INSTRUCTIONS } from "../../src/constants.js";
import type { CommentFact } from "../../src/core/types.js";
import { linkNext, mockGitHub, type GitHubMock } from "../helpers/github-mocks.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";

const LIST = "/repos/org/charter/issues/12/comments";
const APP = "partnership-governance[bot]";
const BODY = `Please declare yourself.\n\n${MARKER_INSTRUCTIONS}`;

const comment = (id: number, login: string, type: string, body: string, created = `2026-11-2${id % 10}T10:00:00Z`) => ({
  id,
  body,
  user: { login, id, type },
  created_at: created,
  updated_at: created,
});

function serveComments(mock: GitHubMock, pages: unknown[][]) {
  pages.forEach((items, i) => {
    const route = i === 0 ? `${LIST}?per_page=100` : `${LIST}?per_page=100&page=${i + 1}`;
    mock.get(route, { body: items, headers: i < pages.length - 1 ? linkNext(`${LIST}?per_page=100`, i + 1, pages.length) : {} });
  });
}

const ensure = (createIfAbsent: boolean, body = BODY) =>
  ensureMarkedComment(createTestOctokit(), {
    owner: "org",
    repo: "charter",
    issue_number: 12,
    marker: MARKER_INSTRUCTIONS,
    body,
    createIfAbsent,
    appLogin: APP,
  });

describe("ensureMarkedComment", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("creates the comment when absent, ignoring a user's comment that quotes the marker", async () => {
    const mock = mockGitHub();
    serveComments(mock, [[comment(1, "mallory", "User", `fake ${MARKER_INSTRUCTIONS}`)], [comment(2, "other-app[bot]", "Bot", BODY)]]);
    mock.post(`${LIST}`, undefined, { status: 201, body: { id: 3, body: BODY } });
    expect(await ensure(true)).toEqual({ action: "created", commentId: 3, deleted: [] });
    mock.assertAllDone();
    expect(mock.writes().map((w) => [w.method, w.path, w.body])).toEqual([["POST", LIST, { body: BODY }]]);
  });

  it("does not create when not asked to", async () => {
    const mock = mockGitHub();
    serveComments(mock, [[]]);
    expect(await ensure(false)).toEqual({ action: "absent", deleted: [] });
    mock.assertAllDone();
    expect(mock.writes()).toEqual([]);
  });

  it("adds the marker to a body without it", async () => {
    const mock = mockGitHub();
    serveComments(mock, [[]]);
    mock.post(`${LIST}`, undefined, { status: 201, body: { id: 3 } });
    await ensure(true, "Thank you!");
    expect(mock.sent("POST")[0]?.body).toEqual({ body: `Thank you!\n\n${MARKER_INSTRUCTIONS}` });
  });

  it("writes nothing when the app's comment (on a later page) already says it", async () => {
    const mock = mockGitHub();
    serveComments(mock, [[comment(1, "alice", "User", "hello")], [comment(4, APP, "Bot", BODY)]]);
    expect(await ensure(true)).toEqual({ action: "unchanged", commentId: 4, deleted: [] });
    mock.assertAllDone();
    expect(mock.writes()).toEqual([]);
  });

  it("updates the app's comment in place when the body differs (also when not creating)", async () => {
    const mock = mockGitHub();
    serveComments(mock, [[comment(4, APP, "Bot", `Old text ${MARKER_INSTRUCTIONS}`)]]);
    mock.patch("/repos/org/charter/issues/comments/4", undefined, { body: { id: 4 } });
    expect(await ensure(false)).toEqual({ action: "updated", commentId: 4, deleted: [] });
    mock.assertAllDone();
    expect(mock.sent("PATCH")[0]?.body).toEqual({ body: BODY });
  });

  it("keeps the oldest of duplicates (a race) and deletes the others", async () => {
    const mock = mockGitHub();
    serveComments(mock, [
      [comment(7, APP, "Bot", BODY, "2026-11-21T10:00:05Z"), comment(5, APP, "Bot", `Older ${MARKER_INSTRUCTIONS}`, "2026-11-21T10:00:00Z")],
      [comment(8, APP, "Bot", BODY, "2026-11-21T10:00:09Z")],
    ]);
    mock.delete("/repos/org/charter/issues/comments/7", { status: 204 });
    mock.delete("/repos/org/charter/issues/comments/8", { status: 404, body: { message: "Not Found", documentation_url: "x" } });
    mock.patch("/repos/org/charter/issues/comments/5", undefined, { body: { id: 5 } });
    expect(await ensure(true)).toEqual({ action: "updated", commentId: 5, deleted: [7, 8] });
    mock.assertAllDone();
    expect(mock.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      "DELETE /repos/org/charter/issues/comments/7",
      "DELETE /repos/org/charter/issues/comments/8",
      "PATCH /repos/org/charter/issues/comments/5",
    ]);
  });

  it("without a known app login, takes any bot's marked comment, never a user's", async () => {
    const mock = mockGitHub();
    serveComments(mock, [[comment(1, "mallory", "User", BODY), comment(2, "some-app[bot]", "Bot", BODY)]]);
    const result = await ensureMarkedComment(createTestOctokit(), {
      owner: "org", repo: "charter", issue_number: 12, marker: MARKER_INSTRUCTIONS, body: BODY, createIfAbsent: true,
    });
    expect(result).toEqual({ action: "unchanged", commentId: 2, deleted: [] });
    mock.assertAllDone();
  });
});

describe("ensureMarkedComment with the comments the facts already hold", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  const fact = (id: number, login: string, isBot: boolean, body: string, createdAt = `2026-11-2${id % 10}T10:00:00Z`): CommentFact => ({
    id,
    user: { login, id: id + 1000, isBot },
    body,
    createdAt,
    edited: false,
  });
  const ensureWith = (comments: CommentFact[], createIfAbsent = true, body = BODY) =>
    ensureMarkedComment(createTestOctokit(), {
      owner: "org",
      repo: "charter",
      issue_number: 12,
      marker: MARKER_INSTRUCTIONS,
      body,
      createIfAbsent,
      appLogin: APP,
      comments,
    });

  it("writes nothing and reads nothing when the app's comment already says it", async () => {
    const mock = mockGitHub();
    expect(await ensureWith([fact(1, "alice", false, "hello"), fact(4, APP, true, BODY)])).toEqual({ action: "unchanged", commentId: 4, deleted: [] });
    mock.assertAllDone();
    expect(mock.requests).toEqual([]);
  });

  it("creates the comment without listing the comments, ignoring a user's or another app's marked comment", async () => {
    const mock = mockGitHub();
    mock.post(LIST, { body: BODY }, { status: 201, body: { id: 3, body: BODY } });
    const result = await ensureWith([fact(1, "mallory", false, `fake ${MARKER_INSTRUCTIONS}`), fact(2, "other-app[bot]", true, BODY)]);
    mock.assertAllDone();
    expect(result).toEqual({ action: "created", commentId: 3, deleted: [] });
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${LIST}`]);
  });

  it("does not create when not asked to, and reads nothing", async () => {
    const mock = mockGitHub();
    expect(await ensureWith([], false)).toEqual({ action: "absent", deleted: [] });
    expect(mock.requests).toEqual([]);
  });

  it("updates the app's comment in place when the body differs", async () => {
    const mock = mockGitHub();
    mock.patch("/repos/org/charter/issues/comments/4", { body: BODY }, { body: { id: 4 } });
    expect(await ensureWith([fact(4, APP, true, `Old text ${MARKER_INSTRUCTIONS}`)], false)).toEqual({ action: "updated", commentId: 4, deleted: [] });
    mock.assertAllDone();
    expect(mock.requests.map((r) => r.method)).toEqual(["PATCH"]);
  });

  it("keeps the oldest of duplicates and deletes the others", async () => {
    const mock = mockGitHub();
    mock.delete("/repos/org/charter/issues/comments/7", { status: 204 });
    mock.patch("/repos/org/charter/issues/comments/5", undefined, { body: { id: 5 } });
    const result = await ensureWith([fact(7, APP, true, BODY, "2026-11-21T10:00:05Z"), fact(5, APP, true, `Older ${MARKER_INSTRUCTIONS}`, "2026-11-21T10:00:00Z")]);
    mock.assertAllDone();
    expect(result).toEqual({ action: "updated", commentId: 5, deleted: [7] });
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "DELETE /repos/org/charter/issues/comments/7",
      "PATCH /repos/org/charter/issues/comments/5",
    ]);
  });
});

describe("addReaction", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("reacts to a comment", async () => {
    const mock = mockGitHub();
    mock.post("/repos/org/charter/issues/comments/77/reactions", { content: "+1" }, { status: 201, body: { id: 1, content: "+1" } });
    expect(await addReaction(createTestOctokit(), { owner: "org", repo: "charter", comment_id: 77, content: "+1" })).toBe(1);
    mock.assertAllDone();
  });
});

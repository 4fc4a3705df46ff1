import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubFactsError, getPullRequestFacts, listOpenPullRequests } from "../../src/github/facts.js";
import { linkNext, mockGitHub, type GitHubMock } from "../helpers/github-mocks.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";

const PR = "/repos/org/charter/pulls/12";
const ISSUE = "/repos/org/charter/issues/12";
const HEAD = "a".repeat(40);

const user = (login: string, type = "User") => ({ login, id: login.length, type });

function servePr(mock: GitHubMock, extra: Record<string, unknown> = {}) {
  mock.get(PR, {
    body: {
      number: 12,
      title: "Amend article 4",
      state: "open",
      draft: false,
      merged: false,
      user: user("Alice"),
      created_at: "2026-11-20T10:00:00Z",
      closed_at: null,
      merge_commit_sha: null,
      head: { sha: HEAD, ref: "amend" },
      labels: [{ id: 1, name: "decision:charter" }],
      ...extra,
    },
  });
}

/** Serves `items` as pages of `size`, linked as GitHub links them. */
function servePages(mock: GitHubMock, path: string, items: unknown[], size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  for (let p = 1; p <= pages; p++) {
    const route = p === 1 ? `${path}?per_page=100` : `${path}?per_page=100&page=${p}`;
    mock.get(route, {
      body: items.slice((p - 1) * size, p * size),
      headers: p < pages ? linkNext(`${path}?per_page=100`, p, pages) : {},
    });
  }
}

describe("getPullRequestFacts", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("reads every page of files, reviews, comments and commits", async () => {
    const mock = mockGitHub();
    servePr(mock);
    servePages(
      mock,
      `${PR}/files`,
      [
        { filename: "CHARTER.md", status: "modified" },
        { filename: "docs/new.md", previous_filename: "charter/old.md", status: "renamed" },
        { filename: "README.md", status: "modified" },
      ],
      2,
    );
    servePages(
      mock,
      `${PR}/reviews`,
      [
        { id: 1, user: user("bob"), state: "APPROVED", commit_id: HEAD, submitted_at: "2026-11-21T09:00:00Z" },
        { id: 2, user: user("renovate[bot]", "Bot"), state: "APPROVED", commit_id: HEAD, submitted_at: "2026-11-21T09:30:00Z" },
        { id: 3, user: user("carol"), state: "CHANGES_REQUESTED", commit_id: "b".repeat(40), submitted_at: "2026-11-21T10:00:00Z" },
        { id: 4, user: user("dan"), state: "PENDING", commit_id: HEAD },
      ],
      1,
    );
    servePages(
      mock,
      `${ISSUE}/comments`,
      [
        { id: 10, user: user("erin"), body: "/governance abstain", created_at: "2026-11-21T10:00:00Z", updated_at: "2026-11-21T10:00:00Z" },
        { id: 11, user: user("frank"), body: "/governance recuse", created_at: "2026-11-21T10:00:00Z", updated_at: "2026-11-21T11:00:00Z" },
        { id: 12, user: user("helper", "Bot"), body: "hi", created_at: "2026-11-21T12:00:00Z", updated_at: "2026-11-21T12:00:00Z" },
      ],
      2,
    );
    servePages(
      mock,
      `${PR}/commits`,
      [
        { sha: "1".repeat(40), author: user("alice"), commit: { author: { name: "Alice A", email: "a@x.org", date: "2026-11-20T09:00:00Z" } } },
        { sha: "2".repeat(40), author: null, commit: { author: { name: "Nobody", email: "n@x.org", date: "2026-11-20T09:10:00Z" } } },
      ],
      1,
    );

    const facts = await getPullRequestFacts(createTestOctokit(), { owner: "org", repo: "charter", pull_number: 12 }, { needCommits: true });
    mock.assertAllDone();
    expect(facts).toMatchObject({
      number: 12,
      title: "Amend article 4",
      author: { login: "Alice", isBot: false },
      draft: false,
      state: "open",
      merged: false,
      createdAt: "2026-11-20T10:00:00Z",
      headSha: HEAD,
      labels: ["decision:charter"],
    });
    expect(facts.files).toEqual([
      { filename: "CHARTER.md" },
      { filename: "docs/new.md", previousFilename: "charter/old.md" },
      { filename: "README.md" },
    ]);
    expect(facts.reviews).toEqual([
      { id: 1, user: { login: "bob", isBot: false }, state: "APPROVED", commitId: HEAD, submittedAt: "2026-11-21T09:00:00Z" },
      { id: 2, user: { login: "renovate[bot]", isBot: true }, state: "APPROVED", commitId: HEAD, submittedAt: "2026-11-21T09:30:00Z" },
      { id: 3, user: { login: "carol", isBot: false }, state: "CHANGES_REQUESTED", commitId: "b".repeat(40), submittedAt: "2026-11-21T10:00:00Z" },
    ]);
    expect(facts.comments.map((c) => [c.id, c.user.login, c.user.isBot, c.edited])).toEqual([
      [10, "erin", false, false],
      [11, "frank", false, true],
      [12, "helper", true, false],
    ]);
    expect(facts.commits).toEqual([
      { sha: "1".repeat(40), author: { login: "alice", isBot: false }, authorName: "Alice A" },
      { sha: "2".repeat(40), author: null, authorName: "Nobody" },
    ]);
    expect(mock.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("does not read commits unless asked to", async () => {
    const mock = mockGitHub();
    servePr(mock, { draft: true, state: "closed", merged: true, merge_commit_sha: "c".repeat(40), closed_at: "2026-11-24T09:30:00Z" });
    servePages(mock, `${PR}/files`, [], 100);
    servePages(mock, `${PR}/reviews`, [], 100);
    servePages(mock, `${ISSUE}/comments`, [], 100);
    const facts = await getPullRequestFacts(createTestOctokit(), { owner: "org", repo: "charter", pull_number: 12 }, { needCommits: false });
    mock.assertAllDone();
    expect(facts.commits).toBeUndefined();
    expect(facts).toMatchObject({ draft: true, state: "closed", merged: true, mergeCommitSha: "c".repeat(40) });
    expect(mock.requests.some((r) => r.path.endsWith("/commits"))).toBe(false);
  });

  it.each([
    ["reviews", `${PR}/reviews`],
    ["commits", `${PR}/commits`],
  ])("throws a GitHubFactsError naming the request id when reading %s fails", async (_what, failing) => {
    const mock = mockGitHub();
    servePr(mock);
    for (const path of [`${PR}/files`, `${PR}/reviews`, `${ISSUE}/comments`, `${PR}/commits`]) {
      if (path === failing) {
        mock.get(`${path}?per_page=100`, {
          status: 500,
          body: { message: "Server Error" },
          headers: { "x-github-request-id": "CAFE:1234:5678" },
        });
      } else {
        servePages(mock, path, [], 100);
      }
    }
    const error = await getPullRequestFacts(createTestOctokit(), { owner: "org", repo: "charter", pull_number: 12 }, { needCommits: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubFactsError);
    expect(error).toMatchObject({ status: 500, requestId: "CAFE:1234:5678", request: `GET ${failing}?per_page=100` });
    mock.assertAllDone();
  });
});

describe("listOpenPullRequests", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("reads every page", async () => {
    const mock = mockGitHub();
    const pulls = [1, 2, 3].map((n) => ({
      number: n,
      draft: n === 2,
      user: user(`u${n}`),
      created_at: "2026-11-20T10:00:00Z",
      head: { sha: String(n).repeat(40), ref: `b${n}` },
      labels: [],
    }));
    const path = "/repos/org/charter/pulls";
    mock.get(`${path}?state=open&per_page=100`, { body: pulls.slice(0, 2), headers: linkNext(`${path}?state=open&per_page=100`, 1, 2) });
    mock.get(`${path}?state=open&per_page=100&page=2`, { body: pulls.slice(2) });
    const open = await listOpenPullRequests(createTestOctokit(), { owner: "org", repo: "charter" });
    mock.assertAllDone();
    expect(open.map((p) => [p.number, p.draft, p.headSha.slice(0, 1)])).toEqual([
      [1, false, "1"],
      [2, true, "2"],
      [3, false, "3"],
    ]);
  });
});

// The stand-in itself: it refuses what GitHub does not have, answers as GitHub does (pagination,
// conditional requests, installation tokens), injects the faults it is told to, and its
// TypeScript declarations match its JavaScript.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PULL_REQUEST_QUERY, type PullRequestQueryResult } from "../../src/github/facts.js";
import { validateAnswer } from "../helpers/graphql.js";
import { createStandin, FakeClock } from "./harness.js";
import { FaultPlan } from "./standin/faults.js";
import { userId, type GitHubStandin } from "./standin/standin.js";

let standin: GitHubStandin | undefined;

async function start(options: Parameters<typeof createStandin>[1] = {}): Promise<{ s: GitHubStandin; token: string }> {
  standin = createStandin(new FakeClock("2026-11-20T10:00:00Z"), options);
  await standin.start();
  const repo = standin.addRepo({ owner: "o", name: "r", installation: 9, files: { "a.txt": "A" } });
  for (let i = 0; i < 5; i++) standin.openPull(repo, { author: "alice", title: `PR ${i}`, files: { [`f${i}`]: "x" } });
  standin.tokens.set("ghs_test", 9);
  return { s: standin, token: "ghs_test" };
}

afterEach(async () => {
  await standin?.stop();
  standin = undefined;
});

const get = (s: GitHubStandin, path: string, headers: Record<string, string> = {}) =>
  fetch(`${s.baseUrl}${path}`, { headers: { authorization: "token ghs_test", ...headers } });

describe("what GitHub does not have", () => {
  it.each([
    ["an endpoint GitHub does not have", "GET", "/repos/o/r/governance", undefined, /no such endpoint in GitHub's description/],
    ["an endpoint the stand-in does not serve", "GET", "/repos/o/r/releases", undefined, /does not serve GET \/repos\/o\/r\/releases/],
    ["a query parameter GitHub does not take", "GET", "/repos/o/r/pulls?colour=red", undefined, /no query parameter "colour"/],
    ["a body field GitHub does not take", "POST", "/repos/o/r/issues", { title: "t", colour: "red" }, /body\.colour: no such field/],
    ["a body field of the wrong type", "POST", "/repos/o/r/check-runs", { name: "n", head_sha: 5 }, /body\.head_sha: expected string/],
    ["a GraphQL field GitHub does not have", "POST", "/graphql", { query: 'query { repository(owner: "o", name: "r") { colour } }' }, /GraphQL query GitHub would refuse: Cannot query field "colour" on type "Repository"/],
    ["a GraphQL connection asked for more than 100", "POST", "/graphql", { query: 'query { repository(owner: "o", name: "r") { pullRequest(number: 1) { files(first: 101) { nodes { path } } } } }' }, /exceeds the `first` limit of 100 records/],
    ["a GraphQL connection asked for without first or last", "POST", "/graphql", { query: 'query { repository(owner: "o", name: "r") { pullRequest(number: 1) { files { nodes { path } } } } }' }, /You must provide a `first` or `last` value/],
  ])("collects %s as a violation", async (_name, method, path, body, problem) => {
    const { s } = await start();
    await fetch(`${s.baseUrl}${path}`, {
      method,
      headers: { authorization: "token ghs_test", "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(s.violations.join("\n")).toMatch(problem);
  });

  it("checks its own answers too", async () => {
    const { s } = await start({
      validate: {
        request: () => [],
        response: (r) => (r.status === 200 && r.path.startsWith("/repos/o/r/pulls/1") ? ["response: flagged"] : []),
      },
    });
    await get(s, "/repos/o/r/pulls/1");
    expect(s.violations).toEqual(["response GET /repos/o/r/pulls/1 200: response: flagged"]);
  });

  it("finds nothing to say about a well-formed conversation", async () => {
    const { s } = await start();
    await get(s, "/repos/o/r/pulls?state=open&per_page=2");
    await get(s, "/repos/o/r/contents/a.txt?ref=main");
    expect(s.violations).toEqual([]);
  });
});

describe("answers as GitHub gives them", () => {
  it("pages lists with a Link header, per_page at most 100", async () => {
    const { s } = await start();
    const first = await get(s, "/repos/o/r/pulls?state=all&per_page=2");
    expect(((await first.json()) as unknown[]).length).toBe(2);
    const link = first.headers.get("link") ?? "";
    expect(link).toContain('rel="next"');
    expect(link).toContain(`<${s.baseUrl}/repos/o/r/pulls?state=all&per_page=2&page=3>; rel="last"`);
    const last = await get(s, "/repos/o/r/pulls?state=all&per_page=2&page=3");
    expect(((await last.json()) as unknown[]).length).toBe(1);
    expect(last.headers.get("link")).not.toContain('rel="next"');
  });

  it("answers 304 Not Modified to a GET whose ETag still holds, and 200 once it changed", async () => {
    const { s } = await start();
    const first = await get(s, "/repos/o/r/contents/a.txt?ref=main");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    expect((await get(s, "/repos/o/r/contents/a.txt?ref=main", { "if-none-match": etag })).status).toBe(304);
    s.commit(s.repo("o", "r"), "main", { "a.txt": "B" });
    expect((await get(s, "/repos/o/r/contents/a.txt?ref=main", { "if-none-match": etag })).status).toBe(200);
  });

  it("serves a repository only to the installation that has it", async () => {
    const { s } = await start();
    s.tokens.set("ghs_other", 10);
    expect((await fetch(`${s.baseUrl}/repos/o/r`, { headers: { authorization: "token ghs_other" } })).status).toBe(404);
    expect((await fetch(`${s.baseUrl}/repos/o/r`)).status).toBe(401);
    expect((await get(s, "/repos/o/r")).status).toBe(200);
  });
});

describe("GraphQL, as GitHub answers it", () => {
  const graphql = async (s: GitHubStandin, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${s.baseUrl}/graphql`, { method: "POST", headers: { authorization: "token ghs_test" }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ type?: string; message: string }> } };
  };

  it("answers the app's query of a PR from its state, in the types of GitHub's schema", async () => {
    const { s } = await start();
    const repo = s.repo("o", "r");
    s.commit(repo, "main", { "b.txt": "B" });
    const pr = s.openPull(repo, { author: "dependabot[bot]", title: "Bump", files: { "a.txt": "A2", "b.txt": null }, labels: ["deps"] });
    s.pushToPull(repo, pr.number, { "new.txt": "N" });
    const review = s.review(repo, pr.number, { user: "bob", state: "APPROVED" });
    const comment = s.addComment(repo, pr.number, { user: "partnership-governance[bot]", body: "Hello" });
    const mergeSha = s.merge(repo, pr.number);
    const variables = { owner: "o", repo: "r", number: pr.number, appId: s.appId };

    const { status, body } = await graphql(s, PULL_REQUEST_QUERY, variables);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(validateAnswer(PULL_REQUEST_QUERY, variables, body.data)).toEqual([]);
    const data = body.data as PullRequestQueryResult;
    expect(data.repository?.defaultBranchRef?.name).toBe("main");
    const got = data.repository?.pullRequest;
    expect(got).toMatchObject({ number: pr.number, title: "Bump", state: "MERGED", merged: true, isDraft: false, mergeCommit: { oid: mergeSha }, changedFiles: 3 });
    // An app's account: its slug, without "[bot]".
    expect(got?.author).toEqual({ __typename: "Bot", login: "dependabot", databaseId: s.accountId("dependabot[bot]") });
    expect(got?.labels).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ name: "deps" }] });
    expect(got?.files?.nodes).toEqual([
      { path: "a.txt", changeType: "MODIFIED" },
      { path: "b.txt", changeType: "DELETED" },
      { path: "new.txt", changeType: "ADDED" },
    ]);
    expect(got?.reviews?.nodes).toEqual([{ fullDatabaseId: String(review.id), state: "APPROVED", submittedAt: review.submittedAt, author: { __typename: "User", login: "bob", databaseId: userId("bob") }, commit: { oid: review.commitId } }]);
    expect(got?.comments?.nodes).toEqual([
      { fullDatabaseId: String(comment.id), body: "Hello", createdAt: comment.createdAt, updatedAt: comment.updatedAt, lastEditedAt: null, author: { __typename: "Bot", login: "partnership-governance", databaseId: s.accountId("partnership-governance[bot]") } },
    ]);
    // The REST files list says the same.
    const rest = (await (await get(s, `/repos/o/r/pulls/${pr.number}/files`)).json()) as Array<{ filename: string; status: string }>;
    expect(rest.map((f) => [f.filename, f.status])).toEqual([["a.txt", "modified"], ["b.txt", "removed"], ["new.txt", "added"]]);
    expect(s.violations).toEqual([]);
  });

  it("tells an edit of a comment from a reaction to it: lastEditedAt, editor and the edit history move with an edit only", async () => {
    const { s } = await start();
    const repo = s.repo("o", "r");
    const issue = s.openIssue(repo, { user: "partnership-governance[bot]", userType: "Bot", title: "Transparency log: 2026-11", body: "log" });
    const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
    const edited = s.addComment(repo, issue.number, { user: "partnership-governance[bot]", body: "record 1", at: at(1) });
    const reacted = s.addComment(repo, issue.number, { user: "partnership-governance[bot]", body: "record 2", at: at(1) });
    s.grant(repo, "mallory", "write");
    s.editComment(edited.id, "record 1, forged", at(2), "mallory");
    s.react(reacted.id, "erin", "+1", at(3));
    const query = `query Edits($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) { issue(number: $number) { comments(first: 10) {
      nodes { fullDatabaseId body createdAt updatedAt lastEditedAt includesCreatedEdit author { __typename login } editor { __typename login }
        userContentEdits(first: 10) { nodes { editedAt diff editor { __typename login } } } } } } } }`;
    const variables = { owner: "o", name: "r", number: issue.number };
    const { body } = await graphql(s, query, variables);
    expect(body.errors).toBeUndefined();
    expect(validateAnswer(query, variables, body.data)).toEqual([]);
    const nodes = (body.data as { repository: { issue: { comments: { nodes: unknown[] } } } }).repository.issue.comments.nodes;
    expect(nodes).toEqual([
      {
        fullDatabaseId: String(edited.id), body: "record 1, forged", createdAt: "2026-11-20T01:00:00Z", updatedAt: "2026-11-20T02:00:00Z", lastEditedAt: "2026-11-20T02:00:00Z",
        includesCreatedEdit: true, author: { __typename: "Bot", login: "partnership-governance" }, editor: { __typename: "User", login: "mallory" },
        // Newest first: the edit (who made it, the body it left), then the version it was created with.
        userContentEdits: { nodes: [
          { editedAt: "2026-11-20T02:00:00Z", diff: "record 1, forged", editor: { __typename: "User", login: "mallory" } },
          { editedAt: "2026-11-20T01:00:00Z", diff: "record 1", editor: { __typename: "Bot", login: "partnership-governance" } },
        ] },
      },
      {
        fullDatabaseId: String(reacted.id), body: "record 2", createdAt: "2026-11-20T01:00:00Z", updatedAt: "2026-11-20T03:00:00Z", lastEditedAt: null,
        includesCreatedEdit: false, author: { __typename: "Bot", login: "partnership-governance" }, editor: null, userContentEdits: { nodes: [] },
      },
    ]);
    // REST says the same of updated_at, and nothing of an edit.
    expect(s.commentJson(reacted.id).updated_at).toBe("2026-11-20T03:00:00Z");
    expect(s.violations).toEqual([]);
  });

  it("pages connections by first and after, hasNextPage past the page", async () => {
    const { s } = await start();
    const repo = s.repo("o", "r");
    for (let i = 0; i < 101; i++) s.addComment(repo, 1, { user: "alice", body: `c${i}` });
    const query = `query($after: String) { repository(owner: "o", name: "r") { pullRequest(number: 1) {
      comments(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { body } } } } }`;
    type Page = { repository: { pullRequest: { comments: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ body: string }> } } } };
    const first = ((await graphql(s, query)).body.data as Page).repository.pullRequest.comments;
    expect(first).toMatchObject({ totalCount: 101, pageInfo: { hasNextPage: true } });
    expect(first.nodes).toHaveLength(100);
    const second = ((await graphql(s, query, { after: first.pageInfo.endCursor })).body.data as Page).repository.pullRequest.comments;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.nodes).toEqual([{ body: "c100" }]);
    expect(s.violations).toEqual([]);
  });

  it("answers NOT_FOUND for a PR it does not have and a repository of another installation", async () => {
    const { s } = await start();
    s.addRepo({ owner: "other", name: "r", installation: 10 });
    const missing = await graphql(s, PULL_REQUEST_QUERY, { owner: "o", repo: "r", number: 99, appId: s.appId });
    expect(missing.body).toMatchObject({ data: { repository: { pullRequest: null } }, errors: [{ type: "NOT_FOUND" }] });
    const hidden = await graphql(s, PULL_REQUEST_QUERY, { owner: "other", repo: "r", number: 1, appId: s.appId });
    expect(hidden.body).toMatchObject({ data: { repository: null }, errors: [{ type: "NOT_FOUND" }] });
    expect((await fetch(`${s.baseUrl}/graphql`, { method: "POST", body: JSON.stringify({ query: PULL_REQUEST_QUERY }) })).status).toBe(401);
    expect(s.violations).toEqual([]);
  });

  it("never answers a GraphQL request 304, and injects faults into it", async () => {
    const { s } = await start();
    s.faults.addRule({ method: "POST", path: "/graphql", nth: 1, kind: "502" });
    const ask = () => graphql(s, PULL_REQUEST_QUERY, { owner: "o", repo: "r", number: 1, appId: s.appId });
    expect((await ask()).status).toBe(502);
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    expect(s.requests.map((r) => r.status)).toEqual([502, 200, 200]);
  });
});

describe("people's tokens", () => {
  it("read every repository, and edit or delete a comment as GitHub lets that person: their own, anyone's with write access", async () => {
    const { s } = await start();
    const repo = s.repo("o", "r");
    s.grant(repo, "mallory", "write");
    const record = s.addComment(repo, 1, { user: "partnership-governance[bot]", body: "record 1" });
    const erins = s.addComment(repo, 1, { user: "erin", body: "mine" });
    const as = (login: string) => ({ authorization: `Bearer ${s.userToken(login)}`, "content-type": "application/json" });
    const patch = (login: string, id: number, body: string) => fetch(`${s.baseUrl}/repos/o/r/issues/comments/${id}`, { method: "PATCH", headers: as(login), body: JSON.stringify({ body }) });
    // Reading, REST and GraphQL, though no installation of theirs.
    expect((await fetch(`${s.baseUrl}/repos/o/r/issues/1/comments`, { headers: as("erin") })).status).toBe(200);
    const read = await fetch(`${s.baseUrl}/graphql`, { method: "POST", headers: as("erin"), body: JSON.stringify({ query: `{ repository(owner: "o", name: "r") { pullRequest(number: 1) { number } } }` }) });
    expect(await read.json()).toEqual({ data: { repository: { pullRequest: { number: 1 } } } });
    // Erin (read access) may edit her own comment, not the app's; mallory (write) may edit the app's.
    expect((await patch("erin", erins.id, "mine, edited")).status).toBe(200);
    expect((await patch("erin", record.id, "forged")).status).toBe(403);
    expect(s.comments.get(record.id)?.body).toBe("record 1");
    const forged = await patch("mallory", record.id, "record 1, forged");
    expect(forged.status).toBe(200);
    expect(await forged.json()).toMatchObject({ body: "record 1, forged", user: { login: "partnership-governance[bot]" } });
    expect(s.comments.get(record.id)).toMatchObject({ body: "record 1, forged", lastEditedAt: "2026-11-20T10:00:00Z", edits: [{ editor: "mallory", body: "record 1" }] });
    expect((await fetch(`${s.baseUrl}/repos/o/r/issues/comments/${erins.id}`, { method: "DELETE", headers: as("mallory") })).status).toBe(204);
    expect(s.comments.has(erins.id)).toBe(false);
    expect(s.violations).toEqual([]);
    // Anything else written with a person's token is not served (not taken for the app's write).
    const posted = await fetch(`${s.baseUrl}/repos/o/r/issues/1/comments`, { method: "POST", headers: as("mallory"), body: JSON.stringify({ body: "as the app?" }) });
    expect(posted.status).toBe(404);
    expect(s.violations).toEqual(["the stand-in does not serve POST /repos/o/r/issues/1/comments with a person's token"]);
  });
});

describe("check runs and contents as the app reads them", () => {
  it("lists the latest check run of each name of one app when asked with app_id and filter=latest", async () => {
    const { s } = await start();
    const repo = s.repo("o", "r");
    const sha = s.headSha(repo, s.item(repo, 1));
    const run = (id: number, name: string, appId: number) => ({
      id, headSha: sha, name, status: "completed", conclusion: "success", startedAt: "2026-11-20T10:00:00Z", completedAt: "2026-11-20T10:00:00Z", detailsUrl: null, output: { title: null, summary: null, text: null }, appId,
    });
    repo.checkRuns.push(run(1, "A", 1), run(2, "A", 1), run(3, "B", 1), run(4, "A", 77), run(5, "C", 77));
    const list = async (query: string) =>
      ((await (await get(s, `/repos/o/r/commits/${sha}/check-runs?${query}`)).json()) as { check_runs: Array<{ id: number }> }).check_runs.map((r) => r.id);
    expect(await list("app_id=1&filter=latest&per_page=100")).toEqual([3, 2]);
    expect(await list("app_id=77&filter=latest&per_page=100")).toEqual([5, 4]);
    expect(await list("app_id=1&check_name=A&filter=all&per_page=100")).toEqual([2, 1]);
    expect(await list("filter=latest&per_page=100")).toEqual([5, 4, 3, 2]);
    expect(s.violations).toEqual([]);
  });

  it("reads a file of the default branch when no ref is given", async () => {
    const { s } = await start();
    const read = async () => Buffer.from(((await (await get(s, "/repos/o/r/contents/a.txt")).json()) as { content: string }).content, "base64").toString();
    expect(await read()).toBe("A");
    s.commit(s.repo("o", "r"), "main", { "a.txt": "B" });
    expect(await read()).toBe("B");
    expect(s.violations).toEqual([]);
  });
});

describe("faults", () => {
  it("fires a rule on the nth matching request only, counting every matching request", () => {
    const plan = new FaultPlan();
    plan.addRule({ method: "GET", path: /^\/x$/, nth: 2, kind: "500" });
    plan.addRule({ method: "GET", path: /^\/x$/, nth: 3, kind: "429" });
    const fates = [1, 2, 3, 4].map(() => plan.decide("GET", "/x", false)?.kind ?? null);
    expect(fates).toEqual([null, "500", "429", null]);
    expect(plan.counts.byKind).toEqual({ "500 before": 1, "429": 1 });
  });

  it("draws random faults from the seed and the request, not from the order of requests", () => {
    const paths = Array.from({ length: 400 }, (_, i) => `/p/${i % 40}`);
    const run = (order: string[]) => {
      const plan = new FaultPlan();
      plan.setRandom({ rate: 0.1, seed: 3 });
      const out = new Map<string, string>();
      const seen = new Map<string, number>();
      for (const p of order) {
        const n = (seen.get(p) ?? 0) + 1;
        seen.set(p, n);
        out.set(`${p}#${n}`, plan.decide("POST", p, true)?.kind ?? "-");
      }
      return { out, total: plan.counts.total };
    };
    const a = run(paths);
    const b = run([...paths].reverse());
    expect(b.out).toEqual(a.out);
    expect(a.total).toBeGreaterThan(20);
    expect(a.total).toBeLessThan(70);
  });

  it("applies a write and then loses its answer, or refuses it before", async () => {
    const { s } = await start();
    s.faults.addRule({ method: "POST", path: "/repos/o/r/issues", nth: 1, kind: "502", phase: "after" });
    s.faults.addRule({ method: "POST", path: "/repos/o/r/issues", nth: 2, kind: "500", phase: "before" });
    s.faults.addRule({ method: "POST", path: "/repos/o/r/issues", nth: 3, kind: "drop", phase: "after" });
    const post = () =>
      fetch(`${s.baseUrl}/repos/o/r/issues`, {
        method: "POST",
        headers: { authorization: "token ghs_test", "content-type": "application/json" },
        body: JSON.stringify({ title: "t" }),
      }).then(
        (r) => r.status,
        () => 0,
      );
    expect([await post(), await post(), await post(), await post()]).toEqual([502, 500, 0, 201]);
    expect(s.issues(s.repo("o", "r"))).toHaveLength(3);
    expect(s.requests.map((r) => r.applied)).toEqual([true, false, true, true]);
  });

  it("answers rate limits as GitHub does: 403 with the quota spent, 429 with a short retry-after", async () => {
    const { s } = await start();
    s.faults.addRule({ path: "/repos/o/r", nth: 1, kind: "403" });
    s.faults.addRule({ path: "/repos/o/r", nth: 2, kind: "429" });
    const limited = await get(s, "/repos/o/r");
    expect(limited.status).toBe(403);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset")) * 1000 - Date.now()).toBeLessThanOrEqual(2000);
    const secondary = await get(s, "/repos/o/r");
    expect(secondary.status).toBe(429);
    expect(secondary.headers.get("retry-after")).toBe("1");
    expect(((await secondary.json()) as { message: string }).message).toMatch(/secondary rate limit/);
  });
});

describe("accounts: identity is the id, not the login", () => {
  const graphql = async (s: GitHubStandin, query: string, variables: Record<string, unknown>) =>
    (await (await fetch(`${s.baseUrl}/graphql`, { method: "POST", headers: { authorization: "token ghs_test" }, body: JSON.stringify({ query, variables }) })).json()) as {
      data: PullRequestQueryResult;
    };

  it("gives every account one id, the same in REST (user.id) and GraphQL (databaseId)", async () => {
    const { s } = await start();
    const repo = s.repo("o", "r");
    const pr = s.openPull(repo, { author: "Alice", title: "Amend", files: { "c.txt": "C" } });
    s.review(repo, pr.number, { user: "bob", state: "APPROVED" });
    const rest = (await (await get(s, `/repos/o/r/pulls/${pr.number}/reviews`)).json()) as Array<{ user: { login: string; id: number } }>;
    expect(rest.map((r) => r.user)).toMatchObject([{ login: "bob", id: userId("bob") }]);
    const { data } = await graphql(s, PULL_REQUEST_QUERY, { owner: "o", repo: "r", number: pr.number, appId: s.appId });
    expect(data.repository?.pullRequest?.author).toMatchObject({ login: "Alice", databaseId: userId("alice") });
    expect(data.repository?.pullRequest?.reviews?.nodes?.[0]?.author).toMatchObject({ login: "bob", databaseId: userId("bob") });
  });

  it("keeps an account's id and shows its new login on what it wrote when it renames; a new account that takes the old login gets another id", async () => {
    const { s } = await start();
    const repo = s.repo("o", "r");
    const pr = s.openPull(repo, { author: "alice", title: "Amend", files: { "c.txt": "C" } });
    s.review(repo, pr.number, { user: "bob", state: "APPROVED" });
    s.addComment(repo, pr.number, { user: "bob", body: "/governance abstain" });
    s.renameUser("bob", "robert");
    const taken = s.createUser("bob");
    expect(taken).not.toBe(userId("bob"));
    expect(() => s.createUser("robert")).toThrow(/taken/);
    s.review(repo, pr.number, { user: "bob", state: "APPROVED" });
    const { data } = await graphql(s, PULL_REQUEST_QUERY, { owner: "o", repo: "r", number: pr.number, appId: s.appId });
    expect(data.repository?.pullRequest?.reviews?.nodes?.map((r) => [r?.author?.login, (r?.author as { databaseId?: number }).databaseId])).toEqual([
      ["robert", userId("bob")],
      ["bob", taken],
    ]);
    const comments = (await (await get(s, `/repos/o/r/issues/${pr.number}/comments`)).json()) as Array<{ user: { login: string; id: number } }>;
    expect(comments.map((c) => [c.user.login, c.user.id])).toEqual([["robert", userId("bob")]]);
    expect(s.violations).toEqual([]);
  });
});

describe("its TypeScript declarations", () => {
  it("match the JavaScript they describe", () => {
    const out = mkdtempSync(join(tmpdir(), "standin-dts-"));
    const root = new URL("../../", import.meta.url).pathname;
    execFileSync(
      process.execPath,
      [
        join(root, "node_modules/typescript/bin/tsc"),
        ...["--allowJs", "--checkJs", "--declaration", "--emitDeclarationOnly", "--strict", "--skipLibCheck"],
        ...["--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--types", "node", "--outDir", out],
        "test/e2e/standin/standin.js",
        "test/e2e/standin/faults.js",
      ],
      { cwd: root },
    );
    for (const name of ["standin.d.ts", "faults.d.ts"]) {
      const committed = readFileSync(join(root, "test/e2e/standin", name), "utf8").split("\n").slice(4).join("\n");
      expect(committed, `${name}: regenerate it (see its header)`).toBe(readFileSync(join(out, name), "utf8"));
    }
  }, 60_000);
});

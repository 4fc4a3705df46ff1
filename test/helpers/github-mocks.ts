// Every GitHub interceptor of the tests goes through `mockGitHub()`: each route is checked against
// GitHub's OpenAPI description when it is defined (method, path, query, the response it gives),
// each request body the app sends is checked when it arrives, and every request is captured so
// that tests assert exactly what was written.
import nock from "nock";
import { validateAnswer } from "./graphql.js";
import { validateRequest, validateResponse } from "./openapi.js";

export const GITHUB_API = "https://api.github.com";

export interface CapturedRequest {
  method: string;
  /** Decoded path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface ReplySpec {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Reply = ReplySpec | ((req: CapturedRequest) => ReplySpec);
export type BodyMatcher = Record<string, unknown> | ((body: unknown) => boolean);

export interface RouteOptions {
  /** How many times this interceptor answers (default 1). */
  times?: number;
  /** The request must carry these headers (e.g. `if-none-match`). */
  headers?: Record<string, string>;
  /** Not an error when never called (not listed by `assertAllDone`). */
  optional?: boolean;
}

export interface GitHubMock {
  get(path: string, reply: Reply, opts?: RouteOptions): GitHubMock;
  post(path: string, body: BodyMatcher | undefined, reply: Reply, opts?: RouteOptions): GitHubMock;
  patch(path: string, body: BodyMatcher | undefined, reply: Reply, opts?: RouteOptions): GitHubMock;
  put(path: string, body: BodyMatcher | undefined, reply: Reply, opts?: RouteOptions): GitHubMock;
  delete(path: string, reply: Reply, opts?: RouteOptions): GitHubMock;
  /**
   * `POST /graphql`: `answer` gives the `data` of the answer to each query (or a whole ReplySpec
   * for an error); queries and answers are checked against GitHub's GraphQL schema.
   */
  graphql(answer: (req: GraphQLRequest) => unknown, opts?: RouteOptions & { match?: (req: GraphQLRequest) => boolean }): GitHubMock;
  /** Every request answered by this mock, in order. */
  readonly requests: CapturedRequest[];
  /** The captured requests of one method (and optionally one path). */
  sent(method: string, path?: string): CapturedRequest[];
  /** Requests whose method is not GET: what the app wrote. */
  writes(): CapturedRequest[];
  /** Fails if an interceptor was never called or a request did not fit GitHub's description. */
  assertAllDone(): void;
}

function splitPath(path: string): { pathname: string; query: Record<string, string> } {
  const [pathname = path, search = ""] = path.split("?");
  return { pathname, query: Object.fromEntries(new URLSearchParams(search)) };
}

function matchesBody(matcher: BodyMatcher | undefined, body: unknown): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === "function") return matcher(body);
  if (typeof body !== "object" || body === null) return false;
  const record = body as Record<string, unknown>;
  return Object.entries(matcher).every(([k, v]) => JSON.stringify(record[k]) === JSON.stringify(v));
}

function parseBody(body: unknown): unknown {
  if (typeof body !== "string" || body === "") return body === "" ? undefined : body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** An answer of `mock.graphql` that is a whole HTTP answer (an error), not `data`. */
export class GraphQLReply {
  constructor(readonly spec: ReplySpec) {}
}

export interface MockGitHubOptions {
  baseUrl?: string;
  /** Answer (optionally) the installation-token request of a real Probot app for these ids. */
  installations?: number[];
}

export function mockGitHub(options: MockGitHubOptions = {}): GitHubMock {
  const scope = nock(options.baseUrl ?? GITHUB_API);
  const requests: CapturedRequest[] = [];
  const problems: string[] = [];
  const interceptors: Array<{ describe: string; optional: boolean; calls: number; times: number }> = [];

  function define(method: string, path: string, matcher: BodyMatcher | undefined, reply: Reply, opts: RouteOptions = {}) {
    const { pathname, query } = splitPath(path);
    const routeErrors = validateRequest({ method, path: pathname, query });
    if (routeErrors.length > 0) throw new Error(`mockGitHub: ${routeErrors.join("; ")}`);
    if (typeof reply !== "function") assertResponse(method, pathname, reply);

    const times = opts.times ?? 1;
    const record = { describe: `${method} ${path}`, optional: opts.optional ?? false, calls: 0, times };
    interceptors.push(record);

    let interceptor = scope
      .intercept(
        (p: string) => decodeURIComponent(p) === pathname,
        method,
        matcher === undefined ? undefined : (body: unknown) => matchesBody(matcher, parseBody(body)),
      )
      .query(query);
    for (const [name, value] of Object.entries(opts.headers ?? {})) interceptor = interceptor.matchHeader(name, value);
    if (opts.optional) interceptor = interceptor.optionally();
    interceptor.times(times).reply(function (uri, body) {
      const { pathname: gotPath, query: gotQuery } = splitPath(uri);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(this.req.headers)) headers[k.toLowerCase()] = String(v);
      const captured: CapturedRequest = {
        method,
        path: decodeURIComponent(gotPath),
        query: gotQuery,
        headers,
        body: parseBody(body),
      };
      requests.push(captured);
      record.calls += 1;
      problems.push(...validateRequest({ method, path: captured.path, query: gotQuery, body: captured.body }));
      const spec = typeof reply === "function" ? reply(captured) : reply;
      if (typeof reply === "function") {
        try {
          assertResponse(method, pathname, spec);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
      const status = spec.status ?? 200;
      const replyBody = spec.body === undefined ? "" : typeof spec.body === "string" ? spec.body : JSON.stringify(spec.body);
      const replyHeaders = { "content-type": "application/json; charset=utf-8", ...(spec.headers ?? {}) };
      return [status, replyBody, replyHeaders] as const;
    });
  }

  function defineGraphQL(answer: (req: GraphQLRequest) => unknown, opts: RouteOptions & { match?: (req: GraphQLRequest) => boolean } = {}) {
    const times = opts.times ?? 1;
    const record = { describe: "POST /graphql", optional: opts.optional ?? false, calls: 0, times };
    interceptors.push(record);
    const asRequest = (body: unknown): GraphQLRequest => {
      const b = (parseBody(body) ?? {}) as { query?: unknown; variables?: unknown };
      return { query: String(b.query ?? ""), variables: (b.variables ?? {}) as Record<string, unknown> };
    };
    let interceptor = scope.post("/graphql", (body: unknown) => (opts.match ? opts.match(asRequest(body)) : true));
    if (opts.optional) interceptor = interceptor.optionally();
    interceptor.times(times).reply(function (uri, body) {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(this.req.headers)) headers[k.toLowerCase()] = String(v);
      const req = asRequest(body);
      requests.push({ method: "POST", path: "/graphql", query: {}, headers, body: req });
      record.calls += 1;
      const answered = answer(req);
      if (answered instanceof GraphQLReply) {
        const spec = answered.spec;
        return [spec.status ?? 200, JSON.stringify(spec.body ?? {}), { "content-type": "application/json; charset=utf-8", ...(spec.headers ?? {}) }] as const;
      }
      problems.push(...validateAnswer(req.query, req.variables, answered).map((p) => `POST /graphql: ${p}`));
      return [200, JSON.stringify({ data: answered }), { "content-type": "application/json; charset=utf-8" }] as const;
    });
  }

  function assertResponse(method: string, pathname: string, spec: ReplySpec) {
    const errors = validateResponse({ method, path: pathname, status: spec.status ?? 200, body: spec.body });
    if (errors.length > 0) throw new Error(`mockGitHub: ${errors.join("; ")}`);
  }

  for (const id of options.installations ?? []) {
    define(
      "POST",
      `/app/installations/${id}/access_tokens`,
      undefined,
      {
        status: 201,
        body: { token: `ghs_test_${id}`, expires_at: "2099-01-01T00:00:00Z", permissions: {} },
      },
      { optional: true, times: 1 },
    );
  }

  const mock: GitHubMock = {
    get: (path, reply, opts) => (define("GET", path, undefined, reply, opts), mock),
    post: (path, body, reply, opts) => (define("POST", path, body, reply, opts), mock),
    patch: (path, body, reply, opts) => (define("PATCH", path, body, reply, opts), mock),
    put: (path, body, reply, opts) => (define("PUT", path, body, reply, opts), mock),
    delete: (path, reply, opts) => (define("DELETE", path, undefined, reply, opts), mock),
    graphql: (answer, opts) => (defineGraphQL(answer, opts), mock),
    requests,
    sent: (method, path) =>
      requests.filter((r) => r.method === method.toUpperCase() && (path === undefined || r.path === path)),
    writes: () => requests.filter((r) => r.method !== "GET"),
    assertAllDone() {
      const pending = interceptors.filter((i) => !i.optional && i.calls < i.times).map((i) => i.describe);
      const errors = [...problems];
      if (pending.length > 0) errors.push(`never requested: ${pending.join(", ")}`);
      const nockPending = nock.pendingMocks();
      if (nockPending.length > 0 && pending.length === 0) errors.push(`nock pending: ${nockPending.join(", ")}`);
      if (errors.length > 0) throw new Error(errors.join("\n"));
    },
  };
  return mock;
}

/** Headers of a page of a paginated list, pointing at the next one (RFC 8288, as GitHub sends). */
export function linkNext(path: string, page: number, last: number, baseUrl = GITHUB_API): Record<string, string> {
  const url = (p: number) => {
    const u = new URL(path, baseUrl);
    u.searchParams.set("page", String(p));
    return u.toString();
  };
  return { link: `<${url(page + 1)}>; rel="next", <${url(last)}>; rel="last"` };
}

// ---------------------------------------------------------------------------------------------
// Serving a policy and a registry from the contents API

export interface RepoRef {
  owner: string;
  repo: string;
}

/** `GET /repos/{o}/{r}`, giving the default branch. */
export function serveRepository(
  mock: GitHubMock,
  ref: RepoRef & { defaultBranch?: string; times?: number },
): GitHubMock {
  return mock.get(
    `/repos/${ref.owner}/${ref.repo}`,
    {
      body: {
        id: 1,
        name: ref.repo,
        full_name: `${ref.owner}/${ref.repo}`,
        private: false,
        default_branch: ref.defaultBranch ?? "main",
        owner: { login: ref.owner, id: 2, type: "Organization" },
      },
    },
    ref.times === undefined ? {} : { times: ref.times },
  );
}

/** A stable, fake but well-formed ETag for a content. */
export function etagOf(content: string): string {
  let h = 0;
  for (let i = 0; i < content.length; i++) h = (Math.imul(h, 31) + content.charCodeAt(i)) | 0;
  return `"${(h >>> 0).toString(16).padStart(8, "0")}"`;
}

/**
 * `GET /repos/{o}/{r}/contents/{path}?ref=<branch>` (no `ref` when it is null: the default
 * branch): the file base64-encoded with an ETag, or 404 when `content` is null (an absent file).
 */
export function serveFile(
  mock: GitHubMock,
  file: RepoRef & { path: string; ref?: string | null; content: string | null; etag?: string; times?: number; sha?: string },
): GitHubMock {
  const at = file.ref === null ? "" : `?ref=${encodeURIComponent(file.ref ?? "main")}`;
  const route = `/repos/${file.owner}/${file.repo}/contents/${file.path}${at}`;
  const opts = file.times === undefined ? {} : { times: file.times };
  if (file.content === null) {
    return mock.get(
      route,
      { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest/repos/contents#get-repository-content" } },
      opts,
    );
  }
  const bytes = Buffer.from(file.content, "utf8");
  const name = file.path.split("/").pop() ?? file.path;
  return mock.get(
    route,
    {
      body: {
        type: "file",
        encoding: "base64",
        size: bytes.length,
        name,
        path: file.path,
        content: bytes.toString("base64"),
        sha: file.sha ?? "0123456789abcdef0123456789abcdef01234567",
        url: `${GITHUB_API}/repos/${file.owner}/${file.repo}/contents/${file.path}`,
        git_url: null,
        html_url: null,
        download_url: null,
        _links: { self: "", git: null, html: null },
      },
      headers: { etag: file.etag ?? etagOf(file.content) },
    },
    opts,
  );
}

/**
 * The governed repository's policy and registry (null = absent), as an evaluation reads them:
 * from the default branch without naming it (`ref` null, the default), or at a named `ref`
 * (`defaultBranch`: the default branch's name, looked up first with `GET /repos/{o}/{r}`).
 */
export function serveGovernance(
  mock: GitHubMock,
  setup: RepoRef & {
    defaultBranch?: string;
    /** Null (the default): read without a ref; a string: read at that ref, not looked up. */
    ref?: string | null;
    policy: string | null;
    registry?: string | null;
    policyPath?: string;
    registryPath?: string;
  },
): GitHubMock {
  let ref: string | null = setup.ref ?? null;
  if (setup.defaultBranch !== undefined) {
    ref = setup.defaultBranch;
    serveRepository(mock, { owner: setup.owner, repo: setup.repo, defaultBranch: ref });
  }
  serveFile(mock, { ...setup, path: setup.policyPath ?? ".github/governance.yml", ref, content: setup.policy });
  if (setup.registry !== undefined) {
    serveFile(mock, { ...setup, path: setup.registryPath ?? "STAKEHOLDERS.yml", ref, content: setup.registry });
  }
  return mock;
}

// ---------------------------------------------------------------------------------------------
// The app itself

/** A user object as GitHub gives it (OpenAPI's `simple-user`), for answers that embed one. */
export function simpleUser(login: string, id: number, type = "Organization"): Record<string, unknown> {
  const api = `${GITHUB_API}/users/${login}`;
  return {
    login, id, node_id: `U_${id}`, avatar_url: `https://avatars.githubusercontent.com/u/${id}`, gravatar_id: "",
    url: api, html_url: `https://github.com/${login}`, followers_url: `${api}/followers`, following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`, starred_url: `${api}/starred{/owner}{/repo}`, subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`, repos_url: `${api}/repos`, events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`, type, site_admin: false,
  };
}

/** `GET /app` (authenticated as the app): the app's slug, from which its bot login comes. */
export function serveApp(mock: GitHubMock, app: { id: number; slug: string }, opts: RouteOptions = {}): GitHubMock {
  return serveAppAt(mock, "/app", app, opts);
}

/** `GET /apps/{slug}` (any token): the app's id, from its slug (`verify --app SLUG`). */
export function serveAppBySlug(mock: GitHubMock, app: { id: number; slug: string }, opts: RouteOptions = {}): GitHubMock {
  return serveAppAt(mock, `/apps/${app.slug}`, app, opts);
}

function serveAppAt(mock: GitHubMock, path: string, app: { id: number; slug: string }, opts: RouteOptions): GitHubMock {
  return mock.get(
    path,
    {
      body: {
        id: app.id, slug: app.slug, node_id: `A_${app.id}`, client_id: "Iv1.0123456789abcdef", owner: simpleUser("partnership", 9),
        name: app.slug, description: "", external_url: "https://example.org", html_url: `https://github.com/apps/${app.slug}`,
        created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z",
        permissions: { checks: "write", contents: "read", issues: "write", pull_requests: "read", metadata: "read" },
        events: ["pull_request", "pull_request_review", "issue_comment", "check_run", "push"],
      },
    },
    opts,
  );
}

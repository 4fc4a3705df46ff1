// A small stateful GitHub for the transparency tests: issues and their comments, kept in memory
// and served through mockGitHub (so every request and answer is checked against GitHub's
// OpenAPI description). Tests seed it, run the adapter, and assert on the state and the writes.
import nock from "nock";
import { GITHUB_API, linkNext, mockGitHub, serveAppBySlug, type CapturedRequest, type GitHubMock } from "../helpers/github-mocks.js";
import { userId } from "../e2e/standin/standin.js";

export const APP_LOGIN = "partnership-governance[bot]";

export interface FakeComment {
  id: number;
  body: string;
  login: string;
  created_at: string;
  /** Later than created_at once anything changed it: an edit, or a reaction. */
  updated_at?: string;
  /** When its body was last edited (GraphQL `lastEditedAt`), and by whom (`editor`). */
  last_edited_at?: string;
  editor?: string;
}

/** A check run on a commit (the anchors of the record). */
export interface FakeRun {
  id: number;
  head_sha: string;
  name: string;
  app_id: number;
  text: string | null;
}

/** The app id of the fake's app (its check runs are the anchors). */
export const APP_ID = 4242;

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  labels: string[];
  login: string;
  created_at: string;
  comments: FakeComment[];
}

export interface FakePull {
  number: number;
  title: string;
  login: string;
  created_at: string;
  closed_at: string | null;
  bot?: boolean;
}

export interface FakeOptions {
  owner?: string;
  repo?: string;
  baseUrl?: string;
  /** Up to which issue number and comment id routes are defined. */
  maxIssues?: number;
  maxComments?: number;
  /** Items per page of the listings (GitHub's per_page=100, smaller to test paging). */
  pageSize?: number;
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly base: string;
  readonly mock: GitHubMock;
  issues: FakeIssue[] = [];
  pulls: FakePull[] = [];
  runs: FakeRun[] = [];
  /** When the repository was created (GraphQL `createdAt`): no anchor is older. */
  createdAt = "2025-06-01T00:00:00Z";
  /** The default branch's commits, newest first (where anchors of merges and pushes are found). */
  history: Array<{ oid: string; committedDate: string }> = [];
  nextIssue = 1;
  nextComment = 1000;
  pageSize: number;
  /** Called when a comment is posted, before it is stored: lets a test race another writer. */
  beforeComment?: (issue: FakeIssue, body: string) => void;

  constructor(opts: FakeOptions = {}) {
    this.owner = opts.owner ?? "org";
    this.repo = opts.repo ?? "charter";
    this.base = opts.baseUrl ?? GITHUB_API;
    this.pageSize = opts.pageSize ?? 100;
    this.mock = mockGitHub({ baseUrl: this.base });
    this.defineRoutes(opts.maxIssues ?? 12, opts.maxComments ?? 60);
  }

  get prefix(): string {
    return `/repos/${this.owner}/${this.repo}`;
  }

  issueJson(i: FakeIssue) {
    return {
      id: 5000 + i.number,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason as "completed" | null,
      labels: i.labels.map((name, k) => ({ id: k + 1, name })),
      user: { login: i.login, id: userId(i.login), type: i.login.endsWith("[bot]") ? "Bot" : "User" },
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}`,
      created_at: i.created_at,
      updated_at: i.created_at,
    };
  }

  commentJson(i: FakeIssue, c: FakeComment) {
    return {
      id: c.id,
      body: c.body,
      user: { login: c.login, id: userId(c.login), type: c.login.endsWith("[bot]") ? "Bot" : "User" },
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}#issuecomment-${c.id}`,
      created_at: c.created_at,
      updated_at: c.updated_at ?? c.created_at,
    };
  }

  addIssue(p: Partial<FakeIssue> & { title: string; body: string }): FakeIssue {
    const issue: FakeIssue = {
      number: this.nextIssue++,
      state: "open",
      state_reason: null,
      labels: ["transparency"],
      login: APP_LOGIN,
      created_at: "2026-10-01T00:00:00Z",
      comments: [],
      ...p,
    };
    this.issues.push(issue);
    return issue;
  }

  addComment(issue: FakeIssue, body: string, login = APP_LOGIN): FakeComment {
    const c: FakeComment = { id: this.nextComment++, body, login, created_at: "2026-11-01T00:00:00Z" };
    issue.comments.push(c);
    return c;
  }

  /** What the app wrote through REST (GraphQL reads left out). */
  restWrites() {
    return this.mock.writes().filter((r) => r.path !== "/graphql");
  }

  issue(n: number): FakeIssue {
    const i = this.issues.find((x) => x.number === n);
    if (!i) throw new Error(`no issue ${n}`);
    return i;
  }

  private page<T>(items: T[], req: CapturedRequest, path: string) {
    const page = Number(req.query.page ?? "1");
    const last = Math.max(1, Math.ceil(items.length / this.pageSize));
    const body = items.slice((page - 1) * this.pageSize, page * this.pageSize);
    const url = `${path}${path.includes("?") ? "&" : "?"}`;
    return { body, headers: page < last ? linkNext(url.slice(0, -1), page, last, this.base) : {} };
  }

  /** The anchors on `sha`, as GraphQL gives a commit's check suites (only the fake app's). */
  private suitesOf(sha: string) {
    const runs = this.runs.filter((r) => r.head_sha === sha && r.name === "Transparency record");
    const apps = [...new Set(runs.map((r) => r.app_id))];
    return {
      __typename: "Commit",
      checkSuites: {
        nodes: apps.map((app) => ({
          app: { databaseId: app },
          checkRuns: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: runs.filter((r) => r.app_id === app).map((r) => ({ name: r.name, text: r.text, permalink: `https://github.com/${this.owner}/${this.repo}/runs/${r.id}` })) },
        })),
      },
    };
  }

  /** GraphQL: the anchors of given commits, the default branch's history, closed PRs (none). */
  private answerGraphQL(query: string, variables: Record<string, unknown>): unknown {
    if (/^query Anchors\b/.test(query)) {
      const repository: Record<string, unknown> = {};
      for (const m of query.matchAll(/(c\d+): object\(oid: "([0-9a-f]{40})"\)/g)) {
        const known = this.history.some((h) => h.oid === m[2]) || this.runs.some((r) => r.head_sha === m[2]);
        repository[m[1]!] = known ? this.suitesOf(m[2]!) : null;
      }
      return { repository };
    }
    if (/^query AnchorHistory\b/.test(query)) {
      const start = variables.after ? Number(variables.after) : 0;
      const nodes = this.history.slice(start, start + 50).map((h) => ({ ...this.suitesOf(h.oid), oid: h.oid, committedDate: h.committedDate }));
      const more = start + 50 < this.history.length;
      return {
        repository: {
          createdAt: this.createdAt,
          defaultBranchRef: { target: { __typename: "Commit", history: { pageInfo: { hasNextPage: more, endCursor: more ? String(start + 50) : null }, nodes } } },
        },
      };
    }
    if (/^query AnchorClosed\b/.test(query)) {
      return { repository: { pullRequests: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } };
    }
    if (/^query LogComments\b/.test(query)) {
      const issue = this.issues.find((i) => i.number === variables.number);
      if (!issue) return { repository: { issue: null } };
      const start = variables.after ? Number(variables.after) : 0;
      const more = start + this.pageSize < issue.comments.length;
      const actor = (login: string) => (login.endsWith("[bot]") ? { __typename: "Bot", login: login.slice(0, -5) } : { __typename: "User", login });
      const nodes = issue.comments.slice(start, start + this.pageSize).map((c) => ({
        fullDatabaseId: String(c.id),
        url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}#issuecomment-${c.id}`,
        body: c.body,
        createdAt: c.created_at,
        updatedAt: c.updated_at ?? c.created_at,
        lastEditedAt: c.last_edited_at ?? null,
        author: actor(c.login),
        editor: c.editor ? actor(c.editor) : null,
      }));
      return { repository: { issue: { comments: { pageInfo: { hasNextPage: more, endCursor: more ? String(start + this.pageSize) : null }, nodes } } } };
    }
    throw new Error(`FakeGitHub: no answer for ${query.slice(0, 60)}`);
  }

  /** A commit on the default branch (newest first), for anchors to be written on. */
  addCommit(oid: string, committedDate = "2026-11-01T00:00:00Z"): void {
    this.history.unshift({ oid, committedDate });
  }

  private defineRoutes(maxIssues: number, maxComments: number) {
    const many = { times: 500, optional: true };
    const m = this.mock;
    m.graphql((req) => this.answerGraphQL(req.query, req.variables), { ...many, match: (req) => /^query (?:Anchor|LogComments\b)/.test(req.query) });
    m.post(
      `${this.prefix}/check-runs`,
      undefined,
      (req) => {
        const b = req.body as { name: string; head_sha: string; output?: { text?: string } };
        const run: FakeRun = { id: 70000 + this.runs.length, head_sha: b.head_sha, name: b.name, app_id: APP_ID, text: b.output?.text ?? null };
        this.runs.push(run);
        if (!this.history.some((h) => h.oid === b.head_sha)) this.addCommit(b.head_sha);
        return {
          status: 201,
          body: {
            id: run.id, head_sha: run.head_sha, node_id: `CR_${run.id}`, external_id: "", url: "", html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`,
            details_url: null, status: "completed", conclusion: "neutral", started_at: null, completed_at: null,
            output: { title: null, summary: null, text: run.text, annotations_count: 0, annotations_url: "" },
            name: run.name, check_suite: { id: 1 }, app: null, pull_requests: [],
          },
        };
      },
      many,
    );
    serveAppBySlug(m, { id: APP_ID, slug: "partnership-governance" }, many);
    for (const page of ["", "&page=2", "&page=3"]) {
      // The issues the app opened (`creator`), whatever their labels; and, for `verify`'s
      // look-alikes, the issues with the log's label, whoever opened them.
      m.get(
        `${this.prefix}/issues?state=all&creator=${encodeURIComponent(APP_LOGIN)}&per_page=100${page}`,
        (req) => {
          const list = this.issues.filter((i) => i.login.toLowerCase() === APP_LOGIN).sort((a, b) => b.number - a.number);
          return this.page(list.map((i) => this.issueJson(i)), req, `${this.prefix}/issues?state=all&creator=${encodeURIComponent(APP_LOGIN)}&per_page=100`);
        },
        many,
      );
      m.get(
        `${this.prefix}/issues?state=all&per_page=100&labels=transparency${page}`,
        (req) => {
          const list = this.issues.filter((i) => i.labels.includes("transparency")).sort((a, b) => b.number - a.number);
          return this.page(list.map((i) => this.issueJson(i)), req, `${this.prefix}/issues?state=all&per_page=100&labels=transparency`);
        },
        many,
      );
      m.get(
        `${this.prefix}/pulls?state=all&sort=created&direction=desc&per_page=100${page}`,
        (req) => {
          const list = [...this.pulls].sort((a, b) => b.created_at.localeCompare(a.created_at));
          const json = list.map((p) => ({
            id: 9000 + p.number,
            number: p.number,
            title: p.title,
            state: p.closed_at ? ("closed" as const) : ("open" as const),
            user: { login: p.login, id: userId(p.login), type: p.bot ? "Bot" : "User" },
            html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
            created_at: p.created_at,
            updated_at: p.created_at,
            closed_at: p.closed_at,
          }));
          return this.page(json, req, `${this.prefix}/pulls?state=all&sort=created&direction=desc&per_page=100`);
        },
        many,
      );
    }
    m.post(
      `${this.prefix}/issues`,
      undefined,
      (req) => {
        const b = req.body as { title: string; body: string; labels: string[] };
        const issue = this.addIssue({ title: b.title, body: b.body, labels: b.labels, created_at: "2026-12-01T00:00:00Z" });
        return { status: 201, body: this.issueJson(issue) };
      },
      many,
    );
    for (let n = 1; n <= maxIssues; n++) {
      for (const page of ["", "&page=2", "&page=3", "&page=4"]) {
        m.get(
          `${this.prefix}/issues/${n}/comments?per_page=100${page}`,
          (req) => {
            const issue = this.issue(n);
            return this.page(issue.comments.map((c) => this.commentJson(issue, c)), req, `${this.prefix}/issues/${n}/comments?per_page=100`);
          },
          many,
        );
      }
      m.post(
        `${this.prefix}/issues/${n}/comments`,
        undefined,
        (req) => {
          const issue = this.issue(n);
          const body = (req.body as { body: string }).body;
          this.beforeComment?.(issue, body);
          const c = this.addComment(issue, body);
          return { status: 201, body: this.commentJson(issue, c) };
        },
        many,
      );
      m.patch(
        `${this.prefix}/issues/${n}`,
        undefined,
        (req) => {
          const issue = this.issue(n);
          const b = req.body as { state?: "open" | "closed"; state_reason?: string };
          if (b.state) issue.state = b.state;
          if (b.state_reason) issue.state_reason = b.state_reason;
          return { body: this.issueJson(issue) };
        },
        many,
      );
    }
    for (let id = 1000; id < 1000 + maxComments; id++) {
      m.delete(
        `${this.prefix}/issues/comments/${id}`,
        () => {
          for (const i of this.issues) i.comments = i.comments.filter((c) => c.id !== id);
          return { status: 204 };
        },
        many,
      );
    }
  }

  /** Open PRs for the GraphQL query of open decisions (a plain nock: GraphQL has no OpenAPI). */
  serveOpenPulls(nodes: Array<{ number: number; title: string; login: string; createdAt: string; labels?: string[]; files?: string[] }>): void {
    nock(this.base)
      // Not the sweep's listing of open PRs with their checks (served apart).
      .post("/graphql", (body: { query?: string }) => !String(body.query ?? "").includes("OpenPullRequestChecks"))
      .reply(200, {
        data: {
          repository: {
            pullRequests: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: nodes.map((n) => ({
                number: n.number,
                title: n.title,
                createdAt: n.createdAt,
                url: `https://github.com/${this.owner}/${this.repo}/pull/${n.number}`,
                author: { login: n.login },
                labels: { nodes: (n.labels ?? []).map((name) => ({ name })) },
                files: { nodes: (n.files ?? []).map((path) => ({ path })) },
              })),
            },
          },
        },
      });
  }

  /** The registry's history at `until`: the commit then (null: none yet) and the file at it. */
  serveRegistryAt(until: string, sha: string | null, content?: string): void {
    this.mock.get(`${this.prefix}/commits?path=STAKEHOLDERS.yml&until=${encodeURIComponent(until)}&per_page=1`, {
      body: sha ? [{ sha, url: "", html_url: "", node_id: "C", comments_url: "", parents: [], commit: { message: "m", url: "", comment_count: 0 } }] : [],
    });
    if (sha && content !== undefined) {
      const bytes = Buffer.from(content, "utf8");
      this.mock.get(`${this.prefix}/contents/STAKEHOLDERS.yml?ref=${sha}`, {
        body: { type: "file", encoding: "base64", size: bytes.length, name: "STAKEHOLDERS.yml", path: "STAKEHOLDERS.yml", content: bytes.toString("base64"), sha: "f".repeat(40) },
      });
    }
  }
}

// What the handler tests share: the app under test in a real Probot (inline mode, a clock the
// test sets), the governed repository's fixtures, and the GitHub answers of one evaluation (the
// rules, the PR's facts, this app's check runs, the instruction comment), so that each test says
// only what differs and asserts exactly what the app wrote.
import { readFileSync } from "node:fs";
import nock from "nock";
import { createApp } from "../../src/app.js";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../../src/constants.js";
import { linkNext, serveFile, serveGovernance, type CapturedRequest, type GitHubMock } from "../helpers/github-mocks.js";
import { createTestProbot, TEST_APP_ID } from "../helpers/probot.js";

export const OWNER = "org";
export const REPO = "charter";
export const INSTALLATION = 77;
export const NUMBER = 12;
export const HEAD = "a".repeat(40);
export const OLD_HEAD = "b".repeat(40);
export const APP_ID = TEST_APP_ID;
export const APP_LOGIN = "partnership-governance[bot]";
/** The clock of every test: 2026-11-22, 08:00 UTC. */
export const NOW = new Date("2026-11-22T08:00:00Z");
export const POLICY_URL = `https://github.com/${OWNER}/${REPO}/blob/main/.github/governance.yml`;
export const REGISTRY_URL = `https://github.com/${OWNER}/${REPO}/blob/main/STAKEHOLDERS.yml`;
const PULLS = `/repos/${OWNER}/${REPO}/pulls`;
const ISSUES = `/repos/${OWNER}/${REPO}/issues`;

// Requests no interceptor answered: nock refuses them (no network), and the app may swallow that
// error (an evaluation fails closed), so they are collected here and fail the test.
const unexpected: string[] = [];
let listening = false;

/** Starts collecting requests that no mock answered (call in beforeEach, after setupNock). */
export function watchUnexpected(): void {
  unexpected.length = 0;
  if (listening) return;
  listening = true;
  nock.emitter.on("no match", (req: { method?: string; path?: string; options?: { method?: string; path?: string } }) => {
    unexpected.push(`${req.method ?? req.options?.method ?? "?"} ${req.path ?? req.options?.path ?? "?"}`);
  });
}

/** Every mocked request was made, each fit GitHub's description, and nothing else was asked. */
export function assertDone(mock: GitHubMock): void {
  mock.assertAllDone();
  if (unexpected.length > 0) throw new Error(`unexpected requests: ${unexpected.join(", ")}`);
}

export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/handlers/${name}`, import.meta.url), "utf8");

export const POLICY = fixture("governance.yml");
export const REGISTRY = fixture("STAKEHOLDERS.yml");

export interface TestApp {
  receive(name: string, payload: unknown): Promise<void>;
  /** One pass of the app's own scheduler sweep. */
  sweep(): Promise<void>;
  /** Moves the app's clock. */
  setNow(now: Date): void;
}

/** The app as `src/index.ts` builds it, evaluating inline, with this file's clock. */
export async function startApp(now: Date = NOW): Promise<TestApp> {
  let clock = now;
  let runSweep: (() => Promise<void>) | undefined;
  const app = createApp({
    mode: "inline",
    now: () => clock,
    appId: APP_ID,
    schedule: "off",
    onReady: (_services, _queue, sweep) => {
      runSweep = sweep;
    },
  });
  const probot = await createTestProbot(app);
  return {
    receive: (name, payload) => probot.receive(name, payload),
    sweep: () => {
      if (!runSweep) throw new Error("the app did not hand over its sweep");
      return runSweep();
    },
    setNow: (next) => {
      clock = next;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The pull request as GitHub answers it

const user = (login: string) => ({ login, id: login.length, type: login.endsWith("[bot]") ? "Bot" : "User" });

export interface ReviewSpec {
  id?: number;
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";
  commit?: string;
  at: string;
}

export interface CommentSpec {
  id: number;
  user: string;
  body: string;
  at: string;
  /** When it was last edited (later than `at` for an edited comment). */
  updatedAt?: string;
}

export interface CommitSpec {
  sha: string;
  /** The linked account, or null when GitHub links the e-mail to none. */
  login: string | null;
  name: string;
}

export interface PullSpec {
  number?: number;
  author?: string;
  headSha?: string;
  draft?: boolean;
  createdAt?: string;
  labels?: string[];
  files?: Array<string | { filename: string; previous: string }>;
  reviews?: ReviewSpec[];
  comments?: CommentSpec[];
  commits?: CommitSpec[];
}

export const review = (userLogin: string, state: ReviewSpec["state"], at: string, commit = HEAD): ReviewSpec => ({ user: userLogin, state, at, commit });

function commentBody(c: CommentSpec) {
  return { id: c.id, user: user(c.user), body: c.body, created_at: c.at, updated_at: c.updatedAt ?? c.at };
}

/** GET of one list endpoint, first page (the app asks for 100 a page). */
function serveList(mock: GitHubMock, path: string, items: unknown[], times = 1): void {
  mock.get(`${path}?per_page=100`, { body: items }, { times });
}

/**
 * The PR and every list the facts are gathered from. `appComments` are this app's own comments,
 * listed with the PR's (the instruction comment); `commentReads` is how many times the list of
 * comments is read (the facts, then the instruction comment).
 */
export function servePull(
  mock: GitHubMock,
  pr: PullSpec,
  opts: { commentReads?: number; appComments?: CommentSpec[]; failing?: { list: "reviews" | "commits"; requestId: string } } = {},
): void {
  const number = pr.number ?? NUMBER;
  mock.get(`${PULLS}/${number}`, {
    body: {
      number,
      title: "Amend article 4",
      state: "open",
      draft: pr.draft ?? false,
      merged: false,
      user: user(pr.author ?? "alice"),
      created_at: pr.createdAt ?? "2026-11-20T10:00:00Z",
      closed_at: null,
      merge_commit_sha: null,
      head: { sha: pr.headSha ?? HEAD, ref: "amend" },
      labels: (pr.labels ?? []).map((name, i) => ({ id: i + 1, name })),
    },
  });
  serveList(
    mock,
    `${PULLS}/${number}/files`,
    (pr.files ?? ["README.md"]).map((f) =>
      typeof f === "string" ? { filename: f, status: "modified" } : { filename: f.filename, previous_filename: f.previous, status: "renamed" },
    ),
  );
  const fail = (list: string) =>
    mock.get(`${PULLS}/${number}/${list}?per_page=100`, {
      status: 500,
      body: { message: "Server Error" },
      headers: { "x-github-request-id": opts.failing?.requestId ?? "" },
    });
  if (opts.failing?.list === "reviews") fail("reviews");
  else {
    serveList(
      mock,
      `${PULLS}/${number}/reviews`,
      (pr.reviews ?? []).map((r, i) => ({
        id: r.id ?? 500 + i,
        user: user(r.user),
        state: r.state,
        commit_id: r.commit ?? HEAD,
        submitted_at: r.at,
      })),
    );
  }
  const comments = [...(pr.comments ?? []), ...(opts.appComments ?? [])].map(commentBody);
  serveList(mock, `${ISSUES}/${number}/comments`, comments, opts.commentReads ?? 1);
  if (opts.failing?.list === "commits") fail("commits");
  else if (pr.commits) {
    serveList(
      mock,
      `${PULLS}/${number}/commits`,
      pr.commits.map((c) => ({
        sha: c.sha,
        author: c.login === null ? null : user(c.login),
        commit: { author: { name: c.name, email: `${c.name.toLowerCase().replace(/\s+/g, ".")}@example.org`, date: "2026-11-20T09:00:00Z" } },
      })),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Check runs

export interface ExistingRun {
  id: number;
  conclusion: string;
  title: string;
  summary: string;
  text?: string;
}

const CHECK_IDS = { [CHECK_DECLARATION]: 101, [CHECK_SIGNOFF]: 102 } as const;

/**
 * This app's check runs on `head` (none by default): the app lists them for each name, then
 * creates (POST) the missing ones and updates (PATCH) those that differ.
 */
export function serveChecks(
  mock: GitHubMock,
  opts: {
    head?: string;
    existing?: Partial<Record<typeof CHECK_DECLARATION | typeof CHECK_SIGNOFF, ExistingRun>>;
    creates?: number;
    updates?: Array<typeof CHECK_DECLARATION | typeof CHECK_SIGNOFF>;
  } = {},
): void {
  const head = opts.head ?? HEAD;
  for (const name of [CHECK_DECLARATION, CHECK_SIGNOFF] as const) {
    const run = opts.existing?.[name];
    mock.get(`/repos/${OWNER}/${REPO}/commits/${head}/check-runs?check_name=${name}&filter=latest&per_page=100`, {
      body: {
        total_count: run ? 1 : 0,
        check_runs: run
          ? [
              {
                id: run.id,
                head_sha: head,
                name,
                status: "completed",
                conclusion: run.conclusion,
                details_url: POLICY_URL,
                app: { id: APP_ID, slug: "partnership-governance", name: "Partnership Governance" },
                output: { title: run.title, summary: run.summary, text: run.text ?? null, annotations_count: 0, annotations_url: "" },
              },
            ]
          : [],
      },
    });
  }
  const creates = opts.creates ?? (opts.existing ? 0 : 2);
  if (creates > 0) {
    mock.post(`/repos/${OWNER}/${REPO}/check-runs`, undefined, (req) => ({
      status: 201,
      body: { id: CHECK_IDS[(req.body as { name: typeof CHECK_DECLARATION }).name] ?? 1 },
    }), { times: creates });
  }
  for (const name of opts.updates ?? []) {
    const id = opts.existing?.[name]?.id ?? CHECK_IDS[name];
    mock.patch(`/repos/${OWNER}/${REPO}/check-runs/${id}`, undefined, { body: { id } });
  }
}

/** What the app wrote to each check (created or updated), by check name. */
export function checkBodies(mock: GitHubMock, existing: Partial<Record<string, ExistingRun>> = {}): Record<string, CheckBody> {
  const out: Record<string, CheckBody> = {};
  for (const req of mock.writes()) {
    if (req.method === "POST" && req.path === `/repos/${OWNER}/${REPO}/check-runs`) {
      const body = req.body as CheckBody;
      out[body.name ?? ""] = body;
    }
    const patched = /\/check-runs\/(\d+)$/.exec(req.path);
    if (req.method === "PATCH" && patched) {
      const id = Number(patched[1]);
      const name = Object.entries(existing).find(([, run]) => run?.id === id)?.[0] ??
        Object.entries(CHECK_IDS).find(([, v]) => v === id)?.[0] ?? String(id);
      out[name] = req.body as CheckBody;
    }
  }
  return out;
}

export interface CheckBody {
  name?: string;
  head_sha?: string;
  status: string;
  conclusion: string;
  completed_at: string;
  details_url?: string;
  output: { title: string; summary: string; text?: string };
}

/** A run as GitHub would list it after the app wrote `body` (for "nothing changed" tests). */
export function asExisting(id: number, body: CheckBody | undefined): ExistingRun {
  if (!body) throw new Error("no check body to replay");
  return { id, conclusion: body.conclusion, title: body.output.title, summary: body.output.summary, ...(body.output.text !== undefined ? { text: body.output.text } : {}) };
}

/** The lines of a summary or text, for asserting the lines that decide. */
export const lines = (text: string | undefined): string[] => (text ?? "").split("\n");

// ---------------------------------------------------------------------------------------------
// One whole evaluation

export interface EvaluationSpec {
  pr?: PullSpec;
  policy?: string;
  registry?: string | null;
  /** Skip the default branch lookup (a push names its branch; the sweep lists it). */
  withRepository?: boolean;
  /** The instruction comment is read again (it is, unless the rules are invalid). */
  instructionRead?: boolean;
  appComments?: CommentSpec[];
  checks?: Parameters<typeof serveChecks>[1];
}

/** Every GitHub answer of one evaluation of one PR, in the order the app asks. */
export function serveEvaluation(mock: GitHubMock, spec: EvaluationSpec = {}): void {
  const policy = spec.policy ?? POLICY;
  const registry = spec.registry === undefined ? REGISTRY : spec.registry;
  if (spec.withRepository ?? true) {
    serveGovernance(mock, { owner: OWNER, repo: REPO, policy, registry });
  } else {
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", content: policy });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", content: registry });
  }
  const pr = spec.pr ?? {};
  servePull(mock, pr, { commentReads: spec.instructionRead === false ? 1 : 2, appComments: spec.appComments ?? [] });
  serveChecks(mock, { head: pr.headSha ?? HEAD, ...spec.checks });
}

/** The pages of the open pull requests of the repository, linked as GitHub links them. */
export function serveOpenPulls(mock: GitHubMock, pages: number[][]): void {
  const path = `${PULLS}?state=open&per_page=100`;
  pages.forEach((numbers, i) => {
    mock.get(i === 0 ? path : `${path}&page=${i + 1}`, {
      body: numbers.map((number) => ({
        number,
        state: "open",
        draft: false,
        user: user("alice"),
        created_at: "2026-11-20T10:00:00Z",
        head: { sha: HEAD, ref: `pr-${number}` },
        labels: [],
      })),
      headers: i < pages.length - 1 ? linkNext(path, i + 1, pages.length) : {},
    });
  });
}

export const requestLine = (r: CapturedRequest): string => {
  const query = new URLSearchParams(r.query).toString();
  return `${r.method} ${r.path}${query ? `?${query}` : ""}`;
};

// Anchors: every record is also written where only the app can write, a completed check run named
// `Transparency record` (conclusion `neutral`) on the commit the record is about, whose output
// gives the record's `seq`, `hash` and `prev` (its `text` is that JSON object, for `jq`). GitHub
// lets no one but the app that wrote a check run change it, and no one delete it: an
// administrator who rewrites or empties the log issues consistently is still caught by `verify`,
// which compares the records with the anchors both ways.
//
// A commit can leave every branch (an administrator rewinds the default branch; a writer pushes
// on a withdrawn PR's branch), and then nothing leads a reader to the anchor on it. So the anchor
// of record N is written twice: on its own commit, and on the commit of record N-1 (its text names
// record N's commit). From any record still on the log, the anchors of the records written after
// it are found by following these copies forward, whatever happened to the branches: an
// administrator who deletes the last records of the log is caught from the record before them.
//
// `verify` reads anchors in batches, many commits per GraphQL query (ANCHOR_BATCH), so a year of
// records costs requests in proportion to pages of records, not to records.
import { CHECK_ANCHOR } from "../constants.js";
import type { DecisionRecord } from "../core/record.js";
import type { Language } from "../core/types.js";
import { graphqlQuery, type GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { t } from "../render/i18n.js";

/** What an anchor says of its record. */
export interface Anchor {
  seq: number;
  hash: string;
  prev: string;
  /** The commit it is on. */
  commit: string;
  /** The commit its record is about (its own anchor's commit), when the text names it. */
  about: string | null;
  url: string;
}

/**
 * The machine-readable text of an anchor: one JSON object (key order fixed). `commit` is the
 * commit the record is about, where its own anchor is (anchors written before it was added lack it).
 */
export function anchorText(record: Pick<DecisionRecord, "seq" | "hash" | "prev" | "pr">, commit?: string): string {
  return JSON.stringify({ seq: record.seq, hash: record.hash, prev: record.prev, pr: record.pr, ...(commit !== undefined ? { commit } : {}) });
}

const SHA = /^[0-9a-f]{40}$/;

/** Reads an anchor's text back: null when it is not one. */
export function parseAnchorText(text: string | null | undefined): Omit<Anchor, "commit" | "url"> | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value !== "object" || value === null) return null;
    const { seq, hash, prev, commit } = value;
    if (typeof seq !== "number" || !Number.isSafeInteger(seq) || typeof hash !== "string" || typeof prev !== "string") return null;
    return { seq, hash, prev, about: typeof commit === "string" && SHA.test(commit) ? commit : null };
  } catch {
    return null;
  }
}

export interface AnchorWriteOptions {
  lang: Language;
  recordUrl: string;
  now: Date;
  /** The commit of the record before it (its anchor's commit), where the copy goes; null for none. */
  follows: string | null;
}

/** Which of a record's two anchors to write: on its own commit, and its copy on the previous record's. */
export interface AnchorParts {
  own: boolean;
  copy: boolean;
}

/**
 * Writes the anchor of `record` on `commit` and its copy on the previous record's commit
 * (`opts.follows`, when it is another commit), or only the `parts` asked for. A copy on a commit
 * GitHub no longer has (422) is left out: there is nothing left to anchor it on.
 */
export async function writeAnchor(
  octokit: GitHub,
  ref: RepoRef,
  record: DecisionRecord,
  commit: string,
  opts: AnchorWriteOptions,
  parts: AnchorParts = { own: true, copy: true },
): Promise<void> {
  const run = (on: string, externalId: string, summary: string) =>
    octokit.rest.checks.create({
      owner: ref.owner,
      repo: ref.repo,
      name: CHECK_ANCHOR,
      head_sha: on,
      status: "completed",
      conclusion: "neutral",
      external_id: externalId,
      completed_at: opts.now.toISOString(),
      details_url: opts.recordUrl,
      output: { title: t(opts.lang, "record.anchor.title", { seq: record.seq }), summary, text: anchorText(record, commit) },
    });
  const summary = t(opts.lang, "record.anchor.summary", { seq: record.seq, hash: record.hash, prev: record.prev, url: opts.recordUrl });
  if (parts.own) await run(commit, `record-${record.seq}`, summary);
  if (parts.copy && opts.follows !== null && opts.follows !== commit) {
    const follows = `${summary}\n\n${t(opts.lang, "record.anchor.follows", { seq: record.seq, prevSeq: record.seq - 1, commit })}`;
    try {
      await run(opts.follows, `record-${record.seq}-follows`, follows);
    } catch (error) {
      if ((error as { status?: number }).status !== 422) throw error;
    }
  }
}

/** Commits per GraphQL query when anchors are read in batches. */
export const ANCHOR_BATCH = 50;

/** Anchors per page of a commit's check runs (GraphQL's largest page). */
export const RUNS_PAGE = 100;

// GitHub keeps one check suite per app and commit (creating one again answers the existing
// suite), so the app's runs on a commit are one connection: its pages are read until the last,
// oldest first, whatever the number of records anchored on one commit (a PR withdrawn and
// reopened many times without a new commit leaves one anchor per close on its head).
const runsField = (after: string) => `checkSuites(first: 1, filterBy: { appId: $appId }) {
        nodes { app { databaseId } checkRuns(first: ${RUNS_PAGE}${after}, filterBy: { checkName: "${CHECK_ANCHOR}", checkType: ALL }) { pageInfo { hasNextPage endCursor } nodes { name text permalink } } }
      }`;
const RUNS = runsField("");

interface SuiteNodes {
  checkSuites: {
    nodes: Array<{
      app: { databaseId: number | null } | null;
      checkRuns: { pageInfo?: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ name: string; text: string | null; permalink: string } | null> | null } | null;
    } | null> | null;
  } | null;
}

/** A commit whose anchors go on past the page read: where the next page starts. */
interface MoreRuns {
  commit: string;
  after: string;
}

/** The anchors on one page of a commit's runs, and where its next page starts (when it has one). */
function anchorsOf(commit: string, suites: SuiteNodes | null | undefined, appId: number, more?: MoreRuns[]): Anchor[] {
  const out: Anchor[] = [];
  for (const suite of suites?.checkSuites?.nodes ?? []) {
    // Checked again here: only this app's runs are anchors, whatever the filter answered.
    if (!suite || suite.app?.databaseId !== appId) continue;
    for (const run of suite.checkRuns?.nodes ?? []) {
      if (!run || run.name !== CHECK_ANCHOR) continue;
      const a = parseAnchorText(run.text);
      if (a) out.push({ ...a, commit, url: run.permalink });
    }
    const page = suite.checkRuns?.pageInfo;
    if (more && page?.hasNextPage && page.endCursor) more.push({ commit, after: page.endCursor });
  }
  return out;
}

/**
 * Reads the rest of the anchors of commits whose first page did not hold them all (`more`),
 * ANCHOR_BATCH commits per query, page after page, adding them to `out` by commit.
 */
async function readMoreAnchors(octokit: GitHub, ref: RepoRef, appId: number, more: MoreRuns[], out: Map<string, Anchor[]>): Promise<void> {
  const query = graphqlQuery(octokit);
  let pending = [...new Map(more.map((m) => [`${m.commit}:${m.after}`, m])).values()];
  while (pending.length > 0) {
    const next: MoreRuns[] = [];
    for (let i = 0; i < pending.length; i += ANCHOR_BATCH) {
      const batch = pending.slice(i, i + ANCHOR_BATCH);
      const vars = batch.map((_, k) => `$a${k}: String!`).join(", ");
      const fields = batch.map((m, k) => `c${k}: object(oid: "${m.commit}") { ... on Commit { ${runsField(`, after: $a${k}`)} } }`).join("\n    ");
      const data = await query<{ repository: Record<string, SuiteNodes | null> | null }>(
        `query AnchorsMore($owner: String!, $repo: String!, $appId: Int!, ${vars}) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`,
        { owner: ref.owner, repo: ref.repo, appId, ...Object.fromEntries(batch.map((m, k) => [`a${k}`, m.after])) },
      );
      batch.forEach((m, k) => {
        const list = out.get(m.commit) ?? [];
        list.push(...anchorsOf(m.commit, data.repository?.[`c${k}`], appId, next));
        out.set(m.commit, list);
      });
    }
    pending = [...new Map(next.map((m) => [`${m.commit}:${m.after}`, m])).values()];
  }
}

/**
 * The anchors of the app on each of `commits`: one GraphQL query per ANCHOR_BATCH commits, and
 * one more per ANCHOR_BATCH commits for each further page of RUNS_PAGE anchors on a commit. A
 * commit GitHub does not know has none.
 */
export async function readAnchors(octokit: GitHub, ref: RepoRef, commits: string[], appId: number): Promise<Map<string, Anchor[]>> {
  const unique = [...new Set(commits.filter((c) => SHA.test(c)))];
  const out = new Map<string, Anchor[]>();
  const more: MoreRuns[] = [];
  const query = graphqlQuery(octokit);
  for (let i = 0; i < unique.length; i += ANCHOR_BATCH) {
    const batch = unique.slice(i, i + ANCHOR_BATCH);
    const fields = batch.map((oid, k) => `c${k}: object(oid: "${oid}") { ... on Commit { ${RUNS} } }`).join("\n    ");
    const data = await query<{ repository: Record<string, SuiteNodes | null> | null }>(
      `query Anchors($owner: String!, $repo: String!, $appId: Int!) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`,
      { owner: ref.owner, repo: ref.repo, appId },
    );
    batch.forEach((oid, k) => out.set(oid, anchorsOf(oid, data.repository?.[`c${k}`], appId, more)));
  }
  await readMoreAnchors(octokit, ref, appId, more, out);
  return out;
}

/** How many times `followAnchors` reads further along the chain, at most. */
export const FOLLOW_HOPS = 100;

/**
 * The anchors on `commits`, and on the commits they name (the copies of later records' anchors
 * lead to those records' commits), read again while that finds commits not read yet: one query
 * per ANCHOR_BATCH commits, then one per step along records missing from the log, at most `hops`.
 * Commits already read (`known`, e.g. by a scan) are not read again. Returns every anchor found,
 * by the commit it is on.
 */
export async function followAnchors(
  octokit: GitHub,
  ref: RepoRef,
  commits: string[],
  appId: number,
  hops = FOLLOW_HOPS,
  known: Map<string, Anchor[]> = new Map(),
): Promise<Map<string, Anchor[]>> {
  const out = new Map(known);
  for (const [commit, anchors] of await readAnchors(octokit, ref, commits.filter((c) => !out.has(c)), appId)) out.set(commit, anchors);
  for (let step = 0; step < hops; step++) {
    const next = [...out.values()].flat().map((a) => a.about).filter((c): c is string => c !== null && !out.has(c));
    if (next.length === 0) break;
    for (const [commit, anchors] of await readAnchors(octokit, ref, next, appId)) out.set(commit, anchors);
    for (const c of next) if (!out.has(c)) out.set(c, []);
  }
  return out;
}

/**
 * The anchors written after a point, found without knowing their records (an administrator may
 * have deleted them, or hidden the log they are on): the default branch's commits, newest first,
 * until `stopAt` has been passed and a whole page of commits is older than `since` (merges,
 * squashes, rebases and direct pushes are all on the default branch; a commit's date is its
 * author's to set, so one back-dated commit does not end the walk); and the merge commits and last
 * commits of PRs closed, merged or not, updated since `since` (GitHub's own time; a merge commit
 * stays the PR's even when a rewind took it off the branch). `since` is never earlier than the
 * repository's creation (no anchor is older). Pages of 50. The copies `followAnchors` reads find
 * the rest from any record left on the log; this scan is for a log with no record left, for
 * records hidden from the log, and for records written before the copies were.
 * Returns the anchors on every commit it read, by commit (an empty list for a commit without).
 */
export async function scanAnchors(octokit: GitHub, ref: RepoRef, appId: number, since: Date | null, stopAt: string | null): Promise<Map<string, Anchor[]>> {
  const query = graphqlQuery(octokit);
  const out = new Map<string, Anchor[]>();
  const more: MoreRuns[] = [];
  // A commit whose suites did not come back (null: GitHub could not say) is not taken as read
  // without anchors: it is left for `followAnchors` to read by itself.
  const add = (oid: string, suites: SuiteNodes) => {
    if (suites.checkSuites == null) return;
    out.set(oid, [...(out.get(oid) ?? []), ...anchorsOf(oid, suites, appId, more)]);
  };
  let floor = since?.getTime() ?? null;
  let after: string | null = null;
  let passed = stopAt === null;
  for (;;) {
    const data: HistoryPage = await query<HistoryPage>(HISTORY_QUERY, { owner: ref.owner, repo: ref.repo, appId, after });
    const created = Date.parse(data.repository?.createdAt ?? "");
    if (floor !== null && !Number.isNaN(created)) floor = Math.max(floor, created);
    const target = data.repository?.defaultBranchRef?.target;
    const history = target && "history" in target ? target.history : null;
    if (!history) break;
    const nodes = (history.nodes ?? []).filter((n) => n !== null);
    for (const node of nodes) {
      if (!out.has(node.oid)) add(node.oid, node);
      if (node.oid === stopAt) passed = true;
    }
    const old = floor !== null && nodes.length > 0 && nodes.every((n) => Date.parse(n.committedDate) < floor!);
    if (!history.pageInfo.hasNextPage || (passed && old)) break;
    after = history.pageInfo.endCursor;
  }
  after = null;
  for (;;) {
    const data: ClosedPage = await query<ClosedPage>(CLOSED_QUERY, { owner: ref.owner, repo: ref.repo, appId, after });
    const pulls = data.repository?.pullRequests;
    if (!pulls) break;
    let old = false;
    for (const pr of pulls.nodes ?? []) {
      if (!pr) continue;
      if (floor !== null && Date.parse(pr.updatedAt) < floor) old = true;
      for (const c of pr.commits.nodes ?? []) if (c && !out.has(c.commit.oid)) add(c.commit.oid, c.commit);
      if (pr.mergeCommit && !out.has(pr.mergeCommit.oid)) add(pr.mergeCommit.oid, pr.mergeCommit);
    }
    if (!pulls.pageInfo.hasNextPage || old) break;
    after = pulls.pageInfo.endCursor;
  }
  await readMoreAnchors(octokit, ref, appId, more, out);
  return out;
}

interface HistoryPage {
  repository: {
    createdAt?: string;
    defaultBranchRef: {
      target: { history: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<(SuiteNodes & { oid: string; committedDate: string }) | null> | null } } | Record<string, never> | null;
    } | null;
  } | null;
}

interface ClosedPage {
  repository: {
    pullRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        updatedAt: string;
        mergeCommit: (SuiteNodes & { oid: string }) | null;
        commits: { nodes: Array<{ commit: SuiteNodes & { oid: string } } | null> | null };
      } | null> | null;
    } | null;
  } | null;
}

const HISTORY_QUERY = `query AnchorHistory($owner: String!, $repo: String!, $appId: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    createdAt
    defaultBranchRef {
      target {
        ... on Commit {
          history(first: ${ANCHOR_BATCH}, after: $after) {
            pageInfo { hasNextPage endCursor }
            nodes { oid committedDate ${RUNS} }
          }
        }
      }
    }
  }
}`;

const CLOSED_QUERY = `query AnchorClosed($owner: String!, $repo: String!, $appId: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequests(states: [CLOSED, MERGED], first: ${ANCHOR_BATCH}, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { updatedAt mergeCommit { oid ${RUNS} } commits(last: 1) { nodes { commit { oid ${RUNS} } } } }
    }
  }
}`;

/**
 * The earliest an anchor of the app can be: when the app was created (`created_at` of `GET
 * /apps/{slug}`, public). No administrator of a repository can move it, where an installation's
 * own `created_at` moves when the app is uninstalled and installed again, leaving the anchors
 * written before out of reach. `scanAnchors` also never looks before the repository's creation.
 * Null when GitHub does not know the app (the scan then goes back to the repository's creation).
 */
export async function appCreatedAt(octokit: GitHub, appLogin: string): Promise<Date | null> {
  try {
    const { data } = await octokit.rest.apps.getBySlug({ app_slug: appLogin.replace(/\[bot\]$/i, "") });
    const at = Date.parse(data?.created_at ?? "");
    return Number.isNaN(at) ? null : new Date(at);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/**
 * The highest anchor of the app in the repository, looked for without any record to start from
 * (none is visible on the log: the first record ever, or a log hidden or deleted): every anchor
 * on the default branch and on closed PRs back to the app's creation, then along their copies.
 * Null when there is none: the chain starts at record 1.
 */
export async function highestAnchor(octokit: GitHub, ref: RepoRef, appId: number, appLogin: string): Promise<Anchor | null> {
  const scanned = await scanAnchors(octokit, ref, appId, await appCreatedAt(octokit, appLogin), null);
  const all = await followAnchors(octokit, ref, [], appId, FOLLOW_HOPS, scanned);
  let best: Anchor | null = null;
  for (const a of [...all.values()].flat()) if (best === null || a.seq > best.seq) best = a;
  return best;
}

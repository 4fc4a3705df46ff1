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

const RUNS = `checkSuites(first: 10, filterBy: { appId: $appId }) {
        nodes { app { databaseId } checkRuns(first: 20, filterBy: { checkName: "${CHECK_ANCHOR}", checkType: ALL }) { nodes { name text permalink } } }
      }`;

interface SuiteNodes {
  checkSuites: {
    nodes: Array<{ app: { databaseId: number | null } | null; checkRuns: { nodes: Array<{ name: string; text: string | null; permalink: string } | null> | null } | null } | null> | null;
  } | null;
}

function anchorsOf(commit: string, suites: SuiteNodes | null | undefined, appId: number): Anchor[] {
  const out: Anchor[] = [];
  for (const suite of suites?.checkSuites?.nodes ?? []) {
    // Checked again here: only this app's runs are anchors, whatever the filter answered.
    if (!suite || suite.app?.databaseId !== appId) continue;
    for (const run of suite.checkRuns?.nodes ?? []) {
      if (!run || run.name !== CHECK_ANCHOR) continue;
      const a = parseAnchorText(run.text);
      if (a) out.push({ ...a, commit, url: run.permalink });
    }
  }
  return out;
}

/**
 * The anchors of the app on each of `commits`: one GraphQL query per ANCHOR_BATCH commits. A
 * commit GitHub does not know has none.
 */
export async function readAnchors(octokit: GitHub, ref: RepoRef, commits: string[], appId: number): Promise<Map<string, Anchor[]>> {
  const unique = [...new Set(commits.filter((c) => SHA.test(c)))];
  const out = new Map<string, Anchor[]>();
  const query = graphqlQuery(octokit);
  for (let i = 0; i < unique.length; i += ANCHOR_BATCH) {
    const batch = unique.slice(i, i + ANCHOR_BATCH);
    const fields = batch.map((oid, k) => `c${k}: object(oid: "${oid}") { ... on Commit { ${RUNS} } }`).join("\n    ");
    const data = await query<{ repository: Record<string, SuiteNodes | null> | null }>(
      `query Anchors($owner: String!, $repo: String!, $appId: Int!) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`,
      { owner: ref.owner, repo: ref.repo, appId },
    );
    batch.forEach((oid, k) => out.set(oid, anchorsOf(oid, data.repository?.[`c${k}`], appId)));
  }
  return out;
}

/** How many times `followAnchors` reads further along the chain, at most. */
export const FOLLOW_HOPS = 100;

/**
 * The anchors on `commits`, and on the commits they name (the copies of later records' anchors
 * lead to those records' commits), read again while that finds commits not read yet: one query
 * per ANCHOR_BATCH commits, then one per step along records missing from the log, at most `hops`.
 * Returns every anchor found, by the commit it is on.
 */
export async function followAnchors(octokit: GitHub, ref: RepoRef, commits: string[], appId: number, hops = FOLLOW_HOPS): Promise<Map<string, Anchor[]>> {
  const out = await readAnchors(octokit, ref, commits, appId);
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
 * have deleted them): the default branch's commits, newest first, until `stopAt` has been passed
 * and commits are older than `since` (merges, squashes, rebases and direct pushes are all on the
 * default branch); and the merge commits and last commits of PRs closed, merged or not, updated
 * since `since` (a merge commit stays the PR's even when a rewind took it off the branch). Pages
 * of 50. The copies `followAnchors` reads find the rest from any record left on the log; this scan
 * is for a log with no record left, and for records written before the copies were.
 */
export async function scanAnchors(octokit: GitHub, ref: RepoRef, appId: number, since: Date | null, stopAt: string | null): Promise<Anchor[]> {
  const query = graphqlQuery(octokit);
  const out: Anchor[] = [];
  let after: string | null = null;
  let passed = stopAt === null;
  for (;;) {
    const data: HistoryPage = await query<HistoryPage>(HISTORY_QUERY, { owner: ref.owner, repo: ref.repo, appId, after });
    const target = data.repository?.defaultBranchRef?.target;
    const history = target && "history" in target ? target.history : null;
    if (!history) break;
    let old = false;
    for (const node of history.nodes ?? []) {
      if (!node) continue;
      out.push(...anchorsOf(node.oid, node, appId));
      if (node.oid === stopAt) passed = true;
      if (since !== null && Date.parse(node.committedDate) < since.getTime()) old = true;
    }
    if (!history.pageInfo.hasNextPage || (passed && (since === null ? false : old))) break;
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
      if (since !== null && Date.parse(pr.updatedAt) < since.getTime()) old = true;
      for (const c of pr.commits.nodes ?? []) if (c) out.push(...anchorsOf(c.commit.oid, c.commit, appId));
      if (pr.mergeCommit) out.push(...anchorsOf(pr.mergeCommit.oid, pr.mergeCommit, appId));
    }
    if (!pulls.pageInfo.hasNextPage || old) break;
    after = pulls.pageInfo.endCursor;
  }
  return out;
}

interface HistoryPage {
  repository: {
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

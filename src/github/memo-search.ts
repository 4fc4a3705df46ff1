// Where the app finds its memo of the commands it has seen (src/github/signal-memo.ts) whatever the
// shape of the pushes: SPEC.md "How votes are read" (editing or deleting a comment withdraws
// nothing) must not hang on how many commits one push brings or how many force-pushes come between
// two evaluations.
//
// Every evaluation writes its sign-off run, memo included, on the PR's head; the newest of those
// runs holds everything the app remembers. The PR's one query (src/github/facts.ts) reads this
// app's runs on the PR's last 100 commits and on the heads its last 20 force-pushes replaced. That
// is enough when it holds the whole PR (no earlier commit, no earlier force-push), or when it holds
// a run of this app for this PR on the current head written after the last force-push it shows
// (then that run is the app's latest word on the PR: a re-evaluation, the common case). Otherwise
// (the first evaluation of a head after a push of 100 commits or more, or after more than 20
// force-pushes since the last evaluation) the search pages further back, through every earlier
// commit and force-push, at most MAX_PAGES pages of 100 each.
//
// The memo cannot be found when GitHub no longer gives a head that a force-push replaced, when a
// force-push replaced a head the app never judged after its newest run found (a push then a
// force-push between two evaluations: the run may sit on a commit no list reaches), when a run
// found says the memo was already lost (MEMO_GAP_MARKER), or when the pages run out. Then the evaluation
// is told so (`unreachable`), with every comment a writer deleted on the PR (its timeline, which
// nobody can edit: the last 100 such events come with the PR's query, so no request is added), so that the core can fail closed for the voters whose commands may be lost
// (src/core/memo-gap.ts).
import { CHECK_SIGNOFF, MEMO_GAP_MARKER } from "../constants.js";
import type { DeletedComment, MemoEntry } from "../core/types.js";
import { memosIn, mergeMemos, writtenFor } from "./signal-memo.js";

/** At most this many extra pages (of 100) of commits, of force-pushes and of deletions per evaluation. */
export const MAX_PAGES = 10;

/** This app's sign-off runs on one commit: the fields the memo search reads. */
export const APP_SIGNOFF_FRAGMENT = `fragment AppSignoff on Commit {
  oid
  checkSuites(first: 5, filterBy: { appId: $appId }) {
    nodes {
      app { databaseId }
      checkRuns(last: 5, filterBy: { checkName: "${CHECK_SIGNOFF}" }) { nodes { summary externalId completedAt } }
    }
  }
}`;

/** This app's check suites on one commit, with their sign-off runs. */
export interface GraphAppSignoff {
  oid?: string;
  checkSuites: {
    nodes: Array<{
      app: { databaseId: number | null } | null;
      checkRuns: { nodes: Array<{ summary: string | null; externalId?: string | null; completedAt?: string | null } | null> | null } | null;
    } | null> | null;
  } | null;
}

interface BackPage<T> {
  pageInfo?: { hasPreviousPage: boolean; startCursor: string | null };
  nodes: Array<T | null> | null;
}

export type GraphForcePush = { __typename: string; createdAt?: string; beforeCommit?: GraphAppSignoff | null; afterCommit?: { oid: string } | null };
export type GraphCommentDeleted = { __typename: string; createdAt?: string; actor?: { login: string } | null; deletedCommentAuthor?: { login: string } | null };

/** What the PR's one query gives of the memo's places (its last commits and force-pushes) and of the comments deleted by others. */
export interface MemoWindow {
  commits: BackPage<{ commit: GraphAppSignoff }> | null;
  forcePushes: BackPage<GraphForcePush> | null;
  /** Undefined or null: not given (the PR read through REST). */
  deletions?: BackPage<GraphCommentDeleted> | null;
}

/** The query for earlier pages: commits, force-pushes and deleted comments, each only when asked. */
export const MEMO_PAGES_QUERY = `query MemoPages($owner: String!, $repo: String!, $number: Int!, $appId: Int!, $commits: String, $pushes: String, $deletions: String, $readCommits: Boolean!, $readPushes: Boolean!, $readDeletions: Boolean!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      commits(last: 100, before: $commits) @include(if: $readCommits) {
        pageInfo { hasPreviousPage startCursor }
        nodes { commit { ...AppSignoff } }
      }
      forcePushes: timelineItems(last: 100, before: $pushes, itemTypes: [HEAD_REF_FORCE_PUSHED_EVENT]) @include(if: $readPushes) {
        pageInfo { hasPreviousPage startCursor }
        nodes { __typename ... on HeadRefForcePushedEvent { createdAt beforeCommit { ...AppSignoff } afterCommit { oid } } }
      }
      deletions: timelineItems(last: 100, before: $deletions, itemTypes: [COMMENT_DELETED_EVENT]) @include(if: $readDeletions) {
        pageInfo { hasPreviousPage startCursor }
        nodes { __typename ... on CommentDeletedEvent { createdAt actor { login } deletedCommentAuthor { login } } }
      }
    }
  }
}

${APP_SIGNOFF_FRAGMENT}`;

export interface MemoPagesResult {
  repository: {
    pullRequest: Partial<MemoWindow> | null;
  } | null;
}

export type MemoPagesVariables = {
  commits: string | null;
  pushes: string | null;
  deletions: string | null;
  readCommits: boolean;
  readPushes: boolean;
  readDeletions: boolean;
};

export interface FoundMemo {
  /** The commands and decision labels remembered for the PR in every run found. */
  seen: MemoEntry[];
  /** Set when the app's whole memory of the PR could not be found: every comment deleted by someone else. */
  unreachable?: { deleted: DeletedComment[] };
}

interface Run {
  commit: string | null;
  completedAt: number;
  seen: MemoEntry[];
  gap: boolean;
}

/** This app's sign-off runs on a commit that remember something of PR `pr` or were written for it. */
function runsOn(commit: GraphAppSignoff | null | undefined, appId: number, pr: number): Run[] {
  const runs: Run[] = [];
  for (const suite of commit?.checkSuites?.nodes ?? []) {
    // Filtered by GitHub, and checked again: only this app's own runs are its memory.
    if (suite?.app?.databaseId !== appId) continue;
    for (const run of suite.checkRuns?.nodes ?? []) {
      if (!run) continue;
      // This PR's commands only: a commit may also be another PR's (a PR stacked on another's
      // branch has its commits, a twin PR shares its head), and that PR's commands are no signal here.
      const memos = memosIn({ externalId: run.externalId, summary: run.summary });
      if (!memos.has(pr) && !writtenFor(run.externalId, pr)) continue;
      runs.push({
        commit: commit?.oid ?? null,
        completedAt: Date.parse(run.completedAt ?? "") || 0,
        seen: memos.get(pr) ?? [],
        gap: (run.summary ?? "").includes(MEMO_GAP_MARKER),
      });
    }
  }
  return runs;
}

const present = <T>(nodes: Array<T | null> | null | undefined): T[] => (nodes ?? []).filter((n): n is T => n !== null);

/**
 * The commands the app remembers for PR `pr`, from the PR's one query (`window`) and, when that is
 * not enough (see above), from earlier pages read with `readPages`.
 */
export async function findMemo(
  window: MemoWindow,
  pr: { number: number; headSha: string; appId: number },
  readPages: (variables: MemoPagesVariables) => Promise<MemoPagesResult>,
): Promise<FoundMemo> {
  const commits = present(window.commits?.nodes).map((n) => n.commit);
  const pushes = present(window.forcePushes?.nodes).filter((n) => n.__typename === "HeadRefForcePushedEvent");
  let commitsBefore = window.commits?.pageInfo?.hasPreviousPage ? window.commits.pageInfo.startCursor : null;
  let pushesBefore = window.forcePushes?.pageInfo?.hasPreviousPage ? window.forcePushes.pageInfo.startCursor : null;

  const lastPush = Math.max(-Infinity, ...pushes.map((p) => Date.parse(p.createdAt ?? "") || 0));
  const onHead = commits.filter((c) => c.oid === pr.headSha).flatMap((c) => runsOn(c, pr.appId, pr.number));
  const trusted = onHead.some((r) => !r.gap && r.completedAt >= lastPush);
  let capped = false;
  if (!trusted) {
    for (let page = 0; (commitsBefore !== null || pushesBefore !== null) && !capped; page++) {
      if (page === MAX_PAGES) {
        capped = true;
        break;
      }
      const more = (await readPages({ commits: commitsBefore, pushes: pushesBefore, deletions: null, readCommits: commitsBefore !== null, readPushes: pushesBefore !== null, readDeletions: false })).repository?.pullRequest;
      if (commitsBefore !== null) {
        commits.push(...present(more?.commits?.nodes).map((n) => n.commit));
        commitsBefore = more?.commits?.pageInfo?.hasPreviousPage ? (more.commits.pageInfo.startCursor ?? null) : null;
      }
      if (pushesBefore !== null) {
        pushes.push(...present(more?.forcePushes?.nodes).filter((n) => n.__typename === "HeadRefForcePushedEvent"));
        pushesBefore = more?.forcePushes?.pageInfo?.hasPreviousPage ? (more.forcePushes.pageInfo.startCursor ?? null) : null;
      }
    }
  }

  const runs = [...commits.flatMap((c) => runsOn(c, pr.appId, pr.number)), ...pushes.flatMap((p) => runsOn(p.beforeCommit, pr.appId, pr.number))];
  const seen = mergeMemos(...runs.map((r) => r.seen));
  if (trusted) return { seen };
  const newest = runs.reduce<Run | null>((a, r) => (a === null || r.completedAt > a.completedAt ? r : a), null);
  if (!capped && chained(pushes, newest) && !(newest?.gap ?? false)) return { seen };
  return { seen, unreachable: { deleted: await deletedComments(window.deletions, readPages) } };
}

/**
 * Whether every head the PR had since the newest run found is one the search read: the force-pushes
 * since then (oldest first) each replaced the head the one before left (the first, the newest run's
 * head). A force-push that replaced another head (a commit pushed on top, then force-pushed away) may
 * have hidden a commit the app judged and that no list reaches; so may any force-push when no run
 * was found at all. A force-push in the same second as the run counts as after it (fail closed).
 */
function chained(pushes: readonly GraphForcePush[], newest: Run | null): boolean {
  const since = pushes
    .map((p) => ({ at: Date.parse(p.createdAt ?? "") || 0, before: p.beforeCommit?.oid ?? null, after: p.afterCommit?.oid ?? null }))
    .filter((p) => p.at >= (newest?.completedAt ?? -Infinity))
    .sort((a, b) => a.at - b.at);
  let head = newest?.commit ?? null;
  for (const p of since) {
    if (head === null || p.before !== head) return false;
    head = p.after;
  }
  return true;
}

/**
 * Every comment of the PR deleted by someone other than its author (the PR's timeline): the last
 * page the PR's query gave, then earlier ones (all of them through the pages query when the query
 * gave none: the PR read through REST).
 */
async function deletedComments(first: BackPage<GraphCommentDeleted> | null | undefined, readPages: (variables: MemoPagesVariables) => Promise<MemoPagesResult>): Promise<DeletedComment[]> {
  const out: DeletedComment[] = [];
  let page: BackPage<GraphCommentDeleted> | null | undefined = first;
  let before: string | null = null;
  for (let read = 0; read <= MAX_PAGES; read++) {
    if (!page || read > 0) {
      if (read === MAX_PAGES) break;
      page = (await readPages({ commits: null, pushes: null, deletions: before, readCommits: false, readPushes: false, readDeletions: true })).repository?.pullRequest?.deletions;
    }
    for (const e of present(page?.nodes)) {
      if (e.__typename !== "CommentDeletedEvent") continue;
      const author = e.deletedCommentAuthor?.login;
      // Deleted by its author (who may withdraw her own signal), or a deleted account's (no voter's).
      if (!author || author.toLowerCase() === e.actor?.login.toLowerCase()) continue;
      out.push({ author, by: e.actor?.login ?? null, at: e.createdAt ?? "" });
    }
    if (!page?.pageInfo?.hasPreviousPage) return out;
    before = page.pageInfo.startCursor;
  }
  // More deletions than the pages read: any voter's comment may be among the others.
  out.push({ author: null, by: null, at: "" });
  return out;
}

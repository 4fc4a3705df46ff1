// The open PRs of a repository with what the sweep needs to tell which ones need evaluating: their
// head, signals (draft, base, the default branch, labels, how many label and base changes, counts
// of reviews and dismissed reviews, each comment's id and last update) and this app's latest check
// runs on the head. One GraphQL query per hundred PRs.
import type { ListedPull } from "../evaluate/sweep-hint.js";
import { graphqlQuery, type GitHub } from "./client.js";
import type { RepoRef } from "./files.js";

export const OPEN_PULLS_QUERY = `query OpenPullRequestChecks($owner: String!, $repo: String!, $appId: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name }
    pullRequests(states: [OPEN], first: 100, after: $cursor) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        isDraft
        headRefOid
        baseRefName
        labels(first: 100) { totalCount nodes { name } }
        timelineItems(first: 0, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, BASE_REF_CHANGED_EVENT]) { totalCount }
        reviews(first: 0) { totalCount }
        dismissed: reviews(first: 0, states: [DISMISSED]) { totalCount }
        comments(first: 100) { totalCount nodes { fullDatabaseId updatedAt author { login } } }
        commits(last: 1) {
          nodes {
            commit {
              oid
              checkSuites(first: 10, filterBy: { appId: $appId }) {
                nodes {
                  app { databaseId }
                  checkRuns(first: 20, filterBy: { checkType: LATEST }) { nodes { databaseId name externalId } }
                }
              }
            }
          }
        }
      }
    }
  }
}`;

interface Nodes<T> {
  nodes: Array<T | null> | null;
}

interface ListedNode {
  number: number;
  isDraft: boolean;
  headRefOid: string;
  baseRefName: string;
  labels: (Nodes<{ name: string }> & { totalCount: number }) | null;
  timelineItems: { totalCount: number } | null;
  reviews: { totalCount: number } | null;
  dismissed: { totalCount: number } | null;
  comments: (Nodes<{ fullDatabaseId: string | null; updatedAt: string; author: { login: string } | null }> & { totalCount: number }) | null;
  commits: Nodes<{
    commit: {
      oid: string;
      checkSuites: Nodes<{
        app: { databaseId: number | null } | null;
        checkRuns: Nodes<{ databaseId: number | null; name: string; externalId: string | null }> | null;
      }> | null;
    };
  }> | null;
}

export interface OpenPullsQueryResult {
  repository: {
    defaultBranchRef: { name: string } | null;
    pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<ListedNode | null> | null };
  } | null;
}

const nodes = <T>(page: Nodes<T> | null | undefined): T[] => (page?.nodes ?? []).filter((n): n is T => n !== null);

/** Every open PR of `repo` (all pages), with this app's (`appId`) latest check runs on its head. */
export async function listOpenPullsWithChecks(octokit: GitHub, repo: RepoRef, appId: number): Promise<ListedPull[]> {
  const out: ListedPull[] = [];
  let cursor: string | null = null;
  do {
    const result: OpenPullsQueryResult = await graphqlQuery(octokit)<OpenPullsQueryResult>(OPEN_PULLS_QUERY, {
      owner: repo.owner,
      repo: repo.repo,
      appId,
      cursor,
    });
    const page = result.repository?.pullRequests;
    if (!page) throw new Error(`GitHub did not list the open pull requests of ${repo.owner}/${repo.repo}`);
    // A repository without a default branch has no open PR to judge by its rules: "" never matches.
    const defaultBranch = result.repository?.defaultBranchRef?.name ?? "";
    for (const pr of nodes(page)) out.push(listed(pr, appId, defaultBranch));
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (cursor !== null);
  return out;
}

function listed(pr: ListedNode, appId: number, defaultBranch: string): ListedPull {
  const checks = new Map<string, { id: number; externalId: string | null }>();
  for (const c of nodes(pr.commits)) {
    // Only the head commit's runs count: a check on an older head is no check.
    if (c.commit.oid !== pr.headRefOid) continue;
    for (const suite of nodes(c.commit.checkSuites)) {
      // Only this app's runs may ever be taken as its own (GitHub filtered; checked again).
      if (suite.app?.databaseId !== appId) continue;
      for (const run of nodes(suite.checkRuns)) {
        const id = run.databaseId ?? 0;
        if ((checks.get(run.name)?.id ?? -1) < id) checks.set(run.name, { id, externalId: run.externalId });
      }
    }
  }
  const labels = nodes(pr.labels).map((l) => l.name);
  const listedComments = nodes(pr.comments);
  // As the evaluation reads them (src/github/facts.ts): a comment without an author is left out.
  const comments = listedComments.filter((c) => c.author !== null).map((c) => ({ id: Number(c.fullDatabaseId ?? 0), updatedAt: c.updatedAt }));
  return {
    number: pr.number,
    headSha: pr.headRefOid,
    draft: pr.isDraft,
    base: pr.baseRefName,
    defaultBranch,
    labels,
    timeline: pr.timelineItems?.totalCount ?? -1,
    reviews: pr.reviews?.totalCount ?? -1,
    dismissed: pr.dismissed?.totalCount ?? -1,
    comments,
    checks,
    ...((pr.labels?.totalCount ?? 0) > labels.length || !pr.labels ? { labelsIncomplete: true } : {}),
    ...((pr.comments?.totalCount ?? 0) > listedComments.length || !pr.comments ? { commentsIncomplete: true } : {}),
  };
}

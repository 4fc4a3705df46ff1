// The open PRs of a repository with what the sweep needs to tell which ones need evaluating: their
// head, signals (draft, labels, counts of reviews, dismissed reviews and comments) and this app's
// latest check runs on the head. One GraphQL query per hundred PRs.
import type { ListedPull } from "../evaluate/sweep-hint.js";
import { graphqlQuery, type GitHub } from "./client.js";
import type { RepoRef } from "./files.js";

export const OPEN_PULLS_QUERY = `query OpenPullRequestChecks($owner: String!, $repo: String!, $appId: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequests(states: [OPEN], first: 100, after: $cursor) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        isDraft
        headRefOid
        labels(first: 100) { totalCount nodes { name } }
        reviews(first: 0) { totalCount }
        dismissed: reviews(first: 0, states: [DISMISSED]) { totalCount }
        comments(first: 0) { totalCount }
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
  labels: (Nodes<{ name: string }> & { totalCount: number }) | null;
  reviews: { totalCount: number } | null;
  dismissed: { totalCount: number } | null;
  comments: { totalCount: number } | null;
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
    for (const pr of nodes(page)) out.push(listed(pr, appId));
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (cursor !== null);
  return out;
}

function listed(pr: ListedNode, appId: number): ListedPull {
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
  return {
    number: pr.number,
    headSha: pr.headRefOid,
    draft: pr.isDraft,
    labels,
    reviews: pr.reviews?.totalCount ?? -1,
    dismissed: pr.dismissed?.totalCount ?? -1,
    comments: pr.comments?.totalCount ?? -1,
    checks,
    ...((pr.labels?.totalCount ?? 0) > labels.length || !pr.labels ? { labelsIncomplete: true } : {}),
  };
}

// The review requests of `declarations.request_reviews` (src/core/review-requests.ts says whom):
// read just before writing whom GitHub shows was ever requested on the PR (pending requests,
// and every ReviewRequestedEvent of its timeline, whoever made it), then request each person not
// requested yet, one by one (a login GitHub refuses, one that is not a collaborator, costs only
// its own request), under the login their account has now.
import { notYetRequested, type ReviewerToRequest } from "../core/review-requests.js";
import type { Actor } from "../core/types.js";
import { graphqlQuery, type GitHub } from "./client.js";
import { ACTOR_FIELDS, graphActor, GHOST, type PullRequestRef } from "./facts.js";

/** At most this many pages of 100 timeline events are read; a PR with more is asked nothing. */
const MAX_PAGES = 10;

export const REVIEW_REQUESTS_QUERY = `query ReviewRequests($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      state
      isDraft
      author { ${ACTOR_FIELDS} }
      reviewRequests(first: 100) { pageInfo { hasNextPage } nodes { requestedReviewer { ...Reviewer } } }
      timelineItems(first: 100, after: $after, itemTypes: [REVIEW_REQUESTED_EVENT]) {
        pageInfo { hasNextPage endCursor }
        nodes { __typename ... on ReviewRequestedEvent { requestedReviewer { ...Reviewer } } }
      }
    }
  }
}

fragment Reviewer on RequestedReviewer {
  __typename
  ... on User { login databaseId }
  ... on Bot { login databaseId }
  ... on Mannequin { login databaseId }
}`;

interface GraphReviewer {
  __typename: string;
  login?: string;
  databaseId?: number | null;
}

interface ReviewRequestsResult {
  repository: {
    pullRequest: {
      state: "OPEN" | "CLOSED" | "MERGED";
      isDraft: boolean;
      author: { __typename: string; login: string; databaseId?: number | null } | null;
      reviewRequests: { pageInfo: { hasNextPage: boolean }; nodes: Array<{ requestedReviewer: GraphReviewer | null } | null> | null } | null;
      timelineItems: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{ __typename: string; requestedReviewer?: GraphReviewer | null } | null> | null;
      } | null;
    } | null;
  } | null;
}

export interface ReviewRequestsRead {
  /** Open and ready for review (not a draft). */
  open: boolean;
  author: Actor;
  /** Everyone GitHub shows was requested on the PR, now or before (teams left out). */
  requested: Actor[];
  /** False when the timeline had more events than the app reads: then nobody is asked. */
  complete: boolean;
}

const reviewer = (r: GraphReviewer | null | undefined): Actor | null =>
  r && typeof r.login === "string" && r.__typename !== "Team" ? graphActor({ __typename: r.__typename, login: r.login, databaseId: r.databaseId ?? null }) : null;

/** Who was ever requested on a PR, its author, and whether it is open and ready. */
export async function readReviewRequests(octokit: GitHub, ref: PullRequestRef): Promise<ReviewRequestsRead> {
  const requested: Actor[] = [];
  let after: string | null = null;
  let first: NonNullable<ReviewRequestsResult["repository"]>["pullRequest"] = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: ReviewRequestsResult = await graphqlQuery(octokit)<ReviewRequestsResult>(REVIEW_REQUESTS_QUERY, { owner: ref.owner, repo: ref.repo, number: ref.pull_number, after });
    const pr = data.repository?.pullRequest ?? null;
    if (!pr) return { open: false, author: GHOST, requested, complete: false };
    if (page === 0) {
      first = pr;
      for (const node of pr.reviewRequests?.nodes ?? []) {
        const actor = reviewer(node?.requestedReviewer);
        if (actor) requested.push(actor);
      }
    }
    for (const node of pr.timelineItems?.nodes ?? []) {
      const actor = node?.__typename === "ReviewRequestedEvent" ? reviewer(node.requestedReviewer) : null;
      if (actor) requested.push(actor);
    }
    const info = pr.timelineItems?.pageInfo;
    if (!info?.hasNextPage) {
      return {
        open: first!.state === "OPEN" && !first!.isDraft,
        author: first!.author ? graphActor(first!.author) : GHOST,
        requested,
        complete: pr.timelineItems !== null && first!.reviewRequests?.pageInfo.hasNextPage !== true,
      };
    }
    after = info.endCursor;
  }
  return { open: false, author: GHOST, requested, complete: false };
}

/**
 * Requests a review from each of `candidates` GitHub shows was never requested on the PR. A
 * candidate whose registry entry gives an account id is asked under the login that account has
 * now (GET /user/{account_id}): a login given up may be someone else's. Returns false when
 * nobody was asked because the PR is closed, a draft, or has more requests than the app reads
 * (to try again at a later evaluation); true once each candidate was asked or found asked (a
 * request GitHub refuses is logged: a courtesy, nothing depends on it).
 */
export async function requestReviews(
  octokit: GitHub,
  ref: PullRequestRef,
  candidates: ReviewerToRequest[],
  log?: { warn: (obj: unknown, msg?: string) => void },
): Promise<boolean> {
  const read = await readReviewRequests(octokit, ref);
  if (!read.open || !read.complete) return false;
  for (const candidate of notYetRequested(candidates, read.requested, read.author)) {
    try {
      let login = candidate.login;
      if (candidate.id !== null) {
        const { data } = await octokit.request("GET /user/{account_id}", { account_id: candidate.id });
        login = data.login;
      }
      await octokit.rest.pulls.requestReviewers({ owner: ref.owner, repo: ref.repo, pull_number: ref.pull_number, reviewers: [login] });
    } catch (error) {
      log?.warn({ err: error, pr: ref, reviewer: candidate.login }, "a review request failed (a courtesy: nothing depends on it)");
    }
  }
  return true;
}

// What happened to a PR after its close, from its timeline: reviews dismissed (with the state they
// had), labels added and removed, each with GitHub's timestamp (src/core/as-of.ts undoes them).
import type { LaterEvent } from "../core/as-of.js";
import type { ReviewFact } from "../core/types.js";
import { graphqlQuery, type GitHub } from "./client.js";
import type { PullRequestRef } from "./facts.js";

const QUERY = `query LaterEvents($owner: String!, $repo: String!, $number: Int!, $since: DateTime!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      timelineItems(first: 100, after: $after, since: $since, itemTypes: [REVIEW_DISMISSED_EVENT, LABELED_EVENT, UNLABELED_EVENT]) {
        pageInfo { hasNextPage endCursor }
        nodes {
          __typename
          ... on ReviewDismissedEvent { createdAt previousReviewState review { fullDatabaseId } }
          ... on LabeledEvent { createdAt label { name } }
          ... on UnlabeledEvent { createdAt label { name } }
        }
      }
    }
  }
}`;

interface Node {
  __typename: string;
  createdAt?: string;
  previousReviewState?: string;
  review?: { fullDatabaseId: string | null } | null;
  label?: { name: string } | null;
}

interface Page {
  repository: { pullRequest: { timelineItems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<Node | null> | null } } | null } | null;
}

/** The PR's dismissals and label events since `since` (all pages). */
export async function listEventsSince(octokit: GitHub, ref: PullRequestRef, since: string): Promise<LaterEvent[]> {
  const out: LaterEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Page = await graphqlQuery(octokit)<Page>(QUERY, { owner: ref.owner, repo: ref.repo, number: ref.pull_number, since, after });
    const items = data.repository?.pullRequest?.timelineItems;
    if (!items) throw new Error(`GitHub gave no timeline for pull request #${ref.pull_number}: what happened after its close cannot be undone`);
    for (const n of items.nodes ?? []) {
      if (!n?.createdAt) continue;
      if (n.__typename === "ReviewDismissedEvent" && n.review?.fullDatabaseId) {
        out.push({ at: n.createdAt, type: "dismissed", reviewId: Number(n.review.fullDatabaseId), previousState: (n.previousReviewState ?? "COMMENTED") as ReviewFact["state"] });
      } else if ((n.__typename === "LabeledEvent" || n.__typename === "UnlabeledEvent") && n.label) {
        out.push({ at: n.createdAt, type: n.__typename === "LabeledEvent" ? "labeled" : "unlabeled", label: n.label.name });
      }
    }
    if (!items.pageInfo.hasNextPage) return out;
    after = items.pageInfo.endCursor;
  }
}

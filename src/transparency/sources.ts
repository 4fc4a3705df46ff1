// What a report reads besides the log: the PRs of the period, the decisions still open and the
// registry as it stood at a time. Every read is a paginated list: the number of requests grows
// with pages of results, never with the number of PRs or reviews.
import { decisionKindsOf } from "../core/decisions.js";
import type { Policy, Registry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { parseRegistry, registryLocationOf } from "../policy/registry.js";

export interface ListedPull {
  number: number;
  title: string;
  author: string;
  authorIsBot: boolean;
  createdAt: string;
  closedAt: string | null;
  url: string;
}

/**
 * The PRs created at or after `since`, newest first: pages of `state=all&sort=created` are read
 * only until one reaches a PR created before `since`.
 */
export async function listPullsCreatedSince(octokit: GitHub, ref: RepoRef, since: Date): Promise<ListedPull[]> {
  const out: ListedPull[] = [];
  const limit = since.getTime();
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.list, {
    owner: ref.owner,
    repo: ref.repo,
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: 100,
  })) {
    let older = false;
    for (const p of page.data) {
      if (Date.parse(p.created_at) < limit) {
        older = true;
        continue;
      }
      out.push({
        number: p.number,
        title: p.title,
        author: p.user?.login ?? "ghost",
        authorIsBot: p.user?.type === "Bot",
        createdAt: p.created_at,
        closedAt: p.closed_at,
        url: p.html_url,
      });
    }
    if (older) break;
  }
  return out;
}

export interface OpenDecision {
  number: number;
  title: string;
  author: string;
  kinds: string[];
  createdAt: string;
  url: string;
}

const OPEN_PULLS_QUERY = `query($owner: String!, $repo: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequests(states: OPEN, first: 50, after: $cursor, orderBy: {field: CREATED_AT, direction: ASC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title createdAt url
        author { login }
        labels(first: 100) { nodes { name } }
        files(first: 100) { nodes { path } }
      }
    }
  }
}`;

interface OpenPullsPage {
  repository: {
    pullRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        number: number;
        title: string;
        createdAt: string;
        url: string;
        author: { login: string } | null;
        labels: { nodes: Array<{ name: string }> };
        files: { nodes: Array<{ path: string }> } | null;
      }>;
    };
  } | null;
}

/**
 * The open PRs that are decisions, by their labels and changed files. One GraphQL query reads the
 * files of 50 PRs at once (REST would need one request per PR). Only the first 100 files of a PR
 * are looked at, by their new names.
 */
export async function listOpenDecisions(octokit: GitHub, ref: RepoRef, policy: Policy): Promise<OpenDecision[]> {
  const out: OpenDecision[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: OpenPullsPage = await octokit.graphql<OpenPullsPage>(OPEN_PULLS_QUERY, { owner: ref.owner, repo: ref.repo, cursor });
    const prs = page.repository?.pullRequests;
    if (!prs) break;
    for (const n of prs.nodes) {
      const kinds = decisionKindsOf(policy, {
        labels: n.labels.nodes.map((l) => l.name),
        files: (n.files?.nodes ?? []).map((f) => ({ filename: f.path })),
      });
      if (kinds.length === 0) continue;
      out.push({ number: n.number, title: n.title, author: n.author?.login ?? "ghost", kinds: kinds.map((k) => k.id), createdAt: n.createdAt, url: n.url });
    }
    if (!prs.pageInfo.hasNextPage || !prs.pageInfo.endCursor) break;
    cursor = prs.pageInfo.endCursor;
  }
  return out;
}

/**
 * The registry as it stood at `at`: the last commit touching its file before then, and the file
 * at that commit. Null when the file did not exist yet (or is invalid then: a report shows no
 * declarations rather than failing).
 */
export async function getRegistryAt(octokit: GitHub, ref: RepoRef, policy: Policy, at: Date): Promise<Registry | null> {
  const file = registryLocationOf(policy, ref);
  const { data: commits } = await octokit.rest.repos.listCommits({
    owner: file.owner,
    repo: file.repo,
    path: file.path,
    until: at.toISOString(),
    per_page: 1,
  });
  const sha = commits[0]?.sha;
  if (!sha) return null;
  let content: unknown;
  try {
    ({ data: content } = await octokit.rest.repos.getContent({ owner: file.owner, repo: file.repo, path: file.path, ref: sha }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  const entry = content as { type?: string; content?: string; encoding?: string };
  if (entry.type !== "file" || entry.encoding !== "base64" || typeof entry.content !== "string") return null;
  const label = policy.registry.kind === "local" ? file.path : `${file.owner}/${file.repo}:${file.path}`;
  return parseRegistry(new Uint8Array(Buffer.from(entry.content, "base64")), label, policy).registry;
}

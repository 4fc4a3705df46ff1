// Comments the app keeps up to date: found by a hidden marker on the app's own comments only (a
// user can paste the marker too), across all pages; updated in place, never duplicated.
import type { CommentFact } from "../core/types.js";
import type { GitHub } from "./client.js";

export interface EnsureMarkedCommentInput {
  owner: string;
  repo: string;
  issue_number: number;
  /** A hidden marker, e.g. MARKER_INSTRUCTIONS; added at the end of `body` when absent from it. */
  marker: string;
  body: string;
  /** Create the comment when there is none (false: only update an existing one). */
  createIfAbsent: boolean;
  /** The app's bot login ("my-app[bot]"), when known: then only its comments are ours. */
  appLogin?: string;
  /** The issue's comments, when the caller has just read them all: they are not read again. */
  comments?: readonly CommentFact[];
}

export interface EnsureMarkedCommentResult {
  action: "created" | "updated" | "unchanged" | "absent";
  /** The comment kept (absent when none exists). */
  commentId?: number;
  /** Duplicates removed (a race between two writers). */
  deleted: number[];
  /** The comment's `updated_at` after it was created or updated here. */
  updatedAt?: string;
}

interface CommentLike {
  id: number;
  body?: string;
  created_at: string;
  user: { login: string; type?: string } | null;
}

function isOurs(comment: CommentLike, marker: string, appLogin?: string): boolean {
  const user = comment.user;
  if (!user || user.type !== "Bot") return false;
  if (appLogin !== undefined && user.login.toLowerCase() !== appLogin.toLowerCase()) return false;
  return (comment.body ?? "").includes(marker);
}

export function withMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${body}\n\n${marker}`;
}

export async function ensureMarkedComment(octokit: GitHub, input: EnsureMarkedCommentInput): Promise<EnsureMarkedCommentResult> {
  const { owner, repo, issue_number } = input;
  const body = withMarker(input.body, input.marker);
  const comments: CommentLike[] = input.comments
    ? input.comments.map((c) => ({ id: c.id, body: c.body, created_at: c.createdAt, user: { login: c.user.login, type: c.user.isBot ? "Bot" : "User" } }))
    : ((await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 })) as CommentLike[]);
  const ours = comments
    .filter((c) => isOurs(c, input.marker, input.appLogin))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);

  const [kept, ...duplicates] = ours;
  const deleted: number[] = [];
  for (const duplicate of duplicates) {
    try {
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id });
    } catch (error) {
      // Another writer removed it first: what we wanted.
      if ((error as { status?: number }).status !== 404) throw error;
    }
    deleted.push(duplicate.id);
  }

  if (kept) {
    if ((kept.body ?? "") === body) return { action: "unchanged", commentId: kept.id, deleted };
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: kept.id, body });
    return { action: "updated", commentId: kept.id, deleted, updatedAt: data.updated_at };
  }
  if (!input.createIfAbsent) return { action: "absent", deleted };
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
  return { action: "created", commentId: data.id, deleted, updatedAt: data.updated_at };
}

export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

/** Reacts to an issue or PR comment (GitHub answers 200 for a reaction that already exists). */
export async function addReaction(
  octokit: GitHub,
  input: { owner: string; repo: string; comment_id: number; content: ReactionContent },
): Promise<number> {
  const { data } = await octokit.rest.reactions.createForIssueComment(input);
  return data.id;
}

// Real webhook payloads from @octokit/webhooks-examples, with only the needed fields changed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type JsonObject = { [key: string]: unknown };

interface ExampleGroup {
  name: string;
  examples: JsonObject[];
}

let index: ExampleGroup[] | undefined;

function examples(): ExampleGroup[] {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("@octokit/webhooks-examples/package.json"));
  index = JSON.parse(readFileSync(join(dir, "api.github.com", "index.json"), "utf8")) as ExampleGroup[];
  return index;
}

/** A deep partial: override only what a test needs. Arrays and null replace whole. */
export type DeepPartial<T> = T extends unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Merges `override` into a copy of `base`: objects member by member, anything else replaced. */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) {
    return (override === undefined ? structuredClone(base) : structuredClone(override)) as T;
  }
  const out: JsonObject = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key], value) : structuredClone(value);
  }
  return out as T;
}

/**
 * The first real example of `event` (e.g. "pull_request.opened", "push") that carries an
 * installation (the app always receives one), as a fresh copy.
 */
export function loadPayload(eventAndAction: string): JsonObject {
  const [event, action] = eventAndAction.split(".");
  const group = examples().find((g) => g.name === event);
  if (!group) throw new Error(`no webhook examples for event "${event}"`);
  const matching = group.examples.filter((e) => (action === undefined ? true : e.action === action));
  if (matching.length === 0) throw new Error(`no webhook example for "${eventAndAction}"`);
  const preferred =
    matching.find((e) => e.installation !== undefined && (event !== "push" || String(e.ref).startsWith("refs/heads/"))) ??
    matching[0];
  return structuredClone(preferred) as JsonObject;
}

export interface PayloadTarget {
  owner?: string;
  repo?: string;
  installationId?: number;
  defaultBranch?: string;
}

function repositoryOverride(t: PayloadTarget): JsonObject {
  const repository: JsonObject = {};
  if (t.owner !== undefined) repository.owner = { login: t.owner };
  if (t.repo !== undefined) repository.name = t.repo;
  if (t.owner !== undefined || t.repo !== undefined) {
    repository.full_name = `${t.owner ?? "owner"}/${t.repo ?? "repo"}`;
  }
  if (t.defaultBranch !== undefined) repository.default_branch = t.defaultBranch;
  return repository;
}

export interface PullRequestTarget extends PayloadTarget {
  number?: number;
  headSha?: string;
  author?: string;
  authorType?: "User" | "Bot";
  draft?: boolean;
  merged?: boolean;
}

/**
 * A real `pull_request.<action>` (or `pull_request_review.<action>`) payload aimed at the given
 * repository, PR number, head commit, author and installation; `extra` is deep-merged last.
 */
export function pullRequestPayload(eventAndAction: string, target: PullRequestTarget = {}, extra: unknown = {}): JsonObject {
  const base = loadPayload(eventAndAction);
  const pr: JsonObject = {};
  if (target.number !== undefined) pr.number = target.number;
  if (target.headSha !== undefined) pr.head = { sha: target.headSha };
  if (target.author !== undefined) pr.user = { login: target.author, type: target.authorType ?? "User" };
  if (target.draft !== undefined) pr.draft = target.draft;
  if (target.merged !== undefined) pr.merged = target.merged;
  const override: JsonObject = { repository: repositoryOverride(target), pull_request: pr };
  if (target.number !== undefined && base.number !== undefined) override.number = target.number;
  if (target.installationId !== undefined) override.installation = { id: target.installationId };
  return deepMerge(deepMerge(base, override), extra);
}

export interface CommentTarget extends PayloadTarget {
  number?: number;
  body?: string;
  commenter?: string;
  commenterType?: "User" | "Bot";
  commentId?: number;
  /** True (default) for a comment on a pull request. */
  onPullRequest?: boolean;
}

/** A real `issue_comment.<action>` payload, on a pull request unless told otherwise. */
export function issueCommentPayload(eventAndAction: string, target: CommentTarget = {}, extra: unknown = {}): JsonObject {
  const base = loadPayload(eventAndAction);
  const owner = target.owner ?? "owner";
  const repo = target.repo ?? "repo";
  const issue: JsonObject = {};
  if (target.number !== undefined) issue.number = target.number;
  if (target.onPullRequest ?? true) {
    issue.pull_request = {
      url: `https://api.github.com/repos/${owner}/${repo}/pulls/${target.number ?? 1}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${target.number ?? 1}`,
      diff_url: `https://github.com/${owner}/${repo}/pull/${target.number ?? 1}.diff`,
      patch_url: `https://github.com/${owner}/${repo}/pull/${target.number ?? 1}.patch`,
    };
  }
  const comment: JsonObject = {};
  if (target.body !== undefined) comment.body = target.body;
  if (target.commentId !== undefined) comment.id = target.commentId;
  if (target.commenter !== undefined) comment.user = { login: target.commenter, type: target.commenterType ?? "User" };
  const override: JsonObject = { repository: repositoryOverride(target), issue, comment };
  if (target.installationId !== undefined) override.installation = { id: target.installationId };
  return deepMerge(deepMerge(base, override), extra);
}

export interface PushTarget extends PayloadTarget {
  ref?: string;
  after?: string;
  /** Files changed by the push's commits (put in one commit's `modified`). */
  modified?: string[];
}

/** A real `push` payload to a branch (default: the default branch). */
export function pushPayload(target: PushTarget = {}, extra: unknown = {}): JsonObject {
  const base = loadPayload("push");
  const override: JsonObject = { repository: repositoryOverride(target) };
  override.ref = target.ref ?? `refs/heads/${target.defaultBranch ?? "master"}`;
  if (target.after !== undefined) override.after = target.after;
  if (target.installationId !== undefined) override.installation = { id: target.installationId };
  const merged = deepMerge(base, override);
  if (target.modified !== undefined) {
    const commits = (merged.commits as JsonObject[] | undefined) ?? [];
    const first = commits[0] ?? { id: target.after ?? "0".repeat(40), added: [], removed: [], modified: [] };
    merged.commits = [{ ...first, added: [], removed: [], modified: target.modified }];
    merged.head_commit = { ...((merged.head_commit as JsonObject | null) ?? first), added: [], removed: [], modified: target.modified };
  }
  return deepMerge(merged, extra);
}

export interface CheckRunTarget extends PayloadTarget {
  headSha?: string;
  name?: string;
  appId?: number;
  pullNumbers?: number[];
}

/** A real `check_run.<action>` payload (e.g. "check_run.rerequested"). */
export function checkRunPayload(eventAndAction: string, target: CheckRunTarget = {}, extra: unknown = {}): JsonObject {
  const base = loadPayload(eventAndAction);
  const checkRun: JsonObject = {};
  if (target.headSha !== undefined) checkRun.head_sha = target.headSha;
  if (target.name !== undefined) checkRun.name = target.name;
  if (target.appId !== undefined) checkRun.app = { id: target.appId };
  if (target.pullNumbers !== undefined) {
    checkRun.pull_requests = target.pullNumbers.map((number) => ({
      number,
      id: number,
      url: `https://api.github.com/repos/${target.owner ?? "owner"}/${target.repo ?? "repo"}/pulls/${number}`,
      head: { ref: "feature", sha: target.headSha ?? "0".repeat(40), repo: { id: 1, name: target.repo ?? "repo", url: "" } },
      base: { ref: target.defaultBranch ?? "main", sha: "1".repeat(40), repo: { id: 1, name: target.repo ?? "repo", url: "" } },
    }));
  }
  const override: JsonObject = { repository: repositoryOverride(target), check_run: checkRun };
  if (target.installationId !== undefined) override.installation = { id: target.installationId };
  return deepMerge(deepMerge(base, override), extra);
}

export interface MergeGroupTarget extends PayloadTarget {
  /** GitHub's "Merge Group" object: head_sha, head_ref, base_sha, base_ref (and head_commit). */
  mergeGroup?: Record<string, unknown>;
  /** For `merge_group.destroyed`: "merged", "invalidated" or "dequeued". */
  reason?: "merged" | "invalidated" | "dequeued";
}

/**
 * A real `merge_group.<action>` payload. @octokit/webhooks-examples has `checks_requested` only:
 * `destroyed` is that payload with its action and a `reason` (the members GitHub's webhook schema,
 * `webhook-merge-group-destroyed`, adds; test/helpers/openapi.ts validateWebhook checks it).
 */
export function mergeGroupPayload(action: "checks_requested" | "destroyed", target: MergeGroupTarget = {}, extra: unknown = {}): JsonObject {
  const base = loadPayload("merge_group.checks_requested");
  const override: JsonObject = { action, repository: repositoryOverride(target) };
  if (target.mergeGroup !== undefined) override.merge_group = target.mergeGroup;
  if (target.installationId !== undefined) override.installation = { id: target.installationId };
  const merged = deepMerge(deepMerge(base, override), extra);
  if (action === "destroyed") merged.reason = target.reason ?? "merged";
  return merged;
}

/**
 * A `pull_request.enqueued` or `.dequeued` payload: the example set has none, so it is the real
 * `pull_request.opened` payload with its action (and, dequeued, a `reason` from GitHub's schema).
 */
export function pullRequestQueuePayload(
  action: "enqueued" | "dequeued",
  target: PullRequestTarget = {},
  extra: unknown = {},
  reason: string = "CI_FAILURE",
): JsonObject {
  const payload = pullRequestPayload("pull_request.opened", target, extra);
  payload.action = action;
  // The example's repositories carry `custom_properties`, which GitHub's schema of these two
  // webhooks does not list: left out, so that the payload validates against it.
  const pr = payload.pull_request as { head?: { repo?: JsonObject | null }; base?: { repo?: JsonObject | null } } | undefined;
  for (const side of [pr?.head?.repo, pr?.base?.repo]) if (side) delete side.custom_properties;
  if (action === "dequeued") payload.reason = reason;
  return payload;
}

// Work a handler asks for, as data: what the durable queue stores (src/evaluate/durable-queue.ts)
// and any replica runs later, with a client it builds for the installation. The in-memory queue
// runs the same work as a closure.
import type { RepoRef } from "../github/files.js";
import type { GroupTarget } from "./evaluate-group.js";
import type { EvaluationTarget } from "./evaluate-pr.js";
import type { CloseEvent } from "./record-close.js";
import type { PushEvent } from "./record-push.js";

export type Work =
  /** Evaluate one PR's checks. */
  | { kind: "evaluate"; target: EvaluationTarget }
  /** Judge the PRs of a merge group and write both checks on the queue's commit. */
  | { kind: "group"; target: GroupTarget }
  /** Record one close on the public log. */
  | { kind: "record"; close: CloseEvent }
  /** Record one direct push to the default branch on the public log. */
  | { kind: "record-push"; push: PushEvent }
  /** Rules pushed to `repo`: evaluate again the open PRs of the other repositories using them. */
  | { kind: "rules-pushed"; repo: RepoRef; touched: string[]; truncated: boolean }
  /** The scheduled sweep (durable queue only). */
  | { kind: "sweep" };

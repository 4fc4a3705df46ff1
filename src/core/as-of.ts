// A closed PR as it stood at its close: a record is judged by the signals given before the close,
// and nothing done after it (a review submitted, an objection dismissed, a label removed or added,
// a comment written) changes it, however late the record is written. Every time-stamped fact is
// filtered here, in one place. Pure.
import type { PullRequestFacts, ReviewFact } from "./types.js";

/** What happened to a PR after a point in time, from its timeline (GitHub's own timestamps). */
export interface LaterEvent {
  at: string;
  /** A review dismissed (its state before), a label added, a label removed. */
  type: "dismissed" | "labeled" | "unlabeled";
  /** For a dismissal: the review's id and its state before the dismissal. */
  reviewId?: number;
  previousState?: ReviewFact["state"];
  /** For a label event: the label's name. */
  label?: string;
}

const after = (at: string, limit: number): boolean => {
  const t = Date.parse(at);
  // A date GitHub did not give, or cannot be read: not known to be before the close.
  return Number.isNaN(t) || t > limit;
};

/**
 * `facts` as they stood at `closedAt`: reviews submitted and comments written after it left out,
 * reviews dismissed after it given back their state before, and the labels as they were (events
 * after the close undone, latest first).
 */
export function factsAsOf(facts: PullRequestFacts, closedAt: string, later: readonly LaterEvent[]): PullRequestFacts {
  const limit = Date.parse(closedAt);
  if (Number.isNaN(limit)) throw new RangeError(`Not a time: ${JSON.stringify(closedAt)}`);
  const events = later.filter((e) => after(e.at, limit)).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  const restored = new Map<number, ReviewFact["state"]>();
  // Latest first: the earliest dismissal after the close says what the review was at the close.
  for (const e of events) if (e.type === "dismissed" && e.reviewId !== undefined && e.previousState) restored.set(e.reviewId, e.previousState);
  const reviews = facts.reviews
    .filter((r) => !after(r.submittedAt, limit))
    .map((r) => {
      if (r.state === "DISMISSED" && restored.has(r.id)) {
        // Dismissed only after the close: at the close it stood as it was, undismissed.
        const { dismissal: _later, ...rest } = r;
        return { ...rest, state: restored.get(r.id)! };
      }
      return r;
    });

  const labels = new Map(facts.labels.map((l) => [l.toLowerCase(), l]));
  for (const e of events) {
    if (!e.label) continue;
    if (e.type === "labeled") labels.delete(e.label.toLowerCase());
    else if (e.type === "unlabeled") labels.set(e.label.toLowerCase(), e.label);
  }

  return {
    ...facts,
    reviews,
    comments: facts.comments.filter((c) => !after(c.createdAt, limit)),
    labels: [...labels.values()],
    // The timeline as it stood at the close: nothing done after it changes the record.
    ...(facts.labelEvents ? { labelEvents: facts.labelEvents.filter((e) => !after(e.at, limit)) } : {}),
    ...(facts.baseChanges ? { baseChanges: facts.baseChanges.filter((e) => !after(e.at, limit)) } : {}),
    ...(facts.seenCommands ? { seenCommands: facts.seenCommands.filter((c) => !after(c.createdAt, limit)) } : {}),
    ...(facts.seenLabels ? { seenLabels: facts.seenLabels.filter((s) => !after(s.at, limit)) } : {}),
  };
}

// `declarations.request_reviews`: once an evaluation has written both checks, the voters it
// found still missing are asked for a review, as a courtesy write (src/evaluate/courtesy.ts):
// after the checks, each person and each PR bounded in a window, never delaying a check. The
// write reads whom GitHub shows was ever requested on the PR just before asking anyone
// (src/github/review-requests.ts), so nobody is asked twice, whichever process asked first;
// this process also remembers whom it settled (asked, or found asked) so that every later
// evaluation of the PR does not take their places in the windows again.
import type { ReviewerToRequest } from "../core/review-requests.js";
import type { GitHub } from "../github/client.js";
import { requestReviews } from "../github/review-requests.js";
import type { CourtesyWrites } from "./courtesy.js";
import { hintKey, type EvaluationTarget } from "./evaluate-pr.js";

/** People remembered as settled, per process (the oldest forgotten first). */
const MAX_SETTLED = 20_000;

export class ReviewRequester {
  readonly #courtesy: CourtesyWrites;
  readonly #log: { warn: (obj: unknown, msg?: string) => void } | undefined;
  readonly #settled = new Set<string>();

  constructor(courtesy: CourtesyWrites, log?: { warn: (obj: unknown, msg?: string) => void }) {
    this.#courtesy = courtesy;
    this.#log = log;
  }

  /**
   * Offers the requests of one evaluation (after its checks are written). Returns the people
   * offered a place in the courtesy windows (queued: asked later; inline: asked already).
   */
  async offer(octokit: GitHub, installationId: number, target: EvaluationTarget, reviewers: ReviewerToRequest[]): Promise<ReviewerToRequest[]> {
    const pr = hintKey(target);
    const key = (r: ReviewerToRequest) => `${pr}\u0000${r.id ?? r.login.toLowerCase()}`;
    const fresh = reviewers.filter((r) => !this.#settled.has(key(r)));
    if (fresh.length === 0) return [];
    const granted = await this.#courtesy.offerEach(
      installationId,
      fresh.map((r) => ({ pr, person: r.login, reviewer: r })),
      async (tickets) => {
        const asked = tickets.map((t) => t.reviewer);
        // Once the PR was read and each person asked or found asked: settled, even a request
        // GitHub refused (a login that is no collaborator is not asked again at every event).
        if (await requestReviews(octokit, target, asked, this.#log)) for (const r of asked) this.#settle(key(r));
      },
    );
    return granted.map((t) => t.reviewer);
  }

  #settle(key: string): void {
    this.#settled.add(key);
    if (this.#settled.size > MAX_SETTLED) this.#settled.delete(this.#settled.values().next().value!);
  }
}

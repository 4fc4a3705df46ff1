// Whom to ask for a review (`declarations.request_reviews: true`): on an open, non-draft decision
// PR, the current voters of the sectors whose sign-off is still missing. A sector's sign-off is
// missing on a kind that does not hold yet when no voter of it has a counted approval there (an
// admission kind only ever asks its own sector). Nobody is asked who is the PR's author, who
// already gave any review or signal on it, who is a bot, or who GitHub shows was ever requested
// on it (src/github/review-requests.ts reads that just before writing): one request per person
// and PR, ever. Requests are a courtesy: they never change a check (SPEC.md "Merge queues").
import { isBot, samePerson } from "./people.js";
import type { Actor, Policy, PullRequestFacts, Registry, SignoffResult } from "./types.js";
import { electorate, parseCommand } from "./votes.js";

export interface ReviewerToRequest {
  login: string;
  /** The account id the registry gives (null when it gives none: matched by login). */
  id: number | null;
  sector: string;
}

/** The sectors whose sign-off is still missing on a decision PR, in the policy's order. */
export function sectorsMissing(policy: Policy, signoff: SignoffResult): string[] {
  if (!signoff.isDecision || signoff.diagnostics || signoff.notJudged) return [];
  const missing = new Set<string>();
  for (const k of signoff.kinds) {
    if (k.holds) continue;
    const sectors = k.kind.admits !== undefined ? [k.kind.admits] : policy.sectors.map((s) => s.id);
    for (const sector of sectors) if ((k.approvals[sector] ?? []).length === 0) missing.add(sector);
  }
  return policy.sectors.map((s) => s.id).filter((id) => missing.has(id));
}

/**
 * The voters to ask for a review, in the policy's order of sectors then the registry's: empty
 * unless the policy opts in and the PR is an open, ready decision whose sign-off is missing
 * some sectors.
 */
export function reviewersToRequest(input: { policy: Policy; registry: Registry; facts: PullRequestFacts; now: Date; signoff: SignoffResult }): ReviewerToRequest[] {
  const { policy, facts, signoff } = input;
  if (policy.declarations.requestReviews !== true) return [];
  if (facts.state !== "open" || facts.draft) return [];
  const sectors = sectorsMissing(policy, signoff);
  if (sectors.length === 0) return [];
  // Whoever already spoke on the PR (a review of any kind, or an abstention or a recusal).
  const spoke: Actor[] = [
    ...(facts.reviews ?? []).map((r) => r.user),
    ...(facts.comments ?? []).filter((c) => parseCommand(c.body ?? "") !== undefined).map((c) => c.user),
  ].filter((a): a is Actor => Boolean(a?.login));
  const voters = electorate(input);
  const out: ReviewerToRequest[] = [];
  for (const sector of sectors) {
    for (const entry of voters) {
      if (entry.sector !== sector) continue;
      const person = { login: entry.login, id: entry.id ?? null };
      if (samePerson(person, facts.author) || isBot({ ...person, isBot: false })) continue;
      if (spoke.some((a) => samePerson(a, person))) continue;
      out.push({ ...person, sector });
    }
  }
  return out;
}

/**
 * Those of `candidates` GitHub shows were never requested on the PR (pending now, or in its
 * timeline), nor are its author: what may be requested now.
 */
export function notYetRequested<T extends { login: string; id: number | null }>(candidates: T[], requested: Array<Pick<Actor, "login" | "id">>, author: Pick<Actor, "login" | "id">): T[] {
  return candidates.filter((c) => !samePerson(c, author) && !requested.some((r) => samePerson(r, c)));
}

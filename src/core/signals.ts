// Which signals stand (SPEC.md "How votes are read"): only the person who gave a signal can
// withdraw it. Every writer can edit or delete anyone's comment and dismiss anyone's review, so
// the facts GitHub shows now are not enough:
//  - a command the app saw in an unedited comment stands as it was seen, whatever happened to the
//    comment since (the app remembers the commands it saw in its own check runs: `seenCommands`);
//    a comment edited before the app saw it, or edited into a command, is no signal;
//  - an objection dismissed by anyone but its author stands (the dismissal is shown); a dismissed
//    approval is no vote, whoever dismissed it;
//  - an approval given while the PR had another base does not count once it is retargeted.
// Pure: the facts in, the facts as the votes must read them out (idempotent).
import { instant } from "./dates.js";
import { isBot, loginKey, samePerson } from "./people.js";
import type { CommentFact, PullRequestFacts, ReviewFact, SeenCommand } from "./types.js";
import { parseCommand } from "./votes.js";

/** How many seen commands the memo keeps (each person's latest; see commandsToRemember). */
export const MAX_SEEN_COMMANDS = 500;

/** The facts with every signal that stands: remembered commands back, dismissals judged, bases checked. */
export function standingSignals(facts: PullRequestFacts): PullRequestFacts {
  const comments = standingComments(facts.comments ?? [], facts.seenCommands ?? []);
  const reviews = (facts.reviews ?? []).map((r) => standingReview(r, facts));
  return { ...facts, comments, reviews };
}

const commandBody = (verb: SeenCommand["verb"]): string => `/governance ${verb}`;

function standingComments(comments: readonly CommentFact[], seen: readonly SeenCommand[]): CommentFact[] {
  const remembered = new Map(seen.map((s) => [s.commentId, s]));
  const out: CommentFact[] = [];
  const present = new Set<number>();
  for (const c of comments) {
    present.add(c.id);
    const s = remembered.get(c.id);
    // A seen command stands as it was seen, by the comment's author (GitHub never changes who
    // wrote a comment), whatever its body says now.
    out.push(s ? { ...c, body: commandBody(s.verb), createdAt: s.createdAt, edited: false, remembered: true } : c);
  }
  for (const s of seen) {
    if (present.has(s.commentId)) continue;
    // Deleted since the app saw it: the command stands all the same.
    out.push({ id: s.commentId, user: { login: s.login, id: s.userId, isBot: false }, body: commandBody(s.verb), createdAt: s.createdAt, edited: false, remembered: true });
  }
  return out;
}

function standingReview(review: ReviewFact, facts: PullRequestFacts): ReviewFact {
  if (review.state === "DISMISSED" && review.dismissal) {
    const d = review.dismissal;
    // Fail closed: a dismissal whose former state GitHub does not say may have lifted an objection.
    const wasObjection = d.previousState === "CHANGES_REQUESTED" || d.previousState === null;
    const byAuthor = d.by !== null && samePerson(d.by, review.user);
    if (wasObjection && !byAuthor) return { ...review, state: "CHANGES_REQUESTED" };
    return review;
  }
  if (review.state === "APPROVED" && facts.baseRef !== undefined && facts.baseChanges && facts.baseChanges.length > 0) {
    const base = baseAt(facts, review.submittedAt);
    if (base !== facts.baseRef) return { ...review, otherBase: true };
  }
  return review;
}

/**
 * The PR's base at `at`: the base a change made at or before it, else the base before the first
 * change. Null when GitHub did not name it (REST's timeline names no branches): never the current
 * base, so an approval of unknown base does not count (fail closed).
 */
export function baseAt(facts: Pick<PullRequestFacts, "baseRef" | "baseChanges">, at: string): string | null {
  const changes = [...(facts.baseChanges ?? [])].sort((a, b) => (instant(a.at) ?? 0) - (instant(b.at) ?? 0));
  const ms = instant(at) ?? 0;
  let base: string | null | undefined = changes.length > 0 ? changes[0]!.from : facts.baseRef;
  for (const c of changes) {
    if ((instant(c.at) ?? 0) <= ms) base = c.to;
  }
  return base ?? null;
}

/**
 * What the app remembers after this evaluation: the commands it remembered before, and every
 * command in an unedited comment it sees now, of the people `isMember` accepts (the registry's:
 * nobody else can grow the memo). Of each person only the latest command is kept: an earlier
 * command of theirs can never again be their latest signal. The newest `limit` are kept.
 */
export function commandsToRemember(
  facts: Pick<PullRequestFacts, "comments" | "seenCommands">,
  isMember: (who: { login: string; userId: number | null }) => boolean,
  limit = MAX_SEEN_COMMANDS,
): SeenCommand[] {
  const all = new Map<number, SeenCommand>();
  for (const s of facts.seenCommands ?? []) all.set(s.commentId, s);
  for (const c of facts.comments ?? []) {
    if (c.edited || c.remembered || all.has(c.id) || isBot(c.user)) continue;
    const verb = parseCommand(c.body ?? "");
    if (verb !== "abstain" && verb !== "recuse") continue;
    all.set(c.id, { commentId: c.id, login: c.user.login, userId: c.user.id, verb, createdAt: c.createdAt });
  }
  const latest = new Map<string, SeenCommand>();
  for (const s of all.values()) {
    if (!isMember({ login: s.login, userId: s.userId })) continue;
    const key = s.userId !== null ? `#${s.userId}` : `@${loginKey(s.login)}`;
    const held = latest.get(key);
    if (!held || laterCommand(s, held)) latest.set(key, s);
  }
  const kept = [...latest.values()].sort((a, b) => (laterCommand(a, b) ? 1 : -1));
  return kept.slice(Math.max(0, kept.length - limit));
}

function laterCommand(a: SeenCommand, b: SeenCommand): boolean {
  const d = (instant(a.createdAt) ?? 0) - (instant(b.createdAt) ?? 0);
  return d !== 0 ? d > 0 : a.commentId > b.commentId;
}

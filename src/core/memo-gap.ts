// Failing closed when the app could not find its whole memo of the commands it has seen
// (src/github/memo-search.ts: a head GitHub no longer gives, a head replaced before the app judged
// it, more pages than it reads). Only the person who gave a signal withdraws it (SPEC.md "How votes
// are read"), and the memo is what keeps a command whose comment a writer deleted or edited. A
// command in a comment that is still there unedited is read again from the comment: nothing of it
// is lost. So the people concerned are those of the registry with a comment deleted by someone else
// (the PR's timeline says whose) or edited: each may have had a command the app no longer knows.
// Each stays concerned until they give a signal again after it (an approval, an objection, or a
// command in a new comment): their latest signal is then known, whatever the lost memo said. Until
// then the sign-off does not hold, and says whose signal is awaited and why. Pure.
import { instant } from "./dates.js";
import { entryOf, indexRegistry, loginKey, sameLogin } from "./people.js";
import type { PullRequestFacts, Registry } from "./types.js";
import { parseCommand } from "./votes.js";

/** The people of the registry whose signal must be given again (and since when), by login. */
export function memoGap(facts: Pick<PullRequestFacts, "memoUnreachable" | "comments" | "reviews">, registry: Registry): Array<{ login: string; since: string }> {
  if (!facts.memoUnreachable) return [];
  const index = indexRegistry(registry);
  const since = new Map<string, { login: string; since: string }>();
  const concern = (login: string, at: string) => {
    const entry = entryOf(index, { login, id: null });
    if (!entry) return;
    const held = since.get(loginKey(entry.login));
    if (!held || (instant(at) ?? 0) > (instant(held.since) ?? 0)) since.set(loginKey(entry.login), { login: entry.login, since: at });
  };
  for (const d of facts.memoUnreachable.deleted) {
    // More deletions than were read: anyone's comment may be among them, at any time.
    if (d.author === null) for (const e of registry.entries) concern(e.login, d.at || "1970-01-01T00:00:00Z");
    else concern(d.author, d.at);
  }
  for (const c of facts.comments) if (c.edited) concern(c.user.login, c.updatedAt ?? c.createdAt);

  const signalledAfter = (login: string, at: string): boolean => {
    const ms = instant(at) ?? 0;
    const reviewed = facts.reviews.some((r) => sameLogin(r.user.login, login) && (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED") && (instant(r.submittedAt) ?? 0) > ms);
    const commanded = facts.comments.some((c) => sameLogin(c.user.login, login) && !c.edited && parseCommand(c.body) !== undefined && parseCommand(c.body) !== "check" && (instant(c.createdAt) ?? 0) > ms);
    return reviewed || commanded;
  };
  return [...since.values()].filter((p) => !signalledAfter(p.login, p.since)).sort((a, b) => a.login.localeCompare(b.login));
}

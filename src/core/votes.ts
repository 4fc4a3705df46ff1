// How votes are read (SPEC.md, "How votes are read"): each voter's latest signal on the PR.
import { instant } from "./dates.js";
import { declarationStatusIn } from "./declarations.js";
import { entryOf, indexRegistry, isBot, loginKey, samePerson, type RegistryIndex } from "./people.js";
import type {
  Actor,
  DecisionKind,
  KindResult,
  NotCountedReason,
  NotDeclaredReason,
  Policy,
  PullRequestFacts,
  Registry,
  RegistryEntry,
  Tally,
  Vote,
  VoteFact,
} from "./types.js";

export type Command = "abstain" | "recuse" | "check";

// SPEC.md: a comment whose first word is `/governance` and whose second is the verb, in any case,
// followed by the end, a space or punctuation (any script's: `recuse：`, `abstain…`); the rest is
// a reason. A longer word (`recused`, `checking`, `abstain_now`: a connector such as `_` joins
// words rather than ending one) is no command.
const COMMAND = /^\s*\/governance\s+(abstain|recuse|check)(?=$|\s|(?!\p{Pc})\p{P})/iu;

/** The command a comment gives, if any. */
export function parseCommand(body: string): Command | undefined {
  const m = COMMAND.exec(body);
  return m ? (m[1]!.toLowerCase() as Command) : undefined;
}

type Source = VoteFact["source"];

interface Signal {
  vote: Vote | "none";
  /** An approval of an earlier head commit, with dismiss_stale. */
  stale: boolean;
  /** An approval given while the PR had another base (src/core/signals.ts). */
  otherBase?: boolean;
  source: Source;
  ms: number;
  actor: Actor;
}

/** Later signals sort last; at the same time a review wins (sorts after a comment). */
function bySignalTime(a: Signal, b: Signal): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  if (a.source.type !== b.source.type) return a.source.type === "review" ? 1 : -1;
  return a.source.id - b.source.id;
}

const REASON_OF: Record<NotDeclaredReason["code"], NotCountedReason> = {
  "no-entry": "undeclared",
  expired: "expired",
  "not-yet": "not-yet",
  "unknown-sector": "unknown-sector",
  "invalid-date": "invalid-date",
  "no-id": "no-id",
  "no-account": "undeclared",
};

type Standing = { voter: true; entry: RegistryEntry } | { voter: false; reason: NotCountedReason };

/**
 * One key per person: their registry entry when they have one (an account found by id, under
 * whatever login it has now), else their account id, else (id unknown) their login.
 */
function personKeys(index: RegistryIndex): { entryKey: Map<RegistryEntry, string>; personKey: (actor: Actor) => string } {
  const entryKey = new Map(index.entries.map((e, i) => [e, `e${i}`]));
  const personKey = (actor: Actor): string => {
    const entry = entryOf(index, actor);
    if (entry) return entryKey.get(entry)!;
    return actor.id !== null ? `#${actor.id}` : `@${loginKey(actor.login)}`;
  };
  return { entryKey, personKey };
}

/**
 * The electorate of a PR, by person key: every current, voting declaration but the PR author's
 * (and bots': a login that GitHub shows as a bot on this PR is one, even if the registry lists it).
 */
function electorateOf(policy: Policy, index: RegistryIndex, facts: PullRequestFacts, now: Date): Map<string, RegistryEntry> {
  const { entryKey, personKey } = personKeys(index);
  const reviews = (facts.reviews ?? []).filter((r) => r?.user?.login);
  const comments = (facts.comments ?? []).filter((c) => c?.user?.login);
  const botKeys = new Set([...reviews, ...comments].filter((x) => isBot(x.user)).map((x) => personKey(x.user)));
  const authorKey = personKey(facts.author);
  const voters = new Map<string, RegistryEntry>();
  for (const entry of index.entries) {
    const key = entryKey.get(entry)!;
    if (key === authorKey) continue;
    // The entry's own account: its id when it gives one (the login may have changed hands).
    const standing = standingOf(policy, index, facts, { login: entry.login, id: entry.id ?? null, isBot: botKeys.has(key) }, now);
    if (standing.voter) voters.set(key, entry);
  }
  return voters;
}

/** The voters of a PR (its electorate, as readVotes counts it), in registry order. */
export function electorate(input: { policy: Policy; registry: Registry; facts: PullRequestFacts; now: Date }): RegistryEntry[] {
  return [...electorateOf(input.policy, indexRegistry(input.registry), input.facts, input.now).values()];
}

function standingOf(policy: Policy, index: RegistryIndex, facts: PullRequestFacts, actor: Actor, now: Date): Standing {
  if (isBot(actor)) return { voter: false, reason: "bot" };
  if (samePerson(actor, facts.author)) return { voter: false, reason: "author" };
  const entry = entryOf(index, actor);
  const status = declarationStatusIn(policy, entry, now);
  if (!status.current || !entry) return { voter: false, reason: status.current ? "undeclared" : REASON_OF[status.reason.code] };
  if (entry.voter === false) return { voter: false, reason: "observer" };
  return { voter: true, entry };
}

/**
 * The votes of one decision kind: every voter's latest signal, the tally by sector, and every
 * review or command that did not count, with why (once per person and source). Never throws.
 */
export function readVotes(input: { policy: Policy; registry: Registry; facts: PullRequestFacts; kind: DecisionKind; now: Date }): {
  votes: VoteFact[];
  tally: Tally;
  notCounted: KindResult["notCounted"];
} {
  const { policy, registry, facts, kind, now } = input;
  const index = indexRegistry(registry);
  const { personKey } = personKeys(index);

  // Every signal, and for non-voters every vote-like review or command (to list them).
  const signals = new Map<string, Signal[]>();
  const relevant = new Map<string, { actor: Actor; sources: Set<"review" | "comment"> }>();
  const editedCommands = new Map<string, Array<{ ms: number; id: number }>>();
  const push = (s: Signal) => {
    const key = personKey(s.actor);
    const list = signals.get(key) ?? [];
    list.push(s);
    signals.set(key, list);
  };
  const noteRelevant = (actor: Actor, source: "review" | "comment") => {
    const key = personKey(actor);
    const r = relevant.get(key) ?? { actor, sources: new Set() };
    r.sources.add(source);
    relevant.set(key, r);
  };

  // Defensive reads: the core is total, whatever a caller's facts hold (a deleted account's
  // review has no user on GitHub).
  const reviews = (facts.reviews ?? []).filter((r) => r?.user?.login);
  const comments = (facts.comments ?? []).filter((c) => c?.user?.login);
  for (const review of reviews) {
    const ms = instant(review.submittedAt) ?? 0;
    const source: Source = { type: "review", id: review.id, at: review.submittedAt };
    switch (review.state) {
      case "APPROVED": {
        const stale = kind.dismissStale && review.commitId !== facts.headSha;
        const otherBase = review.otherBase === true;
        push({ vote: stale || otherBase ? "none" : "yes", stale: stale && !otherBase, otherBase, source, ms, actor: review.user });
        noteRelevant(review.user, "review");
        break;
      }
      case "CHANGES_REQUESTED":
        push({ vote: "no", stale: false, source, ms, actor: review.user });
        noteRelevant(review.user, "review");
        break;
      case "DISMISSED":
        push({ vote: "none", stale: false, source, ms, actor: review.user });
        break;
      default:
        // COMMENTED and PENDING are no signal: the signal before them stands.
        break;
    }
  }
  for (const comment of comments) {
    const command = parseCommand(comment.body ?? "");
    if (command !== "abstain" && command !== "recuse") continue; // "check" is no vote
    const ms = instant(comment.createdAt) ?? 0;
    noteRelevant(comment.user, "comment");
    if (comment.edited) {
      const key = personKey(comment.user);
      const list = editedCommands.get(key) ?? [];
      list.push({ ms, id: comment.id });
      editedCommands.set(key, list);
      continue;
    }
    push({
      vote: command === "abstain" ? "abstain" : "recused",
      stale: false,
      source: { type: "comment", id: comment.id, at: comment.createdAt },
      ms,
      actor: comment.user,
    });
  }

  const tally: Tally = { bySector: {}, abstentions: kind.abstentions };
  for (const sector of policy.sectors) tally.bySector[sector.id] = { yes: [], no: [], abstain: [], recused: [], registered: 0 };

  const voters = electorateOf(policy, index, facts, now);
  for (const entry of voters.values()) {
    const sector = tally.bySector[entry.sector];
    if (sector) sector.registered += 1;
  }

  const votes: VoteFact[] = [];
  const notCounted: KindResult["notCounted"] = [];
  const standings = new Map<string, Standing>();
  for (const [key, r] of relevant) {
    standings.set(key, voters.has(key) ? { voter: true, entry: voters.get(key)! } : standingOf(policy, index, facts, r.actor, now));
  }

  for (const [key, list] of signals) {
    const entry = voters.get(key);
    if (!entry) continue;
    list.sort(bySignalTime);
    const latest = list[list.length - 1]!;
    if (latest.stale) {
      notCounted.push({ login: latest.actor.login, reason: "earlier-commit", source: "review" });
    }
    if (latest.otherBase) {
      notCounted.push({ login: latest.actor.login, reason: "other-base", source: "review" });
    }
    if (latest.vote === "recused" && list.some((s) => s.source.type === "review" && (s.vote === "yes" || s.vote === "no"))) {
      notCounted.push({ login: latest.actor.login, reason: "recused", source: "review" });
    }
    if (latest.vote !== "none") votes.push({ login: latest.actor.login, sector: entry.sector, vote: latest.vote, source: latest.source });
  }
  // An edited command that would otherwise have been the voter's latest signal.
  for (const [key, edits] of editedCommands) {
    const standing = standings.get(key);
    if (!standing?.voter) continue;
    const list = signals.get(key) ?? [];
    const latest = list[list.length - 1];
    const lastEdit = edits.reduce((a, b) => (b.ms > a.ms ? b : a));
    if (!latest || latest.ms < lastEdit.ms || (latest.ms === lastEdit.ms && latest.source.type === "comment" && latest.source.id < lastEdit.id)) {
      notCounted.push({ login: relevant.get(key)!.actor.login, reason: "edited-comment", source: "comment" });
    }
  }
  // Everyone else who reviewed or gave a command: listed once per source, with why.
  for (const [key, r] of relevant) {
    const standing = standings.get(key)!;
    if (standing.voter) continue;
    for (const source of ["review", "comment"] as const) {
      if (r.sources.has(source)) notCounted.push({ login: r.actor.login, reason: standing.reason, source });
    }
  }

  votes.sort((a, b) => {
    const d = (instant(a.source.at) ?? 0) - (instant(b.source.at) ?? 0);
    return d !== 0 ? d : loginKey(a.login) < loginKey(b.login) ? -1 : 1;
  });
  for (const v of votes) {
    const sector = tally.bySector[v.sector];
    if (!sector) continue;
    sector[v.vote].push(v.login);
    if (v.vote === "recused") sector.registered -= 1;
  }
  notCounted.sort((a, b) =>
    loginKey(a.login) !== loginKey(b.login) ? (loginKey(a.login) < loginKey(b.login) ? -1 : 1) : a.source === b.source ? 0 : a.source === "review" ? -1 : 1,
  );
  return { votes, tally, notCounted };
}

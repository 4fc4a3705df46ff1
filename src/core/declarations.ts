// Who must have declared whom they represent, and who has (SPEC.md, "Stakeholder declaration").
import { dayNumber, formatDay, utcDayOf } from "./dates.js";
import { entryOf, indexRegistry, isBot, loginKey, samePerson, sameLogin } from "./people.js";
import type {
  Actor,
  DeclarationResult,
  Diagnostic,
  NotDeclaredReason,
  Policy,
  PullRequestFacts,
  Registry,
  RegistryEntry,
} from "./types.js";

export type DeclarationStatus = { current: true } | { current: false; reason: NotDeclaredReason };

/**
 * Whether one registry entry is a current declaration on the UTC day of `now`. A declaration
 * dated D is current from D through the whole day D + renewAfterDays (0: it never expires);
 * `expiredOn` is the first day on which it is no longer current.
 */
export function declarationStatus(entry: RegistryEntry | undefined, renewAfterDays: number, now: Date): DeclarationStatus {
  if (!entry) return { current: false, reason: { code: "no-entry" } };
  if (entry.problem) {
    return entry.problem.code === "unknown-sector"
      ? { current: false, reason: { code: "unknown-sector", sector: entry.problem.sector } }
      : { current: false, reason: { code: "invalid-date", value: entry.problem.value } };
  }
  const declared = dayNumber(entry.declared);
  if (declared === undefined) return { current: false, reason: { code: "invalid-date", value: entry.declared } };
  const today = utcDayOf(now);
  if (Number.isNaN(today)) return { current: false, reason: { code: "invalid-date", value: entry.declared } };
  if (today < declared) return { current: false, reason: { code: "not-yet", declared: entry.declared } };
  if (renewAfterDays > 0 && today > declared + renewAfterDays) {
    return { current: false, reason: { code: "expired", expiredOn: formatDay(declared + renewAfterDays + 1) } };
  }
  return { current: true };
}

/**
 * As declarationStatus, and also checks the entry against the policy: its sector, for entries the
 * registry parser did not flag (a sector removed from the policy makes the declaration lapse),
 * and, with `ids: required` (the default), that it gives the account's id.
 */
export function declarationStatusIn(
  policy: Pick<Policy, "sectors"> & { declarations: Pick<Policy["declarations"], "renewAfterDays" | "ids"> },
  entry: RegistryEntry | undefined,
  now: Date,
): DeclarationStatus {
  if (entry && !entry.problem && entry.id === undefined && policy.declarations.ids !== "optional") {
    return { current: false, reason: { code: "no-id" } };
  }
  const status = declarationStatus(entry, policy.declarations.renewAfterDays, now);
  if (status.current && entry && !policy.sectors.some((s) => s.id === entry.sector)) {
    return { current: false, reason: { code: "unknown-sector", sector: entry.sector } };
  }
  return status;
}

/** The sector of an account's current declaration (found by id first), or null when it has none. */
export function currentSectorOf(policy: Policy, registry: Registry, actor: Actor, now: Date): string | null {
  const entry = entryOf(indexRegistry(registry), actor);
  return entry && declarationStatusIn(policy, entry, now).current ? entry.sector : null;
}

/** Who must have declared, in order: the author first, then committers as they appear. */
function requiredPeople(policy: Policy, facts: PullRequestFacts): Array<{ actor: Actor } | { actor: null; commit: string; name?: string }> {
  const out: Array<{ actor: Actor } | { actor: null; commit: string; name?: string }> = [];
  if (policy.declarations.requiredFor.includes("author")) out.push({ actor: facts.author });
  if (policy.declarations.requiredFor.includes("committers")) {
    for (const commit of facts.commits ?? []) {
      if (commit.author) out.push({ actor: commit.author });
      else out.push({ actor: null, commit: commit.sha, ...(commit.authorName !== undefined ? { name: commit.authorName } : {}) });
    }
  }
  return out;
}

/** Whether the author's entry in the PR's head is theirs: their id, or (no id given) their login. */
function headEntryIsFor(head: RegistryEntry, actor: Actor): boolean {
  if (head.id !== undefined && actor.id !== null) return head.id === actor.id;
  return sameLogin(head.login, actor.login);
}

/** The check's verdict on who has declared. Never throws. */
export function evaluateDeclarations(input: { policy: Policy; registry: Registry; facts: PullRequestFacts; now: Date }): DeclarationResult {
  const { policy, registry, facts, now } = input;
  const index = indexRegistry(registry);
  const exemptLogins = new Set(policy.declarations.exempt.map(loginKey));
  const seen = new Set<string>();
  const declared: DeclarationResult["declared"] = [];
  const missing: DeclarationResult["missing"] = [];
  const exempt: DeclarationResult["exempt"] = [];

  for (const person of requiredPeople(policy, facts)) {
    if (person.actor === null) {
      // A commit GitHub links to no account: one line per author name (or commit, unnamed).
      const key = `\u0000${person.name !== undefined ? person.name.toLowerCase() : person.commit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      missing.push({
        login: null,
        reason: { code: "no-account", commit: person.commit, ...(person.name !== undefined ? { name: person.name } : {}) },
      });
      continue;
    }
    const actor = person.actor;
    const key = actor.id !== null ? `#${actor.id}` : loginKey(actor.login);
    if (seen.has(key)) continue;
    seen.add(key);
    if (isBot(actor)) {
      exempt.push({ login: actor.login, why: "bot" });
      continue;
    }
    if (exemptLogins.has(loginKey(actor.login))) {
      exempt.push({ login: actor.login, why: "exempt" });
      continue;
    }
    const entry = entryOf(index, actor);
    const status = declarationStatusIn(policy, entry, now);
    if (status.current && entry) {
      declared.push({ login: actor.login, entry, inThisPr: false });
      continue;
    }
    // "Declared in this pull request": the author's own entry as the PR's head has it.
    const head = facts.headAuthorEntry;
    if (samePerson(actor, facts.author) && head && headEntryIsFor(head, actor)) {
      if (declarationStatusIn(policy, head, now).current) {
        declared.push({ login: actor.login, entry: head, inThisPr: true });
        continue;
      }
    }
    missing.push({ login: actor.login, id: actor.id, reason: status.current ? { code: "no-entry" } : status.reason });
  }

  // GitHub lists at most 250 of a PR's commits: past them, a committer cannot be checked (fail closed).
  const listed = facts.commits?.length ?? 0;
  if (policy.declarations.requiredFor.includes("committers") && facts.commitCount !== undefined && facts.commitCount > listed) {
    return { outcome: "failure", title: { key: "declaration.title.commitsTruncated", params: { listed, total: facts.commitCount } }, declared, missing, exempt };
  }
  if (missing.length === 0) {
    return { outcome: "success", title: { key: "declaration.title.success" }, declared, missing, exempt };
  }
  const names = missing.map((m) => m.login ?? (m.reason.code === "no-account" ? (m.reason.name ?? m.reason.commit.slice(0, 7)) : ""));
  return {
    outcome: "failure",
    title: { key: "declaration.title.failure", params: { count: missing.length, logins: names.join(", ") } },
    declared,
    missing,
    exempt,
  };
}

/** The check's verdict when the policy or registry is invalid: it fails, with the errors. */
export function invalidDeclaration(diagnostics: Diagnostic[]): DeclarationResult {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return {
    outcome: "failure",
    title: { key: "declaration.title.invalid", params: { count: errors || diagnostics.length } },
    declared: [],
    missing: [],
    exempt: [],
    diagnostics,
  };
}

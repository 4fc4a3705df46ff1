// Admission of new members by their own sector (`declarations.admission: sector`). A PR is an
// admission only when everything it changes is new entries of one sector X in the registry of
// this repository: no other file, no entry of the default branch changed or removed, no new entry
// of another sector. Then its `governance` kind is replaced by X's admission kind (one current
// voter of X, never the author, as constituencies admit their own members). Anything else, or
// any doubt (a truncated file list, a head registry that could not be read or is invalid), stays
// a `governance` decision: a sector only ever admits members to itself, and no admission changes
// another sector's entries or the rules.
import type { DecisionKind, Policy, PullRequestFacts, Registry, RegistryEntry } from "./types.js";

type AdmissionFacts = Pick<PullRequestFacts, "files" | "filesTruncated" | "headRegistryEntries" | "headDiagnostics">;

const key = (e: RegistryEntry): string => e.login.toLowerCase();

/** What an entry says, without where it is written: equal when nothing a reader sees changed. */
function content(e: RegistryEntry): string {
  return JSON.stringify([e.login, e.id ?? null, e.sector, e.organisation, e.declared, e.interests, e.voter, e.problem ?? null]);
}

/** The sector whose new members the PR only adds, or null when it is anything else. */
export function admittedSector(policy: Policy, registry: Registry | undefined, facts: AdmissionFacts): string | null {
  if (policy.declarations.admission !== "sector" || !registry) return null;
  if (policy.registry.kind !== "local" || facts.filesTruncated === true) return null;
  const path = policy.registry.path.replace(/^\.\//, "");
  const files = facts.files ?? [];
  if (files.length !== 1) return null;
  const only = files[0]!;
  if (only.filename.replace(/^\.\//, "") !== path || only.previousFilename !== undefined) return null;
  const head = facts.headRegistryEntries;
  if (!head || (facts.headDiagnostics ?? []).some((d) => d.severity === "error")) return null;

  const before = new Map(registry.entries.map((e) => [key(e), e]));
  const after = new Map(head.map((e) => [key(e), e]));
  // Every entry of the default branch is still there, exactly as it was.
  for (const [login, entry] of before) {
    const now = after.get(login);
    if (!now || content(now) !== content(entry)) return null;
  }
  const added = head.filter((e) => !before.has(key(e)));
  if (added.length === 0 || added.length !== head.length - registry.entries.length) return null;
  // An account id already declared under another login is no new member.
  const ids = new Set(registry.entries.map((e) => e.id).filter((id) => id !== undefined));
  if (added.some((e) => e.id !== undefined && ids.has(e.id))) return null;
  const sectors = new Set(added.map((e) => e.sector));
  if (sectors.size !== 1 || added.some((e) => e.problem !== undefined)) return null;
  const sector = added[0]!.sector;
  return policy.sectors.some((s) => s.id === sector) ? sector : null;
}

/** The admission kind of `sector` in the policy (built with the policy), if any. */
export function admissionKindOf(policy: Policy, sector: string): DecisionKind | undefined {
  return policy.admissionKinds?.find((k) => k.admits === sector);
}

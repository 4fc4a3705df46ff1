// The registry of stakeholder declarations (`STAKEHOLDERS.yml`, or a file of another repository).
// Problems of the file (YAML, unknown keys, wrong types, a login twice) make the whole registry
// invalid; problems of one entry (a sector the policy does not declare, a date that does not
// exist) make only that declaration not current: the entry carries the reason, and the problem
// is also returned as an error so that `validate` reports it.
import { contentKey, identity, Memo } from "./memo.js";
import type { Condition, Diagnostic, EntryProblem, Policy, Registry, RegistryEntry, SourcePos } from "../core/types.js";
import { diagnostic, hasErrors, sortDiagnostics } from "./diagnostics.js";
import type { FileRef } from "./load.js";
import { registrySchema } from "./schema.js";
import { schemaDiagnostics } from "./schema-issues.js";
import { locate, readYaml } from "./yaml-source.js";

export interface RegistryResult {
  /** Null iff the file itself is invalid; entry problems leave it non-null. */
  registry: Registry | null;
  diagnostics: Diagnostic[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a YYYY-MM-DD that names a day of the calendar (2026-02-30 does not). */
export function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `declared` as text: YAML loaders that read unquoted dates as dates give a Date. */
function declaredText(value: string | Date): string {
  if (typeof value === "string") return value.trim();
  return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
}

/** Parses the registry; `text` null means there is no file: an empty registry. */
const parsed = new Memo<RegistryResult>();

/** The registry file judged against `policy` (remembered by file, contents and policy). */
export function parseRegistry(text: string | Uint8Array | null, file: string, policy: Policy): RegistryResult {
  if (text === null) return { registry: { path: file, entries: [] }, diagnostics: [] };
  return parsed.get(`${file}\u0000${contentKey(text)}\u0000${identity(policy)}`, () => parseRegistryOnce(text, file, policy));
}

function parseRegistryOnce(text: string | Uint8Array, file: string, policy: Policy): RegistryResult {
  const { source, diagnostics: fileErrors } = readYaml(text, file);
  if (hasErrors(fileErrors)) return { registry: null, diagnostics: sortDiagnostics(fileErrors) };
  const value = source.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { registry: null, diagnostics: [diagnostic("error", "policy.registry.not-a-map", locate(source, []))] };
  }
  const at = (path: ReadonlyArray<PropertyKey>, where: "value" | "key" = "value"): SourcePos => locate(source, path, where);
  const parsed = registrySchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    return { registry: null, diagnostics: sortDiagnostics(schemaDiagnostics(parsed.error.issues, registrySchema, at)) };
  }

  const diagnostics: Diagnostic[] = [];
  const firstLine = new Map<string, number>();
  const repeated = new Set<number>();
  parsed.data.stakeholders.forEach((s, i) => {
    const key = s.login.toLowerCase();
    const pos = at(["stakeholders", i, "login"]);
    const prev = firstLine.get(key);
    if (prev !== undefined) {
      diagnostics.push(diagnostic("error", "policy.registry.duplicate-login", pos, { login: s.login, line: prev }));
      repeated.add(i);
    } else firstLine.set(key, pos.line);
  });
  // Identity is the id: one account declares once, whatever logins its entries give.
  const firstIdLine = new Map<number, { line: number; login: string }>();
  parsed.data.stakeholders.forEach((s, i) => {
    if (s.id === undefined || repeated.has(i)) return; // a login twice is reported once
    const pos = at(["stakeholders", i, "id"]);
    const prev = firstIdLine.get(s.id);
    if (prev !== undefined) diagnostics.push(diagnostic("error", "policy.registry.duplicate-id", pos, { id: s.id, login: s.login, other: prev.login, line: prev.line }));
    else firstIdLine.set(s.id, { line: pos.line, login: s.login });
  });
  if (diagnostics.length > 0) return { registry: null, diagnostics: sortDiagnostics(diagnostics) };

  const sectors = new Set(policy.sectors.map((s) => s.id));
  const entries: RegistryEntry[] = parsed.data.stakeholders.map((s, i) => {
    const declared = declaredText(s.declared);
    const entry: RegistryEntry = {
      login: s.login,
      ...(s.id !== undefined ? { id: s.id } : {}),
      sector: s.sector,
      organisation: s.organisation,
      declared,
      interests: s.interests,
      voter: s.voter,
      pos: at(["stakeholders", i]),
    };
    let problem: EntryProblem | undefined;
    if (!sectors.has(s.sector)) {
      problem = { code: "unknown-sector", sector: s.sector };
      diagnostics.push(
        diagnostic("error", "policy.registry.unknown-sector", at(["stakeholders", i, "sector"]), {
          login: s.login,
          sector: s.sector,
          known: [...sectors].join(", "),
        }),
      );
    }
    if (!isRealDate(declared)) {
      problem ??= { code: "invalid-date", value: declared };
      diagnostics.push(diagnostic("error", "policy.registry.invalid-date", at(["stakeholders", i, "declared"]), { login: s.login, value: declared }));
    }
    if (s.id === undefined && policy.declarations.ids !== "optional") {
      // Not a problem of the entry's content (the core judges it: not current, "no account id").
      diagnostics.push(diagnostic("error", "policy.registry.no-id", at(["stakeholders", i, "login"]), { login: s.login }));
    }
    if (problem) entry.problem = problem;
    return entry;
  });
  return { registry: { path: file, entries }, diagnostics: sortDiagnostics(diagnostics) };
}

/** Where the registry of `repo` is read from (on its default branch). */
export function registryLocationOf(policy: Policy, repo: { owner: string; repo: string }): FileRef {
  const loc = policy.registry;
  return loc.kind === "local" ? { owner: repo.owner, repo: repo.repo, path: loc.path } : { owner: loc.owner, repo: loc.repo, path: loc.path };
}

/** The sectors a condition needs voters in: `in: each` and `weights: equal` need every one. */
function sectorsNeeded(c: Condition, all: string[]): string[] {
  switch (c.type) {
    case "approvals":
    case "quorum": {
      const equal = c.type === "approvals" && c.weights === "equal" && c.in.kind === "all";
      if (c.in.kind === "each" || equal) return all;
      return c.in.kind === "sectors" ? c.in.ids : [];
    }
    case "sectors":
      return c.include;
    default:
      return [];
  }
}

/**
 * SPEC.md's warnings that need the registry: a sector without voters that a condition needs
 * (`in: each`, a named sector, `weights: equal`, `required_sectors`) makes it impossible.
 */
export function policyWarnings(policy: Policy, registry: Registry | null): Diagnostic[] {
  if (!registry) return [];
  const withVoters = new Set(registry.entries.filter((e) => e.voter && !e.problem).map((e) => e.sector));
  const all = policy.sectors.map((s) => s.id);
  const out: Diagnostic[] = [];
  for (const kind of policy.decisions) {
    const warned = new Set<string>();
    const stack: Condition[] = [kind.rule];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (c.type === "all" || c.type === "any") {
        stack.push(...[...c.of].reverse());
        continue;
      }
      for (const sector of sectorsNeeded(c, all)) {
        if (withVoters.has(sector) || warned.has(sector)) continue;
        warned.add(sector);
        const pos = c.pos ?? { file: policy.path, line: 1, column: 1 };
        out.push(diagnostic("warning", "policy.rule.sector-without-voters", pos, { kind: kind.id, sector }));
      }
    }
  }
  return sortDiagnostics(out);
}

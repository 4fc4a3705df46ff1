// The policy, `.github/governance.yml`: parsed from text (so every error keeps its position),
// validated by the schema (schema.ts), checked as a whole (sector ids that exist, rules that can
// hold, globs that cannot hurt), and normalised into the `Policy` the rest of the app uses.
// `sign_off` is compiled here into the rule tree that one engine evaluates.
import { contentKey, identity, Memo } from "./memo.js";
import { DEFAULT_POLICY_PATH, MAX_RULE_DEPTH } from "../constants.js";
import type {
  Comparison,
  Condition,
  DecisionKind,
  Denominator,
  Diagnostic,
  Fraction,
  Language,
  MessageRef,
  Policy,
  RegistryLocation,
  Scope,
  SourcePos,
  Tally,
} from "../core/types.js";
import { builtinKind } from "../core/decisions.js";
import { evaluateRule } from "../core/rules.js";
import { t } from "../render/i18n.js";
import { diagnostic, hasErrors, sortDiagnostics } from "./diagnostics.js";
import { compareFractions, decimalDigits, nearSimpleFraction, parseThreshold } from "./fraction.js";
import { checkGlob } from "./glob.js";
import {
  MAX_VOTE_COUNT,
  decisionKindSchema,
  policySchema,
  signOffSchema,
  type RawCondition,
  type RawDecisionKind,
  type RawPolicy,
} from "./schema.js";
import { schemaDiagnostics } from "./schema-issues.js";
import { locate, readYaml, type DataPath, type YamlSource } from "./yaml-source.js";

export interface PolicyResult {
  /** Null iff any diagnostic is an error. */
  policy: Policy | null;
  /** Errors and warnings, in reading order. */
  diagnostics: Diagnostic[];
  /** The file's `_extends`, as written, when it has one (parsePolicy does not resolve it). */
  extendsRef?: string;
}

export const GOVERNANCE_KIND = "governance";

/** One file of a policy: its parsed YAML and its top-level keys. */
export interface PolicyLayer {
  source: YamlSource;
  /** File-level errors (YAML, size, encoding, not a map). */
  diagnostics: Diagnostic[];
  keys: Record<string, unknown> | null;
  extendsRef?: string;
  /** Position of the `_extends` value, for errors about the base. */
  extendsPos?: SourcePos;
}

const layers = new Memo<PolicyLayer>();
const built = new Memo<PolicyResult>();

/** One policy file read as YAML (remembered by file name and contents). */
export function readPolicyLayer(text: string | Uint8Array, file: string): PolicyLayer {
  return layers.get(`${file}\u0000${contentKey(text)}`, () => readPolicyLayerOnce(text, file));
}

function readPolicyLayerOnce(text: string | Uint8Array, file: string): PolicyLayer {
  const { source, diagnostics } = readYaml(text, file);
  if (diagnostics.length > 0) return { source, diagnostics, keys: null };
  const value = source.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { source, diagnostics: [diagnostic("error", "policy.file.not-a-map", locate(source, []))], keys: null };
  }
  const keys = value as Record<string, unknown>;
  const layer: PolicyLayer = { source, diagnostics, keys };
  if (typeof keys._extends === "string") {
    layer.extendsRef = keys._extends;
    layer.extendsPos = locate(source, ["_extends"]);
  }
  return layer;
}

export interface BuildOptions {
  /** The policy file's path in the governed repository (for the `governance` kind's paths), or null. */
  policyPath: string | null;
  /**
   * Other files of the governed repository the policy is read from (its `_extends` bases there):
   * rules files, like the policy file itself and `.github/governance.yml`.
   */
  basePaths?: readonly string[];
  /** `validate`: warn that a registry in another repository must be governed too. */
  warnOtherRepositories?: boolean;
  /**
   * The governed repository, when known: a registry named `owner/repo:path` of this very
   * repository is its own file (read from its default branch, and a rules file of it).
   */
  home?: { owner: string; repo: string };
  /**
   * The base was not available (the `validate` command with a remote `_extends`): required keys
   * may be missing and references to sectors that are not known are not checked.
   */
  partial?: boolean;
}

/** Parses one policy file. An `_extends` key is allowed and reported, not resolved. */
export function parsePolicy(text: string | Uint8Array, file: string): PolicyResult {
  const layer = readPolicyLayer(text, file);
  const result = buildPolicy([layer], { policyPath: file });
  return layer.extendsRef !== undefined ? { ...result, extendsRef: layer.extendsRef } : result;
}

/**
 * Validates and normalises a policy made of layers (the base first, the governed repository's
 * file last): each top-level key comes whole from the last layer that has it, and every error
 * points into the file that key came from.
 */
export function buildPolicy(layers: readonly PolicyLayer[], options: BuildOptions): PolicyResult {
  const key = `${layers.map(identity).join(",")}\u0000${options.policyPath ?? ""}\u0000${options.partial === true}\u0000${(options.basePaths ?? []).join("\u0000")}\u0000${options.warnOtherRepositories === true}`;
  return built.get(key, () => buildPolicyOnce(layers, options));
}

function buildPolicyOnce(layers: readonly PolicyLayer[], options: BuildOptions): PolicyResult {
  const top = layers[layers.length - 1];
  if (!top) throw new Error("buildPolicy needs at least one layer");
  const fileErrors = layers.flatMap((l) => l.diagnostics);
  if (hasErrors(fileErrors)) return { policy: null, diagnostics: sortDiagnostics(fileErrors) };

  const merged: Record<string, unknown> = {};
  const owner = new Map<string, PolicyLayer>();
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.keys ?? {})) {
      if (key === "_extends") continue;
      merged[key] = value;
      owner.set(key, layer);
    }
  }
  const at = (path: DataPath, where: "value" | "key" = "value"): SourcePos => {
    const layer = (typeof path[0] === "string" && owner.get(path[0])) || top;
    return locate(layer.source, path, where);
  };

  const parsed = policySchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) {
    let issues = parsed.error.issues;
    // Without its base, a file may lack required keys: only `sectors` is required at the top.
    if (options.partial) issues = issues.filter((i) => !(i.code === "invalid_type" && i.path.length === 1 && i.input === undefined));
    if (issues.length > 0 || merged.sectors !== undefined) {
      return { policy: null, diagnostics: sortDiagnostics([...fileErrors, ...schemaDiagnostics(issues, policySchema, at)]) };
    }
    // Check what this file says, without sector ids to check references against.
    const placeholder = [{ id: "base-a", name: "a" }, { id: "base-b", name: "b" }];
    const again = policySchema.safeParse({ ...merged, sectors: placeholder }, { reportInput: true });
    if (!again.success) return { policy: null, diagnostics: sortDiagnostics(schemaDiagnostics(again.error.issues, policySchema, at)) };
    const { diagnostics } = new Checker(again.data, at, null, options).run();
    return { policy: null, diagnostics: sortDiagnostics([...fileErrors, ...diagnostics]) };
  }
  const raw = parsed.data;
  const { diagnostics, policy } = new Checker(raw, at, raw.sectors.map((x) => x.id), options).run();
  const all = sortDiagnostics([...fileErrors, ...diagnostics]);
  if (hasErrors(all) || !policy) return { policy: null, diagnostics: all };
  return { policy: { ...policy, path: top.source.file }, diagnostics: all };
}

type Located = (path: DataPath, where?: "value" | "key") => SourcePos;

const REPO_PART = "[A-Za-z0-9](?:-?[A-Za-z0-9])*/[A-Za-z0-9._-]+";
const REMOTE_REGISTRY = new RegExp(`^(${REPO_PART}):(.+)$`);

/** A path inside a repository, as the policy writes it ("./x" is "x"); null when not one. */
export function repoPath(text: string): string | null {
  const p = text.trim().replace(/^\.\//, "");
  if (p === "" || p.startsWith("/") || p.includes("\\") || p.split("/").some((s) => s === ".." || s === "." || s === "")) return null;
  return p;
}

export function parseRegistryRef(text: string): RegistryLocation | null {
  const m = REMOTE_REGISTRY.exec(text.trim());
  if (m) {
    const [owner, repo] = m[1]!.split("/") as [string, string];
    const path = repoPath(m[2]!);
    return path ? { kind: "remote", owner, repo, path } : null;
  }
  if (text.includes(":")) return null;
  const path = repoPath(text);
  return path ? { kind: "local", path } : null;
}

/**
 * A registry named by the organisation-wide form but kept in the governed repository itself is a
 * file of that repository: whoever merges a change to it there changes who votes, so it is one of
 * its rules files (SPEC: "the registry when it is in this repository").
 */
function ownFile(location: RegistryLocation | null, home: { owner: string; repo: string } | undefined): RegistryLocation | null {
  if (location?.kind !== "remote" || !home) return location;
  const same = location.owner.toLowerCase() === home.owner.toLowerCase() && location.repo.toLowerCase() === home.repo.toLowerCase();
  return same ? { kind: "local", path: location.path } : location;
}

class Checker {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly sectorSet: Set<string> | null;
  /** Sectors as declared (duplicates are reported once, not again as "too few sectors"). */
  private readonly declared: number | null;

  constructor(
    private readonly raw: RawPolicy,
    private readonly at: Located,
    sectors: string[] | null,
    private readonly options: BuildOptions,
  ) {
    this.sectorSet = sectors ? new Set(sectors) : null;
    this.declared = sectors ? sectors.length : null;
  }

  private error(code: string, path: DataPath, params?: MessageRef["params"], where: "value" | "key" = "value"): void {
    this.diagnostics.push(diagnostic("error", code, this.at(path, where), params));
  }

  private warning(code: string, path: DataPath, params?: MessageRef["params"]): void {
    this.diagnostics.push(diagnostic("warning", code, this.at(path), params));
  }

  private get sectorCount(): number | null {
    return this.declared;
  }

  /** Reports ids that are not sectors of the policy, or repeated; returns the list. */
  private sectorRefs(ids: readonly string[], path: DataPath): string[] {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) this.error("policy.sector-ref.duplicate", [...path, i], { id });
      seen.add(id);
      if (this.sectorSet && !this.sectorSet.has(id)) {
        this.error("policy.sector-ref.unknown", [...path, i], { id, known: [...this.sectorSet].join(", ") });
      }
    });
    return [...seen];
  }

  private duplicateIds(items: ReadonlyArray<{ id: string }>, path: DataPath, code: string): void {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const prev = first.get(item.id);
      if (prev !== undefined) {
        this.error(code, [...path, i, "id"], { id: item.id, line: this.at([...path, prev, "id"]).line });
      } else {
        first.set(item.id, i);
      }
    });
  }

  run(): { diagnostics: Diagnostic[]; policy: Omit<Policy, "path"> | null } {
    const raw = this.raw;
    if (this.sectorSet) this.duplicateIds(raw.sectors, ["sectors"], "policy.sectors.duplicate-id");
    this.duplicateIds(raw.decisions, ["decisions"], "policy.decisions.duplicate-id");

    const registry = ownFile(parseRegistryRef(raw.registry), this.options.home);
    if (!registry) this.error("policy.registry-ref.format", ["registry"], { value: raw.registry });
    // Whoever can change another repository changes these rules without a decision here.
    if (registry?.kind === "remote" && this.options.warnOtherRepositories) {
      this.warning("policy.rules.other-repository", ["registry"], { ref: `${registry.owner}/${registry.repo}:${registry.path}` });
    }

    const language = raw.transparency.language as Language;
    // The rules files: whatever the policy says, no sector changes them alone.
    const localPaths = [
      ...new Set(
        [DEFAULT_POLICY_PATH, this.options.policyPath, ...(this.options.basePaths ?? []), registry?.kind === "local" ? registry.path : null]
          .filter((p): p is string => typeof p === "string" && p !== "")
          .map((p) => p.replace(/^\.\//, "")),
      ),
    ];

    const decisions: DecisionKind[] = [];
    raw.decisions.forEach((kind, i) => {
      const built = this.kind(kind, ["decisions", i], localPaths);
      if (built) decisions.push(built);
    });
    if (!raw.decisions.some((k) => k.id === GOVERNANCE_KIND)) {
      const builtin = decisionKindSchema.parse({ id: GOVERNANCE_KIND, name: t(language, "policy.governance.builtin-name"), sign_off: {} });
      const kind = this.kind(builtin, [], localPaths);
      if (kind) decisions.push({ ...kind, builtin: true });
    }

    const d = raw.declarations;
    // The members one sector admits alone must never be enough for a decision of any kind.
    if (d.admission === "sector") {
      const sectors = raw.sectors.map((sector) => sector.id);
      decisions.forEach((kind) => {
        const alone = sectors.find((sector) => oneSectorSatisfies(kind.rule, sector, sectors));
        if (alone === undefined) return;
        const i = raw.decisions.findIndex((k) => k.id === kind.id);
        const own = raw.decisions[i];
        const at: DataPath = own ? ["decisions", i, own.rule ? "rule" : own.sign_off ? "sign_off" : "id"] : ["declarations", "admission"];
        this.error("policy.declarations.admission-one-sector", at, { kind: kind.id, sector: alone }, "key");
      });
    }
    // Matching by login lets whoever takes a login someone gave up inherit their declaration.
    if (d.ids === "optional") this.warning("policy.declarations.ids-optional", ["declarations", "ids"]);
    const policy: Omit<Policy, "path"> | null = registry
      ? {
          sectors: raw.sectors.map((s) => ({ id: s.id, name: s.name })),
          registry,
          declarations: {
            requiredFor: [...new Set(d.required_for)],
            renewAfterDays: d.renew_after_days,
            ids: d.ids,
            exempt: [...new Set(d.exempt.map((l) => l.toLowerCase()))],
            admission: d.admission,
            ...(d.request_reviews ? { requestReviews: true } : {}),
          },
          decisions,
          ...(d.admission === "sector" ? { admissionKinds: admissionKinds(raw.sectors, language) } : {}),
          rulesFiles: localPaths,
          transparency: {
            log: raw.transparency.log,
            report: raw.transparency.report,
            labels: [...new Set(raw.transparency.labels)],
            language,
          },
        }
      : null;
    return { diagnostics: this.diagnostics, policy };
  }

  private kind(raw: RawDecisionKind, path: DataPath, localPaths: string[]): DecisionKind | null {
    const errorsBefore = this.diagnostics.filter((d) => d.severity === "error").length;
    const isGovernance = raw.id === GOVERNANCE_KIND;
    raw.paths.forEach((glob, j) => {
      const problem = checkGlob(glob);
      if (problem) {
        const { code, ...params } = problem;
        this.error(code, [...path, "paths", j], { glob, ...params });
      }
    });
    if (!isGovernance && raw.paths.length === 0 && raw.labels.length === 0) {
      this.warning("policy.kind.never-applies", [...path, "id"], { id: raw.id });
    }

    let rule: Condition | null = null;
    let form: DecisionKind["form"] = "sign_off";
    if (raw.sign_off && raw.rule) {
      this.error("policy.kind.sign-off-and-rule", [...path, "rule"], { id: raw.id }, "key");
    } else if (raw.rule) {
      form = "rule";
      rule = this.condition(raw.rule, [...path, "rule"], 1);
      if (isGovernance && rule && !protectsGovernance(rule)) this.error("policy.governance.one-sector", [...path, "rule"], {}, "key");
    } else {
      rule = this.signOff(raw, path, isGovernance);
    }

    const errorsAfter = this.diagnostics.filter((d) => d.severity === "error").length;
    if (!rule || errorsAfter > errorsBefore) return null;
    const paths = [...raw.paths];
    if (isGovernance) for (const p of localPaths) if (!paths.includes(p)) paths.push(p);
    return {
      id: raw.id,
      name: raw.name,
      paths,
      labels: [...new Set(raw.labels)],
      rule,
      form,
      commentPeriodHours: raw.comment_period_hours,
      objections: raw.objections,
      abstentions: raw.abstentions,
      dismissStale: raw.dismiss_stale,
      builtin: false,
    };
  }

  /** `sign_off` as SPEC.md defines it: all [sectors {k, R}, approvals {n, in all, cap c}]. */
  private signOff(raw: RawDecisionKind, path: DataPath, isGovernance: boolean): Condition {
    const so = raw.sign_off ?? signOffSchema.parse({});
    const p: DataPath = [...path, "sign_off"];
    const pos = this.at(raw.sign_off ? p : path);
    const n = this.sectorCount;
    const k = so.sectors;
    const approvals = so.approvals ?? k;
    if (n !== null && k > n) this.error("policy.sign-off.sectors-above-count", [...p, "sectors"], { value: k, count: n });
    if (isGovernance && k < 2) this.error("policy.governance.one-sector", [...p, "sectors"]);
    const include = this.sectorRefs(so.required_sectors, [...p, "required_sectors"]);
    if (include.length > k) this.error("policy.sign-off.required-above-sectors", [...p, "required_sectors"], { count: include.length, sectors: k });
    if (approvals < k) this.error("policy.sign-off.approvals-below-sectors", [...p, "approvals"], { approvals, sectors: k });
    const cap = so.max_per_sector;
    if (cap !== undefined && n !== null && cap * n < approvals) {
      this.error("policy.sign-off.cap-too-low", [...p, "max_per_sector"], { cap, count: n, approvals });
    }
    const counted: Condition = { type: "approvals", op: "at_least", count: approvals, in: { kind: "all" }, weights: "members", pos };
    if (cap !== undefined) counted.maxPerSector = cap;
    return { type: "all", pos, of: [{ type: "sectors", atLeast: k, include, pos }, counted] };
  }

  private condition(raw: RawCondition, path: DataPath, depth: number): Condition | null {
    const pos = this.at(path);
    const keys = (Object.keys(raw) as Array<keyof RawCondition>).filter((k) => raw[k] !== undefined);
    if (keys.length !== 1) {
      this.error(keys.length === 0 ? "policy.rule.no-condition" : "policy.rule.several-conditions", path, { keys: keys.join(", ") });
      return null;
    }
    if (depth > MAX_RULE_DEPTH) {
      this.error("policy.rule.too-deep", path, { max: MAX_RULE_DEPTH });
      return null;
    }
    const key = keys[0]!;
    switch (key) {
      case "all":
      case "any": {
        const children = (raw[key] ?? []).map((c, i) => this.condition(c, [...path, key, i], depth + 1));
        if (children.some((c) => c === null)) return null;
        return { type: key, of: children as Condition[], pos };
      }
      case "sectors": {
        const s = raw.sectors!;
        const p = [...path, "sectors"];
        const n = this.sectorCount;
        if (n !== null && s.at_least > n) this.error("policy.rule.sectors-above-count", [...p, "at_least"], { value: s.at_least, count: n });
        const include = this.sectorRefs(s.include ?? [], [...p, "include"]);
        if (include.length > s.at_least) this.error("policy.rule.include-above-at-least", [...p, "include"], { count: include.length, value: s.at_least });
        return { type: "sectors", atLeast: s.at_least, include, pos };
      }
      case "quorum": {
        const q = raw.quorum!;
        const p = [...path, "quorum"];
        const threshold = this.threshold(q, p);
        const scope = this.scope(q.in, [...p, "in"]);
        if (!threshold || !scope) return null;
        if (threshold.count !== undefined) {
          this.error("policy.rule.share-needed", [...p, threshold.op], { value: threshold.count });
          return null;
        }
        return { type: "quorum", op: threshold.op, share: threshold.share!, in: scope, pos };
      }
      case "approvals": {
        const a = raw.approvals!;
        const p = [...path, "approvals"];
        const threshold = this.threshold(a, p);
        const scope = this.scope(a.in, [...p, "in"]);
        if (!threshold || !scope) return null;
        const weights = a.weights ?? "members";
        if (threshold.count !== undefined) {
          let ok = true;
          if (a.of !== undefined) {
            this.error("policy.rule.of-with-count", [...p, "of"], { value: threshold.count }, "key");
            ok = false;
          }
          if (a.weights !== undefined) {
            this.error("policy.rule.weights-with-count", [...p, "weights"], {}, "key");
            ok = false;
          }
          if (threshold.count > MAX_VOTE_COUNT) {
            this.error("policy.schema.too-big", [...p, threshold.op], { field: threshold.op, max: MAX_VOTE_COUNT });
            ok = false;
          }
          if (!ok) return null;
          const c: Condition = { type: "approvals", op: threshold.op, count: threshold.count, in: scope, weights: "members", pos };
          if (a.max_per_sector !== undefined) c.maxPerSector = a.max_per_sector;
          return c;
        }
        let ok = true;
        if (a.of === undefined) {
          this.error("policy.rule.of-missing", [...p, threshold.op], { value: threshold.share!.text });
          ok = false;
        }
        if (a.max_per_sector !== undefined) {
          this.error("policy.rule.cap-with-share", [...p, "max_per_sector"], {}, "key");
          ok = false;
        }
        if (weights === "equal" && scope.kind !== "all") {
          this.error("policy.rule.weights-needs-all", [...p, "weights"], {}, "key");
          ok = false;
        }
        if (!ok) return null;
        return { type: "approvals", op: threshold.op, share: threshold.share!, of: a.of as Denominator, in: scope, weights, pos };
      }
    }
    return null;
  }

  /** Exactly one of at_least/more_than, read as a count or a share (at most 1). */
  private threshold(
    raw: { at_least?: number | string; more_than?: number | string },
    path: DataPath,
  ): { op: Comparison; count?: number; share?: Fraction } | null {
    if (raw.at_least !== undefined && raw.more_than !== undefined) {
      this.error("policy.rule.threshold-both", [...path, "more_than"], {}, "key");
      return null;
    }
    const op: Comparison | null = raw.at_least !== undefined ? "at_least" : raw.more_than !== undefined ? "more_than" : null;
    if (!op) {
      this.error("policy.rule.threshold-missing", path);
      return null;
    }
    const value = raw[op]!;
    const p = [...path, op];
    const th = parseThreshold(value);
    if (th.kind === "invalid") {
      this.error(th.code, p, { value: String(value) });
      return null;
    }
    if (th.kind === "count") return { op, count: th.count };
    const one = { num: 1, den: 1, text: "1" };
    if (compareFractions(th.share, one) > 0) {
      this.error("policy.rule.share-above-one", p, { value: th.share.text });
      return null;
    }
    if (op === "more_than" && compareFractions(th.share, one) === 0) {
      this.error("policy.rule.more-than-all", p, { value: th.share.text });
      return null;
    }
    if (th.decimal) {
      const near = nearSimpleFraction(th.share, decimalDigits(th.share.text));
      if (near) this.warning("policy.fraction.near", p, { value: th.share.text, fraction: near.text, num: near.num, den: near.den });
    }
    return { op, share: th.share };
  }

  private scope(raw: string | string[] | undefined, path: DataPath): Scope | null {
    if (raw === undefined || raw === "all") return { kind: "all" };
    if (raw === "each") return { kind: "each" };
    if (typeof raw === "string") {
      if (this.sectorSet && !this.sectorSet.has(raw)) {
        this.error("policy.scope.unknown", path, { id: raw, known: [...this.sectorSet].join(", ") });
        return null;
      }
      return { kind: "sectors", ids: [raw] };
    }
    const before = this.diagnostics.length;
    const ids = this.sectorRefs(raw, path);
    return this.diagnostics.length > before ? null : { kind: "sectors", ids };
  }
}

/** A `governance` rule must need two sectors, whatever the registry becomes. */
/**
 * Whether the votes of `sector` alone, however many members it admits, can satisfy `rule`: the
 * rule evaluated with every voter of that sector approving (1 to 64 of them) and every other
 * sector silent, with no voters or with some. A rule that needs a second sector never holds so.
 */
export function oneSectorSatisfies(rule: Condition, sector: string, sectors: string[]): boolean {
  const policy = { sectors: sectors.map((id) => ({ id, name: id })) } as Policy;
  for (const members of [1, 2, 3, 5, 8, 64]) {
    for (const others of [0, 1, 1000]) {
      const bySector: Tally["bySector"] = {};
      for (const id of sectors) {
        const yes = id === sector ? Array.from({ length: members }, (_, i) => `m${i}`) : [];
        bySector[id] = { yes, no: [], abstain: [], recused: [], registered: id === sector ? members : others };
      }
      if (evaluateRule(rule, { bySector }, policy).holds) return true;
    }
  }
  return false;
}

/** One kind per sector: a PR that only adds members of it is admitted by one of its voters. */
function admissionKinds(sectors: Array<{ id: string; name: string }>, language: Language): DecisionKind[] {
  return sectors.map((s) =>
    builtinKind(
      `admission-${s.id}`,
      t(language, "policy.admission.name", { sector: s.name }),
      { type: "approvals", op: "at_least", count: 1, in: { kind: "sectors", ids: [s.id] }, weights: "members" },
      { admits: s.id },
    ),
  );
}

function protectsGovernance(rule: Condition): boolean {
  const twoSectors = (c: Condition): boolean => c.type === "sectors" && c.atLeast >= 2;
  if (twoSectors(rule)) return true;
  return rule.type === "all" && rule.of.some(twoSectors);
}

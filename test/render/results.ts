// Small builders of core results and render contexts, for renderer tests that do not depend on
// the core's arithmetic: each test states the result it renders.
import type {
  Condition,
  ConditionResult,
  DecisionKind,
  DeclarationResult,
  KindResult,
  Policy,
  RegistryEntry,
  SignoffResult,
} from "../../src/core/types.js";
import type { RenderContext } from "../../src/render/context.js";

export const NOW = new Date("2026-11-28T12:00:00Z");

export function policy(over: Partial<Policy> = {}): Policy {
  return {
    sectors: [
      { id: "government", name: "Government" },
      { id: "business", name: "Business" },
      { id: "civil-society", name: "Civil society" },
    ],
    registry: { kind: "local", path: "STAKEHOLDERS.yml" },
    declarations: { requiredFor: ["author"], renewAfterDays: 365, ids: "required", exempt: [] },
    decisions: [],
    transparency: { log: true, report: "monthly", labels: ["transparency"], language: "en" },
    path: ".github/governance.yml",
    rulesFiles: [".github/governance.yml", "STAKEHOLDERS.yml"],
    ...over,
  };
}

export function ctx(over: Partial<RenderContext> = {}): RenderContext {
  return {
    lang: "en",
    now: NOW,
    repo: { owner: "acme", repo: "charter" },
    defaultBranch: "main",
    policyUrl: "https://github.com/acme/charter/blob/main/.github/governance.yml",
    registryUrl: "https://github.com/acme/charter/blob/main/STAKEHOLDERS.yml",
    registryPath: "STAKEHOLDERS.yml",
    policy: policy(),
    pullNumber: 12,
    ...over,
  };
}

export function entry(login: string, over: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    login,
    sector: "government",
    organisation: "Ministry of Culture",
    declared: "2026-03-01",
    interests: "none",
    voter: true,
    pos: { file: "STAKEHOLDERS.yml", line: 2, column: 5 },
    ...over,
  };
}

export function declaration(over: Partial<DeclarationResult> = {}): DeclarationResult {
  return {
    outcome: "success",
    title: { key: "declaration.title.success" },
    declared: [],
    missing: [],
    exempt: [],
    ...over,
  };
}

export function kind(over: Partial<DecisionKind> = {}): DecisionKind {
  return {
    id: "charter",
    name: "Charter amendment",
    paths: ["CHARTER.md"],
    labels: [],
    rule: { type: "sectors", atLeast: 2, include: [] },
    form: "sign_off",
    commentPeriodHours: 0,
    objections: "block",
    abstentions: "excluded",
    dismissStale: true,
    builtin: false,
    ...over,
  };
}

export function cond(condition: Condition, holds: boolean, over: Partial<ConditionResult> = {}): ConditionResult {
  return { condition, holds, ...over };
}

type Bucket = { yes: string[]; no: string[]; abstain: string[]; recused: string[]; registered: number };

export function kindResult(over: Partial<KindResult> = {}): KindResult {
  const empty = (): Bucket => ({ yes: [], no: [], abstain: [], recused: [], registered: 0 });
  return {
    kind: kind(),
    holds: true,
    tree: cond({ type: "sectors", atLeast: 2, include: [] }, true, { lines: [{ scope: "all", numerator: 2, holds: true }] }),
    tally: { bySector: { government: empty(), business: empty(), "civil-society": empty() } },
    approvals: {},
    objections: [],
    notCounted: [],
    commentPeriodEnds: "2026-11-20T10:00:00Z",
    commentPeriodOver: true,
    ...over,
  };
}

export function signoff(over: Partial<SignoffResult> = {}): SignoffResult {
  return {
    outcome: "success",
    title: { key: "common.yes" },
    isDecision: true,
    kinds: [kindResult()],
    signedOff: true,
    ...over,
  };
}

/** Logins and titles that must come out inert wherever they are shown. */
export const HOSTILE = ["@everyone", "#1", "org/repo#2", "&#64;x", "a`b`c", "x|y", "<img src=x onerror=alert(1)>"];

// Which kinds of decision a pull request is (SPEC.md, "Files in a governed repository").
import { Minimatch } from "minimatch";
import { admissionKindOf, admittedSector } from "./admission.js";
import type { DecisionKind, Policy, PullRequestFacts, Registry, SeenLabel } from "./types.js";
import { DEFAULT_POLICY_PATH } from "../constants.js";

export const GOVERNANCE_KIND_ID = "governance";

/**
 * The paths whose change always makes a PR a `governance` decision: the rules files (SPEC.md):
 * `.github/governance.yml`, every file of the repository the policy is read from, and the
 * registry when it lives in the governed repository. Compared literally, never as globs.
 */
export function governedFiles(policy: Pick<Policy, "path" | "registry" | "rulesFiles">): string[] {
  const files = [DEFAULT_POLICY_PATH, policy.path, ...(policy.rulesFiles ?? [])];
  if (policy.registry.kind === "local") files.push(policy.registry.path);
  return [...new Set(files.map(normalise))];
}

function normalise(path: string): string {
  return path.replace(/^\.\//, "");
}

/** A kind the app builds itself (no paths, no labels, objections block, no comment period). */
export function builtinKind(id: string, name: string, rule: DecisionKind["rule"], extra: Partial<DecisionKind> = {}): DecisionKind {
  return { id, name, paths: [], labels: [], rule, form: "sign_off", commentPeriodHours: 0, objections: "block", abstentions: "excluded", dismissStale: true, builtin: true, ...extra };
}

/** A kind the core falls back on if a policy ever lacks the `governance` kind (fail closed). */
function fallbackGovernanceKind(): DecisionKind {
  return builtinKind(GOVERNANCE_KIND_ID, "Governance", {
    type: "all",
    of: [
      { type: "sectors", atLeast: 2, include: [] },
      { type: "approvals", op: "at_least", count: 2, in: { kind: "all" }, weights: "members" },
    ],
  });
}

/**
 * The base and default branch when the PR is not into the default branch (then it is judged by
 * no kind: SPEC.md "Only PRs whose base is the default branch are judged"); undefined when it is,
 * or when the facts do not say (a `simulate` PR file).
 */
export function otherBase(facts: Pick<PullRequestFacts, "baseRef" | "defaultBranch">): { base: string; defaultBranch: string } | undefined {
  const { baseRef, defaultBranch } = facts;
  return baseRef !== undefined && defaultBranch !== undefined && baseRef !== defaultBranch ? { base: baseRef, defaultBranch } : undefined;
}

/**
 * Every label the PR carries or has carried (lowercased): a decision label sticks until the PR
 * closes, and for good after, since a writer could otherwise close, remove it and reopen.
 */
export function decisionLabelsOf(facts: Pick<PullRequestFacts, "labels" | "labelEvents" | "seenLabels">): Set<string> {
  const labels = new Set((facts.labels ?? []).map((l) => l.toLowerCase()));
  for (const e of facts.labelEvents ?? []) if (e.added) labels.add(e.label.toLowerCase());
  // Remembered by the app: a label deleted from the repository leaves neither the PR nor its timeline naming it.
  for (const s of facts.seenLabels ?? []) labels.add(s.label.toLowerCase());
  return labels;
}

/**
 * The decision labels of `policy` this PR carries or has carried, as the app remembers them in its
 * own check runs (src/github/signal-memo.ts): each with when it was first seen (the timeline's
 * event, what was remembered before, or `now`). Bounded by the policy's labels.
 */
export function labelsToRemember(policy: Policy, facts: Pick<PullRequestFacts, "labels" | "labelEvents" | "seenLabels">, now: Date): SeenLabel[] {
  const decisionLabels = new Set(policy.decisions.flatMap((k) => k.labels.map((l) => l.toLowerCase())));
  const firstSeen = new Map<string, string>();
  const see = (label: string, at: string) => {
    const key = label.toLowerCase();
    const held = firstSeen.get(key);
    if (held === undefined || Date.parse(at) < Date.parse(held)) firstSeen.set(key, at);
  };
  for (const s of facts.seenLabels ?? []) see(s.label, s.at);
  for (const e of facts.labelEvents ?? []) if (e.added) see(e.label, e.at);
  for (const label of facts.labels ?? []) if (!firstSeen.has(label.toLowerCase())) see(label, now.toISOString());
  return [...firstSeen]
    .filter(([label]) => decisionLabels.has(label))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, at]) => ({ verb: "label", label, at }));
}

/**
 * The kinds this PR is, in the policy's order: a changed file (old or new name of a rename)
 * matching a kind's `paths` (minimatch, dotfiles included), or one of its `labels`
 * (case-insensitive, as GitHub treats label names) it carries or has carried. Changing the policy
 * or a local registry always makes it a `governance` decision. A PR not into the default branch
 * is no kind at all (it is never judged, nor recorded).
 */
export function decisionKindsOf(
  policy: Policy,
  facts: Pick<PullRequestFacts, "files" | "labels" | "filesTruncated" | "labelEvents" | "seenLabels" | "baseRef" | "defaultBranch" | "headRegistryEntries" | "headDiagnostics">,
  registry?: Registry,
): DecisionKind[] {
  if (otherBase(facts)) return [];
  const names = new Set<string>();
  for (const f of facts.files ?? []) {
    names.add(normalise(f.filename));
    if (f.previousFilename) names.add(normalise(f.previousFilename));
  }
  const labels = decisionLabelsOf(facts);
  // An incomplete file list may hide any governed path: assume it touches them all.
  const truncated = facts.filesTruncated === true;
  const touchesGovernance = truncated || governedFiles(policy).some((p) => names.has(p));

  const kinds: DecisionKind[] = [];
  for (const kind of policy.decisions) {
    const byLabel = kind.labels.some((l) => labels.has(l.toLowerCase()));
    const byPath = (truncated && kind.paths.length > 0) || kind.paths.some((glob) => {
      let matcher: Minimatch;
      try {
        matcher = new Minimatch(glob, { dot: true });
      } catch {
        return false; // src/policy rejects such globs; the core never throws on one
      }
      for (const name of names) if (matcher.match(name)) return true;
      return false;
    });
    const byGovernance = kind.id === GOVERNANCE_KIND_ID && touchesGovernance;
    if (byLabel || byPath || byGovernance) kinds.push(kind);
  }
  if (touchesGovernance && !kinds.some((k) => k.id === GOVERNANCE_KIND_ID) && !policy.decisions.some((k) => k.id === GOVERNANCE_KIND_ID)) {
    kinds.push(fallbackGovernanceKind());
  }
  // A PR that only adds members of one sector is that sector's admission instead of a
  // `governance` decision (admission.ts says when); every other kind it is stays.
  const admitted = touchesGovernance ? admittedSector(policy, registry, facts) : null;
  const admission = admitted !== null ? admissionKindOf(policy, admitted) : undefined;
  if (admission) return kinds.map((k) => (k.id === GOVERNANCE_KIND_ID ? admission : k));
  return kinds;
}

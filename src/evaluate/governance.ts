// The rules of one repository, as they stand on a given ref of its default branch: the policy
// (with `_extends` resolved) and the registry, both read as text so that every error keeps its
// position. A PR is always judged by these, never by what its head says.
import { DEFAULT_POLICY_PATH } from "../constants.js";
import type { Diagnostic, Policy, Registry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { readFileAtDefaultBranch, sameRepository, type FileRef, type RepoRef } from "../github/files.js";
import { loadPolicy } from "../policy/load.js";
import { parseRegistry, registryLocationOf } from "../policy/registry.js";

export type Rules =
  | { governed: false }
  | {
      governed: true;
      /** Null when the policy is invalid (then `diagnostics` holds its errors). */
      policy: Policy | null;
      /** Null when the registry is invalid or could not be judged (policy invalid). */
      registry: Registry | null;
      /** The registry's location, when the policy names one. */
      registryRef: FileRef | null;
      /** Errors and warnings of both files. */
      diagnostics: Diagnostic[];
      /**
       * Every file the rules were read from (the policy, its `_extends` bases, the registry),
       * wherever it lives: a push to any of them changes the rules.
       */
      sources: FileRef[];
    };

/** The name a file is shown under: its path in the governed repository, `owner/repo:path` elsewhere. */
export function displayName(file: FileRef, home: RepoRef): string {
  return sameRepository(file, home) ? file.path : `${file.owner}/${file.repo}:${file.path}`;
}

/**
 * Reads the rules at `ref` of `repo` (a branch, or a commit such as a merge's first parent; its
 * default branch's head when `ref` is omitted). Files of other repositories (an org-wide base
 * policy, an org-wide registry) are read from their own default branch (`elsewhere`'s at its ref).
 */
export async function getRules(octokit: GitHub, repo: RepoRef, ref?: string, elsewhere?: { repo: RepoRef; ref: string }): Promise<Rules> {
  const read = async (file: FileRef) => {
    const home = sameRepository(file, repo);
    // Another repository that does not exist (an organisation without a `.github` repository,
    // Probot's fallback) has no such file: GitHub answers 404, read as "no file". `elsewhere`:
    // one other repository read at a commit of its own (its rules as they stood then).
    const at = home ? ref : elsewhere && sameRepository(file, elsewhere.repo) ? elsewhere.ref : undefined;
    const content = await readFileAtDefaultBranch(octokit, file, at);
    if (!content) return null;
    sources.push(file);
    return { text: content.text, file: displayName(file, repo) };
  };
  const sources: FileRef[] = [];
  const loaded = await loadPolicy(read, repo, DEFAULT_POLICY_PATH);
  if (!loaded) return { governed: false };
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.policy) return { governed: true, policy: null, registry: null, registryRef: null, diagnostics, sources };
  const registryRef = registryLocationOf(loaded.policy, repo);
  const registryFile = await read(registryRef);
  const parsed = parseRegistry(registryFile?.text ?? null, displayName(registryRef, repo), loaded.policy);
  diagnostics.push(...parsed.diagnostics);
  return { governed: true, policy: loaded.policy, registry: parsed.registry, registryRef, diagnostics, sources };
}

export const errorsOf = (diagnostics: readonly Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.severity === "error");

/**
 * File-level errors only: per-entry problems of the registry (a sector no longer in the policy,
 * a date that does not exist) make that one declaration not current, not the registry invalid.
 */
export function blockingErrors(rules: Extract<Rules, { governed: true }>): Diagnostic[] {
  if (!rules.policy || !rules.registry) return errorsOf(rules.diagnostics);
  return [];
}

// Loading the policy of a repository: its `.github/governance.yml`, or the organisation's in the
// `.github` repository (Probot's fallback), with `_extends` resolved as SPEC.md says: each
// top-level key of a file replaces its base's key whole (Probot's own deep merge would
// concatenate lists, so it is not used). Every error points into the file it is in.
import { DEFAULT_POLICY_PATH, ORG_CONFIG_REPO } from "../constants.js";
import type { Diagnostic } from "../core/types.js";
import { sameRepository } from "../github/files.js";
import { diagnostic, hasErrors, sortDiagnostics } from "./diagnostics.js";
import { buildPolicy, readPolicyLayer, repoPath, type PolicyLayer, type PolicyResult } from "./policy.js";

export interface FileRef {
  owner: string;
  repo: string;
  path: string;
}

/** Reads a file of the default branch; null when it does not exist (404). */
export type ReadFile = (ref: FileRef) => Promise<{ text: string | Uint8Array; file: string } | null>;

/** Like ReadFile, but may also say that the file could not be checked at all (offline `validate`). */
export type ReadBase = (ref: FileRef) => Promise<{ text: string | Uint8Array; file: string } | null | "unavailable">;

/** How many bases a policy may stack (`_extends` of `_extends` ...). */
export const MAX_EXTENDS_DEPTH = 5;

const NAME = "[A-Za-z0-9._-]+";
const OWNER = "[A-Za-z0-9](?:-?[A-Za-z0-9])*";
const EXTENDS = new RegExp(`^(?:(${OWNER})/)?(${NAME})(?::(.+))?$`);

/** `.github`, `repo`, `owner/repo` or `owner/repo:path.yml`; relative to the owner of the file. */
export function parseExtendsRef(text: string, owner: string): FileRef | null {
  const m = EXTENDS.exec(text.trim());
  if (!m) return null;
  const path = m[3] === undefined ? DEFAULT_POLICY_PATH : repoPath(m[3]);
  if (!path) return null;
  return { owner: m[1] ?? owner, repo: m[2]!, path };
}

const refKey = (r: FileRef): string => `${r.owner}/${r.repo}`.toLowerCase() + `:${r.path}`;
export const refText = (r: FileRef): string => `${r.owner}/${r.repo}:${r.path}`;

/**
 * The policy of `repo`, or null when the repository is not governed (no file of its own and
 * none in the organisation's `.github` repository). Errors of `read` (network) propagate.
 */
export async function loadPolicy(
  read: ReadFile,
  repo: { owner: string; repo: string },
  path: string = DEFAULT_POLICY_PATH,
): Promise<PolicyResult | null> {
  let ref: FileRef = { owner: repo.owner, repo: repo.repo, path };
  let found = await read(ref);
  let policyPath: string | null = path;
  if (!found) {
    if (repo.repo.toLowerCase() === ORG_CONFIG_REPO) return null;
    ref = { owner: repo.owner, repo: ORG_CONFIG_REPO, path: DEFAULT_POLICY_PATH };
    found = await read(ref);
    // The policy file is not in the governed repository: no change there can alter it.
    policyPath = null;
    if (!found) return null;
  }
  return resolvePolicy(read, ref, found, policyPath, { home: repo });
}

/** Resolves the `_extends` chain of one file already read, and builds the policy. */
export async function resolvePolicy(
  read: ReadBase,
  ref: FileRef,
  found: { text: string | Uint8Array; file: string },
  policyPath: string | null,
  options: {
    /** The governed repository: its files among the bases are rules files of it. */
    home?: { owner: string; repo: string };
    /** `validate`: warn about every base read from another repository (it must be governed too). */
    warnOtherRepositories?: boolean;
  } = {},
): Promise<PolicyResult> {
  const first = readPolicyLayer(found.text, found.file);
  const layers: PolicyLayer[] = [first];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set([refKey(ref)]);
  let partial = false;
  const basePaths: string[] = [];
  let current = first;
  let currentRef = ref;
  while (current.extendsRef !== undefined && current.extendsPos) {
    const pos = current.extendsPos;
    const written = current.extendsRef;
    if (layers.length > MAX_EXTENDS_DEPTH) {
      diagnostics.push(diagnostic("error", "policy.extends.too-deep", pos, { max: MAX_EXTENDS_DEPTH }));
      break;
    }
    const baseRef = parseExtendsRef(written, currentRef.owner);
    if (!baseRef) {
      diagnostics.push(diagnostic("error", "policy.extends.format", pos, { value: written }));
      break;
    }
    if (seen.has(refKey(baseRef))) {
      diagnostics.push(diagnostic("error", "policy.extends.cycle", pos, { ref: refText(baseRef) }));
      break;
    }
    seen.add(refKey(baseRef));
    if (options.home && sameRepository(baseRef, options.home)) basePaths.push(baseRef.path);
    else if (options.warnOtherRepositories) diagnostics.push(diagnostic("warning", "policy.rules.other-repository", pos, { ref: refText(baseRef) }));
    const got = await read(baseRef);
    if (got === null) {
      diagnostics.push(diagnostic("error", "policy.extends.not-found", pos, { ref: refText(baseRef) }));
      break;
    }
    if (got === "unavailable") {
      diagnostics.push(diagnostic("warning", "policy.extends.not-checked", pos, { ref: refText(baseRef) }));
      partial = true;
      break;
    }
    const layer = readPolicyLayer(got.text, got.file);
    layers.unshift(layer);
    current = layer;
    currentRef = baseRef;
  }
  const built = hasErrors(diagnostics) ? { policy: null, diagnostics: layers.flatMap((l) => l.diagnostics) } : buildPolicy(layers, { policyPath, partial, basePaths, warnOtherRepositories: options.warnOtherRepositories === true, ...(options.home ? { home: options.home } : {}) });
  const all = sortDiagnostics([...diagnostics, ...built.diagnostics]);
  const result: PolicyResult = { policy: hasErrors(all) ? null : built.policy, diagnostics: all };
  if (first.extendsRef !== undefined) result.extendsRef = first.extendsRef;
  return result;
}

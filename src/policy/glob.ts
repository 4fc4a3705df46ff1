// Globs of `paths` are matched by minimatch against file names that anyone opening a pull
// request chooses, so a glob built to be slow (catastrophic backtracking in the regular
// expression minimatch builds) or to expand into many patterns is refused when the policy is
// read. The limits below are documented in the JSON Schema (schema.ts).
import { Minimatch, braceExpand } from "minimatch";
import { MAX_GLOB_LENGTH } from "../constants.js";

/** Patterns one glob may expand into through braces (`{a,b}`). */
export const MAX_BRACE_PATTERNS = 16;
/** `**` segments in one glob. */
export const MAX_GLOBSTARS = 4;
/** `*` wildcards in one path segment (each one multiplies the backtracking of a failed match). */
export const MAX_STARS_PER_SEGMENT = 8;

export type GlobProblem =
  | { code: "policy.glob.negated" }
  | { code: "policy.glob.too-long"; max: number }
  | { code: "policy.glob.too-many-patterns"; max: number }
  | { code: "policy.glob.too-many-globstars"; max: number }
  | { code: "policy.glob.too-many-stars"; max: number }
  | { code: "policy.glob.nested-extglob" }
  | { code: "policy.glob.invalid" };

export function checkGlob(pattern: string): GlobProblem | null {
  if (pattern.startsWith("!")) return { code: "policy.glob.negated" };
  if (pattern.length > MAX_GLOB_LENGTH) return { code: "policy.glob.too-long", max: MAX_GLOB_LENGTH };
  // braceExpandMax stops the expansion early: `{a,b}` thirty times would be 2^30 patterns.
  const patterns = braceExpand(pattern, { braceExpandMax: MAX_BRACE_PATTERNS + 1 });
  if (patterns.length > MAX_BRACE_PATTERNS) return { code: "policy.glob.too-many-patterns", max: MAX_BRACE_PATTERNS };

  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      i++;
    } else if ("@!?+*".includes(c) && pattern[i + 1] === "(") {
      depth++;
      i++;
      if (depth > 1) return { code: "policy.glob.nested-extglob" };
    } else if (c === ")" && depth > 0) {
      depth--;
    }
  }

  for (const p of patterns) {
    const segments = p.split("/");
    if (segments.filter((s) => s === "**").length > MAX_GLOBSTARS) return { code: "policy.glob.too-many-globstars", max: MAX_GLOBSTARS };
    for (const s of segments) {
      if (s === "**") continue;
      if ((s.match(/\*+/g) ?? []).length > MAX_STARS_PER_SEGMENT) return { code: "policy.glob.too-many-stars", max: MAX_STARS_PER_SEGMENT };
    }
  }
  try {
    new Minimatch(pattern, { dot: true, braceExpandMax: MAX_BRACE_PATTERNS + 1 });
  } catch {
    return { code: "policy.glob.invalid" };
  }
  return null;
}

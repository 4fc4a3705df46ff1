// Diagnostics of the policy and the registry. A diagnostic's `code` is also its message key in
// the catalog (src/render/messages/en/policy.ts), so each problem has exactly one wording.
import type { Diagnostic, MessageRef, SourcePos } from "../core/types.js";

export function diagnostic(
  severity: Diagnostic["severity"],
  code: string,
  pos: SourcePos,
  params?: MessageRef["params"],
): Diagnostic {
  return { ...pos, severity, code, message: params ? { key: code, params } : { key: code } };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "error");

/** In reading order: by file, line, column (a stable sort keeps equal positions as found). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

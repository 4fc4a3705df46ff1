// Turns zod's issues into diagnostics a secretariat can act on: each one at the file:line:column
// of the offending node (its key for an unknown key, the map that lacks a required key), with a
// catalog message that names the setting and what it may be.
import { z } from "zod";
import type { Diagnostic, SourcePos } from "../core/types.js";
import { diagnostic } from "./diagnostics.js";
import type { DataPath } from "./yaml-source.js";

export type Locate = (path: DataPath, at?: "value" | "key") => SourcePos;

const EXPECTED: Record<string, string> = {
  int: "wholenumber",
  number: "number",
  string: "text",
  boolean: "boolean",
  array: "list",
  object: "map",
  date: "date",
};

/** The nearest named setting of a path: ["decisions", 0, "paths", 2] -> "paths". */
export function fieldOf(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === "string") return seg;
  }
  return "";
}

/** Peels optional/default/prefault/nullable wrappers off a schema. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodNullable) {
      s = s.unwrap() as z.ZodType;
    } else {
      break;
    }
  }
  return s;
}

/** The keys a map may have at `path` in `schema` (for "unknown key" messages). */
export function keysAt(schema: z.ZodType, path: DataPath): string[] {
  let s = unwrap(schema);
  for (const seg of path) {
    if (s instanceof z.ZodObject && typeof seg === "string") {
      const next = (s.shape as Record<string, z.ZodType>)[seg];
      if (!next) return [];
      s = unwrap(next);
    } else if (s instanceof z.ZodArray && typeof seg === "number") {
      s = unwrap(s.element as z.ZodType);
    } else {
      return [];
    }
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape).filter((k) => !k.startsWith("_")) : [];
}

export function schemaDiagnostics(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, locate: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path as DataPath;
    const field = fieldOf(path);
    if (issue.code === "unrecognized_keys") {
      const allowed = keysAt(schema, path).join(", ");
      for (const key of issue.keys) {
        out.push(diagnostic("error", "policy.schema.unknown-key", locate([...path, key], "key"), { key, allowed }));
      }
      continue;
    }
    if ((issue.code === "invalid_type" || issue.code === "invalid_union") && issue.input === undefined) {
      out.push(diagnostic("error", "policy.schema.missing", locate(path), { field }));
      continue;
    }
    if (issue.message.startsWith("policy.")) {
      out.push(diagnostic("error", issue.message, locate(path), { field }));
      continue;
    }
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === undefined) {
          out.push(diagnostic("error", "policy.schema.missing", locate(path), { field }));
        } else {
          out.push(diagnostic("error", "policy.schema.type", locate(path), { field, expected: EXPECTED[issue.expected] ?? "other" }));
        }
        break;
      case "too_small": {
        const min = Number(issue.minimum);
        const code = issue.origin === "array" ? "policy.schema.too-few" : issue.origin === "string" ? "policy.schema.too-short" : "policy.schema.too-small";
        out.push(diagnostic("error", code, locate(path), { field, min }));
        break;
      }
      case "too_big": {
        const max = Number(issue.maximum);
        const code = issue.origin === "array" ? "policy.schema.too-many" : issue.origin === "string" ? "policy.schema.too-long" : "policy.schema.too-big";
        out.push(diagnostic("error", code, locate(path), { field, max }));
        break;
      }
      case "invalid_value":
        out.push(diagnostic("error", "policy.schema.one-of", locate(path), { field, allowed: issue.values.map(String).join(", ") }));
        break;
      default:
        out.push(diagnostic("error", "policy.schema.invalid", locate(path), { field }));
    }
  }
  return out;
}

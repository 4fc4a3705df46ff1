// The README's "Threat model" tables name, for each attack, the test that refuses it: a test file
// (`test/...ts`) followed by the titles of its tests in quotes ("…" at the end of a shortened
// title). Each named file must exist and hold each named title, so that a renamed or deleted test
// cannot leave a row pointing at nothing. A title may be written out from an `it.each` template
// ("two processes, the objection delivered to process…" for "… to process %i"). Nothing is run.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const readme = readFileSync(resolve(root, "README.md"), "utf8");

interface Reference {
  row: string;
  file: string;
  title: string;
}

/** The table rows of the Threat model section, from its heading to the next `## `. */
function threatModelRows(text: string): string[] {
  const start = text.indexOf("\n## Threat model");
  if (start < 0) return [];
  const end = text.indexOf("\n## ", start + 1);
  return text
    .slice(start, end < 0 ? undefined : end)
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| attack") && !line.startsWith("| ---"));
}

/**
 * Each test file a row's "refused by" cell names, with the quoted titles that follow it up to the
 * next `;` (after a `;` the text may quote something else: a check's title, a memo's words).
 */
function referencesOf(row: string): Reference[] {
  const cells = row.split(" | ");
  const refusedBy = cells[cells.length - 1] ?? "";
  const parts = refusedBy.split(/`(test\/[^`]+\.ts)`/);
  const out: Reference[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const file = parts[i]!;
    const after = (parts[i + 1] ?? "").split(";")[0]!;
    const titles = [...after.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    if (titles.length === 0) out.push({ row, file, title: "" });
    for (const title of titles) out.push({ row, file, title });
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether `title` (ending in "…" when shortened, starting with one when only a part of it) names a test title or `it.each` template of `source`. */
function names(source: string, title: string): boolean {
  const shortened = /(?:…|\.\.\.)$/.test(title);
  // "…words…": a part of a title (the rest said by the row before).
  const wanted = title.replace(/(?:…|\.\.\.)$/, "").replace(/^…/, "");
  if (source.includes(wanted)) return true;
  // Templates: any string literal of the file with a printf placeholder; the title may stop
  // anywhere in it when shortened.
  for (const m of source.matchAll(/(["'`])((?:(?!\1)[^\n\\]|\\.)*%[sidfjo#](?:(?!\1)[^\n\\]|\\.)*)\1/g)) {
    const template = m[2]!;
    const cuts = shortened ? [...template].map((_, k) => k + 1) : [template.length];
    for (const cut of cuts) {
      const prefix = template.slice(0, cut);
      if (prefix.endsWith("%")) continue;
      const pattern = prefix.split(/%[sidfjo#]/).map(escape).join(".+?");
      if (new RegExp(`^${pattern}$`, "s").test(wanted)) return true;
    }
  }
  return false;
}

const references = threatModelRows(readme).flatMap(referencesOf);

describe("README threat model: every row points at tests that exist", () => {
  it("finds the tables and the tests they name", () => {
    expect(threatModelRows(readme).length).toBeGreaterThan(50);
    expect(references.length).toBeGreaterThan(50);
  });

  it("reads a row's files and titles, and tells a written-out template from a missing title", () => {
    const row = "| x | y: `test/a.test.ts` \"first…\", \"second\"; a check \"Not a title\"; `test/b.test.ts` |";
    expect(referencesOf(row).map((r) => [r.file, r.title])).toEqual([
      ["test/a.test.ts", "first…"],
      ["test/a.test.ts", "second"],
      ["test/b.test.ts", ""],
    ]);
    const source = 'it.each([0, 1])("two processes, the objection delivered to process %i: every group fails", f);';
    expect(names(source, "two processes, the objection delivered to process…")).toBe(true);
    expect(names(source, "two processes, the objection delivered to process 1: every group fails")).toBe(true);
    expect(names(source, "three processes…")).toBe(false);
    expect(names(source, "two processes, the objection delivered to process 1: no group fails")).toBe(false);
  });

  it.each(references.map((r) => [r.file, r.title, r.row] as const))("%s names %j", (file, title) => {
    const path = resolve(root, file);
    expect(existsSync(path), `${file} does not exist`).toBe(true);
    if (title) expect(names(readFileSync(path, "utf8"), title), `${file} has no test titled ${JSON.stringify(title)}`).toBe(true);
  });
});

// Writes the JSON Schemas of the policy and the registry (schema/*.schema.json) from the zod
// schema, for editors (`# yaml-language-server: $schema=...`). Run after a build:
//   node lib/policy/write-schemas.js
// A test fails when the committed files differ from what this generates.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { SCHEMA_BASE_URL } from "../constants.js";
import { policySchema, registrySchema } from "./schema.js";

export const SCHEMA_FILES = {
  "governance.schema.json": policySchema,
  "stakeholders.schema.json": registrySchema,
} as const;

/** The JSON Schema text of each file, as committed (two-space indent, final newline). */
export function renderSchemas(): Record<keyof typeof SCHEMA_FILES, string> {
  const out = {} as Record<keyof typeof SCHEMA_FILES, string>;
  for (const [file, schema] of Object.entries(SCHEMA_FILES) as Array<[keyof typeof SCHEMA_FILES, z.ZodType]>) {
    // io: "input": keys with a default are optional in the file the user writes. A `declared`
    // date may be a YAML date, which JSON Schema sees as a string: "any" for the Date branch.
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
    // Where the file is served once the package is published (constants.ts).
    const { $schema, ...rest } = json as Record<string, unknown>;
    out[file] = `${JSON.stringify({ $schema, $id: `${SCHEMA_BASE_URL}${file}`, ...rest }, null, 2)}\n`;
  }
  return out;
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "schema");
  mkdirSync(root, { recursive: true });
  for (const [file, text] of Object.entries(renderSchemas())) writeFileSync(resolve(root, file), text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

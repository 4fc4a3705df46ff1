import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SCHEMA_BASE_URL, SCHEMA_CHANNEL } from "../../src/constants.js";
import { renderSchemas } from "../../src/policy/write-schemas.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Every YAML file under a folder. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith(".yml") ? [path] : [];
  });
}

describe("JSON Schemas in schema/", () => {
  it.each(Object.entries(renderSchemas()))("%s is what the zod schema generates (run `npm run build && node lib/policy/write-schemas.js`)", (file, text) => {
    expect(readFileSync(new URL(`../../schema/${file}`, import.meta.url), "utf8")).toBe(text);
  });

  it("documents the bounds of numbers and the hostile-input limits of globs", () => {
    const schema = JSON.parse(renderSchemas()["governance.schema.json"]) as Record<string, unknown>;
    const text = JSON.stringify(schema);
    expect(text).toContain('"maximum":3650');
    expect(text).toContain("expanding into at most 16 patterns");
    expect(text).toContain('"minProperties":1');
  });

  it("are published where the examples point editors: the package's schema/ folder, on the channel of this version", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    // 0.x: a minor may change the schema, so the channel is major.minor; from 1.0, the major.
    expect(SCHEMA_CHANNEL).toBe(version.startsWith("0.") ? version.split(".").slice(0, 2).join(".") : version.split(".")[0]);
    const examples = yamlFiles(join(ROOT, "config"));
    const pointed = examples.flatMap((path) => {
      const first = readFileSync(path, "utf8").split("\n")[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      return m ? [[relative(ROOT, path), m[1]!] as const] : [];
    });
    expect(pointed.length).toBeGreaterThanOrEqual(6);
    for (const [path, url] of pointed) {
      expect(url, path).toMatch(new RegExp(`^${SCHEMA_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
      const file = url.slice(SCHEMA_BASE_URL.length);
      const schema = JSON.parse(readFileSync(join(ROOT, "schema", file), "utf8")) as { $id: string };
      expect(schema.$id, path).toBe(url);
    }
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchemas } from "../../src/policy/write-schemas.js";

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
});

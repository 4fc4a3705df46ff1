// Issue 16, item 6: the Action runs on the Node.js that GitHub keeps (node24; node20 is being
// retired), and its bundle is built for that same Node.js.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

describe("the Action's runtime", () => {
  it("is node24, and dist/action.js is built for it", () => {
    const action = parse(readFileSync(resolve(ROOT, "action.yml"), "utf8")) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: "node24", main: "dist/action.js" });
    const scripts = (JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["build:action"]).toMatch(/ --target=node24 /);
    expect(scripts["build:action"]).toMatch(/--outfile=dist\/action\.js$/);
  });
});

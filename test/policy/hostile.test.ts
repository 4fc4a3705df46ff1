// Files built to hurt a long-running server: each is refused with a clear error (never a crash,
// never a hang). Durations are not asserted (SPEC.md: performance is measured by the bench).
import { describe, expect, it } from "vitest";
import { notUtf8At } from "../../src/policy/yaml-source.js";
import { MAX_CONFIG_BYTES, MAX_YAML_ALIASES, MAX_YAML_DEPTH, MAX_YAML_NODES } from "../../src/constants.js";
import { parsePolicy } from "../../src/policy/policy.js";
import { parseRegistry } from "../../src/policy/registry.js";
import { t } from "../../src/render/i18n.js";

const SECTORS = "sectors:\n  - id: gov\n    name: G\n  - id: biz\n    name: B\n";

const billionLaughs = (() => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  return `${lines.join("\n")}\n`;
})();

const ROWS: Array<[string, string | Uint8Array, string, number, number, string]> = [
  ["a file over the size limit", SECTORS + `# ${"x".repeat(MAX_CONFIG_BYTES)}\n`, "policy.file.too-large", 1, 1, "This file is larger than 256 KB, the most the app reads. Make it smaller."],
  ["bytes over the size limit", new Uint8Array(MAX_CONFIG_BYTES + 1).fill(0x20), "policy.file.too-large", 1, 1, "This file is larger than 256 KB, the most the app reads. Make it smaller."],
  ["non-UTF-8 bytes", Uint8Array.from([...Buffer.from("sectors:\n  - id: caf"), 0xe9, 0x0a]), "policy.file.not-utf8", 2, 12, "This file is not UTF-8 text. Save it again with the UTF-8 encoding."],
  ["a billion laughs", billionLaughs, "policy.yaml.alias-expansion", 1, 1, `The YAML aliases (\`*name\`) in this file would expand into too many values (more than ${MAX_YAML_ALIASES}), or point to an anchor that does not exist. Write the values out instead.`],
  ["too many aliases", `a: &a x\nb: [${Array(MAX_YAML_ALIASES + 1).fill("*a").join(", ")}]\n`, "policy.yaml.too-many-aliases", 2, 405, `This file uses more than ${MAX_YAML_ALIASES} YAML aliases (\`*name\`). Write the values out instead.`],
  ["tens of thousands of keys", Array.from({ length: 22_000 }, (_, i) => `k${i}: 1`).join("\n"), "policy.yaml.too-many-nodes", 10000, 8, `This file has more than ${MAX_YAML_NODES} values. Make it smaller.`],
  ["deep flow nesting", `a: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`, "policy.yaml.too-deep", 1, 68, `The settings are nested more than ${MAX_YAML_DEPTH} levels deep here. Simplify the file.`],
  ["deep block nesting", Array.from({ length: 100 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n", "policy.yaml.too-deep", 65, 65, `The settings are nested more than ${MAX_YAML_DEPTH} levels deep here. Simplify the file.`],
  ["an alias to no anchor", `${SECTORS}registry: *nowhere\n`, "policy.yaml.alias-expansion", 1, 1, `The YAML aliases (\`*name\`) in this file would expand into too many values (more than ${MAX_YAML_ALIASES}), or point to an anchor that does not exist. Write the values out instead.`],
];

describe("hostile input", () => {
  it.each(ROWS)("refuses %s", (_name, input, code, line, column, message) => {
    for (const diagnostics of [parsePolicy(input, "g.yml").diagnostics, parseRegistry(input, "S.yml", parsePolicy(SECTORS, "g.yml").policy!).diagnostics]) {
      expect(diagnostics).toHaveLength(1);
      const [d] = diagnostics;
      expect([d!.severity, d!.code, d!.line, d!.column, t("en", d!.message)]).toEqual(["error", code, line, column, message]);
    }
  });

  it.each([
    ["a glob that expands into many patterns", "{a,b}".repeat(40), "policy.glob.too-many-patterns"],
    ["a numeric range", "docs/{1..100000}.md", "policy.glob.too-many-patterns"],
    ["many stars in one name", "*a*b*c*d*e*f*g*h*i*j", "policy.glob.too-many-stars"],
  ])("refuses %s", (_name, glob, code) => {
    const r = parsePolicy(`${SECTORS}decisions:\n  - id: k\n    name: K\n    paths: ["${glob}"]\n`, "g.yml");
    expect(r.policy).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([[code, 9, 13]]);
  });

  it("accepts a BOM and still counts positions from the first real character", () => {
    const r = parsePolicy(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(`${SECTORS}foo: 1\n`)]), "g.yml");
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["policy.schema.unknown-key", 6, 1]]);
  });
});

describe("the position of the first byte that is not UTF-8", () => {
  const at = (...parts: Array<string | number[]>) => notUtf8At(Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p)] : p))), "f.yml");
  it.each([
    ["a stray byte on the first line", at("ab", [0xff], "c\n"), 1, 3],
    ["after valid multi-byte characters (columns count characters)", at("x: «é»\ny: 日本", [0xc3, 0x28]), 2, 6],
    ["a character cut at the end of the file", at("a\nbb\nccc", [0xe2, 0x82]), 3, 4],
    ["a continuation byte with no lead", at("\n\n  k: ", [0x80]), 3, 6],
  ])("%s", (_name, pos, line, column) => {
    expect(pos).toEqual({ file: "f.yml", line, column });
  });
});

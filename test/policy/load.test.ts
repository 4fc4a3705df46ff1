import { describe, expect, it } from "vitest";
import { type FileRef, type ReadFile, loadPolicy, parseExtendsRef } from "../../src/policy/load.js";
import { t } from "../../src/render/i18n.js";

const SECTORS = "sectors:\n  - id: gov\n    name: G\n  - id: biz\n    name: B\n";

/** A fake GitHub: files by "owner/repo:path"; records every read. */
function repoFiles(files: Record<string, string>): { read: ReadFile; reads: string[] } {
  const reads: string[] = [];
  const read: ReadFile = async (ref: FileRef) => {
    const key = `${ref.owner}/${ref.repo}:${ref.path}`;
    reads.push(key);
    const text = files[key];
    return text === undefined ? null : { text, file: key };
  };
  return { read, reads };
}

const REPO = { owner: "org", repo: "app" };

describe("loadPolicy", () => {
  it("returns null for a repository that is not governed, after trying the org's .github", async () => {
    const { read, reads } = repoFiles({});
    expect(await loadPolicy(read, REPO)).toBeNull();
    expect(reads).toEqual(["org/app:.github/governance.yml", "org/.github:.github/governance.yml"]);
  });

  it("falls back to the organisation's .github repository; this repository's .github/governance.yml, which it has not yet, is still a rules file", async () => {
    const { read } = repoFiles({ "org/.github:.github/governance.yml": SECTORS });
    const r = await loadPolicy(read, REPO);
    expect(r!.policy!.path).toBe("org/.github:.github/governance.yml");
    // Adding it would change the rules: a governance decision.
    expect(r!.policy!.rulesFiles).toEqual([".github/governance.yml", "STAKEHOLDERS.yml"]);
    expect(r!.policy!.decisions[0]!.paths).toEqual([".github/governance.yml", "STAKEHOLDERS.yml"]);
  });

  it("makes every base in this repository a rules file, and none of another repository's", async () => {
    const { read } = repoFiles({
      "org/app:.github/governance.yml": "_extends: app:rules/base.yml\nregistry: people/STAKEHOLDERS.yml\n",
      "org/app:rules/base.yml": "_extends: org/shared:policy.yml\ntransparency:\n  report: off\n",
      "org/shared:policy.yml": SECTORS,
    });
    const r = await loadPolicy(read, REPO);
    expect(r!.diagnostics).toEqual([]);
    expect(r!.policy!.rulesFiles).toEqual([".github/governance.yml", "rules/base.yml", "people/STAKEHOLDERS.yml"]);
  });

  it("makes a base of the organisation's policy that is in this repository a rules file of it", async () => {
    const { read } = repoFiles({ "org/.github:.github/governance.yml": "_extends: app:org-rules.yml\n", "org/app:org-rules.yml": SECTORS });
    const r = await loadPolicy(read, REPO);
    expect(r!.policy!.rulesFiles).toEqual([".github/governance.yml", "org-rules.yml", "STAKEHOLDERS.yml"]);
  });

  it("replaces each top-level key of the base whole: lists are never concatenated", async () => {
    const { read } = repoFiles({
      "org/.github:.github/governance.yml": `${SECTORS}  - id: civ\n    name: C\ntransparency:\n  labels: [a, b]\n  language: fr\ndecisions:\n  - id: base\n    name: Base\n    labels: [x]\n`,
      "org/app:.github/governance.yml": "_extends: .github\ntransparency:\n  labels: [c]\n",
    });
    const r = await loadPolicy(read, REPO);
    expect(r!.diagnostics).toEqual([]);
    expect(r!.extendsRef).toBe(".github");
    const p = r!.policy!;
    expect(p.sectors.map((s) => s.id)).toEqual(["gov", "biz", "civ"]);
    expect(p.transparency).toEqual({ log: true, report: "monthly", labels: ["c"], language: "en" });
    expect(p.decisions.map((d) => d.id)).toEqual(["base", "governance"]);
    expect(p.path).toBe("org/app:.github/governance.yml");
  });

  it("points errors into the file they are in", async () => {
    const { read } = repoFiles({
      "org/base:.github/governance.yml": `${SECTORS}decisions:\n  - id: k\n    name: K\n    labels: [k]\n    sign_off: { sectors: 3 }\n`,
      "org/app:.github/governance.yml": "_extends: base\nregistry: 7\n",
    });
    const r = await loadPolicy(read, REPO);
    expect(r!.policy).toBeNull();
    expect(r!.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ["org/app:.github/governance.yml", 2, 11, "policy.schema.type"],
    ]);
    const { read: read2 } = repoFiles({
      "org/base:.github/governance.yml": `${SECTORS}decisions:\n  - id: k\n    name: K\n    labels: [k]\n    sign_off: { sectors: 3 }\n`,
      "org/app:.github/governance.yml": "_extends: base\n",
    });
    const r2 = await loadPolicy(read2, REPO);
    expect(r2!.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ["org/base:.github/governance.yml", 10, 26, "policy.sign-off.sectors-above-count"],
    ]);
  });

  it.each([
    [
      "a missing base",
      { "org/app:.github/governance.yml": `${SECTORS}_extends: other/repo:base.yml\n` },
      [["org/app:.github/governance.yml", 6, 11, "policy.extends.not-found", "The base policy `other/repo:base.yml` does not exist. Check `_extends`."]],
    ],
    [
      "a cycle",
      {
        "org/app:.github/governance.yml": "_extends: org/b\n",
        "org/b:.github/governance.yml": "_extends: org/app\n",
      },
      [["org/b:.github/governance.yml", 1, 11, "policy.extends.cycle", "`_extends` comes back to `org/app:.github/governance.yml`, which is already part of this policy. Remove the loop."]],
    ],
    [
      "a chain too long",
      Object.fromEntries([
        ["org/app:.github/governance.yml", "_extends: r1\n"],
        ...Array.from({ length: 8 }, (_, i) => [`org/r${i + 1}:.github/governance.yml`, `_extends: r${i + 2}\n`]),
      ]),
      [["org/r5:.github/governance.yml", 1, 11, "policy.extends.too-deep", "Policies extend each other more than 5 levels deep. Shorten the chain of `_extends`."]],
    ],
    [
      "a reference that is no repository",
      { "org/app:.github/governance.yml": `${SECTORS}_extends: "a b/c"\n` },
      [["org/app:.github/governance.yml", 6, 11, "policy.extends.format", "`_extends: a b/c` is not a policy to extend. Write `.github`, `owner/repo`, or `owner/repo:path.yml`."]],
    ],
  ])("reports %s at the `_extends` that causes it", async (_n, files, expected) => {
    const { read } = repoFiles(files as Record<string, string>);
    const r = await loadPolicy(read, REPO);
    expect(r!.policy).toBeNull();
    expect(r!.diagnostics.map((d) => [d.file, d.line, d.column, d.code, t("en", d.message)])).toEqual(expected);
  });
});

describe("parseExtendsRef", () => {
  it.each([
    [".github", { owner: "me", repo: ".github", path: ".github/governance.yml" }],
    ["shared", { owner: "me", repo: "shared", path: ".github/governance.yml" }],
    ["org/repo", { owner: "org", repo: "repo", path: ".github/governance.yml" }],
    ["org/repo:policies/base.yml", { owner: "org", repo: "repo", path: "policies/base.yml" }],
    ["org/repo:../x.yml", null],
    ["a/b/c", null],
  ])("%s", (text, expected) => {
    expect(parseExtendsRef(text, "me")).toEqual(expected);
  });
});

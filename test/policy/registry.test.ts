import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Policy } from "../../src/core/types.js";
import { parsePolicy } from "../../src/policy/policy.js";
import { isRealDate, parseRegistry, policyWarnings, registryLocationOf } from "../../src/policy/registry.js";
import { t } from "../../src/render/i18n.js";
import { userId } from "../e2e/standin/standin.js";

const SECTORS = "sectors:\n  - id: gov\n    name: Government\n  - id: biz\n    name: Business\n  - id: civ\n    name: Civil society\n";
const policyOf = (extra = ""): Policy => {
  const r = parsePolicy(SECTORS + extra, "g.yml");
  if (!r.policy) throw new Error(JSON.stringify(r.diagnostics));
  return r.policy;
};
const POLICY = policyOf();
/** An entry, with its account id after its other fields (so that the positions of these stay put). */
const entry = (login: string, extra = "", sector = "gov", declared = "2026-03-01", id: number | null = userId(login)) =>
  `  - login: ${login}\n    sector: ${sector}\n    organisation: Org\n    declared: ${declared}\n    interests: none\n${id === null ? "" : `    id: ${id}\n`}${extra}`;

describe("parseRegistry", () => {
  it("reads no file as an empty registry", () => {
    expect(parseRegistry(null, "STAKEHOLDERS.yml", POLICY)).toEqual({ registry: { path: "STAKEHOLDERS.yml", entries: [] }, diagnostics: [] });
  });

  it.each([
    ["an unquoted date", entry("alice"), "2026-03-01"],
    ["a quoted date", entry("alice", "", "gov", '"2026-03-01"'), "2026-03-01"],
  ])("normalises %s", (_n, text, declared) => {
    const r = parseRegistry(`stakeholders:\n${text}`, "S.yml", POLICY);
    expect(r.diagnostics).toEqual([]);
    expect(r.registry!.entries).toEqual([
      { login: "alice", id: userId("alice"), sector: "gov", organisation: "Org", declared, interests: "none", voter: true, pos: { file: "S.yml", line: 2, column: 5 } },
    ]);
  });

  it("keeps observers and the login as written", () => {
    const r = parseRegistry(`stakeholders:\n${entry("Zoe-X", "    voter: false\n", "biz")}`, "S.yml", POLICY);
    expect(r.registry!.entries[0]).toMatchObject({ login: "Zoe-X", voter: false, sector: "biz" });
  });

  it("reads each entry's account id, and reports an entry without one, which the core does not count (ids: required)", () => {
    const r = parseRegistry(`stakeholders:\n${entry("alice")}${entry("bob", "", "biz", "2026-03-01", null)}`, "S.yml", POLICY);
    expect(r.registry!.entries.map((e) => [e.login, e.id])).toEqual([
      ["alice", userId("alice")],
      ["bob", undefined],
    ]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column, t("en", d.message)])).toEqual([
      ["error", "policy.registry.no-id", 8, 12, "The declaration of `bob` gives no account `id`, which the policy requires. Add the account’s numeric GitHub user id (`gh api users/bob --jq .id`). Until then it is not current."],
    ]);
  });

  it("takes an entry without an id as it is where the policy says ids: optional", () => {
    const optional = policyOf("declarations:\n  ids: optional\n");
    const r = parseRegistry(`stakeholders:\n${entry("bob", "", "biz", "2026-03-01", null)}`, "S.yml", optional);
    expect(r.diagnostics).toEqual([]);
    expect(r.registry!.entries[0]).toMatchObject({ login: "bob" });
    expect(r.registry!.entries[0]!.id).toBeUndefined();
  });

  it.each<[string, string, Array<[string, number, number, string]>]>([
    [
      "an unknown key",
      `stakeholders:\n${entry("alice", "    role: chair\n")}`,
      [["policy.schema.unknown-key", 8, 5, "`role` is not a setting here. Check its spelling, or remove it. Allowed here: login, id, sector, organisation, declared, interests, voter."]],
    ],
    ["a wrong type", `stakeholders:\n${entry("alice", "    voter: maybe\n")}`, [["policy.schema.type", 8, 12, "`voter` must be true or false."]]],
    [
      "a login twice, in another case",
      `stakeholders:\n${entry("alice")}${entry("Alice", "", "biz")}`,
      [["policy.registry.duplicate-login", 8, 12, "`Alice` is declared more than once (first on line 2). Each person declares once, for one sector."]],
    ],
    [
      "an account id twice, under two logins (one account, renamed, declaring again)",
      `stakeholders:\n${entry("alice")}${entry("alice-new", "", "biz", "2026-03-01", userId("alice"))}`,
      [["policy.registry.duplicate-id", 13, 9, `The account id ${userId("alice")} of \`alice-new\` is already declared for \`alice\` (line 7). An account declares once, for one sector, whatever its login.`]],
    ],
    [
      "an id that is not a whole number",
      `stakeholders:\n${entry("alice", "    id: alice\n", "gov", "2026-03-01", null)}`,
      [["policy.registry.id-type", 7, 9, "`id` must be the account’s numeric GitHub user id, a whole number like 5834017. Find it with `gh api users/LOGIN --jq .id`."]],
    ],
    [
      "an id that is no account's (zero)",
      `stakeholders:\n${entry("alice", "", "gov", "2026-03-01", 0)}`,
      [["policy.registry.id-type", 7, 9, "`id` must be the account’s numeric GitHub user id, a whole number like 5834017. Find it with `gh api users/LOGIN --jq .id`."]],
    ],
    [
      "a login GitHub cannot have",
      `stakeholders:\n${entry("al ice")}`,
      [["policy.login.format", 2, 12, "`login` must be a GitHub login: letters, digits and single hyphens, at most 39 characters."]],
    ],
    ["a missing field", "stakeholders:\n  - login: alice\n    sector: gov\n    organisation: Org\n    interests: none\n", [["policy.schema.missing", 2, 5, "`declared` is required here. Add it."]]],
    ["not a map", "- alice\n", [["policy.registry.not-a-map", 1, 1, "The registry must start with `stakeholders:`, followed by a list of declarations."]]],
    ["YAML errors", "stakeholders: [\n", [["policy.yaml.syntax", 2, 1, "This is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]). Check the indentation (spaces, not tabs) and that every quote and bracket is closed."]]],
  ])("makes the file invalid for %s", (_n, text, expected) => {
    const r = parseRegistry(text, "S.yml", POLICY);
    expect(r.registry).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, t("en", d.message)])).toEqual(expected);
  });

  it.each([
    [
      "a sector the policy does not declare",
      entry("alice", "", "academia"),
      { code: "unknown-sector", sector: "academia" },
      ["policy.registry.unknown-sector", 3, 13, "The declaration of `alice` names the sector `academia`, which the policy does not declare. Use one of: gov, biz, civ. Until then it is not current."],
    ],
    [
      "a date that does not exist",
      entry("alice", "", "gov", "2026-02-30"),
      { code: "invalid-date", value: "2026-02-30" },
      ["policy.registry.invalid-date", 5, 15, "The declaration of `alice` is dated `2026-02-30`, which is not a date of the calendar. Write it YYYY-MM-DD, like 2026-03-01. Until then it is not current."],
    ],
    [
      "a date in another format",
      entry("alice", "", "gov", "1 March 2026"),
      { code: "invalid-date", value: "1 March 2026" },
      ["policy.registry.invalid-date", 5, 15, "The declaration of `alice` is dated `1 March 2026`, which is not a date of the calendar. Write it YYYY-MM-DD, like 2026-03-01. Until then it is not current."],
    ],
  ])("marks one entry for %s, and reports it as an error", (_n, text, problem, diag) => {
    const r = parseRegistry(`stakeholders:\n${entry("bob")}${text}`.replace("login: bob", "login: bob"), "S.yml", POLICY);
    expect(r.registry).not.toBeNull();
    expect(r.registry!.entries[0]!.problem).toBeUndefined();
    expect(r.registry!.entries[1]!.problem).toEqual(problem);
    const [code, line, column, message] = diag as [string, number, number, string];
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column, t("en", d.message)])).toEqual([["error", code, line + 6, column, message]]);
  });

  it("accepts a YAML date value (loaders that read unquoted dates as dates)", () => {
    expect(isRealDate("2028-02-29")).toBe(true);
    expect(isRealDate("2026-02-29")).toBe(false);
    expect(isRealDate("2026-13-01")).toBe(false);
  });

  it("the example registry in config/ validates against the example policy", () => {
    const policy = parsePolicy(readFileSync(new URL("../../config/governance.yml", import.meta.url)), ".github/governance.yml").policy!;
    const r = parseRegistry(readFileSync(new URL("../../config/STAKEHOLDERS.yml", import.meta.url)), "STAKEHOLDERS.yml", policy);
    expect(r.diagnostics).toEqual([]);
    expect(r.registry!.entries.map((e) => [e.login, e.sector, e.voter])).toEqual([
      ["alice", "civil-society", true],
      ["bob", "government", true],
      ["carol", "business", true],
      ["dan", "international", true],
      ["zoe", "business", false],
    ]);
    expect(policyWarnings(policy, r.registry)).toEqual([]);
  });
});

describe("registryLocationOf", () => {
  it.each([
    ["", { owner: "o", repo: "r", path: "STAKEHOLDERS.yml" }],
    ["registry: people/list.yml\n", { owner: "o", repo: "r", path: "people/list.yml" }],
    ["registry: org/gov:STAKEHOLDERS.yml\n", { owner: "org", repo: "gov", path: "STAKEHOLDERS.yml" }],
  ])("%j", (extra, expected) => {
    expect(registryLocationOf(policyOf(extra), { owner: "o", repo: "r" })).toEqual(expected);
  });
});

describe("policyWarnings", () => {
  const rulePolicy = policyOf(`decisions:
  - id: motion
    name: Motion
    labels: [motion]
    rule:
      all:
        - approvals: { at_least: 1/2, of: cast, in: each }
        - approvals: { at_least: 2/3, of: cast, weights: equal }
        - approvals: { at_least: 1, in: biz }
`);
  it("warns about sectors without voters that in: each / weights: equal / a named sector need", () => {
    const reg = parseRegistry(`stakeholders:\n${entry("alice")}${entry("zoe", "    voter: false\n", "biz")}`, "S.yml", rulePolicy).registry;
    const w = policyWarnings(rulePolicy, reg);
    expect(w.map((d) => [d.severity, d.code, d.line, d.column, t("en", d.message)])).toEqual([
      ["warning", "policy.rule.sector-without-voters", 14, 11, "Sector `biz` has no voters in the registry, so the kind `motion` cannot be decided until someone of that sector declares."],
      ["warning", "policy.rule.sector-without-voters", 14, 11, "Sector `civ` has no voters in the registry, so the kind `motion` cannot be decided until someone of that sector declares."],
    ]);
  });
  it("says nothing when every sector has a voter, or without a registry", () => {
    const reg = parseRegistry(`stakeholders:\n${entry("a")}${entry("b", "", "biz")}${entry("c", "", "civ")}`, "S.yml", rulePolicy).registry;
    expect(policyWarnings(rulePolicy, reg)).toEqual([]);
    expect(policyWarnings(rulePolicy, null)).toEqual([]);
  });
});

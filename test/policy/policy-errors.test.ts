// Every error SPEC.md names, with its exact code, position and words. Positions are 1-based
// line:column of the node a secretariat has to change.
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/policy/policy.js";
import { t } from "../../src/render/i18n.js";

const SECTORS = "sectors:\n  - id: gov\n    name: Government\n  - id: biz\n    name: Business\n  - id: civ\n    name: Civil society\n";

type Row = [name: string, text: string, errors: Array<[code: string, line: number, column: number, message: string]>];

const ROWS: Row[] = [
  [
    "unknown top-level key",
    SECTORS + "sector_names: x\n",
    [["policy.schema.unknown-key",8,1,"`sector_names` is not a setting here. Check its spelling, or remove it. Allowed here: sectors, registry, declarations, decisions, transparency."]],
  ],
  [
    "unknown key in a sector",
    "sectors:\n  - id: gov\n    name: G\n    colour: red\n  - id: biz\n    name: B\n",
    [["policy.schema.unknown-key",4,5,"`colour` is not a setting here. Check its spelling, or remove it. Allowed here: id, name."]],
  ],
  [
    "wrong type",
    SECTORS + "declarations:\n  renew_after_days: soon\n",
    [["policy.schema.type",9,21,"`renew_after_days` must be a number."]],
  ],
  [
    "missing sectors",
    "registry: S.yml\n",
    [["policy.schema.missing",1,1,"`sectors` is required here. Add it."]],
  ],
  [
    "too few sectors",
    "sectors:\n  - id: gov\n    name: G\n",
    [["policy.schema.too-few",2,3,"`sectors` needs at least 2 entries."]],
  ],
  [
    "missing name",
    "sectors:\n  - id: gov\n  - id: biz\n    name: B\n",
    [["policy.schema.missing",2,5,"`name` is required here. Add it."]],
  ],
  [
    "id with capitals",
    "sectors:\n  - id: Gov\n    name: G\n  - id: biz\n    name: B\n",
    [["policy.id.format",2,9,"`id` may contain only lowercase letters (a-z), digits and hyphens, like `civil-society`."]],
  ],
  [
    "id with odd unicode",
    "sectors:\n  - id: gοv\n    name: G\n  - id: biz\n    name: B\n",
    [["policy.id.format",2,9,"`id` may contain only lowercase letters (a-z), digits and hyphens, like `civil-society`."]],
  ],
  [
    "duplicate sector id",
    "sectors:\n  - id: gov\n    name: G\n  - id: gov\n    name: B\n",
    [["policy.sectors.duplicate-id",4,9,"The sector id `gov` is already used (line 2). Each sector needs its own id."]],
  ],
  [
    "duplicate decision id",
    SECTORS + "decisions:\n  - id: a\n    name: A\n    labels: [a]\n  - id: a\n    name: B\n    labels: [b]\n",
    [["policy.decisions.duplicate-id",12,9,"The decision kind id `a` is already used (line 9). Each kind needs its own id."]],
  ],
  [
    "number above its bound",
    SECTORS + "declarations:\n  renew_after_days: 5000\n",
    [["policy.schema.too-big",9,21,"`renew_after_days` can be at most 3650."]],
  ],
  [
    "enum",
    SECTORS + "transparency:\n  report: daily\n",
    [["policy.schema.one-of",9,11,"`report` must be one of: weekly, monthly, quarterly, off."]],
  ],
  [
    "language",
    SECTORS + "transparency:\n  language: de\n",
    [["policy.schema.one-of",9,13,"`language` must be one of: en, fr, es, ru, zh, ar."]],
  ],
  [
    "bad registry ref",
    SECTORS + "registry: ../outside.yml\n",
    [["policy.registry-ref.format",8,11,"`registry: ../outside.yml` is neither a path in this repository (like `STAKEHOLDERS.yml`) nor a file of another repository (like `my-org/governance:STAKEHOLDERS.yml`)."]],
  ],
  [
    "bad exempt login",
    SECTORS + "declarations:\n  exempt: [\"not a login\"]\n",
    [["policy.login.format",9,12,"`exempt` must be a GitHub login: letters, digits and single hyphens, at most 39 characters."]],
  ],
  [
    "sign_off sectors above count",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    sign_off: { sectors: 4 }\n",
    [["policy.sign-off.sectors-above-count",12,26,"`sectors: 4` asks for more sectors than the policy declares (3). Lower it to 3 or less."]],
  ],
  [
    "approvals below sectors",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    sign_off: { sectors: 3, approvals: 2 }\n",
    [["policy.sign-off.approvals-below-sectors",12,40,"`approvals: 2` is below `sectors: 3`: every sector needs at least one approval. Raise `approvals` to 3 or more."]],
  ],
  [
    "required above sectors",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    sign_off: { sectors: 1, required_sectors: [gov, biz] }\n",
    [["policy.sign-off.required-above-sectors",12,47,"2 sectors are listed in `required_sectors`, but `sectors` asks for only 1. Raise `sectors` to at least 2, or list fewer."]],
  ],
  [
    "cap too low",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    sign_off: { sectors: 2, approvals: 7, max_per_sector: 2 }\n",
    [["policy.sign-off.cap-too-low",12,59,"With `max_per_sector: 2` and 3 sectors, at most 2 × 3 approvals can count, fewer than `approvals: 7`. Raise `max_per_sector` or lower `approvals`."]],
  ],
  [
    "unknown required sector",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    sign_off:\n      required_sectors: [academia]\n",
    [["policy.sector-ref.unknown",13,26,"`academia` is not a sector of this policy. Use one of: gov, biz, civ."]],
  ],
  [
    "negated glob",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    paths: [\"docs/**\", \"!docs/draft.md\"]\n",
    [["policy.glob.negated",11,24,"`!docs/draft.md` starts with `!`. Exclusions are not supported: list only the files that make a pull request this kind."]],
  ],
  [
    "brace bomb glob",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    paths: [\"{a,b}{c,d}{e,f}{g,h}{i,j}/x\"]\n",
    [["policy.glob.too-many-patterns",11,13,"`{a,b}{c,d}{e,f}{g,h}{i,j}/x` expands into more than 16 patterns through its braces. Write it more simply."]],
  ],
  [
    "too many globstars",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    paths: [\"**/a/**/b/**/c/**/d/**/e\"]\n",
    [["policy.glob.too-many-globstars",11,13,"`**/a/**/b/**/c/**/d/**/e` has more than 4 `**`. Write it more simply."]],
  ],
  [
    "nested extglob",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    paths: [\"+(a|*(b|c))\"]\n",
    [["policy.glob.nested-extglob",11,13,"`+(a|*(b|c))` nests one pattern group inside another, like `@(a|+(b))`. Write it more simply."]],
  ],
  [
    "glob too long",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    paths: [\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"]\n",
    [["policy.schema.too-long",11,13,"`paths` can be at most 256 characters long."]],
  ],
  [
    "governance one sector (sign_off)",
    SECTORS + "decisions:\n  - id: governance\n    name: G\n    sign_off: { sectors: 1 }\n",
    [["policy.governance.one-sector",11,26,"The `governance` kind must need approvals from at least 2 sectors, so that no sector can change the rules alone. Use `sign_off: { sectors: 2 }` or more, or a rule that starts with `all:` holding `sectors: { at_least: 2 }`."]],
  ],
  [
    "governance one sector (rule)",
    SECTORS + "decisions:\n  - id: governance\n    name: G\n    rule:\n      approvals: { at_least: 2/3, of: cast }\n",
    [["policy.governance.one-sector",11,5,"The `governance` kind must need approvals from at least 2 sectors, so that no sector can change the rules alone. Use `sign_off: { sectors: 2 }` or more, or a rule that starts with `all:` holding `sectors: { at_least: 2 }`."]],
  ],
  [
    "sign_off and rule",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    sign_off: { sectors: 2 }\n    rule:\n      sectors: { at_least: 2 }\n",
    [["policy.kind.sign-off-and-rule",13,5,"The kind `k` has both `sign_off` and `rule`. Keep one of them."]],
  ],
  [
    "empty all",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      all: []\n",
    [["policy.rule.empty",13,12,"`all` must list at least one condition."]],
  ],
  [
    "empty condition",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule: {}\n",
    [["policy.rule.no-condition",12,11,"This condition is empty. Write one of: `approvals`, `quorum`, `sectors`, `all`, `any`."]],
  ],
  [
    "two conditions in one",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      sectors: { at_least: 2 }\n      quorum: { at_least: 1/2 }\n",
    [["policy.rule.several-conditions",13,7,"One condition has several parts (quorum, sectors). Put each in its own list entry under `all:` or `any:`."]],
  ],
  [
    "too deep",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      all: [ { all: [ { all: [ { all: [ { all: [ { all: [ { all: [ { all: [ { all: [ { sectors: { at_least: 2 } } ] } ] } ] } ] } ] } ] } ] } ] } ]\n",
    [["policy.rule.too-deep",13,77,"Conditions are nested more than 8 levels deep. Simplify the rule."]],
  ],
  [
    "fraction above 1",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 3/2, of: cast }\n",
    [["policy.rule.share-above-one",13,30,"3/2 is more than 1: a share can be at most 1 (everyone)."]],
  ],
  [
    "more than everyone",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { more_than: 1/1, of: cast }\n",
    [["policy.rule.more-than-all",13,31,"More than 1/1 (everyone) can never happen. Use `at_least: 1` to ask for everyone."]],
  ],
  [
    "count where a share is needed",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      quorum: { at_least: 3, in: each }\n",
    [["policy.rule.share-needed",13,27,"A quorum is a share of the registered voters: write a fraction such as `1/2`, not the number 3."]],
  ],
  [
    "of missing",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 2/3, in: each }\n",
    [["policy.rule.of-missing",13,30,"2/3 is a share: add `of: cast`, `of: present` or `of: registered` to say of which votes. For a number of \"yes\" votes, write a whole number."]],
  ],
  [
    "of misplaced",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 2, of: cast }\n",
    [["policy.rule.of-with-count",13,33,"`of` goes only with a fraction. 2 is a number of \"yes\" votes: remove `of`, or write a fraction such as `2/3`."]],
  ],
  [
    "both at_least and more_than",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 2, more_than: 1 }\n",
    [["policy.rule.threshold-both",13,33,"Use either `at_least` or `more_than`, not both."]],
  ],
  [
    "neither at_least nor more_than",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { in: each }\n",
    [["policy.rule.threshold-missing",13,18,"Say how many: add `at_least` or `more_than`."]],
  ],
  [
    "unknown sector in in",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 1, in: academia }\n",
    [["policy.scope.unknown",13,37,"`in: academia` names no sector of this policy. Write `all`, `each`, or one of: gov, biz, civ."]],
  ],
  [
    "unknown sector in a list",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 1, in: [gov, academia] }\n",
    [["policy.sector-ref.unknown",13,43,"`academia` is not a sector of this policy. Use one of: gov, biz, civ."]],
  ],
  [
    "weights without in all",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 1/2, of: cast, in: each, weights: equal }\n",
    [["policy.rule.weights-needs-all",13,55,"`weights` applies only to `in: all` (the votes of all sectors pooled). Remove it, or use `in: all`."]],
  ],
  [
    "cap with a share",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 1/2, of: cast, max_per_sector: 2 }\n",
    [["policy.rule.cap-with-share",13,45,"`max_per_sector` goes only with a number of \"yes\" votes, not with a fraction. Remove it."]],
  ],
  [
    "too precise decimal",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 0.6666667, of: cast }\n",
    [["policy.fraction.too-precise",13,30,"`0.6666667` has too many digits after the point (at most 6). Write a fraction such as `2/3` instead."]],
  ],
  [
    "not a number",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: two thirds, of: cast }\n",
    [["policy.fraction.format",13,30,"`two thirds` is not a number: write a whole number, a fraction such as `2/3`, or a decimal such as `0.75`."]],
  ],
  [
    "zero denominator",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 1/0, of: cast }\n",
    [["policy.fraction.zero-denominator",13,30,"`1/0` divides by zero. Write a fraction such as `2/3`."]],
  ],
  [
    "sectors condition above count",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      sectors: { at_least: 4 }\n",
    [["policy.rule.sectors-above-count",13,28,"`at_least: 4` asks for more sectors than the policy declares (3). Lower it to 3 or less."]],
  ],
  [
    "include above at_least",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      sectors: { at_least: 1, include: [gov, civ] }\n",
    [["policy.rule.include-above-at-least",13,40,"2 sectors are listed in `include`, but `at_least` asks for only 1. Raise `at_least` or list fewer."]],
  ],
  [
    "count above its bound",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    rule:\n      approvals: { at_least: 5000 }\n",
    [["policy.schema.too-big",13,30,"`at_least` can be at most 1000."]],
  ],
  [
    "comment period above its bound",
    SECTORS + "decisions:\n  - id: k\n    name: K\n    labels: [k]\n    comment_period_hours: 10000\n",
    [["policy.schema.too-big",12,27,"`comment_period_hours` can be at most 8760."]],
  ],
  [
    "yaml syntax error",
    SECTORS + "decisions:\n  - id: k\n   name: K\n",
    [["policy.yaml.syntax",10,1,"This is not valid YAML (Sequence item without - indicator). Check the indentation (spaces, not tabs) and that every quote and bracket is closed."]],
  ],
  [
    "duplicate key",
    SECTORS + "registry: a.yml\nregistry: b.yml\n",
    [["policy.yaml.duplicate-key",9,1,"`registry` is written twice in the same place (first on line 8). Keep only one."]],
  ],
  [
    "not a map",
    "- a\n- b\n",
    [["policy.file.not-a-map",1,1,"This file must be a list of settings (`key: value` lines), starting with `sectors:`."]],
  ],
  [
    "two documents",
    SECTORS + "---\nregistry: x.yml\n",
    [["policy.yaml.several-documents",8,1,"This file holds more than one YAML document (a line `---` starts a second one). Keep only one."]],
  ],];

describe("parsePolicy: invalid policies", () => {
  it.each(ROWS)("%s", (_name, text, expected) => {
    const r = parsePolicy(text, "g.yml");
    expect(r.policy).toBeNull();
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.line, d.column, t("en", d.message)])).toEqual(expected);
    for (const d of errors) expect(d.file).toBe("g.yml");
  });
});

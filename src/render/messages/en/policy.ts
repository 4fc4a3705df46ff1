// English messages of the "policy" area (ICU MessageFormat). Keys start with "policy.".
// Each diagnostic's code is its key here: the words a secretariat reads for that problem.
export const policy = {
  // The file as a whole
  "policy.file.too-large": "This file is larger than {max} KB, the most the app reads. Make it smaller.",
  "policy.file.not-utf8": "This file is not UTF-8 text. Save it again with the UTF-8 encoding.",
  "policy.file.not-a-map": "This file must be a list of settings (`key: value` lines), starting with `sectors:`.",
  "policy.yaml.syntax": "This is not valid YAML ({detail}). Check the indentation (spaces, not tabs) and that every quote and bracket is closed.",
  "policy.yaml.duplicate-key": "`{key}` is written twice in the same place (first on line {line}). Keep only one.",
  "policy.yaml.several-documents": "This file holds more than one YAML document (a line `---` starts a second one). Keep only one.",
  "policy.yaml.too-deep": "The settings are nested more than {max} levels deep here. Simplify the file.",
  "policy.yaml.too-many-nodes": "This file has more than {max} values. Make it smaller.",
  "policy.yaml.too-many-aliases": "This file uses more than {max} YAML aliases (`*name`). Write the values out instead.",
  "policy.yaml.alias-expansion": "The YAML aliases (`*name`) in this file would expand into too many values (more than {max}), or point to an anchor that does not exist. Write the values out instead.",

  // Schema problems
  "policy.schema.unknown-key": "`{key}` is not a setting here. Check its spelling, or remove it. Allowed here: {allowed}.",
  "policy.schema.missing": "`{field}` is required here. Add it.",
  "policy.schema.type":
    "`{field}` must be {expected, select, wholenumber {a whole number} number {a number} text {text} boolean {true or false} list {a list} map {a group of settings (`key: value` lines)} date {a date} other {something else}}.",
  "policy.schema.too-few": "`{field}` needs at least {min, plural, one {# entry} other {# entries}}.",
  "policy.schema.too-many": "`{field}` can have at most {max, plural, one {# entry} other {# entries}}.",
  "policy.schema.too-short": "`{field}` cannot be empty.",
  "policy.schema.too-long": "`{field}` can be at most {max} characters long.",
  "policy.schema.too-small": "`{field}` must be at least {min}.",
  "policy.schema.too-big": "`{field}` can be at most {max}.",
  "policy.schema.one-of": "`{field}` must be one of: {allowed}.",
  "policy.schema.invalid": "`{field}` is not valid here.",
  "policy.id.format": "`{field}` may contain only lowercase letters (a-z), digits and hyphens, like `civil-society`.",
  "policy.login.format": "`{field}` must be a GitHub login: letters, digits and single hyphens, at most 39 characters.",

  // Whole-policy checks
  "policy.sectors.duplicate-id": "The sector id `{id}` is already used (line {line}). Each sector needs its own id.",
  "policy.decisions.duplicate-id": "The decision kind id `{id}` is already used (line {line}). Each kind needs its own id.",
  "policy.sector-ref.unknown": "`{id}` is not a sector of this policy. Use one of: {known}.",
  "policy.sector-ref.duplicate": "The sector `{id}` is listed twice. List it once.",
  "policy.scope.unknown": "`in: {id}` names no sector of this policy. Write `all`, `each`, or one of: {known}.",
  "policy.registry-ref.format":
    "`registry: {value}` is neither a path in this repository (like `STAKEHOLDERS.yml`) nor a file of another repository (like `my-org/governance:STAKEHOLDERS.yml`).",
  "policy.governance.builtin-name": "Changes to the governance rules",
  "policy.governance.one-sector":
    "The `governance` kind must need approvals from at least 2 sectors, so that no sector can change the rules alone. Use `sign_off: '{' sectors: 2 '}'` or more, or a rule that starts with `all:` holding `sectors: '{' at_least: 2 '}'`.",
  "policy.declarations.admission-one-sector": "With `declarations.admission: sector` each sector admits its own members, so no kind of decision may be met by the votes of one sector alone; the kind `{kind}` is met by the votes of `{sector}` alone. Require at least 2 sectors (`sign_off: '{' sectors: 2 '}'`, or a rule with `sectors: '{' at_least: 2 '}'`), or keep `admission: governance`.",
  "policy.admission.name": "Admission of new members of {sector}",
  "policy.kind.sign-off-and-rule": "The kind `{id}` has both `sign_off` and `rule`. Keep one of them.",
  "policy.kind.never-applies": "The kind `{id}` has no `paths` and no `labels`, so no pull request will ever be of this kind.",

  // sign_off
  "policy.sign-off.sectors-above-count": "`sectors: {value}` asks for more sectors than the policy declares ({count}). Lower it to {count} or less.",
  "policy.sign-off.required-above-sectors":
    "{count} sectors are listed in `required_sectors`, but `sectors` asks for only {sectors}. Raise `sectors` to at least {count}, or list fewer.",
  "policy.sign-off.approvals-below-sectors":
    "`approvals: {approvals}` is below `sectors: {sectors}`: every sector needs at least one approval. Raise `approvals` to {sectors} or more.",
  "policy.sign-off.cap-too-low":
    "With `max_per_sector: {cap}` and {count} sectors, at most {cap} × {count} approvals can count, fewer than `approvals: {approvals}`. Raise `max_per_sector` or lower `approvals`.",

  // Charter rules
  "policy.rule.no-condition": "This condition is empty. Write one of: `approvals`, `quorum`, `sectors`, `all`, `any`.",
  "policy.rule.several-conditions": "One condition has several parts ({keys}). Put each in its own list entry under `all:` or `any:`.",
  "policy.rule.empty": "`{field}` must list at least one condition.",
  "policy.rule.too-deep": "Conditions are nested more than {max} levels deep. Simplify the rule.",
  "policy.rule.threshold-missing": "Say how many: add `at_least` or `more_than`.",
  "policy.rule.threshold-both": "Use either `at_least` or `more_than`, not both.",
  "policy.rule.threshold-type": "`{field}` must be a whole number (a count of \"yes\" votes) or a fraction such as `2/3` or `0.75`.",
  "policy.rule.in-type": "`in` must be `all`, `each`, a sector id, or a list of sector ids.",
  "policy.rule.share-needed": "A quorum is a share of the registered voters: write a fraction such as `1/2`, not the number {value}.",
  "policy.rule.share-above-one": "{value} is more than 1: a share can be at most 1 (everyone).",
  "policy.rule.more-than-all": "More than {value} (everyone) can never happen. Use `at_least: 1` to ask for everyone.",
  "policy.rule.of-missing":
    "{value} is a share: add `of: cast`, `of: present` or `of: registered` to say of which votes. For a number of \"yes\" votes, write a whole number.",
  "policy.rule.of-with-count":
    "`of` goes only with a fraction. {value} is a number of \"yes\" votes: remove `of`, or write a fraction such as `2/3`.",
  "policy.rule.weights-with-count": "`weights` goes only with a fraction of votes and `in: all`. Remove it, or write a fraction.",
  "policy.rule.weights-needs-all": "`weights` applies only to `in: all` (the votes of all sectors pooled). Remove it, or use `in: all`.",
  "policy.rule.cap-with-share": "`max_per_sector` goes only with a number of \"yes\" votes, not with a fraction. Remove it.",
  "policy.rule.sectors-above-count": "`at_least: {value}` asks for more sectors than the policy declares ({count}). Lower it to {count} or less.",
  "policy.rule.include-above-at-least": "{count} sectors are listed in `include`, but `at_least` asks for only {value}. Raise `at_least` or list fewer.",
  "policy.rule.sector-without-voters":
    "Sector `{sector}` has no voters in the registry, so the kind `{kind}` cannot be decided until someone of that sector declares.",
  "policy.fraction.format": "`{value}` is not a number: write a whole number, a fraction such as `2/3`, or a decimal such as `0.75`.",
  "policy.fraction.too-precise": "`{value}` has too many digits after the point (at most 6). Write a fraction such as `2/3` instead.",
  "policy.fraction.zero-denominator": "`{value}` divides by zero. Write a fraction such as `2/3`.",
  "policy.fraction.too-large-terms": "`{value}` uses numbers above 1000. Write a simpler fraction.",
  "policy.fraction.near": "{value} is not {fraction}: shares are compared exactly. If you mean {fraction}, write {fraction}.",

  // Globs
  "policy.glob.negated": "`{glob}` starts with `!`. Exclusions are not supported: list only the files that make a pull request this kind.",
  "policy.glob.too-long": "`{glob}` is longer than {max} characters. Shorten it.",
  "policy.glob.too-many-patterns": "`{glob}` expands into more than {max} patterns through its braces. Write it more simply.",
  "policy.glob.too-many-globstars": "`{glob}` has more than {max} `**`. Write it more simply.",
  "policy.glob.too-many-stars": "`{glob}` has more than {max} `*` in one folder or file name. Write it more simply.",
  "policy.glob.nested-extglob": "`{glob}` nests one pattern group inside another, like `@(a|+(b))`. Write it more simply.",
  "policy.glob.invalid": "`{glob}` is not a valid file pattern.",

  // _extends
  "policy.extends.format": "`_extends: {value}` is not a policy to extend. Write `.github`, `owner/repo`, or `owner/repo:path.yml`.",
  "policy.extends.not-found": "The base policy `{ref}` does not exist. Check `_extends`.",
  "policy.extends.cycle": "`_extends` comes back to `{ref}`, which is already part of this policy. Remove the loop.",
  "policy.extends.too-deep": "Policies extend each other more than {max} levels deep. Shorten the chain of `_extends`.",
  "policy.extends.not-checked": "The base policy `{ref}` is in another repository and was not checked here.",
  "policy.registry.duplicate-id": "The account id {id} of `{login}` is already declared for `{other}` (line {line}). An account declares once, for one sector, whatever its login.",
  "policy.registry.id-type": "`id` must be the account’s numeric GitHub user id, a whole number like 5834017. Find it with `gh api users/LOGIN --jq .id`.",
  "policy.registry.no-id": "The declaration of `{login}` gives no account `id`, which the policy requires. Add the account’s numeric GitHub user id (`gh api users/{login} --jq .id`). Until then it is not current.",
  "policy.declarations.ids-optional": "With `ids: optional`, declarations without an `id` are matched by login alone: whoever takes a login that someone gave up inherits their declaration and their vote. Give every entry its account `id` and remove this line.",
  "policy.rules.other-repository": "The rules are also read from `{ref}`, in another repository: whoever can change that repository changes these rules without a decision here. That repository must be governed too (the app installed there, its rules files signed off by several sectors).",

  // The registry
  "policy.registry.not-a-map": "The registry must start with `stakeholders:`, followed by a list of declarations.",
  "policy.registry.declared-type": "`declared` must be a date written YYYY-MM-DD, like 2026-03-01.",
  "policy.registry.duplicate-login": "`{login}` is declared more than once (first on line {line}). Each person declares once, for one sector.",
  "policy.registry.unknown-sector":
    "The declaration of `{login}` names the sector `{sector}`, which the policy does not declare. Use one of: {known}. Until then it is not current.",
  "policy.registry.invalid-date":
    "The declaration of `{login}` is dated `{value}`, which is not a date of the calendar. Write it YYYY-MM-DD, like 2026-03-01. Until then it is not current.",
} satisfies Record<string, string>;

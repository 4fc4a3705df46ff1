// Simplified Chinese messages of the "policy" area (ICU MessageFormat). The same keys as
// en/policy.ts: each diagnostic's code is its key, the words a secretariat reads for that problem.
export const policy = {
  // The file as a whole
  "policy.file.too-large": "此文件大于 {max} KB，超出本应用可读取的上限。请缩小文件。",
  "policy.file.not-utf8": "此文件不是 UTF-8 文本。请以 UTF-8 编码重新保存。",
  "policy.file.not-a-map": "此文件必须是一组设置（`key: value` 形式的行），并以 `sectors:` 开头。",
  "policy.yaml.syntax": "这不是有效的 YAML（{detail}）。请检查缩进（使用空格，不要使用制表符），并确认每个引号和括号都已闭合。",
  "policy.yaml.duplicate-key": "`{key}` 在同一位置出现了两次（第一次在第 {line} 行）。请只保留一个。",
  "policy.yaml.several-documents": "此文件包含不止一个 YAML 文档（`---` 这一行开始了第二个文档）。请只保留一个。",
  "policy.yaml.too-deep": "此处的设置嵌套超过 {max} 层。请简化文件。",
  "policy.yaml.too-many-nodes": "此文件包含的值超过 {max} 个。请缩小文件。",
  "policy.yaml.too-many-aliases": "此文件使用的 YAML 别名（`*name`）超过 {max} 个。请改为直接写出这些值。",
  "policy.yaml.alias-expansion": "此文件中的 YAML 别名（`*name`）展开后的值过多（超过 {max} 个），或指向了不存在的锚点。请改为直接写出这些值。",

  // Schema problems
  "policy.schema.unknown-key": "`{key}` 不是此处可用的设置。请检查拼写，或将其删除。此处允许的设置：{allowed}。",
  "policy.schema.missing": "此处必须有 `{field}`。请添加。",
  "policy.schema.type":
    "`{field}` 必须是{expected, select, wholenumber {整数} number {数字} text {文本} boolean {true 或 false} list {列表} map {一组设置（`key: value` 形式的行）} date {日期} other {其他类型的值}}。",
  "policy.schema.too-few": "`{field}` 至少需要 {min, plural, other {# 个条目}}。",
  "policy.schema.too-many": "`{field}` 最多只能有 {max, plural, other {# 个条目}}。",
  "policy.schema.too-short": "`{field}` 不能为空。",
  "policy.schema.too-long": "`{field}` 最多只能有 {max} 个字符。",
  "policy.schema.too-small": "`{field}` 必须至少为 {min}。",
  "policy.schema.too-big": "`{field}` 最多只能为 {max}。",
  "policy.schema.one-of": "`{field}` 必须是以下之一：{allowed}。",
  "policy.schema.invalid": "`{field}` 在此处无效。",
  "policy.id.format": "`{field}` 只能包含小写字母（a-z）、数字和连字符，例如 `civil-society`。",
  "policy.login.format": "`{field}` 必须是 GitHub 登录名：由字母、数字和单个连字符组成，最多 39 个字符。",

  // Whole-policy checks
  "policy.sectors.duplicate-id": "部门标识符 `{id}` 已被使用（第 {line} 行）。每个部门都需要各自的标识符。",
  "policy.decisions.duplicate-id": "决定类别标识符 `{id}` 已被使用（第 {line} 行）。每个类别都需要各自的标识符。",
  "policy.sector-ref.unknown": "`{id}` 不是本政策中的部门。请使用以下之一：{known}。",
  "policy.sector-ref.duplicate": "部门 `{id}` 被列出了两次。请只列出一次。",
  "policy.scope.unknown": "`in: {id}` 所指的不是本政策中的部门。请写 `all`、`each`，或以下之一：{known}。",
  "policy.registry-ref.format":
    "`registry: {value}` 既不是本存储库中的路径（如 `STAKEHOLDERS.yml`），也不是另一个存储库中的文件（如 `my-org/governance:STAKEHOLDERS.yml`）。",
  "policy.governance.builtin-name": "治理规则的变更",
  "policy.governance.one-sector":
    "`governance` 类别必须要求至少 2 个部门批准，使任何部门都无法单独修改规则。请使用 `sign_off: '{' sectors: 2 '}'` 或更高的要求，或使用以 `all:` 开头、其中含有 `sectors: '{' at_least: 2 '}'` 的规则。",
  "policy.declarations.admission-one-sector": "使用 `declarations.admission: sector` 时，各部门自行接纳本部门成员，因此任何决定类型都不得仅凭一个部门的投票即可满足；类型 `{kind}` 仅凭 `{sector}` 的投票即可满足。请要求至少 2 个部门（`sign_off: '{' sectors: 2 '}'`，或含 `sectors: '{' at_least: 2 '}'` 的规则），或保留 `admission: governance`。",
  "policy.admission.name": "接纳 {sector} 的新成员",
  "policy.kind.sign-off-and-rule": "类别 `{id}` 同时有 `sign_off` 和 `rule`。请只保留其中之一。",
  "policy.kind.never-applies": "类别 `{id}` 既没有 `paths` 也没有 `labels`，因此永远不会有拉取请求属于此类别。",

  // sign_off
  "policy.sign-off.sectors-above-count": "`sectors: {value}` 要求的部门数超过了政策所声明的部门数（{count}）。请将其降至 {count} 或以下。",
  "policy.sign-off.required-above-sectors":
    "`required_sectors` 中列出了 {count} 个部门，但 `sectors` 只要求 {sectors} 个。请将 `sectors` 提高到至少 {count}，或减少所列部门。",
  "policy.sign-off.approvals-below-sectors":
    "`approvals: {approvals}` 低于 `sectors: {sectors}`：每个部门至少需要一项批准。请将 `approvals` 提高到 {sectors} 或以上。",
  "policy.sign-off.cap-too-low":
    "在 `max_per_sector: {cap}` 且有 {count} 个部门的情况下，最多只能计入 {cap} × {count} 项批准，少于 `approvals: {approvals}`。请提高 `max_per_sector` 或降低 `approvals`。",

  // Charter rules
  "policy.rule.no-condition": "此条件为空。请写以下之一：`approvals`、`quorum`、`sectors`、`all`、`any`。",
  "policy.rule.several-conditions": "一个条件包含了多个部分（{keys}）。请将每个部分分别写成 `all:` 或 `any:` 之下的一个列表条目。",
  "policy.rule.empty": "`{field}` 必须至少列出一个条件。",
  "policy.rule.too-deep": "条件嵌套超过 {max} 层。请简化规则。",
  "policy.rule.threshold-missing": "请说明数量：添加 `at_least` 或 `more_than`。",
  "policy.rule.threshold-both": "请使用 `at_least` 或 `more_than` 之一，不要同时使用。",
  "policy.rule.threshold-type": "`{field}` 必须是整数（“赞成”票的票数）或分数，例如 `2/3` 或 `0.75`。",
  "policy.rule.in-type": "`in` 必须是 `all`、`each`、一个部门标识符，或部门标识符列表。",
  "policy.rule.share-needed": "法定人数是登记投票人中的比例：请写分数，例如 `1/2`，而不是数字 {value}。",
  "policy.rule.share-above-one": "{value} 大于 1：比例最多为 1（全体）。",
  "policy.rule.more-than-all": "超过 {value}（全体）是不可能的。如要求全体，请使用 `at_least: 1`。",
  "policy.rule.of-missing":
    "{value} 是一个比例：请添加 `of: cast`、`of: present` 或 `of: registered`，说明是哪些票中的比例。如指“赞成”票的票数，请写整数。",
  "policy.rule.of-with-count":
    "`of` 只能与分数一起使用。{value} 是“赞成”票的票数：请删除 `of`，或改写为分数，例如 `2/3`。",
  "policy.rule.weights-with-count": "`weights` 只能与票数的分数以及 `in: all` 一起使用。请将其删除，或改写为分数。",
  "policy.rule.weights-needs-all": "`weights` 仅适用于 `in: all`（所有部门的票合并计算）。请将其删除，或使用 `in: all`。",
  "policy.rule.cap-with-share": "`max_per_sector` 只能与“赞成”票的票数一起使用，不能与分数一起使用。请将其删除。",
  "policy.rule.sectors-above-count": "`at_least: {value}` 要求的部门数超过了政策所声明的部门数（{count}）。请将其降至 {count} 或以下。",
  "policy.rule.include-above-at-least": "`include` 中列出了 {count} 个部门，但 `at_least` 只要求 {value} 个。请提高 `at_least`，或减少所列部门。",
  "policy.rule.sector-without-voters":
    "部门 `{sector}` 在登记册中没有投票人，因此在该部门有人声明之前，`{kind}` 类别的事项无法作出决定。",
  "policy.fraction.format": "`{value}` 不是数字：请写整数、分数（例如 `2/3`）或小数（例如 `0.75`）。",
  "policy.fraction.too-precise": "`{value}` 的小数位数过多（最多 6 位）。请改写为分数，例如 `2/3`。",
  "policy.fraction.zero-denominator": "`{value}` 的分母为零。请写分数，例如 `2/3`。",
  "policy.fraction.too-large-terms": "`{value}` 使用了大于 1000 的数。请写更简单的分数。",
  "policy.fraction.near": "{value} 不等于 {fraction}：比例按精确值比较。如果您指的是 {fraction}，请写 {fraction}。",

  // Globs
  "policy.glob.negated": "`{glob}` 以 `!` 开头。不支持排除模式：请只列出使拉取请求属于此类别的文件。",
  "policy.glob.too-long": "`{glob}` 超过 {max} 个字符。请缩短。",
  "policy.glob.too-many-patterns": "`{glob}` 的花括号展开后超过 {max} 个模式。请写得简单一些。",
  "policy.glob.too-many-globstars": "`{glob}` 含有超过 {max} 个 `**`。请写得简单一些。",
  "policy.glob.too-many-stars": "`{glob}` 在单个文件夹名或文件名中含有超过 {max} 个 `*`。请写得简单一些。",
  "policy.glob.nested-extglob": "`{glob}` 将一个模式组嵌套在另一个模式组之中，例如 `@(a|+(b))`。请写得简单一些。",
  "policy.glob.invalid": "`{glob}` 不是有效的文件模式。",

  // _extends
  "policy.extends.format": "`_extends: {value}` 不是可扩展的政策。请写 `.github`、`owner/repo` 或 `owner/repo:path.yml`。",
  "policy.extends.not-found": "基础政策 `{ref}` 不存在。请检查 `_extends`。",
  "policy.extends.cycle": "`_extends` 又回到了 `{ref}`，而它已是本政策的一部分。请消除此循环。",
  "policy.extends.too-deep": "政策之间的相互扩展超过 {max} 层。请缩短 `_extends` 链。",
  "policy.extends.not-checked": "基础政策 `{ref}` 位于另一个存储库中，此处未对其进行检查。",
  "policy.registry.duplicate-id": "`{login}` 的账户 id {id} 已为 `{other}` 声明（第 {line} 行）。无论登录名为何，一个账户只能声明一次，且只代表一个部门。",
  "policy.registry.id-type": "`id` 必须是该账户在 GitHub 上的数字用户 id，即一个整数，例如 5834017。可用 `gh api users/LOGIN --jq .id` 查到。",
  "policy.registry.no-id": "`{login}` 的声明没有给出政策所要求的账户 `id`。请添加该账户在 GitHub 上的数字用户 id（`gh api users/{login} --jq .id`）。在此之前，该声明无效。",
  "policy.declarations.ids-optional": "设置 `ids: optional` 时，没有 `id` 的声明只按登录名匹配：谁接手了别人放弃的登录名，就会继承其声明和投票权。请为每个条目填写账户 `id`，并删除这一行。",
  "policy.rules.other-repository": "规则还读取自另一个存储库中的 `{ref}`：能修改那个存储库的人，无需在此作出决定就能改变这些规则。那个存储库也必须受治理（在那里安装本应用，其规则文件须经多个部门签署同意）。",

  // The registry
  "policy.registry.not-a-map": "登记册必须以 `stakeholders:` 开头，后接声明列表。",
  "policy.registry.declared-type": "`declared` 必须是 YYYY-MM-DD 格式的日期，例如 2026-03-01。",
  "policy.registry.duplicate-login": "`{login}` 声明了不止一次（第一次在第 {line} 行）。每人只声明一次，且只对应一个部门。",
  "policy.registry.unknown-sector":
    "`{login}` 的声明所写的部门 `{sector}` 并未在政策中声明。请使用以下之一：{known}。更正之前，该声明不具效力。",
  "policy.registry.invalid-date":
    "`{login}` 的声明日期为 `{value}`，这不是日历上存在的日期。请按 YYYY-MM-DD 格式填写，例如 2026-03-01。更正之前，该声明不具效力。",
} satisfies Record<string, string>;

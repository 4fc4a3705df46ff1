// Simplified Chinese messages of the "record" area (ICU MessageFormat). The same keys as
// en/record.ts. Records are public record: the register is formal.
export const record = {
  "record.heading":
    "{outcome, select, adopted {第 {seq} 号记录：决定获得通过} pushed {第 {seq} 号记录：直接推送到默认分支} other {第 {seq} 号记录：决定已撤回}}",
  "record.mergedWithoutSignoff":
    "**未经多部门核准即合并：**本拉取请求在多部门核准条件未满足的情况下被合并（管理员强制合并）。",
  "record.pullRequest": "拉取请求",
  "record.kinds": "决定类别",
  "record.author": "作者",
  "record.authorSector": "{login}（{sector}）",
  "record.authorUndeclared": "{login}（无有效声明）",
  "record.signedOff": "多部门核准",
  "record.signedOff.value": "{held, select, yes {拉取请求关闭时已满足} other {拉取请求关闭时未满足}}",
  "record.approvals": "计入的批准",
  "record.approvals.sector": "{sector}：{logins}",
  "record.objections": "反对意见",
  "record.objection": "{login}（{sector}）",
  "record.opened": "开启时间",
  "record.closed": "关闭时间",
  "record.mergeCommit": "合并提交",
  "record.none": "无",
  "record.field": "{label}：",
  "record.votes": "按部门分列的投票",
  "record.votes.sector": "部门",
  "record.votes.yes": "赞成",
  "record.votes.no": "反对",
  "record.votes.abstain": "弃权",
  "record.votes.recused": "回避",
  "record.carriedBy": "“{kind}”依据其规则中的第 {branch} 项备选条件获得通过。",
  "record.json":
    "JSON 格式的记录。其 `hash` 是去除 `hash` 后的记录按 JSON 规范化方案（JSON Canonicalization Scheme，RFC 8785）计算得出的 SHA-256 值；`prev` 是前一条记录的哈希值。",
  "record.log.intro":
    "本议题是 {period} 期间已了结决定的公开日志。每项决定的拉取请求关闭时，本应用即为其添加一条记录；每条记录均通过哈希值与前一条记录相链接，因此对记录的任何编辑、删除或重新排序均可被发现。",
  "record.log.comments": "欢迎各方在此发表评论；评论不构成日志的一部分。",
  "record.log.duplicate": "本议题与同一期间的日志 {url} 重复，现予关闭；日志在该议题中延续。",
  "record.log.closedNoReport": "{period} 的日志现已关闭：下一期间的日志已经开启。",
  "record.verify.usage":
    "用法：partnership-governance verify --repo OWNER/NAME [--period P] [--app SLUG] [--json]\n\n读取 GitHub 上日志中的每一条记录（使用 --period 时，读取至该期间为止，含该期间），重新计算每个哈希值和链接，将每条记录与其锚点（本应用的 `Transparency record` 检查）比对，并将每个锚点与日志比对，指出每一条被编辑（文本被改动，或其评论曾被编辑）、删除、插入、重新排序、并非由本应用（SLUG[bot]；默认为所用凭据对应的应用）写入或缺少锚点的记录。--json 输出一个 JSON 对象（ok、count、head、problems）。退出状态：0 表示完整，1 表示已被篡改，2 表示出错。凭据：GITHUB_TOKEN（配合 --app），或 APP_ID 和 PRIVATE_KEY；GitHub Enterprise 另需 GITHUB_API_URL。",
  "record.verify.intact":
    "完整：{count, plural, =0 {日志中没有记录} other {# 条记录}}{count, plural, =0 {} other {，链头 {head}}}",
  "record.verify.tampered":
    "已被篡改：第 {seq} 号记录（{pr, select, none {拉取请求不明} other {拉取请求 {pr}}}）{problem, select, edited {已被编辑} deleted {已被删除} inserted {系事后插入} reordered {顺序已被打乱} foreign {并非由本应用写入} unanchored {缺少其锚点} other {已无法读取}}",
  "record.verify.where": "位置：{url}",
  "record.verify.detail": "详情：{detail}",
  "record.pushedWithoutPr": "**直接推送到默认分支：**此提交未经拉取请求进入默认分支，因此没有任何签署。",
  "record.forcePushed": "**强制推送：**默认分支没有向前移动：此推送使其回退或替换了其历史，并按与推送前分支的全部差异（包括被移除的内容）进行判断。",
  "record.judgedBy": "**规则无效：**此推送之前默认分支上的策略无效，因此无论此推送更改了什么都会记录在案，并按最后一份有效规则（提交 {commit} 的规则）进行判断。",
  "record.defaultBranchSwitched": "**默认分支已从 {from} 切换为 {to}：**规则和受治理的文件现在来自另一个分支，按切换前 {from} 的规则判断。",
  "record.pusher": "推送者",
  "record.commit": "提交",
  "record.rules": "所依据规则的提交",
  "record.anchor.title": "透明度日志第 {seq} 号记录",
  "record.anchor.summary": "此检查为仓库透明度日志的第 {seq} 号记录（{url}）提供锚点。只有本应用可以写入或修改它，任何人都无法删除它，因此 `verify` 会将其与日志进行比对。\n\n- seq：{seq}\n- hash：`{hash}`\n- prev：`{prev}`",
  "record.anchor.follows": "这是一份副本，写在前一条记录（第 {prevSeq} 号）的提交上：即使第 {seq} 号记录自己的提交（`{commit}`）已不在任何分支上，`verify` 也能从这里找到它。",
  "record.verify.needApp": "日志由哪个应用写入？请提供 --app SLUG（应用地址 github.com/apps/SLUG 中的名称），或使用该应用自己的 APP_ID 和 PRIVATE_KEY 运行。",
  "record.verify.badApp": "`{value}` 不是应用的标识（字母、数字和连字符）",
} satisfies Record<string, string>;

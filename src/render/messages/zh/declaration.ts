// Simplified Chinese messages of the "declaration" area (ICU MessageFormat). The same keys as
// en/declaration.ts: check titles and the reason for each NotDeclaredReason code.
export const declaration = {
  "declaration.title.success": "所有贡献者均已声明",
  "declaration.title.failure": "{count, plural, other {# 名贡献者}}尚未声明：{logins}",
  "declaration.title.invalid": "治理政策或登记册无效（{count, plural, other {# 个错误}}）",
  "declaration.title.commitsTruncated":
    "此拉取请求的提交数超过 GitHub 所列出的数量（{total} 个中仅列出 {listed} 个）：无法检查其所有提交者。请压缩（squash）其提交或将其拆分为更小的拉取请求",
  "declaration.reason.no-entry": "登记册中没有条目",
  "declaration.reason.expired": "声明已于 {expiredOn} 过期",
  "declaration.reason.not-yet": "声明日期为 {declared}，尚未生效",
  "declaration.reason.unknown-sector": "部门 {sector} 不在政策之中",
  "declaration.reason.invalid-date": "声明日期 {value} 不是实际存在的日期",
  "declaration.reason.no-id": "声明没有给出账户 id",
  "declaration.reason.no-account": "提交 {commit} 所用的电子邮件地址在 GitHub 上未关联任何账户",
  "declaration.inThisPr": "在本拉取请求中声明",
  "declaration.exempt.bot": "机器人账户，无需声明",
  "declaration.exempt.exempt": "依政策豁免",
} satisfies Record<string, string>;

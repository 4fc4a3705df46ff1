// Simplified Chinese messages of the "signoff" area (ICU MessageFormat). The same keys as
// en/signoff.ts: check titles and "first unmet" phrases; `op` is "at_least" or "more_than".
export const signoff = {
  "signoff.title.notDecision": "非决定事项",
  "signoff.title.otherBase": "非决定事项：目标为 {base}，而非默认分支 {defaultBranch}",
  "signoff.title.invalid": "治理政策或登记册无效（{count, plural, other {# 个错误}}）",
  "signoff.title.invalidHead": "本拉取请求中的政策或登记册无效（{count, plural, other {# 个错误}}）",
  "signoff.title.blocked": "因 {sectors} 的反对意见而受阻",
  "signoff.title.memoGap": "等待 {people} 重新表态：应用已无法找回其在本拉取请求中记录的命令",
  "signoff.title.draft": "草稿：拉取请求标记为可供审查后，多部门核准程序即开始",
  // `end` is preformatted "YYYY-MM-DD HH:mm UTC".
  "signoff.title.commentPeriod": "评议期于 {end} 结束",
  "signoff.title.commentPeriodUnknown": "评议期：该拉取请求没有有效的创建时间",
  "signoff.title.signedOff": "已获 {n, plural, other {# 个部门}}核准",

  "signoff.unmet.empty": "未满足决定规则",
  "signoff.unmet.noVoters": "{sector} 没有投票人，因此无法满足该规则",
  "signoff.unmet.sectors":
    "已有 {count} 个部门，需 {needed} 个：尚待另外 {missing, plural, other {# 个部门}}",
  "signoff.unmet.sectors.required": "已有 {count} 个部门，需 {needed} 个：尚待 {sectors}",
  "signoff.unmet.approvals.count":
    "批准：已计入 {count} 票，须{op, select, more_than {超过} other {至少达到}} {needed} 票",
  "signoff.unmet.approvals.count.sector":
    "批准：{sector} 已计入 {count} 票，须{op, select, more_than {超过} other {至少达到}} {needed} 票",
  "signoff.unmet.approvals.share":
    "批准：{of, select, cast {所投 {total} 票中有 {yes} 票} present {出席的 {total} 名投票人中有 {yes} 人} other {登记的 {total} 名投票人中有 {yes} 人}}批准，须{op, select, more_than {超过} other {至少达到}} {needed}",
  "signoff.unmet.approvals.share.sector":
    "批准：{sector} {of, select, cast {所投 {total} 票中有 {yes} 票} present {出席的 {total} 名投票人中有 {yes} 人} other {登记的 {total} 名投票人中有 {yes} 人}}批准，须{op, select, more_than {超过} other {至少达到}} {needed}",
  "signoff.unmet.approvals.equal":
    "批准：各部门同等加权后为 {share, number, percent}，须{op, select, more_than {超过} other {至少达到}} {needed}",
  "signoff.unmet.quorum":
    "法定人数：{registered} 人中有 {present} 人参与，须{op, select, more_than {超过} other {至少达到}} {needed}",
  "signoff.unmet.quorum.sector":
    "法定人数：{sector} {registered} 人中有 {present} 人参与，须{op, select, more_than {超过} other {至少达到}} {needed}",

  "signoff.notCounted.undeclared": "未声明",
  "signoff.notCounted.expired": "声明已过期",
  "signoff.notCounted.not-yet": "声明尚未生效",
  "signoff.notCounted.unknown-sector": "部门不在政策之中",
  "signoff.notCounted.invalid-date": "声明日期不是实际存在的日期",
  "signoff.notCounted.no-id": "声明没有给出账户 id",
  "signoff.notCounted.author": "拉取请求的作者",
  "signoff.notCounted.bot": "机器人账户",
  "signoff.notCounted.earlier-commit": "批准的是较早的提交",
  "signoff.notCounted.over-cap": "超出其所属部门的批准计入上限",
  "signoff.notCounted.edited-comment": "评论经过编辑",
  "signoff.notCounted.observer": "观察员",
  "signoff.notCounted.recused": "已回避",
  "signoff.notCounted.other-base": "在其他目标分支下批准",

  "signoff.warning.noVoters": "部门 {sector} 没有投票人：需要该部门的条件无法满足",
} satisfies Record<string, string>;

// English messages of the "signoff" area (ICU MessageFormat). Keys start with "signoff.".
// Titles and "first unmet" phrases are the MessageRefs that src/core/signoff.ts and
// src/core/rules.ts return; `op` is "at_least" or "more_than", `needed` a count or "2/3".
export const signoff = {
  "signoff.title.notDecision": "Not a decision",
  "signoff.title.otherBase": "Not a decision: into {base}, not the default branch {defaultBranch}",
  "signoff.title.invalid":
    "The governance policy or registry is invalid ({count, plural, one {# error} other {# errors}})",
  "signoff.title.invalidHead":
    "The policy or registry in this pull request is invalid ({count, plural, one {# error} other {# errors}})",
  "signoff.title.blocked": "Blocked by an objection from {sectors}",
  "signoff.title.memoGap": "Waiting for {people} to give their signal again: the app lost track of commands on this pull request",
  "signoff.title.draft": "Draft: sign-off starts when the pull request is ready for review",
  // `end` is preformatted "YYYY-MM-DD HH:mm UTC"; `at` is the same instant, for other languages.
  "signoff.title.commentPeriod": "Comment period ends {end}",
  "signoff.title.commentPeriodUnknown": "Comment period: the pull request has no valid creation time",
  "signoff.title.signedOff": "Signed off by {n, plural, one {# sector} other {# sectors}}",

  "signoff.unmet.empty": "The decision rule is not met",
  "signoff.unmet.noVoters": "{sector} has no voters, so the rule cannot be met",
  "signoff.unmet.sectors":
    "{count} of {needed} sectors: waiting for {missing, plural, one {# more sector} other {# more sectors}}",
  "signoff.unmet.sectors.required": "{count} of {needed} sectors: waiting for {sectors}",
  "signoff.unmet.approvals.count":
    "Approvals: {count} counted, needs {op, select, more_than {more than} other {at least}} {needed}",
  "signoff.unmet.approvals.count.sector":
    "Approvals: {sector} {count} counted, needs {op, select, more_than {more than} other {at least}} {needed}",
  "signoff.unmet.approvals.share":
    "Approvals: {yes} of {total} {of, select, cast {votes cast} present {voters present} other {registered voters}} approved, needs {op, select, more_than {more than} other {at least}} {needed}",
  "signoff.unmet.approvals.share.sector":
    "Approvals: {sector} {yes} of {total} {of, select, cast {votes cast} present {voters present} other {registered voters}} approved, needs {op, select, more_than {more than} other {at least}} {needed}",
  "signoff.unmet.approvals.equal":
    "Approvals: {share, number, percent} with sectors weighted equally, needs {op, select, more_than {more than} other {at least}} {needed}",
  "signoff.unmet.quorum":
    "Quorum: {present} of {registered} took part, needs {op, select, more_than {more than} other {at least}} {needed}",
  "signoff.unmet.quorum.sector":
    "Quorum: {sector} {present} of {registered} took part, needs {op, select, more_than {more than} other {at least}} {needed}",

  "signoff.notCounted.undeclared": "undeclared",
  "signoff.notCounted.expired": "declaration expired",
  "signoff.notCounted.not-yet": "declaration not current yet",
  "signoff.notCounted.unknown-sector": "sector not in the policy",
  "signoff.notCounted.invalid-date": "declaration date is not a real date",
  "signoff.notCounted.no-id": "declaration gives no account id",
  "signoff.notCounted.author": "author of the pull request",
  "signoff.notCounted.bot": "bot",
  "signoff.notCounted.earlier-commit": "approved an earlier commit",
  "signoff.notCounted.over-cap": "over the cap of approvals for their sector",
  "signoff.notCounted.edited-comment": "edited comment",
  "signoff.notCounted.observer": "observer",
  "signoff.notCounted.recused": "recused",
  "signoff.notCounted.other-base": "approved under another base branch",

  "signoff.warning.noVoters": "Sector {sector} has no voters: a condition that needs it cannot be met",
} satisfies Record<string, string>;

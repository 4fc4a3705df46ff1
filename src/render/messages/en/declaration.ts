// English messages of the "declaration" area (ICU MessageFormat). Keys start with "declaration.".
// Titles are what src/core/declarations.ts returns; reasons name each NotDeclaredReason code.
export const declaration = {
  "declaration.title.success": "All contributors have declared",
  "declaration.title.failure":
    "{count, plural, one {# contributor has} other {# contributors have}} not declared: {logins}",
  "declaration.title.invalid":
    "The governance policy or registry is invalid ({count, plural, one {# error} other {# errors}})",
  "declaration.title.commitsTruncated":
    "This pull request has more commits than GitHub lists ({listed} of {total}): its committers cannot all be checked. Squash its commits or split it into smaller pull requests",
  "declaration.reason.no-entry": "no entry in the registry",
  "declaration.reason.expired": "declaration expired on {expiredOn}",
  "declaration.reason.not-yet": "declaration dated {declared}, not current yet",
  "declaration.reason.unknown-sector": "sector {sector} is not in the policy",
  "declaration.reason.invalid-date": "declaration date {value} is not a real date",
  "declaration.reason.no-id": "the declaration gives no account id",
  "declaration.reason.no-account": "commit {commit} has an e-mail that GitHub links to no account",
  "declaration.inThisPr": "declared in this pull request",
  "declaration.exempt.bot": "bot account, never asked to declare",
  "declaration.exempt.exempt": "exempt by the policy",
} satisfies Record<string, string>;

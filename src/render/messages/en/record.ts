// English messages of the "record" area (ICU MessageFormat). Keys start with "record.".
export const record = {
  "record.heading":
    "{outcome, select, adopted {Record {seq}: decision adopted} pushed {Record {seq}: direct push to the default branch} other {Record {seq}: decision withdrawn}}",
  "record.mergedWithoutSignoff":
    "**Merged without sign-off:** this pull request was merged while its sign-off did not hold (an administrator override).",
  "record.pullRequest": "Pull request",
  "record.kinds": "Decision kinds",
  "record.author": "Author",
  "record.authorSector": "{login} ({sector})",
  "record.authorUndeclared": "{login} (no current declaration)",
  "record.signedOff": "Sign-off",
  "record.signedOff.value": "{held, select, yes {held when the pull request closed} other {did not hold when the pull request closed}}",
  "record.approvals": "Counted approvals",
  "record.approvals.sector": "{sector}: {logins}",
  "record.objections": "Objections",
  "record.objection": "{login} ({sector})",
  "record.opened": "Opened",
  "record.closed": "Closed",
  "record.mergeCommit": "Merge commit",
  "record.none": "none",
  // A field of a record: its label and the punctuation the language puts after it.
  "record.field": "{label}:",
  "record.votes": "Votes by sector",
  "record.votes.sector": "Sector",
  "record.votes.yes": "Yes",
  "record.votes.no": "No",
  "record.votes.abstain": "Abstain",
  "record.votes.recused": "Recused",
  "record.carriedBy": "“{kind}” was carried by alternative {branch} of its rule.",
  "record.json":
    "The record as JSON. Its `hash` is the SHA-256 of the record without `hash`, in the JSON Canonicalization Scheme (RFC 8785); `prev` is the hash of the record before.",
  "record.log.intro":
    "This issue is the public log of the decisions closed in {period}. The app adds one record per decision when its pull request closes; each record is chained to the one before it by its hash, so that editing, deleting or reordering records can be detected.",
  "record.log.comments": "Comments from people are welcome here; they are not part of the log.",
  "record.log.duplicate": "This issue duplicates the log {url} of the same period and is closed; the log continues there.",
  "record.log.closedNoReport": "The log of {period} is closed: the log of the next period has opened.",
  "record.verify.usage":
    "Usage: partnership-governance verify --repo OWNER/NAME [--period P] [--app SLUG] [--json]\n\nReads every record of the log on GitHub (with --period, up to and including that period), recomputes each hash and link, compares each record with its anchor (the app's `Transparency record` check run) and each anchor with the log, and names every record that was edited (its text changed, or its comment edited at all), deleted, inserted, reordered, written by anyone but the app (SLUG[bot]; default: the app whose credentials are used), or left without its anchor. --json prints one JSON object (ok, count, head, problems). Exit 0 intact, 1 tampered, 2 error. Credentials: GITHUB_TOKEN (with --app), or APP_ID and PRIVATE_KEY; GITHUB_API_URL for GitHub Enterprise.",
  "record.verify.intact":
    "intact: {count, plural, =0 {the log holds no record} one {# record} other {# records}}{count, plural, =0 {} other {, head {head}}}",
  "record.verify.tampered":
    "tampered: record {seq} ({pr, select, none {pull request unknown} other {pull request {pr}}}) was {problem, select, edited {edited} deleted {deleted} inserted {inserted} reordered {moved out of order} foreign {written by someone other than the app} unanchored {left without its anchor} other {made unreadable}}",
  "record.verify.where": "at {url}",
  "record.verify.detail": "detail: {detail}",
  "record.pushedWithoutPr": "**Pushed directly to the default branch:** this commit reached the default branch without a pull request, so without any sign-off.",
  "record.forcePushed": "**Force-pushed:** the default branch did not move forward: this push rewound it or replaced its history, and is judged on everything that differs from the branch before it, what it took away included.",
  "record.judgedBy": "**Rules invalid:** the policy on the default branch before this push was invalid, so this push is on the record whatever it changed, judged by the last valid rules, those of commit {commit}.",
  "record.defaultBranchSwitched": "**Default branch switched** from {from} to {to}: the rules and governed files now come from another branch, judged by those of {from} before the switch.",
  "record.pusher": "Pushed by",
  "record.commit": "Commit",
  "record.rules": "Judged by the rules of commit",
  "record.anchor.title": "Record {seq} of the transparency log",
  "record.anchor.summary": "This check run anchors record {seq} of the repository's transparency log ({url}). Only the app can write or change it and nobody can delete it, so `verify` compares it with the log.\n\n- seq: {seq}\n- hash: `{hash}`\n- prev: `{prev}`",
  "record.anchor.follows": "This is a copy, written on the commit of record {prevSeq}, the record before it: `verify` finds record {seq} from there even when the commit of record {seq} itself (`{commit}`) has left every branch.",
  "record.verify.needApp": "Which app wrote the record? Give --app SLUG (the app's name in its address, github.com/apps/SLUG), or run with the app's own APP_ID and PRIVATE_KEY.",
  "record.verify.badApp": "`{value}` is not an app's slug (letters, digits and hyphens)",
} satisfies Record<string, string>;

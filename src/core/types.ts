// The shared vocabulary of the project: the normalised policy and registry (built by src/policy),
// the facts gathered from GitHub (built by src/github, or by `simulate` from a file), and the
// results of the pure core (read by src/render). Nothing here does any I/O.

/** A message of the catalog, rendered later in the policy's language (src/render/i18n.ts). */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number | Date>;
}

export type Language = "en" | "fr" | "es" | "ru" | "zh" | "ar";
export const LANGUAGES: readonly Language[] = ["en", "fr", "es", "ru", "zh", "ar"];

/** A position in a source file, 1-based as editors show it. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic extends SourcePos {
  severity: "error" | "warning";
  /** A stable code for tests and tooling, e.g. "policy.sectors.too-few". */
  code: string;
  message: MessageRef;
}

// ---------------------------------------------------------------------------------------------
// Policy

export interface Sector {
  id: string;
  name: string;
}

/** Where the registry lives: a path in the governed repository, or a file of another repository. */
export type RegistryLocation =
  | { kind: "local"; path: string }
  | { kind: "remote"; owner: string; repo: string; path: string };

/** An exact non-negative rational number: `2/3`, `0.75` (= 3/4), `1/2`. Always reduced. */
export interface Fraction {
  num: number;
  den: number;
  /** As the policy wrote it, for messages: "2/3", "0.75". */
  text: string;
}

export type Comparison = "at_least" | "more_than";

/** `in:` of a condition. A single sector id is `{ kind: "sectors", ids: [id] }`. */
export type Scope =
  | { kind: "all" }
  | { kind: "each" }
  | { kind: "sectors"; ids: string[] };

export type Denominator = "cast" | "present" | "registered";

export type Condition =
  | {
      type: "approvals";
      op: Comparison;
      /** Exactly one of `count` and `share` is set. */
      count?: number;
      share?: Fraction;
      /** Set exactly when `share` is. */
      of?: Denominator;
      in: Scope;
      weights: "equal" | "members";
      maxPerSector?: number;
      pos?: SourcePos;
    }
  | { type: "quorum"; op: Comparison; share: Fraction; in: Scope; pos?: SourcePos }
  | { type: "sectors"; atLeast: number; include: string[]; pos?: SourcePos }
  | { type: "all"; of: Condition[]; pos?: SourcePos }
  | { type: "any"; of: Condition[]; pos?: SourcePos };

export interface DecisionKind {
  id: string;
  name: string;
  paths: string[];
  labels: string[];
  /** `sign_off` is compiled into a rule; `form` remembers which one the policy wrote. */
  rule: Condition;
  form: "sign_off" | "rule";
  commentPeriodHours: number;
  objections: "block" | "record";
  abstentions: "excluded" | "as_no";
  dismissStale: boolean;
  /** True for the built-in `governance` kind (not written in the policy). */
  builtin: boolean;
  /** The sector this kind admits new members of (`declarations.admission: sector`); never in `decisions`. */
  admits?: string;
}

export type ReportPeriod = "weekly" | "monthly" | "quarterly" | "off";

export interface Policy {
  sectors: Sector[];
  registry: RegistryLocation;
  declarations: {
    requiredFor: Array<"author" | "committers">;
    renewAfterDays: number;
    /**
     * `required` (the default): an entry without the account's numeric id is not current.
     * `optional`: entries without an id are matched by login alone (`validate` warns).
     */
    ids: "required" | "optional";
    /** Lowercased logins. */
    exempt: string[];
    /**
     * How a PR that only adds declarations is decided. `governance` (the default): like any
     * registry change. `sector`: a PR whose only change is new entries of one sector X is
     * admitted by one current voter of X (`admissionKinds`); anything else stays `governance`.
     */
    admission?: "governance" | "sector";
    /**
     * `declarations.request_reviews`: after both checks are written, request reviews on a
     * decision PR from the voters of the sectors whose sign-off is still missing (a courtesy
     * write, src/core/review-requests.ts). Absent or false: never.
     */
    requestReviews?: boolean;
  };
  /** With `declarations.admission: sector`, one kind per sector: admitted by one voter of it. */
  admissionKinds?: DecisionKind[];
  /** Every kind, the `governance` kind (built-in or declared) always included, last if built-in. */
  decisions: DecisionKind[];
  transparency: {
    log: boolean;
    report: ReportPeriod;
    labels: string[];
    language: Language;
  };
  /** The file the policy was read from (after `_extends`, the governed repository's file). */
  path: string;
  /**
   * The rules files of the governed repository: paths whose change is always a `governance`
   * decision, whatever the policy says. `.github/governance.yml` (even where the organisation's
   * policy governs the repository and it has no such file yet), every file of this repository the
   * policy is read from (its `_extends` bases here), and the registry when it is here.
   */
  rulesFiles: string[];
}

// ---------------------------------------------------------------------------------------------
// Registry

export type EntryProblem =
  | { code: "unknown-sector"; sector: string }
  | { code: "invalid-date"; value: string };

export interface RegistryEntry {
  login: string;
  /**
   * The account's numeric GitHub user id. Identity is the id: an entry with one counts only for
   * the account with that id, whatever its login is now.
   */
  id?: number;
  sector: string;
  organisation: string;
  /** YYYY-MM-DD as written (validated: a problem is set when it is not a real date). */
  declared: string;
  interests: string;
  voter: boolean;
  /** A problem of this one entry: the declaration is not current, with this reason. */
  problem?: EntryProblem;
  pos: SourcePos;
}

export interface Registry {
  /** Where it was read from, for links and messages ("STAKEHOLDERS.yml", "org/repo:people.yml"). */
  path: string;
  entries: RegistryEntry[];
}

// ---------------------------------------------------------------------------------------------
// Facts of one pull request, as gathered from GitHub (or from a `simulate` PR file)

export interface Actor {
  login: string;
  /**
   * The account's numeric GitHub user id (REST `user.id`, GraphQL `databaseId`). Null only when
   * it is not known (a `simulate` PR file that gives none): then the account is matched to the
   * registry by login, as if the ids agreed.
   */
  id: number | null;
  isBot: boolean;
}

export interface ReviewFact {
  id: number;
  user: Actor;
  /** GitHub's review states. */
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitId: string;
  submittedAt: string;
  /**
   * For a DISMISSED review: who dismissed it (null when GitHub does not say), when, and what the
   * review was before (null when unknown). From the PR's timeline (ReviewDismissedEvent), which
   * nobody can edit. A dismissal by anyone but the review's author does not lift an objection.
   */
  dismissal?: ReviewDismissal;
  /**
   * An approval given while the PR had another base than the one it has now (SPEC.md: it does
   * not count after the PR is retargeted). Set by the core (src/core/signals.ts), never by GitHub.
   */
  otherBase?: boolean;
}

export interface ReviewDismissal {
  by: Actor | null;
  at: string;
  previousState: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | null;
}

/**
 * A command the app has seen in an unedited comment, as its own sign-off check run remembers it
 * (src/github/signal-memo.ts). A seen command stands whatever happens to its comment later:
 * editing or deleting a comment withdraws nothing (SPEC.md "How votes are read").
 */
export interface SeenCommand {
  commentId: number;
  login: string;
  /** The author's numeric GitHub id, when it was known. */
  userId: number | null;
  verb: "abstain" | "recuse";
  createdAt: string;
}

/**
 * A decision label the app has seen on a PR, remembered in its own sign-off check runs (the memo,
 * src/github/signal-memo.ts): a writer who deletes the label from the repository takes it off the
 * PR and out of the PR's timeline, but not out of the app's memory. `at`: when it was first seen.
 */
export interface SeenLabel {
  verb: "label";
  label: string;
  at: string;
}

/** What the memo holds for one PR: the commands and the decision labels the app has seen. */
export type MemoEntry = SeenCommand | SeenLabel;

/**
 * A comment of the PR deleted by someone other than its author (CommentDeletedEvent, the PR's
 * timeline). `author` null: more deletions than were read, so any person's comment may be one.
 */
export interface DeletedComment {
  author: string | null;
  by: string | null;
  at: string;
}

/** A label added to or removed from the PR, from its timeline (LabeledEvent, UnlabeledEvent). */
export interface LabelEvent {
  label: string;
  added: boolean;
  at: string;
  actor: string | null;
}

/** A change of the PR's base branch, from its timeline (BaseRefChangedEvent). */
export interface BaseChange {
  /** The base before and after; null when GitHub does not say (REST's timeline gives no names). */
  from: string | null;
  to: string | null;
  at: string;
  actor: string | null;
}

export interface CommentFact {
  id: number;
  user: Actor;
  body: string;
  createdAt: string;
  /** True when `updated_at` is later than `created_at`. */
  edited: boolean;
  /** GitHub's `updated_at` (the sweep's signature notes it: src/evaluate/sweep-hint.ts). */
  updatedAt?: string;
  /**
   * Set by the core for a command the app saw before its comment was edited or deleted: the
   * comment stands as it was seen (src/core/signals.ts). Never set by GitHub's facts.
   */
  remembered?: boolean;
}

export interface CommitFact {
  sha: string;
  /** The GitHub account linked to the commit's author e-mail, or null when there is none. */
  author: Actor | null;
  /** The e-mail/name in the commit, for messages when no account is linked. */
  authorName?: string;
}

export interface ChangedFile {
  filename: string;
  previousFilename?: string;
}

export interface PullRequestFacts {
  number: number;
  title: string;
  author: Actor;
  draft: boolean;
  state: "open" | "closed";
  merged: boolean;
  createdAt: string;
  closedAt?: string | null;
  mergeCommitSha?: string | null;
  /**
   * Whether the PR is in a merge queue now (GraphQL `PullRequest.mergeQueueEntry`); undefined when
   * GitHub did not say (read through REST). A queued PR that stops holding has the queue's groups
   * that hold it judged again (src/evaluate/queued-groups.ts).
   */
  queued?: boolean;
  headSha: string;
  /** The labels the PR carries now. */
  labels: string[];
  /**
   * Every label added or removed, in time order (the PR's timeline). A PR that has carried a
   * decision label stays that kind of decision (src/core/decisions.ts). Undefined: not read.
   */
  labelEvents?: LabelEvent[];
  /**
   * The branch the PR is based on, and the repository's default branch. Only a PR into the
   * default branch is judged (SPEC.md); undefined (a `simulate` PR file) is taken as into it.
   */
  baseRef?: string;
  defaultBranch?: string;
  /** Every change of the PR's base, in time order (the PR's timeline). */
  baseChanges?: BaseChange[];
  /** The commands the app's own sign-off check runs remember having seen (the memo). */
  seenCommands?: SeenCommand[];
  /** The decision labels the app's own sign-off check runs remember having seen on this PR (the memo). */
  seenLabels?: SeenLabel[];
  /**
   * Set when the app could not find its whole memo (src/github/memo-search.ts), with the PR's
   * comments deleted by others: a voter whose comment was deleted or edited may have a command
   * the app no longer remembers (src/core/memo-gap.ts fails closed for them).
   */
  memoUnreachable?: { deleted: DeletedComment[] };
  files: ChangedFile[];
  /**
   * True when GitHub could not list every changed file (it lists at most 3,000 of a PR): then
   * nobody can tell which governed paths the PR touches, and it is judged as a decision of every
   * kind that has paths, and of `governance` (fail closed).
   */
  filesTruncated?: boolean;
  /** Present when `committers` is in `declarations.required_for`. */
  commits?: CommitFact[];
  /**
   * How many commits GitHub counts in the PR (with `commits`): GitHub lists at most 250 of them, so
   * when it counts more, the committers cannot all be checked and the declaration check fails.
   */
  commitCount?: number;
  reviews: ReviewFact[];
  comments: CommentFact[];
  /**
   * The author's own entry as the PR's head registry has it, when the PR changes the registry
   * (for "declared in this pull request"). Undefined when the PR does not touch the registry.
   */
  headAuthorEntry?: RegistryEntry | null;
  /**
   * Every entry of the registry as the PR's head has it (judged by the default branch's policy),
   * when the PR changes the local registry and the head's file is valid; null when it is not.
   */
  headRegistryEntries?: RegistryEntry[] | null;
  /**
   * Errors of the policy and registry as the PR's head would leave them, when the PR changes
   * either (empty when they are valid). Undefined when it changes neither.
   */
  headDiagnostics?: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Results of the core

export type Outcome = "success" | "failure" | "pending";

export type NotDeclaredReason =
  | { code: "no-entry" }
  | { code: "expired"; expiredOn: string }
  | { code: "not-yet"; declared: string }
  | { code: "unknown-sector"; sector: string }
  | { code: "invalid-date"; value: string }
  /** The entry gives no account id, and the policy requires ids (`declarations.ids: required`). */
  | { code: "no-id" }
  | { code: "no-account"; commit: string; name?: string };

export interface DeclarationResult {
  outcome: "success" | "failure";
  title: MessageRef;
  /** Everyone who had to declare and did (login as GitHub spells it). */
  declared: Array<{ login: string; entry: RegistryEntry; inThisPr: boolean }>;
  /** Everyone who had to declare and has not, each with why (and their account id, for the entry to paste). */
  missing: Array<{ login: string | null; reason: NotDeclaredReason; id?: number | null }>;
  /** Those never asked (bots, exempt). */
  exempt: Array<{ login: string; why: "bot" | "exempt" }>;
  /** Set when the policy or registry is invalid: the check fails with these. */
  diagnostics?: Diagnostic[];
}

export type NotCountedReason =
  | "undeclared"
  | "expired"
  | "not-yet"
  | "unknown-sector"
  | "invalid-date"
  | "no-id"
  | "author"
  | "bot"
  | "earlier-commit"
  | "over-cap"
  | "edited-comment"
  | "observer"
  | "recused"
  | "other-base";

export type Vote = "yes" | "no" | "abstain" | "recused";

export interface VoteFact {
  login: string;
  sector: string;
  vote: Vote;
  /** What made it: a review id or a comment id, and when. */
  source: { type: "review" | "comment"; id: number; at: string };
}

export interface Tally {
  /**
   * For each sector of the policy, in the policy's order. Each list is in the order the votes
   * were cast (earliest first; `max_per_sector` counts the earliest "yes"). `registered` is the
   * sector's voters minus those who recused.
   */
  bySector: Record<string, { yes: string[]; no: string[]; abstain: string[]; recused: string[]; registered: number }>;
  /** The kind's `abstentions`: with "as_no", abstentions count as "no" in `cast`. Default "excluded". */
  abstentions?: "excluded" | "as_no";
}

export interface ConditionResult {
  condition: Condition;
  holds: boolean;
  /** For all/any. */
  children?: ConditionResult[];
  /** For `any`: index of the first child that holds. */
  carriedBy?: number;
  /** The numbers, one line per sector (or one for `all`), for rendering. */
  lines?: Array<{
    scope: string; // a sector id, or "all"
    numerator: number;
    denominator?: number; // absent for plain counts
    holds: boolean;
    /** For weights: equal, the mean share as a fraction. */
    share?: { num: number; den: number };
    noVoters?: boolean;
  }>;
  /** Sectors that a condition needs but that have no voters (reported, never skipped). */
  sectorsWithoutVoters?: string[];
  /** For `sectors`: which required sectors are missing. */
  missingSectors?: string[];
  /** For counts with `max_per_sector`: "yes" votes beyond the cap (the latest ones), not counted. */
  overCap?: Array<{ login: string; sector: string }>;
}

export interface KindResult {
  kind: DecisionKind;
  holds: boolean;
  tree: ConditionResult;
  tally: Tally;
  /** Counted approvers by sector (after caps), sorted logins. */
  approvals: Record<string, string[]>;
  /**
   * Objections that count (voters' "no"), each with whether it blocks; `dismissedBy` (and
   * `dismissedAt`) when someone else dismissed the review: the objection stands all the same.
   */
  objections: Array<{ login: string; sector: string; blocking: boolean; dismissedBy?: string | null; dismissedAt?: string }>;
  notCounted: Array<{ login: string; reason: NotCountedReason; source: "review" | "comment" }>;
  commentPeriodEnds: string; // ISO
  commentPeriodOver: boolean;
  /** First unmet thing, as a title message, when !holds. */
  firstUnmet?: MessageRef;
}

export interface SignoffResult {
  outcome: Outcome;
  title: MessageRef;
  isDecision: boolean;
  kinds: KindResult[];
  /** Set when the policy/registry (or the PR's head's) is invalid. */
  diagnostics?: Diagnostic[];
  /** Why a PR is not judged at all (it is not into the default branch): "Not a decision". */
  notJudged?: { reason: "other-base"; base: string; defaultBranch: string };
  /** Warnings to show (e.g. sectors without voters). */
  warnings?: Diagnostic[];
  /**
   * The people of the registry whose commands the app may have forgotten (its memo could not be
   * found, and a comment of theirs was deleted by someone else or edited), each until they give a
   * signal again: the sign-off fails until then (src/core/memo-gap.ts).
   */
  memoGap?: Array<{ login: string; since: string }>;
  /**
   * True when the sign-off holds as a merge would need it: every kind holds, no blocking
   * objection, every comment period over (draft state ignored). The record's `signed_off`.
   */
  signedOff: boolean;
}

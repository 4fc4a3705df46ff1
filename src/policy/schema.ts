// The one schema of the policy and the registry: shapes, bounds and every default live here.
// It validates (src/policy/policy.ts, registry.ts), and the same value is emitted as JSON Schema
// for editors (write-schemas.ts -> schema/*.schema.json). Checks that need the whole file (sector
// ids that exist, impossible rules) are in policy.ts. A custom `error` is a catalog key.
import { z } from "zod";
import { MAX_GLOB_LENGTH, MAX_GLOBS_PER_KIND, MAX_RULE_DEPTH } from "../constants.js";
import { LANGUAGES } from "../core/types.js";
import { MAX_DECIMAL_DIGITS, MAX_FRACTION_TERM } from "./fraction.js";
import { MAX_BRACE_PATTERNS, MAX_GLOBSTARS, MAX_STARS_PER_SEGMENT } from "./glob.js";

export const MIN_SECTORS = 2;
export const MAX_SECTORS = 20;
export const MAX_NAME_CHARS = 100;
export const MAX_ID_CHARS = 50;
export const MAX_RENEW_AFTER_DAYS = 3650;
export const MAX_EXEMPT = 500;
export const MAX_DECISIONS = 50;
export const MAX_LABELS = 20;
/** GitHub's own limit on a label's name. */
export const MAX_LABEL_CHARS = 50;
export const MAX_COMMENT_PERIOD_HOURS = 8760;
export const MAX_VOTE_COUNT = 1000;
export const MAX_CONDITIONS = 20;
export const MAX_STAKEHOLDERS = 10_000;
export const MAX_ORGANISATION_CHARS = 200;
export const MAX_INTERESTS_CHARS = 2000;
export const MAX_REF_CHARS = 300;

export const ID_PATTERN = /^[a-z0-9-]+$/;
/** GitHub logins: letters, digits, single hyphens inside, at most 39 characters. */
export const LOGIN_PATTERN = /^[A-Za-z0-9](?:-?[A-Za-z0-9])*$/;
const BOT_LOGIN_PATTERN = /^[A-Za-z0-9](?:-?[A-Za-z0-9])*(?:\[bot\])?$/;

const id = (what: string) =>
  z
    .string()
    .min(1)
    .max(MAX_ID_CHARS)
    .regex(ID_PATTERN, { error: "policy.id.format" })
    .describe(`${what}: lowercase letters, digits and '-', at most ${MAX_ID_CHARS} characters`);

const name = (what: string) => z.string().min(1).max(MAX_NAME_CHARS).describe(`${what}, at most ${MAX_NAME_CHARS} characters`);

const login = z.string().max(39).regex(LOGIN_PATTERN, { error: "policy.login.format" });

const label = z.string().min(1).max(MAX_LABEL_CHARS).describe(`a label, at most ${MAX_LABEL_CHARS} characters`);

const glob = z
  .string()
  .min(1)
  .max(MAX_GLOB_LENGTH)
  .describe(
    `a minimatch glob on changed files (old and new names), at most ${MAX_GLOB_LENGTH} characters; ` +
      `never starting with '!'; expanding into at most ${MAX_BRACE_PATTERNS} patterns through braces; ` +
      `at most ${MAX_GLOBSTARS} '**' segments and ${MAX_STARS_PER_SEGMENT} '*' per path segment; no nested extglobs`,
  );

const threshold = z
  .union([z.number().min(0), z.string().max(20)], { error: "policy.rule.threshold-type" })
  .describe(
    `a whole number (a count of "yes" votes, at most ${MAX_VOTE_COUNT}) or a fraction from 0 to 1: ` +
      `"2/3" (terms at most ${MAX_FRACTION_TERM}) or a decimal like 0.75 (at most ${MAX_DECIMAL_DIGITS} digits after the point)`,
  );

const scope = z
  .union([z.string().max(MAX_ID_CHARS), z.array(z.string().max(MAX_ID_CHARS)).min(1).max(MAX_SECTORS)], { error: "policy.rule.in-type" })
  .describe(`"all" (votes of all sectors pooled, the default), "each" (in every sector), a sector id, or a list of sector ids`);

export const approvalsSchema = z
  .object({
    at_least: threshold.optional(),
    more_than: threshold.optional(),
    of: z.enum(["cast", "present", "registered"]).optional().describe("the denominator of a fraction; required with a fraction, not allowed with a count"),
    in: scope.optional(),
    weights: z.enum(["equal", "members"]).optional().describe('with in: all and a fraction: "equal" gives every sector the same weight; "members" (default) counts every voter once'),
    max_per_sector: z.int().min(1).max(MAX_VOTE_COUNT).optional().describe(`with a count: at most this many "yes" of one sector count (1 to ${MAX_VOTE_COUNT})`),
  })
  .strict()
  .describe("approvals: exactly one of at_least and more_than");

export const quorumSchema = z
  .object({
    at_least: threshold.optional(),
    more_than: threshold.optional(),
    in: scope.optional(),
  })
  .strict()
  .describe("the share of registered voters who took part: exactly one of at_least and more_than, a fraction");

export const sectorsConditionSchema = z
  .object({
    at_least: z.int().min(1).max(MAX_SECTORS).describe(`distinct sectors with at least one "yes" (1 to ${MAX_SECTORS})`),
    include: z.array(z.string().max(MAX_ID_CHARS)).max(MAX_SECTORS).optional().describe("sector ids that must be among them"),
  })
  .strict();

export type RawCondition = {
  approvals?: z.infer<typeof approvalsSchema>;
  quorum?: z.infer<typeof quorumSchema>;
  sectors?: z.infer<typeof sectorsConditionSchema>;
  all?: RawCondition[];
  any?: RawCondition[];
};

export const conditionSchema: z.ZodType<RawCondition> = z
  .object({
    approvals: approvalsSchema.optional(),
    quorum: quorumSchema.optional(),
    sectors: sectorsConditionSchema.optional(),
    get all() {
      return z.array(conditionSchema).min(1, { error: "policy.rule.empty" }).max(MAX_CONDITIONS).optional();
    },
    get any() {
      return z.array(conditionSchema).min(1, { error: "policy.rule.empty" }).max(MAX_CONDITIONS).optional();
    },
  })
  .strict()
  .meta({
    minProperties: 1,
    maxProperties: 1,
    description: `one condition: approvals, quorum, sectors, all or any; all/any hold 1 to ${MAX_CONDITIONS} conditions, nested at most ${MAX_RULE_DEPTH} deep`,
  });

export const signOffSchema = z
  .object({
    sectors: z.int().min(1).max(MAX_SECTORS).default(2).describe(`distinct sectors with a counted approval (1 to ${MAX_SECTORS}); default 2`),
    required_sectors: z.array(z.string().max(MAX_ID_CHARS)).max(MAX_SECTORS).default([]).describe("sector ids that must be among them; default []"),
    approvals: z.int().min(1).max(MAX_VOTE_COUNT).optional().describe(`counted approvals in total (1 to ${MAX_VOTE_COUNT}); default: the value of sectors`),
    max_per_sector: z.int().min(1).max(MAX_VOTE_COUNT).optional().describe(`at most this many approvals of one sector count (1 to ${MAX_VOTE_COUNT}); default no cap`),
  })
  .strict();

export const decisionKindSchema = z
  .object({
    id: id("the kind's id"),
    name: name("the kind's name"),
    paths: z.array(glob).max(MAX_GLOBS_PER_KIND).default([]).describe(`globs of changed files that make a PR this kind (at most ${MAX_GLOBS_PER_KIND}); default []`),
    labels: z.array(label).max(MAX_LABELS).default([]).describe(`a PR with any of these labels is this kind too (at most ${MAX_LABELS}); default []`),
    sign_off: signOffSchema.optional().describe("who must approve; default { sectors: 2 } when no rule is given; never together with rule"),
    rule: conditionSchema.optional().describe("a charter's decision rule, instead of sign_off"),
    comment_period_hours: z.int().min(0).max(MAX_COMMENT_PERIOD_HOURS).default(0).describe(`hours the PR must have been open (0 to ${MAX_COMMENT_PERIOD_HOURS}); default 0`),
    objections: z.enum(["block", "record"]).default("block").describe("block | record; default block"),
    abstentions: z.enum(["excluded", "as_no"]).default("excluded").describe("excluded (count as present, not cast) | as_no; default excluded"),
    dismiss_stale: z.boolean().default(true).describe("approvals of an earlier head commit do not count; default true"),
  })
  .strict();

export const policySchema = z
  .object({
    _extends: z.string().min(1).max(MAX_REF_CHARS).optional().describe('a base policy: ".github", "repo", "owner/repo" or "owner/repo:path.yml"; each top-level key here replaces the base\'s, whole'),
    sectors: z.array(z.object({ id: id("the sector's id"), name: name("the sector's name") }).strict()).min(MIN_SECTORS).max(MAX_SECTORS).describe(`the sectors of the partnership, ${MIN_SECTORS} to ${MAX_SECTORS}`),
    registry: z.string().min(1).max(MAX_REF_CHARS).default("STAKEHOLDERS.yml").describe('the registry: a path in this repository, or "owner/repo:path/file.yml"; default STAKEHOLDERS.yml'),
    declarations: z
      .object({
        required_for: z.array(z.enum(["author", "committers"])).min(1).max(2).default(["author"]).describe("non-empty subset of [author, committers]; default [author]"),
        renew_after_days: z.int().min(0).max(MAX_RENEW_AFTER_DAYS).default(365).describe(`days a declaration stays current (0 = never expires; at most ${MAX_RENEW_AFTER_DAYS}); default 365`),
        ids: z
          .enum(["required", "optional"])
          .default("required")
          .describe("required: every registry entry must give the account's numeric GitHub id (an entry without one is not current); optional: entries without an id are matched by login alone (validate warns); default required"),
        exempt: z.array(z.string().max(45).regex(BOT_LOGIN_PATTERN, { error: "policy.login.format" })).max(MAX_EXEMPT).default([]).describe(`logins never asked to declare (at most ${MAX_EXEMPT}); default []`),
        admission: z
          .enum(["governance", "sector"])
          .default("governance")
          .describe("how a PR that only adds declarations is decided. governance: like any registry change (two sectors). sector: a PR whose only change is new entries of one sector is admitted by one current voter of that sector; any other registry change stays a governance decision; default governance"),
        request_reviews: z
          .boolean()
          .default(false)
          .describe("true: once both checks are written on a decision PR, request reviews from the current voters of the sectors that have not signed off yet (never the author, never anyone twice, a bounded courtesy; needs the pull_requests: write permission); default false"),
      })
      .strict()
      .prefault({}),
    decisions: z.array(decisionKindSchema).max(MAX_DECISIONS).default([]).describe(`kinds of decision (at most ${MAX_DECISIONS}); default []`),
    transparency: z
      .object({
        log: z.boolean().default(true).describe("log every closed decision; default true"),
        report: z.enum(["weekly", "monthly", "quarterly", "off"]).default("monthly").describe("default monthly"),
        labels: z.array(label).max(10).default(["transparency"]).describe("labels of log and report issues (at most 10); default [transparency]"),
        language: z.enum(LANGUAGES as unknown as [string, ...string[]]).default("en").describe("the language of everything the app writes; default en"),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .describe("Partnership Governance policy (.github/governance.yml)");

export type RawPolicy = z.infer<typeof policySchema>;
export type RawDecisionKind = z.infer<typeof decisionKindSchema>;

export const stakeholderSchema = z
  .object({
    login: login.describe("GitHub login; matched case-insensitively; each login once"),
    id: z
      .int({ error: "policy.registry.id-type" })
      .min(1, { error: "policy.registry.id-type" })
      .max(Number.MAX_SAFE_INTEGER, { error: "policy.registry.id-type" })
      .optional()
      .describe("the account's numeric GitHub user id (`gh api users/LOGIN --jq .id`); identity is the id, not the login; each id once; required unless the policy sets declarations.ids: optional"),
    sector: z.string().min(1).max(MAX_ID_CHARS).describe("one of the policy's sector ids"),
    organisation: z.string().min(1).max(MAX_ORGANISATION_CHARS).describe(`at most ${MAX_ORGANISATION_CHARS} characters`),
    declared: z
      .union([z.string().max(40), z.date()], { error: "policy.registry.declared-type" })
      .describe("date of the declaration, YYYY-MM-DD")
      .meta({ type: "string", format: "date" }),
    interests: z.string().min(1).max(MAX_INTERESTS_CHARS).describe(`conflicts of interest ("none" is fine), at most ${MAX_INTERESTS_CHARS} characters`),
    voter: z.boolean().default(true).describe("false for an observer: declared, but casts no vote; default true"),
  })
  .strict();

export const registrySchema = z
  .object({
    stakeholders: z.array(stakeholderSchema).max(MAX_STAKEHOLDERS).default([]).describe(`the declarations (at most ${MAX_STAKEHOLDERS})`),
  })
  .strict()
  .describe("Partnership Governance registry of stakeholder declarations (STAKEHOLDERS.yml)");

export type RawRegistry = z.infer<typeof registrySchema>;

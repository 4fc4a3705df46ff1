// `partnership-governance simulate`: both checks for a pull request described in a file, offline.
// It reads the policy and the registry with the policy module and decides with the same core as
// the app (evaluateDeclarations, evaluateSignoff); only the facts come from a file, not GitHub.
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { CHECK_DECLARATION, CHECK_SIGNOFF, DEFAULT_POLICY_PATH } from "../constants.js";
import { governedFiles } from "../core/decisions.js";
import { evaluateDeclarations, invalidDeclaration } from "../core/declarations.js";
import { entryOf, indexRegistry, sameLogin } from "../core/people.js";
import { evaluateSignoff, invalidSignoff } from "../core/signoff.js";
import type {
  Actor,
  DeclarationResult,
  Diagnostic,
  Language,
  Policy,
  PullRequestFacts,
  Registry,
  SignoffResult,
} from "../core/types.js";
import { buildPolicy, readPolicyLayer } from "../policy/policy.js";
import { parseRegistry } from "../policy/registry.js";
import type { CheckOutput, RenderContext } from "../render/context.js";
import type { CliIO } from "./io.js";
import { renderDeclarationCheck } from "../render/declaration-check.js";
import { isLanguage, t } from "../render/i18n.js";
import { renderSignoffCheck } from "../render/signoff-check.js";

export const EXIT_EVALUATED = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}
class InputError extends Error {}

const REVIEW_STATES = ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED"] as const;
const isoTime = z.iso.datetime({ offset: true });

/** A GitHub account id: a positive whole number. */
const accountId = z.number().int().positive();

const prFileSchema = z.strictObject({
  number: z.number().int().positive(),
  title: z.string().optional(),
  author: z.string().min(1),
  /** The author's GitHub account id; without it the author is matched by login. */
  author_id: accountId.optional(),
  draft: z.boolean().optional(),
  created_at: isoTime,
  head_sha: z.string().min(1),
  labels: z.array(z.string()).optional(),
  files: z.array(z.union([z.string().min(1), z.strictObject({ filename: z.string().min(1), previous_filename: z.string().min(1).optional() })])),
  commit_authors: z
    // A login, or a commit author `{"login", "id"}` (with its sha if wanted): `login: null` is a
    // commit whose e-mail GitHub links to no account.
    .array(
      z.union([
        z.string().min(1),
        z.strictObject({ sha: z.string().min(1).optional(), login: z.string().min(1).nullable(), id: accountId.optional(), name: z.string().optional() }),
      ]),
    )
    .optional(),
  reviews: z
    .array(
      z.strictObject({
        id: z.number().int().optional(),
        user: z.string().min(1),
        user_id: accountId.optional(),
        state: z.enum(REVIEW_STATES),
        commit_id: z.string().min(1),
        submitted_at: isoTime,
      }),
    )
    .optional(),
  comments: z
    .array(
      z.strictObject({
        id: z.number().int().optional(),
        user: z.string().min(1),
        user_id: accountId.optional(),
        body: z.string(),
        created_at: isoTime,
        edited: z.boolean().optional(),
      }),
    )
    .optional(),
  head_registry: z.string().min(1).optional(),
});

export type PrFile = z.infer<typeof prFileSchema>;

/** A person of the PR file: without an id, matched to the registry by login, as if the ids agreed. */
const actor = (login: string, id?: number): Actor => ({ login, id: id ?? null, isBot: /\[bot\]$/i.test(login) });

/** The PR file as the facts the app would gather from GitHub (without the head's files). */
export function factsFromPrFile(pr: PrFile): PullRequestFacts {
  return {
    number: pr.number,
    title: pr.title ?? "",
    author: actor(pr.author, pr.author_id),
    draft: pr.draft ?? false,
    state: "open",
    merged: false,
    createdAt: pr.created_at,
    headSha: pr.head_sha,
    labels: pr.labels ?? [],
    files: pr.files.map((f) =>
      typeof f === "string"
        ? { filename: f }
        : { filename: f.filename, ...(f.previous_filename ? { previousFilename: f.previous_filename } : {}) },
    ),
    commits: (pr.commit_authors ?? [pr.author]).map((c, i) => {
      if (typeof c === "string") return { sha: `commit-${i + 1}`, author: sameLogin(c, pr.author) ? actor(c, pr.author_id) : actor(c) };
      return {
        sha: c.sha ?? `commit-${i + 1}`,
        author: c.login === null ? null : actor(c.login, c.id),
        ...(c.name !== undefined ? { authorName: c.name } : {}),
      };
    }),
    reviews: (pr.reviews ?? []).map((r, i) => ({
      id: r.id ?? i + 1,
      user: actor(r.user, r.user_id),
      state: r.state,
      commitId: r.commit_id,
      submittedAt: r.submitted_at,
    })),
    comments: (pr.comments ?? []).map((c, i) => ({
      id: c.id ?? 100_000 + i + 1,
      user: actor(c.user, c.user_id),
      body: c.body,
      createdAt: c.created_at,
      edited: c.edited ?? false,
    })),
  };
}

/** `--now`: a date (midnight UTC) or a date-time (UTC when it has no offset). */
export function parseNow(text: string): Date | null {
  const s = text.trim();
  let iso: string;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = `${s}T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) iso = `${s.replace(" ", "T")}Z`;
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) iso = s.replace(" ", "T");
  else return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  // Reject dates that roll over (2026-02-30 is not a day).
  const day = iso.slice(0, 10);
  if (!/[+-]\d{2}:?\d{2}$/.test(iso) && d.toISOString().slice(0, 10) !== day) return null;
  return d;
}

/** One line per problem of the PR file: `file: field: what is wrong`. */
function prFileProblems(file: string, data: unknown, error: z.ZodError, lang: Language): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length === 0 ? "" : issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    const valueAt = issue.path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
    let problem: string;
    if (issue.code === "unrecognized_keys") problem = t(lang, "checks.simulate.pr.unknownKeys", { keys: issue.keys.join(", ") });
    else if (issue.code === "invalid_type" && valueAt === undefined) problem = t(lang, "checks.simulate.pr.missing");
    else if (issue.code === "invalid_type") problem = t(lang, "checks.simulate.pr.type", { expected: issue.expected });
    else if (issue.code === "invalid_value") problem = t(lang, "checks.simulate.pr.oneOf", { values: issue.values.map(String).join(", ") });
    else if (issue.code === "invalid_format") problem = t(lang, "checks.simulate.pr.time");
    else problem = t(lang, "checks.simulate.pr.invalid");
    return t(lang, "checks.simulate.pr.problem", { file, field: field || "(root)", problem });
  });
}

interface Inputs {
  config: string;
  registry: string;
  pr: string;
  now: Date;
  json: boolean;
  lang?: Language;
}

function parseCommandLine(argv: string[], clock: () => Date): Inputs {
  let values: { config?: string; registry?: string; pr?: string; now?: string; json?: boolean; lang?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        config: { type: "string" },
        registry: { type: "string" },
        pr: { type: "string" },
        now: { type: "string" },
        json: { type: "boolean" },
        lang: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(t("en", "checks.simulate.usage.args", { detail: (e as Error).message }));
  }
  const missing = (["config", "registry", "pr"] as const).filter((k) => !values[k]);
  if (missing.length > 0) throw new UsageError(t("en", "checks.simulate.usage.missing", { options: missing.map((m) => `--${m}`).join(", ") }));
  let now = clock();
  if (values.now !== undefined) {
    const parsed = parseNow(values.now);
    if (!parsed) throw new UsageError(t("en", "checks.simulate.usage.now", { value: values.now }));
    now = parsed;
  }
  if (values.lang !== undefined && !isLanguage(values.lang)) {
    throw new UsageError(t("en", "checks.simulate.usage.lang", { value: values.lang }));
  }
  return {
    config: values.config!,
    registry: values.registry!,
    pr: values.pr!,
    now,
    json: values.json ?? false,
    ...(values.lang !== undefined ? { lang: values.lang as Language } : {}),
  };
}

async function readText(io: CliIO, path: string, lang: Language): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, path), "utf8");
  } catch (e) {
    throw new InputError(t(lang, "checks.simulate.read", { file: path, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}

/**
 * Where JSON.parse stopped, as line:column (V8 says "at position N", newer ones also "(line L
 * column C)"), and its message without the position.
 */
export function jsonErrorAt(text: string, message: string): { where: { line: number; column: number } | null; detail: string } {
  const detail = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/\s+at position \d+/, "").trim();
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const lineStart = before.lastIndexOf("\n") + 1;
    return { where: { line: (before.match(/\n/g)?.length ?? 0) + 1, column: before.length - lineStart + 1 }, detail };
  }
  // "Unexpected end of JSON input": at the end.
  if (/end of JSON input/.test(message)) {
    const lines = text.split("\n");
    return { where: { line: lines.length, column: lines.at(-1)!.length + 1 }, detail };
  }
  return { where: null, detail };
}

/** Reads the PR file and turns it into facts; the head registry is resolved by the caller. */
async function readPrFile(io: CliIO, path: string, lang: Language): Promise<PrFile> {
  const text = await readText(io, path, lang);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const { where, detail } = jsonErrorAt(text, (e as Error).message);
    throw new InputError(t(lang, "checks.simulate.pr.json", { file: where ? `${path}:${where.line}:${where.column}` : path, detail }));
  }
  const parsed = prFileSchema.safeParse(data);
  if (!parsed.success) throw new InputError(prFileProblems(path, data, parsed.error, lang).join("\n"));
  return parsed.data;
}

export interface Simulation {
  declaration: DeclarationResult;
  signoff: SignoffResult;
  /** Null when the policy or registry is invalid. */
  policy: Policy | null;
  registry: Registry | null;
  invalid: boolean;
}

/**
 * Runs `simulate` with its arguments (after the command name); returns the exit code. `clock`
 * is read only when `--now` is not given: the one place the real time is used.
 */
export async function runSimulate(argv: string[], io: CliIO, clock: () => Date = () => new Date()): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(`${t("en", "checks.simulate.usage")}\n`);
    return EXIT_EVALUATED;
  }
  let inputs: Inputs;
  try {
    inputs = parseCommandLine(argv, clock);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\n${t("en", "checks.simulate.usage")}\n`);
    return EXIT_USAGE;
  }
  const lang0 = inputs.lang ?? "en";
  try {
    const sim = await simulate(inputs, io, lang0);
    const lang = inputs.lang ?? sim.policy?.transparency.language ?? "en";
    const ctx = renderContext(inputs, sim.policy, lang);
    const declaration = renderDeclarationCheck(sim.declaration, ctx);
    const signoff = renderSignoffCheck(sim.signoff, ctx);
    if (inputs.json) io.stdout(`${JSON.stringify(jsonOutput(sim, declaration, signoff, lang), null, 2)}\n`);
    else {
      io.stdout(humanOutput(sim, declaration, signoff, lang));
      // As `validate` prints them: one `file:line:column: message` line per problem.
      if (sim.invalid) io.stderr(`${(sim.signoff.diagnostics ?? []).map((d) => plainDiagnostic(d, lang)).join("\n")}\n`);
    }
    return sim.invalid ? EXIT_INVALID : EXIT_EVALUATED;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr(`${e.message}\n`);
    // With --json, the answer a program reads: both checks fail, with the problems.
    if (inputs.json) {
      const problems = e.message.split("\n");
      const failed = { conclusion: "failure", title: t(lang0, "checks.simulate.input-invalid", { count: problems.length }), errors: problems };
      io.stdout(`${JSON.stringify({ declaration: failed, signoff: failed }, null, 2)}\n`);
    }
    return EXIT_INVALID;
  }
}

async function simulate(inputs: Inputs, io: CliIO, lang: Language): Promise<Simulation> {
  const pr = await readPrFile(io, inputs.pr, lang);
  const facts = factsFromPrFile(pr);
  const policyText = await readText(io, inputs.config, lang);
  // The file on disk stands for the governed repository's policy file: a PR that changes
  // `.github/governance.yml` is a governance decision, as in the app.
  const built = buildPolicy([readPolicyLayer(policyText, inputs.config)], { policyPath: DEFAULT_POLICY_PATH });
  const errors = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === "error");
  if (!built.policy) return invalid(built.diagnostics);
  const policy: Policy = { ...built.policy, path: DEFAULT_POLICY_PATH };
  const registryText = await readText(io, inputs.registry, lang);
  const reg = parseRegistry(registryText, inputs.registry, policy);
  if (!reg.registry) return invalid([...errors(built.diagnostics), ...reg.diagnostics]);
  const registry = reg.registry;

  // A head registry named in the PR file must exist, whether or not this PR changes the registry.
  const headText = pr.head_registry === undefined ? undefined : await readText(io, join(dirname(inputs.pr), pr.head_registry), lang);
  const changed = new Set(facts.files.flatMap((f) => [f.filename, f.previousFilename ?? ""]).map((p) => p.replace(/^\.\//, "")));
  const localRegistry = policy.registry.kind === "local" ? policy.registry.path.replace(/^\.\//, "") : null;
  const touchesRegistry = localRegistry !== null && changed.has(localRegistry);
  const touchesPolicy = governedFiles(policy).some((p) => p !== localRegistry && changed.has(p));
  if (touchesRegistry || touchesPolicy) {
    facts.headDiagnostics = [];
    if (pr.head_registry !== undefined && headText !== undefined) {
      const head = parseRegistry(headText, pr.head_registry, policy);
      // Only a head registry that is invalid as a file fails the sign-off; a problem of one
      // entry makes that one declaration not current, as on the default branch.
      facts.headDiagnostics = head.registry === null ? head.diagnostics : [];
      if (touchesRegistry && head.registry) {
        facts.headAuthorEntry = entryOf(indexRegistry(head.registry), facts.author) ?? null;
        facts.headRegistryEntries = head.registry.entries;
      }
    }
  }
  return {
    declaration: evaluateDeclarations({ policy, registry, facts, now: inputs.now }),
    signoff: evaluateSignoff({ policy, registry, facts, now: inputs.now }),
    policy,
    registry,
    invalid: false,
  };
}

function invalid(diagnostics: Diagnostic[]): Simulation {
  return {
    declaration: invalidDeclaration(diagnostics),
    signoff: invalidSignoff(diagnostics),
    policy: null,
    registry: null,
    invalid: true,
  };
}

function renderContext(inputs: Inputs, policy: Policy | null, lang: Language): RenderContext {
  return {
    lang,
    now: inputs.now,
    repo: { owner: "local", repo: "simulate" },
    defaultBranch: "main",
    policyUrl: inputs.config,
    registryUrl: inputs.registry,
    registryPath: inputs.registry,
    fileUrls: { [inputs.config]: inputs.config, [inputs.registry]: inputs.registry },
    ...(policy ? { policy } : {}),
  };
}

const conclusionOf = (outcome: "success" | "failure" | "pending"): string => outcome;

function jsonOutput(sim: Simulation, declaration: CheckOutput, signoff: CheckOutput, lang: Language): unknown {
  return {
    declaration: {
      conclusion: conclusionOf(sim.declaration.outcome),
      title: declaration.title,
      summary: declaration.summary,
      declared: sim.declaration.declared.map((d) => ({ login: d.login, sector: d.entry.sector, in_this_pr: d.inThisPr })),
      missing: sim.declaration.missing.map((m) => ({ login: m.login, reason: m.reason.code })),
      exempt: sim.declaration.exempt,
      ...(sim.declaration.diagnostics ? { diagnostics: sim.declaration.diagnostics.map((d) => jsonDiagnostic(d, lang)) } : {}),
    },
    signoff: {
      conclusion: conclusionOf(sim.signoff.outcome),
      title: signoff.title,
      summary: signoff.summary,
      is_decision: sim.signoff.isDecision,
      signed_off: sim.signoff.signedOff,
      kinds: sim.signoff.kinds.map((k) => ({
        id: k.kind.id,
        holds: k.holds,
        approvals: k.approvals,
        objections: k.objections,
        not_counted: k.notCounted,
        tally: k.tally.bySector,
        comment_period_ends: k.commentPeriodEnds,
        comment_period_over: k.commentPeriodOver,
      })),
      ...(sim.signoff.diagnostics ? { diagnostics: sim.signoff.diagnostics.map((d) => jsonDiagnostic(d, lang)) } : {}),
      ...(sim.signoff.warnings ? { warnings: sim.signoff.warnings.map((d) => jsonDiagnostic(d, lang)) } : {}),
    },
  };
}

function jsonDiagnostic(d: Diagnostic, lang: Language): { file: string; line: number; column: number; severity: string; code: string; message: string } {
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: t(lang, d.message) };
}

function plainDiagnostic(d: Diagnostic, lang: Language): string {
  const key = d.severity === "warning" ? "checks.diagnostic.warning" : "checks.diagnostic.error";
  return t(lang, key, { where: `${d.file}:${d.line}:${d.column}`, text: t(lang, d.message) });
}

function humanOutput(sim: Simulation, declaration: CheckOutput, signoff: CheckOutput, lang: Language): string {
  const block = (name: string, outcome: string, out: CheckOutput): string =>
    [`${t(lang, "checks.simulate.check", { name, outcome })}`, out.title, "", out.summary, ...(out.text ? ["", out.text] : []), ""].join("\n");
  return [
    block(CHECK_DECLARATION, conclusionOf(sim.declaration.outcome), declaration),
    block(CHECK_SIGNOFF, conclusionOf(sim.signoff.outcome), signoff),
  ].join("\n");
}

// What every check renderer needs besides the result: the language, the time, and where things
// live on GitHub (for links). Also the few pieces of rendering that the check outputs share:
// messages whose user-taken params are made inert, links, and diagnostics with their positions.
import { MAX_CHECK_OUTPUT_CHARS } from "../constants.js";
import type { Diagnostic, Language, MessageRef, Policy } from "../core/types.js";
import { IntlMessageFormat } from "intl-messageformat";
import { t, template } from "./i18n.js";
import { shorten } from "./limits.js";
import { safeInline } from "./safe.js";

export interface RenderContext {
  lang: Language;
  now: Date;
  repo: { owner: string; repo: string };
  defaultBranch: string;
  /** The policy file on the default branch (a link for people, and the check's details). */
  policyUrl: string;
  /** The registry file on the default branch (or in the org-wide repository). */
  registryUrl: string;
  /** The registry's path as people write it ("STAKEHOLDERS.yml", "org/people:stakeholders.yml"). */
  registryPath: string;
  policy?: Policy;
  /** Default https://github.com (GitHub Enterprise differs). */
  htmlBase?: string;
  /** Links for files by the name diagnostics give them (simulate: files on disk link to themselves). */
  fileUrls?: Record<string, string>;
  /** The pull request's number, for the link to its checks tab when an output is shortened. */
  pullNumber?: number;
}

/** What the GitHub layer writes as a completed check run. Waiting is `action_required` (SPEC.md). */
export interface CheckOutput {
  conclusion: "success" | "failure" | "action_required";
  title: string;
  summary: string;
  text?: string;
}

export function htmlBase(ctx: RenderContext): string {
  return (ctx.htmlBase ?? "https://github.com").replace(/\/+$/, "");
}

/** Where the whole output can be read when it had to be shortened: the PR's checks tab. */
export function checksUrl(ctx: RenderContext): string {
  const base = `${htmlBase(ctx)}/${ctx.repo.owner}/${ctx.repo.repo}`;
  return ctx.pullNumber !== undefined ? `${base}/pull/${ctx.pullNumber}/checks` : `${base}/pulls`;
}

/**
 * A message whose params that are printed as text (user text from files, logins, titles) are
 * made inert first. Params that only choose a branch (`{op, select, ...}`) are left as they are:
 * they are compared, never printed.
 */
export function md(lang: Language, ref: MessageRef | string, params?: MessageRef["params"]): string {
  const r = typeof ref === "string" ? { key: ref, params } : ref;
  const printed = printedArgs(lang, r.key);
  const safe: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(r.params ?? {})) safe[k] = typeof v === "string" && printed.has(k) ? safeInline(v) : v;
  return t(lang, { key: r.key, params: safe });
}

// ICU MessageFormat element types (@formatjs/icu-messageformat-parser): 1 is a plain argument.
const ARGUMENT = 1;
type AstNode = { type: number; value?: unknown; options?: Record<string, { value: AstNode[] }> };
const printedCache = new Map<string, Set<string>>();

/** The names of a message's arguments that are printed as text, at any depth of selects and plurals. */
function printedArgs(lang: Language, key: string): Set<string> {
  const cacheKey = `${lang}\u0000${key}`;
  const cached = printedCache.get(cacheKey);
  if (cached) return cached;
  const names = new Set<string>();
  const walk = (nodes: AstNode[]): void => {
    for (const n of nodes) {
      if (n.type === ARGUMENT && typeof n.value === "string") names.add(n.value);
      for (const option of Object.values(n.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(template(lang, key), "en", undefined, { ignoreTag: true }).getAst() as AstNode[]);
  printedCache.set(cacheKey, names);
  return names;
}

/** A date written "YYYY-MM-DD" (or an ISO time) as a Date for the catalog's `{d, date, utc}`. */
export function toDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
}

/** Today's date in UTC, as the registry writes it. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The web address of a file a diagnostic points into, at its line. */
export function fileUrl(ctx: RenderContext, file: string, line?: number): string {
  const anchor = line !== undefined && line > 0 ? `#L${line}` : "";
  const given = ctx.fileUrls?.[file];
  if (given !== undefined) return given;
  if (file === ctx.registryPath) return `${ctx.registryUrl}${anchor}`;
  if (ctx.policy && file === ctx.policy.path) return `${ctx.policyUrl}${anchor}`;
  const remote = /^([\w.-]+)\/([\w.-]+):(.+)$/.exec(file);
  const [owner, repo, path] = remote ? [remote[1], remote[2], remote[3]] : [ctx.repo.owner, ctx.repo.repo, file];
  const encoded = (path ?? "").split("/").map(encodeURIComponent).join("/");
  return `${htmlBase(ctx)}/${owner}/${repo}/blob/${encodeURIComponent(ctx.defaultBranch)}/${encoded}${anchor}`;
}

/** One `file:line:column: message` line per diagnostic, the file linked, as a Markdown list. */
export function renderDiagnostics(diagnostics: Diagnostic[], ctx: RenderContext): string {
  return diagnostics
    .map((d) => {
      const where = `${safeInline(d.file)}:${d.line}:${d.column}`;
      const text = md(ctx.lang, d.message);
      const key = d.severity === "warning" ? "checks.diagnostic.warning" : "checks.diagnostic.error";
      return `- ${t(ctx.lang, key, { where: `[${where}](${fileUrl(ctx, d.file, d.line)})`, text })}`;
    })
    .join("\n");
}

/** Keeps a check output's summary and text within GitHub's limit, pointing to the checks tab. */
export function fitCheckOutput(out: CheckOutput, ctx: RenderContext): CheckOutput {
  const notice = t(ctx.lang, "checks.shortened", { url: checksUrl(ctx) });
  const fitted: CheckOutput = { ...out, summary: shorten(out.summary, notice, MAX_CHECK_OUTPUT_CHARS) };
  if (out.text !== undefined) fitted.text = shorten(out.text, notice, MAX_CHECK_OUTPUT_CHARS);
  return fitted;
}

/** A sector's name as the policy gives it (its id when the policy is not at hand). */
export function sectorName(ctx: RenderContext, id: string): string {
  return ctx.policy?.sectors.find((s) => s.id === id)?.name ?? id;
}

/**
 * A message of the core (a title, an unmet condition) with the sectors it names by id
 * (`sector`, and `sectors` as the core joins them with ", ") given by their names: people read
 * "Blocked by an objection from International organisations", not "from international". Sector
 * ids are lowercase letters, digits and '-' (SPEC), so ", " never occurs inside one.
 */
export function withSectorNames(ref: MessageRef, ctx: RenderContext): MessageRef {
  const params = ref.params;
  if (!params || (typeof params.sector !== "string" && typeof params.sectors !== "string")) return ref;
  const named: NonNullable<MessageRef["params"]> = { ...params };
  if (typeof params.sector === "string") named.sector = sectorName(ctx, params.sector);
  if (typeof params.sectors === "string") named.sectors = params.sectors.split(", ").map((id) => sectorName(ctx, id)).join(", ");
  return { ...ref, params: named };
}

// The words of the `Stakeholder declaration` check run, read only from the core's result.
import { stringify } from "yaml";
import type { DeclarationResult, NotDeclaredReason } from "../core/types.js";
import {
  fitCheckOutput,
  md,
  renderDiagnostics,
  sectorName,
  toDate,
  todayUtc,
  type CheckOutput,
  type RenderContext,
} from "./context.js";
import { shownName } from "../core/people.js";
import { directCheckOutput } from "./direction.js";
import { t } from "./i18n.js";
import { safeInline, safePlain } from "./safe.js";

export type { CheckOutput, RenderContext } from "./context.js";

export function renderDeclarationCheck(result: DeclarationResult, ctx: RenderContext): CheckOutput {
  const title = safePlain(t(ctx.lang, result.title));
  const conclusion = result.outcome === "success" ? "success" : "failure";
  if (result.diagnostics && result.diagnostics.length > 0) {
    const summary = [
      t(ctx.lang, "checks.invalid.intro", { count: result.diagnostics.length }),
      renderDiagnostics(result.diagnostics, ctx),
      t(ctx.lang, "checks.invalid.fix", { policyUrl: ctx.policyUrl, registryUrl: ctx.registryUrl }),
    ].join("\n\n");
    return directCheckOutput(fitCheckOutput({ conclusion: "failure", title, summary }, ctx), ctx);
  }
  const parts: string[] = [];
  if (result.missing.length > 0) {
    parts.push(`### ${t(ctx.lang, "checks.declaration.missingHeading")}`);
    parts.push(result.missing.map((m) => `- ${renderMissing(m, ctx)}`).join("\n"));
    const needEntries = result.missing.filter((m): m is { login: string; reason: NotDeclaredReason; id?: number | null } => m.login !== null);
    if (needEntries.length > 0) {
      parts.push(`### ${t(ctx.lang, "checks.declaration.howHeading")}`);
      parts.push(
        t(ctx.lang, "checks.declaration.how", {
          registryUrl: ctx.registryUrl,
          registryPath: safeInline(ctx.registryPath),
          branch: safeInline(ctx.defaultBranch),
          today: toDate(todayUtc(ctx.now)),
        }),
      );
      for (const m of uniqueByLogin(needEntries)) parts.push(renderEntryBlock(m.login, m.id ?? null, ctx));
      parts.push(t(ctx.lang, "checks.declaration.merge"));
    }
  }
  if (result.declared.length > 0) {
    parts.push(`### ${t(ctx.lang, "checks.declaration.declaredHeading")}`);
    parts.push(result.declared.map((d) => `- ${renderDeclared(d, ctx)}`).join("\n"));
  }
  if (result.exempt.length > 0) {
    parts.push(`### ${t(ctx.lang, "checks.declaration.exemptHeading")}`);
    parts.push(
      result.exempt
        .map((e) => `- ${md(ctx.lang, "checks.declaration.exempt", { login: e.login, why: e.why })}`)
        .join("\n"),
    );
  }
  if (parts.length === 0) parts.push(t(ctx.lang, "checks.declaration.nobody"));
  return directCheckOutput(fitCheckOutput({ conclusion, title, summary: parts.join("\n\n") }, ctx), ctx);
}

/** One line saying who is missing and why, and what to do about a commit linked to no account. */
export function renderMissing(m: DeclarationResult["missing"][number], ctx: RenderContext): string {
  const r = m.reason;
  const login = m.login ?? "";
  switch (r.code) {
    case "no-entry":
      return md(ctx.lang, "checks.reason.no-entry", { login });
    case "expired":
      return md(ctx.lang, "checks.reason.expired", { login, date: toDate(r.expiredOn) });
    case "not-yet":
      return md(ctx.lang, "checks.reason.not-yet", { login, date: toDate(r.declared) });
    case "unknown-sector":
      return md(ctx.lang, "checks.reason.unknown-sector", { login, sector: r.sector });
    case "invalid-date":
      return md(ctx.lang, "checks.reason.invalid-date", { login, value: r.value });
    case "no-id":
      return md(ctx.lang, "checks.reason.no-id", { login });
    case "no-account":
      return md(ctx.lang, "checks.reason.no-account", {
        sha: r.commit.slice(0, 7),
        name: r.name ?? "",
        hasName: r.name ? "yes" : "no",
        login,
        hasLogin: m.login ? "yes" : "no",
      });
  }
}

function renderDeclared(d: DeclarationResult["declared"][number], ctx: RenderContext): string {
  return md(ctx.lang, "checks.declaration.declared", {
    // An account that renamed since it declared is shown with both names.
    login: shownName(d, d.entry),
    sector: sectorName(ctx, d.entry.sector),
    organisation: d.entry.organisation,
    date: toDate(d.entry.declared),
    inThisPr: d.inThisPr ? "yes" : "no",
  });
}

/**
 * A ready-to-paste registry entry in a fenced ```yaml block, dated today (UTC), with the account's
 * id when it is known (else a comment says how to find it). Values are
 * quoted by the YAML library where YAML needs it; the sector is left for the person to choose
 * (a comment lists the policy's sector ids), so an entry pasted unchanged never counts.
 */
export function renderEntryBlock(login: string, id: number | null, ctx: RenderContext): string {
  const scalar = (v: string): string => stringify(v.replace(/[\r\n]+/g, " ")).trimEnd();
  const ids = (ctx.policy?.sectors ?? []).map((s) => s.id).join(", ");
  const lines = [
    `  - login: ${scalar(login)}`,
    // The account's id, which GitHub gave with the PR: identity is the id, not the login.
    id !== null && id > 0 ? `    id: ${id}  # ${t(ctx.lang, "checks.entry.idHint")}` : `    # ${t(ctx.lang, "checks.entry.idUnknown", { login: login.replace(/[\r\n]+/g, " ") })}`,
    `    sector: ""${ids ? `  # ${t(ctx.lang, "checks.entry.sectorHint", { ids })}` : ""}`,
    `    organisation: ""  # ${t(ctx.lang, "checks.entry.organisationHint")}`,
    `    declared: ${todayUtc(ctx.now)}`,
    `    interests: none  # ${t(ctx.lang, "checks.entry.interestsHint")}`,
  ];
  const body = lines.join("\n");
  // A fence longer than any run of backticks inside, so that nothing can close it early.
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}yaml\n${body}\n${fence}`;
}

function uniqueByLogin<T extends { login: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = i.login.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// The words of the `Multi-sector sign-off` check run, read only from the core's result: for each
// decision kind whether it holds, its rule as a tree with the numbers in words, the sectors with
// their counted approvers, the votes that did not count and why, the objections, the comment
// period, and warnings.
import { MEMO_GAP_MARKER } from "../constants.js";
import type { Comparison, Condition, ConditionResult, Denominator, Fraction, KindResult, Scope, SignoffResult } from "../core/types.js";
import {
  fitCheckOutput,
  md,
  renderDiagnostics,
  sectorName,
  withSectorNames,
  type CheckOutput,
  type RenderContext,
} from "./context.js";
import { directCheckOutput } from "./direction.js";
import { t } from "./i18n.js";
import { safeInline, safePlain } from "./safe.js";

export type { CheckOutput, RenderContext } from "./context.js";

const CONCLUSION = { success: "success", failure: "failure", pending: "action_required" } as const;

export function renderSignoffCheck(result: SignoffResult, ctx: RenderContext): CheckOutput {
  const out = renderOutput(result, ctx);
  // A run judged without the app's whole memo says so where only the app reads it (src/github/memo-search.ts).
  return result.memoGap ? { ...out, summary: `${MEMO_GAP_MARKER}\n${out.summary}` } : out;
}

function renderOutput(result: SignoffResult, ctx: RenderContext): CheckOutput {
  const title = safePlain(t(ctx.lang, withSectorNames(result.title, ctx)));
  const conclusion = CONCLUSION[result.outcome];
  const policyLink = t(ctx.lang, "checks.policyLink", { policyUrl: ctx.policyUrl });
  if (result.diagnostics && result.diagnostics.length > 0) {
    const summary = [
      t(ctx.lang, "checks.invalid.intro", { count: result.diagnostics.length }),
      renderDiagnostics(result.diagnostics, ctx),
      t(ctx.lang, "checks.invalid.fix", { policyUrl: ctx.policyUrl, registryUrl: ctx.registryUrl }),
    ].join("\n\n");
    return directCheckOutput(fitCheckOutput({ conclusion: "failure", title, summary }, ctx), ctx);
  }
  if (!result.isDecision) {
    const why = result.notJudged
      ? md(ctx.lang, "checks.signoff.otherBase", { base: result.notJudged.base, defaultBranch: result.notJudged.defaultBranch })
      : t(ctx.lang, "checks.signoff.notDecision");
    const summary = [why, ...memoGapText(result, ctx), policyLink].join("\n\n");
    return directCheckOutput(fitCheckOutput({ conclusion, title, summary }, ctx), ctx);
  }

  const summary: string[] = [result.kinds.map((k) => `- ${renderKindStatus(k, ctx)}`).join("\n")];
  const blocking = result.kinds.flatMap((k) => k.objections.filter((o) => o.blocking));
  if (blocking.length > 0) {
    summary.push(
      t(ctx.lang, "checks.signoff.blockedBy", {
        count: blocking.length,
        who: [...new Set(blocking.map((o) => safeInline(o.login)))].join(", "),
      }),
    );
  }
  summary.push(...memoGapText(result, ctx));
  const periods = result.kinds.filter((k) => k.kind.commentPeriodHours > 0).map((k) => renderCommentPeriod(k, ctx));
  if (periods.length > 0) summary.push(periods.map((p) => `- ${p}`).join("\n"));
  if (result.outcome !== "success") summary.push(t(ctx.lang, "checks.signoff.details"));
  summary.push(policyLink);

  const text: string[] = [];
  if (result.warnings && result.warnings.length > 0) {
    text.push(`## ${t(ctx.lang, "checks.signoff.warningsHeading")}`, renderDiagnostics(result.warnings, ctx));
  }
  for (const k of result.kinds) text.push(renderKind(k, ctx));
  return directCheckOutput(fitCheckOutput({ conclusion, title, summary: summary.join("\n\n"), text: text.join("\n\n") }, ctx), ctx);
}

/** Why the sign-off waits for people whose commands the app may have forgotten, and how it is lifted. */
function memoGapText(result: SignoffResult, ctx: RenderContext): string[] {
  const gap = result.memoGap ?? [];
  if (gap.length === 0) return [];
  return [t(ctx.lang, "checks.signoff.memoGap", { people: gap.map((p) => safeInline(p.login)).join(", "), count: gap.length })];
}

const mark = (holds: boolean): string => (holds ? "✓" : "✗");

function renderKindStatus(k: KindResult, ctx: RenderContext): string {
  return t(ctx.lang, "checks.signoff.kindStatus", {
    name: safeInline(k.kind.name),
    holds: k.holds ? "yes" : "no",
    unmet: k.firstUnmet ? md(ctx.lang, withSectorNames(k.firstUnmet, ctx)) : "",
    hasUnmet: !k.holds && k.firstUnmet ? "yes" : "no",
    mark: mark(k.holds),
  });
}

function renderCommentPeriod(k: KindResult, ctx: RenderContext): string {
  return md(ctx.lang, "checks.signoff.commentPeriod", {
    name: k.kind.name,
    over: k.commentPeriodOver ? "yes" : "no",
    end: new Date(k.commentPeriodEnds),
    hours: k.kind.commentPeriodHours,
  });
}

function renderKind(k: KindResult, ctx: RenderContext): string {
  const out: string[] = [`## ${md(ctx.lang, "checks.signoff.kindHeading", { name: k.kind.name, id: k.kind.id, mark: mark(k.holds) })}`];
  out.push(`**${t(ctx.lang, "checks.signoff.ruleHeading")}**`, renderTree(k.tree, ctx, 0));
  out.push(`**${t(ctx.lang, "checks.signoff.sectorsHeading")}**`, renderSectorTable(k, ctx));
  out.push(`**${t(ctx.lang, "checks.signoff.objectionsHeading")}**`);
  out.push(
    k.objections.length === 0
      ? t(ctx.lang, "checks.signoff.noObjections")
      : k.objections
          .map((o) => {
            const line = `- ${md(ctx.lang, "checks.signoff.objection", { login: o.login, sector: sectorName(ctx, o.sector), blocking: o.blocking ? "yes" : "no" })}`;
            if (o.dismissedAt === undefined) return line;
            const by = o.dismissedBy ?? "";
            return `${line}\n  - ${md(ctx.lang, "checks.signoff.objectionDismissed", { by, hasBy: by ? "yes" : "no", at: new Date(o.dismissedAt) })}`;
          })
          .join("\n"),
  );
  if (k.notCounted.length > 0) {
    out.push(`**${t(ctx.lang, "checks.signoff.notCountedHeading")}**`);
    out.push(
      k.notCounted
        .map((n) => `- ${t(ctx.lang, "checks.signoff.notCounted", { login: safeInline(n.login), source: n.source, why: t(ctx.lang, `checks.notCounted.${n.reason}`) })}`)
        .join("\n"),
    );
  }
  // The comment period is in the summary, once (GitHub shows the summary above this text).
  return out.join("\n\n");
}

/** The rule as a nested Markdown list, each condition with its numbers and whether it holds. */
export function renderTree(r: ConditionResult, ctx: RenderContext, depth: number, carried = false): string {
  const indent = "  ".repeat(depth);
  const c = r.condition;
  const suffix = carried ? ` ${t(ctx.lang, "checks.cond.carried")}` : "";
  if (c.type === "all" || c.type === "any") {
    const head = `${indent}- ${t(ctx.lang, `checks.cond.${c.type}`, { mark: mark(r.holds) })}${suffix}`;
    const children = (r.children ?? []).map((child, i) => renderTree(child, ctx, depth + 1, c.type === "any" && r.carriedBy === i));
    return [head, ...children].join("\n");
  }
  const lines = r.lines ?? [];
  const noVoters = r.sectorsWithoutVoters && r.sectorsWithoutVoters.length > 0
    ? ` ${md(ctx.lang, "checks.cond.sectorsWithoutVoters", { sectors: r.sectorsWithoutVoters.map((s) => sectorName(ctx, s)).join(", ") })}`
    : "";
  if (c.type === "sectors") {
    // The first line counts the sectors; the table of sectors shows each one's approvals.
    const n = lines.find((l) => l.scope === "all")?.numerator ?? 0;
    const include = renderInclude(c.include, r, ctx);
    return `${indent}- ${t(ctx.lang, "checks.cond.sectors", { n, k: c.atLeast, mark: mark(r.holds) })}${include}${noVoters}${suffix}`;
  }
  const rendered = lines.map((l) => renderLine(c, l, ctx, lines));
  if (rendered.length === 1 && lines[0]?.holds === r.holds) return `${indent}- ${rendered[0]}${noVoters}${suffix}`;
  const head = `${indent}- ${md(ctx.lang, "checks.cond.head", { type: c.type, scope: scopeText(c.in, ctx), mark: mark(r.holds) })}${noVoters}${suffix}`;
  return [head, ...rendered.map((l) => `${indent}  - ${l}`)].join("\n");
}

function renderInclude(include: string[], r: ConditionResult, ctx: RenderContext): string {
  if (include.length === 0) return "";
  const missing = r.missingSectors ?? [];
  return md(ctx.lang, "checks.cond.include", {
    sectors: include.map((s) => sectorName(ctx, s)).join(", "),
    missing: missing.map((s) => sectorName(ctx, s)).join(", "),
    hasMissing: missing.length > 0 ? "yes" : "no",
  });
}

type Line = NonNullable<ConditionResult["lines"]>[number];

function renderLine(c: Extract<Condition, { type: "approvals" } | { type: "quorum" }>, l: Line, ctx: RenderContext, siblings: Line[]): string {
  const scope = l.scope === "all" ? t(ctx.lang, "checks.scope.all") : sectorName(ctx, l.scope);
  const m = mark(l.holds);
  if (l.noVoters) return md(ctx.lang, "checks.cond.noVoters", { scope, mark: m });
  const share = c.share;
  if (c.type === "approvals" && share === undefined) {
    return md(ctx.lang, "checks.cond.count", {
      scope,
      n: l.numerator,
      op: c.op,
      k: c.count ?? 0,
      cap: c.maxPerSector ?? "none",
      mark: m,
    });
  }
  const of: Denominator = c.type === "quorum" ? "registered" : (c.of ?? "cast");
  const threshold = thresholdParams(share as Fraction, c.op);
  const pooledEqual = c.type === "approvals" && c.weights === "equal" && l.scope === "all";
  if (pooledEqual && l.share === undefined) {
    // No mean yet: some sector has no share (no voters, or nobody to count in `of`).
    const without = siblings.filter((x) => x.scope !== "all" && (x.noVoters || (x.denominator ?? 0) === 0)).map((x) => sectorName(ctx, x.scope));
    return md(ctx.lang, "checks.cond.shareEqualMissing", { scope, sectors: without.join(", "), count: without.length, of, ...threshold, mark: m });
  }
  if (l.share !== undefined && (l.denominator === undefined || pooledEqual)) {
    return md(ctx.lang, "checks.cond.shareEqual", { scope, pct: l.share.den === 0 ? 0 : l.share.num / l.share.den, ...threshold, mark: m });
  }
  const d = l.denominator ?? 0;
  if (d === 0) return md(ctx.lang, "checks.cond.nobody", { scope, type: c.type, of, mark: m });
  const pct = l.share && l.share.den > 0 ? l.share.num / l.share.den : l.numerator / d;
  return md(ctx.lang, c.type === "quorum" ? "checks.cond.quorum" : "checks.cond.share", {
    scope,
    n: l.numerator,
    d,
    of,
    pct,
    ...threshold,
    mark: m,
  });
}

/** A threshold as people read it: a whole percentage when it is one (1/2 is 50%), else as written (2/3). */
function thresholdParams(share: Fraction, op: Comparison): Record<string, string | number> {
  const exact = share.den > 0 && (100 * share.num) % share.den === 0;
  return { op, isPct: exact ? "yes" : "no", thresholdPct: share.den > 0 ? share.num / share.den : 0, thresholdText: share.text };
}

function scopeText(scope: Scope, ctx: RenderContext): string {
  if (scope.kind === "all") return t(ctx.lang, "checks.scope.pooled");
  if (scope.kind === "each") return t(ctx.lang, "checks.scope.each");
  return scope.ids.map((id) => sectorName(ctx, id)).join(", ");
}

function renderSectorTable(k: KindResult, ctx: RenderContext): string {
  const ids = Object.keys(k.tally.bySector).length > 0
    ? Object.keys(k.tally.bySector)
    : (ctx.policy?.sectors.map((s) => s.id) ?? Object.keys(k.approvals));
  const header = `| ${["sector", "approvers", "no", "abstain", "recused", "voters"].map((h) => t(ctx.lang, `checks.table.${h}`)).join(" | ")} |`;
  const rule = "| --- | --- | ---: | ---: | ---: | ---: |";
  const cell = (logins: string[] | undefined): string =>
    logins && logins.length > 0 ? logins.map((l) => safeInline(l)).join(", ") : "–";
  const rows = ids.map((id) => {
    const s = k.tally.bySector[id];
    return `| ${safeInline(sectorName(ctx, id))} | ${cell(k.approvals[id])} | ${cell(s?.no)} | ${cell(s?.abstain)} | ${cell(s?.recused)} | ${s?.registered ?? "–"} |`;
  });
  return [header, rule, ...rows].join("\n");
}

// The transparency report issue: Markdown in the policy's language, every user text inert,
// split into the issue body and continuation comments when it exceeds GitHub's body limit.
import { MAX_BODY_CHARS, marker } from "../constants.js";
import { EXPIRING_WITHIN_DAYS, type DeclarationLine, type ReportModel, type ReportRecordLine } from "../core/report.js";
import type { Language } from "../core/types.js";
import { directionRoom, isolateLtr, wrapDirection } from "./direction.js";
import { t } from "./i18n.js";
import { splitBody } from "./limits.js";
import { DEFAULT_SERVER_URL, pullUrl } from "./record.js";
import { safeInline, safeStamp } from "./safe.js";

export interface ReportRenderOptions {
  lang: Language;
  /** The web address of GitHub, for links to pull requests (default https://github.com). */
  serverUrl?: string;
}

export function reportMarker(period: string): string {
  return marker(`report period=${period}`);
}

export function reportPartMarker(period: string, part: number): string {
  return marker(`report-part period=${period} part=${part}`);
}

const cellJoin = (cells: string[]): string => `| ${cells.join(" | ")} |`;

/** A value for inside a Mermaid string: no quotes, fences or line breaks. */
function mermaidText(text: string): string {
  return text.replace(/["`\r\n\u2028\u2029;:#]/g, " ").trim().slice(0, 80) || "?";
}

/** A link to a pull request, its title inert. */
function prLink(server: string, repo: string, n: number | null, title: string): string {
  // A direct push has no pull request: its title (the commit's first line) alone.
  return n === null ? safeInline(title) : `[${n}: ${safeInline(title)}](${pullUrl(server, repo, n)})`;
}

function recordTable(
  lang: Language,
  lines: ReportRecordLine[],
  sectorName: (id: string) => string,
  link: (n: number | null, title: string) => string,
): string[] {
  const head = ["record", "pr", "kinds", "author", "signoff", "closed"].map((c) => t(lang, `report.col.${c}`));
  const out = [cellJoin(head), cellJoin(head.map(() => "---"))];
  for (const l of lines) {
    const author = `${safeInline(l.author)} (${l.authorSector ? sectorName(l.authorSector) : t(lang, "report.undeclaredSector")})`;
    const closed = isolateLtr(lang, safeStamp(l.closedAt)) + (l.closedInEarlierPeriod ? ` **${t(lang, "report.closedEarlier", { period: l.closedInEarlierPeriod })}**` : "");
    out.push(
      cellJoin([
        l.url ? `[${l.seq}](${l.url})` : String(l.seq),
        link(l.pr, l.title),
        l.kinds.map(safeInline).join(", "),
        author,
        t(lang, l.signedOff ? "report.signoff.held" : "report.signoff.notHeld"),
        closed,
      ]),
    );
  }
  return out;
}

function declarationTable(lang: Language, lines: DeclarationLine[], sectorName: (id: string) => string): string[] {
  if (lines.length === 0) return [t(lang, "report.declarations.none")];
  const head = ["login", "sector", "organisation", "declared", "lastDay"].map((c) => t(lang, `report.col.${c}`));
  const out = [cellJoin(head), cellJoin(head.map(() => "---"))];
  for (const d of lines) {
    const date = (value: string | null | undefined): string => (value ? isolateLtr(lang, safeStamp(value)) : "—");
    out.push(cellJoin([safeInline(d.login), sectorName(d.sector), safeInline(d.organisation), date(d.declared), date(d.lastDay)]));
  }
  return out;
}

/** The whole report as one Markdown text (before splitting), starting with its marker. */
export function renderReport(model: ReportModel, opts: ReportRenderOptions): string {
  const { lang } = opts;
  const names = new Map(model.participation.map((p) => [p.sector, p.name]));
  const sectorName = (id: string) => safeInline(names.get(id) ?? id);
  const server = opts.serverUrl ?? DEFAULT_SERVER_URL;
  const link = (n: number | null, title: string) => prLink(server, model.repo, n, title);
  const out: string[] = [reportMarker(model.period), ""];
  out.push(`## ${t(lang, "report.heading", { repo: safeInline(model.repo), period: model.period })}`, "");
  out.push(t(lang, "report.intro", { start: model.start.slice(0, 10), end: model.end.slice(0, 10) }), "");

  out.push(`### ${t(lang, "report.decisions")}`, "");
  if (model.adopted.length + model.withdrawn.length === 0) out.push(t(lang, "report.noDecisions"), "");
  if (model.adopted.length > 0) {
    out.push(`#### ${t(lang, "report.adopted", { count: model.adopted.length })}`, "", ...recordTable(lang, model.adopted, sectorName, link), "");
  }
  if (model.withdrawn.length > 0) {
    out.push(`#### ${t(lang, "report.withdrawn", { count: model.withdrawn.length })}`, "", ...recordTable(lang, model.withdrawn, sectorName, link), "");
  }
  if (model.closedEarlier.length > 0) out.push(t(lang, "report.closedEarlier.note", { count: model.closedEarlier.length }), "");

  out.push(`### ${t(lang, "report.overrides")}`, "");
  if (model.mergedWithoutSignoff.length === 0) out.push(t(lang, "report.overrides.none"), "");
  else {
    out.push(`**${t(lang, "report.overrides.some", { count: model.mergedWithoutSignoff.length })}**`, "");
    for (const l of model.mergedWithoutSignoff) out.push(`- ${link(l.pr, l.title)} (${safeInline(l.author)})`);
    out.push("");
  }

  out.push(`### ${t(lang, "report.open")}`, "");
  if (model.open.length === 0) out.push(t(lang, "report.open.none"), "");
  else {
    for (const o of model.open) out.push(`- ${link(o.number, o.title)}: ${o.kinds.map(safeInline).join(", ")} (${safeInline(o.author)})`);
    out.push("");
  }

  out.push(`### ${t(lang, "report.participation")}`, "", t(lang, "report.participation.note"), "");
  const head = ["sector", "approvals", "objections", "opened"].map((c) => t(lang, `report.col.${c}`));
  out.push(cellJoin(head), cellJoin(head.map(() => "---")));
  for (const p of model.participation) out.push(cellJoin([safeInline(p.name), String(p.approvals), String(p.objections), String(p.opened)]));
  out.push(cellJoin([t(lang, "report.participation.undeclared"), "—", "—", String(model.openedUndeclared)]), "");
  if (model.approvalsBySector.length === 0) out.push(t(lang, "report.chart.none"), "");
  else {
    out.push("```mermaid", "pie showData", `    title ${mermaidText(t(lang, "report.chart.title"))}`);
    for (const a of model.approvalsBySector) out.push(`    "${mermaidText(a.name)}" : ${a.count}`);
    out.push("```", "");
  }

  out.push(`### ${t(lang, "report.declarations")}`, "");
  const d = model.declarations;
  out.push(`#### ${t(lang, "report.declarations.added", { count: d.added.length })}`, "", ...declarationTable(lang, d.added, sectorName), "");
  out.push(`#### ${t(lang, "report.declarations.renewed", { count: d.renewed.length })}`, "", ...declarationTable(lang, d.renewed, sectorName), "");
  out.push(
    `#### ${t(lang, "report.declarations.expiring", { count: d.expiring.length, days: EXPIRING_WITHIN_DAYS })}`,
    "",
    ...declarationTable(lang, d.expiring, sectorName),
    "",
  );
  out.push(`#### ${t(lang, "report.declarations.expired", { count: d.expired.length })}`, "", ...declarationTable(lang, d.expired, sectorName), "");

  out.push(`### ${t(lang, "report.undeclared")}`, "");
  if (model.undeclaredAuthors.length === 0) out.push(t(lang, "report.undeclared.none"), "");
  else {
    const h = ["login", "prs"].map((c) => t(lang, `report.col.${c}`));
    out.push(cellJoin(h), cellJoin(h.map(() => "---")));
    // Each pull request by its name and number, linked: a bare "12" would read as a count.
    const pr = (n: number): string => `[${t(lang, "report.prNumber", { n: String(n) })}](${pullUrl(server, model.repo, n)})`;
    for (const u of model.undeclaredAuthors) out.push(cellJoin([safeInline(u.login), u.prs.map(pr).join(", ")]));
    out.push("");
  }

  out.push(`### ${t(lang, "report.chain")}`, "");
  const c = model.chain;
  if (c.ok) {
    out.push(c.head ? t(lang, "report.chain.head", { hash: `\`${c.head}\`` }) : t(lang, "report.chain.empty"), "");
    out.push(t(lang, "report.chain.intact", { count: c.count }), "");
  } else {
    const msg =
      c.pr === null
        ? t(lang, "report.chain.tamperedNoPr", { seq: c.seq ?? "?", problem: c.problem })
        : t(lang, "report.chain.tampered", { seq: c.seq ?? "?", pr: c.pr, problem: c.problem });
    out.push(`**${msg}**`, "", `\`${c.detail.replace(/`/g, "'")}\``, "");
  }
  out.push(t(lang, "report.chain.howto"), "");
  return out.join("\n");
}

/** Room kept in each part for its continuation header. */
const PART_HEADER_ROOM = 400;

/**
 * The report as the issue body (first) and continuation comments, each within GitHub's limit;
 * each continuation starts with its own marker and a line saying which report it continues.
 */
export function renderReportParts(model: ReportModel, opts: ReportRenderOptions, max = MAX_BODY_CHARS): string[] {
  const text = renderReport(model, opts);
  if (text.length <= max - directionRoom(opts.lang, text)) return [wrapDirection(opts.lang, text)];
  const parts = splitBody(text, max, PART_HEADER_ROOM);
  return parts.map((p, i) =>
    wrapDirection(opts.lang, i === 0 ? p : `${reportPartMarker(model.period, i + 1)}\n\n_${t(opts.lang, "report.continued", { part: i + 1, period: model.period })}_\n\n${p}`),
  );
}

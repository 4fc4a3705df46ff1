// The record comment: prose in the policy's language for people, then the record itself as one
// JSON object in a fenced block for machines. User text goes through safeInline in the prose;
// in the JSON text the characters that could end the fence, form HTML or notify anyone are
// written as \u escapes, which leaves the JSON value (and so its hash) unchanged.
import { marker } from "../constants.js";
import type { DecisionRecord } from "../core/record.js";
import { mergedWithoutSignoff, recordMarker } from "../core/record.js";
import type { Language } from "../core/types.js";
import { isolateLtr, wrapDirection } from "./direction.js";
import { t } from "./i18n.js";
import { safeInline, safeStamp } from "./safe.js";

export interface RecordRenderOptions {
  lang: Language;
  /** The web address of GitHub, for links ("https://github.com", or a GitHub Enterprise host). */
  serverUrl?: string;
  /** Sector names by id, from the policy. */
  sectorNames?: Record<string, string>;
}

export const DEFAULT_SERVER_URL = "https://github.com";

const JSON_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "@": "\\u0040",
  "#": "\\u0023",
  "`": "\\u0060",
};

/** The record as JSON text that is inert in Markdown and cannot end its fence. */
export function renderRecordJson(record: object): string {
  return JSON.stringify(record, null, 2).replace(/[<>&@#`]/g, (c) => JSON_ESCAPES[c]!);
}

export function pullUrl(serverUrl: string, repo: string, pr: number): string {
  return `${serverUrl.replace(/\/+$/, "")}/${repo}/pull/${pr}`;
}

/** A sector as shown: its policy name (inert) or its id. */
function sector(id: string, names?: Record<string, string>): string {
  return safeInline(names?.[id] ?? id);
}

const logins = (list: string[]): string => list.map(safeInline).join(", ");

/** A time of the record: ISO 8601 in UTC is understood in every language; shown as written, left to right. */
function stamp(lang: Language, iso: string): string {
  return isolateLtr(lang, safeStamp(iso));
}

/** The whole comment body of a record. */
export function renderRecordComment(record: DecisionRecord, opts: RecordRenderOptions): string {
  const { lang } = opts;
  const server = opts.serverUrl ?? DEFAULT_SERVER_URL;
  const none = t(lang, "record.none");
  const hex = (sha: string) => isolateLtr(lang, `\`${sha.replace(/[^0-9a-fA-F]/g, "")}\``);
  const lines: string[] = [recordMarker(record.pr, record.closed_at, record.merge_commit), ""];
  lines.push(`### ${t(lang, "record.heading", { outcome: record.outcome, seq: record.seq })}`, "");
  if (record.outcome === "pushed") lines.push(t(lang, "record.pushedWithoutPr"), "");
  const switched = record.default_branch;
  if (record.outcome === "pushed" && switched && typeof switched.from === "string" && typeof switched.to === "string") {
    lines.push(t(lang, "record.defaultBranchSwitched", { from: isolateLtr(lang, safeInline(switched.from)), to: isolateLtr(lang, safeInline(switched.to)) }), "");
  } else if (record.outcome === "pushed" && record.forced === true) lines.push(t(lang, "record.forcePushed"), "");
  else if (mergedWithoutSignoff(record)) lines.push(t(lang, "record.mergedWithoutSignoff"), "");
  if (record.outcome === "pushed" && typeof record.judged_by === "string") lines.push(t(lang, "record.judgedBy", { commit: hex(record.judged_by) }), "");

  const row = (label: string, value: string) => lines.push(`- **${t(lang, "record.field", { label: t(lang, label) })}** ${value}`);
  if (record.pr === null) row("record.commit", `${hex(record.merge_commit ?? "")} ${safeInline(record.title)}`);
  else row("record.pullRequest", `[${record.pr}: ${safeInline(record.title)}](${pullUrl(server, record.repo, record.pr)})`);
  row("record.kinds", record.kinds.map(safeInline).join(", ") || none);
  row(
    record.outcome === "pushed" ? "record.pusher" : "record.author",
    record.author_sector
      ? t(lang, "record.authorSector", { login: safeInline(record.author), sector: sector(record.author_sector, opts.sectorNames) })
      : t(lang, "record.authorUndeclared", { login: safeInline(record.author) }),
  );
  row("record.signedOff", t(lang, "record.signedOff.value", { held: record.signed_off ? "yes" : "no" }));
  const approvals = Object.entries(record.approvals).filter(([, l]) => l.length > 0);
  row(
    "record.approvals",
    approvals.length === 0
      ? none
      : approvals.map(([s, l]) => t(lang, "record.approvals.sector", { sector: sector(s, opts.sectorNames), logins: logins(l) })).join("; "),
  );
  row(
    "record.objections",
    record.objections.length === 0
      ? none
      : record.objections
          .map((o) => t(lang, "record.objection", { login: safeInline(o.login), sector: sector(o.sector, opts.sectorNames) }))
          .join("; "),
  );
  row("record.opened", stamp(lang, record.opened_at));
  row("record.closed", stamp(lang, record.closed_at));
  if (record.merge_commit && record.pr !== null) row("record.mergeCommit", hex(record.merge_commit));
  if (typeof record.rules === "string") row("record.rules", hex(record.rules));
  lines.push("");

  if (record.votes && Object.keys(record.votes).length > 0) {
    lines.push(`**${t(lang, "record.votes")}**`, "");
    lines.push(
      `| ${["sector", "yes", "no", "abstain", "recused"].map((k) => t(lang, `record.votes.${k}`)).join(" | ")} |`,
      "| --- | --- | --- | --- | --- |",
    );
    for (const [s, v] of Object.entries(record.votes)) {
      const cell = (l: string[]) => (l.length === 0 ? "" : `${l.length}: ${logins(l)}`);
      lines.push(`| ${sector(s, opts.sectorNames)} | ${cell(v.yes)} | ${cell(v.no)} | ${cell(v.abstain)} | ${cell(v.recused)} |`);
    }
    lines.push("");
  }
  for (const [kind, branch] of Object.entries(record.carried_by ?? {})) {
    lines.push(t(lang, "record.carriedBy", { kind: safeInline(kind), branch: branch + 1 }), "");
  }

  lines.push(t(lang, "record.json"), "");
  return [wrapDirection(lang, lines.join("\n")), "```json", renderRecordJson(record), "```", ""].join("\n");
}

/** The hidden marker of the log issue of `period`. */
export function logMarker(period: string): string {
  return marker(`log period=${period}`);
}

export function renderLogIssueBody(period: string, lang: Language): string {
  return wrapDirection(lang, [logMarker(period), "", t(lang, "record.log.intro", { period }), "", t(lang, "record.log.comments"), ""].join("\n"));
}

// Right-to-left languages (Arabic) in GitHub's rendering. GitHub lays out Markdown left to right
// whatever its script, so a whole Arabic body is wrapped in `<div dir="rtl">` (GitHub keeps the
// `dir` attribute). Blank lines around the Markdown inside keep it Markdown: an HTML block ends
// at a blank line (CommonMark 4.6, kind 6), so headings, lists, tables and fences still render.
// Hidden markers stay outside the block, first, where the app's own readers expect them.
// Inside it, what is written left to right stays so: every fenced block (a YAML entry to paste, a
// Mermaid chart) is wrapped in `<div dir="ltr">` (GitHub's sanitizer keeps `dir` on `div`; it
// drops `<bdi>`), and every value a message prints (a login, a date, a period, a hash) is a
// Unicode directional isolate (U+2066..U+2069, see i18n.ts and `isolateLtr`): plain characters, so
// they hold in check titles, code spans and table cells too, where no HTML is allowed. Without
// them an ISO date after an Arabic word reads "02-11-2026" (its digits become Arabic numbers, UAX
// #9 rule W2) and a YAML entry "login: erin -". Left-to-right languages are returned unchanged,
// byte for byte.
import { MAX_CHECK_OUTPUT_CHARS } from "../constants.js";
import type { Language } from "../core/types.js";
import { checksUrl, type CheckOutput, type RenderContext } from "./context.js";
import { t } from "./i18n.js";
import { shorten } from "./limits.js";

export type TextDirection = "ltr" | "rtl";

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set<Language>(["ar"]);

const OPEN = '<div dir="rtl">';
const CLOSE = "</div>";
const LTR_OPEN = '<div dir="ltr">\n\n';
const LTR_CLOSE = "\n\n</div>";

/** Left-to-right isolate (LRI ... PDI, UAX #9 section 2.7): its content keeps its own order. */
export const LRI = "\u2066";
/** First-strong isolate (FSI ... PDI): its direction is its first strong character's, else left to right. */
export const FSI = "\u2068";
export const PDI = "\u2069";

/** The direction a language is written in. */
export function textDirection(lang: Language): TextDirection {
  return RIGHT_TO_LEFT.has(lang) ? "rtl" : "ltr";
}

/**
 * An identifier, a date, a period, a hash or a login as it must read inside right-to-left text:
 * isolated left to right. Unchanged in a left-to-right language.
 */
export function isolateLtr(lang: Language, text: string): string {
  return textDirection(lang) === "rtl" && text !== "" ? `${LRI}${text}${PDI}` : text;
}

/**
 * How many characters `wrapDirection` may add to `markdown` in `lang` (0 left to right): callers
 * that keep a body within a GitHub limit keep this much room. Shortening a body never adds a
 * fenced block, so the room of the whole text covers any shortened version of it.
 */
export function directionRoom(lang: Language, markdown = ""): number {
  if (textDirection(lang) === "ltr") return 0;
  return `${OPEN}\n\n\n\n${CLOSE}\n`.length + 2 + fencedBlocks(markdown.split("\n")).length * (LTR_OPEN.length + LTR_CLOSE.length + 2);
}

// An opening code fence at the start of a line (CommonMark 4.5): three or more backticks or tildes.
const FENCE = /^(`{3,}|~{3,})/;

/** The [first, last] line numbers of each fenced block that starts at the left margin. */
function fencedBlocks(lines: string[]): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`).test(lines[end]!)) end += 1;
    blocks.push([i, Math.min(end, lines.length - 1)]);
    i = end;
  }
  return blocks;
}

/** Each fenced block at the left margin inside `<div dir="ltr">`, blank lines around it. */
function fencesLeftToRight(markdown: string): string {
  const lines = markdown.split("\n");
  const blocks = fencedBlocks(lines);
  if (blocks.length === 0) return markdown;
  const out: string[] = [];
  let next = 0;
  for (const [first, last] of blocks) {
    out.push(...lines.slice(next, first), `${LTR_OPEN}${lines.slice(first, last + 1).join("\n")}${LTR_CLOSE}`);
    next = last + 1;
  }
  out.push(...lines.slice(next));
  return out.join("\n");
}

// A line that is only a hidden marker (`<!-- partnership-governance:... -->`) or blank.
const MARKER_LINE = /^(?:<!--[^\n]*?-->[ \t]*|[ \t]*)$/;

/**
 * A whole Markdown body as it reads correctly in `lang`: unchanged left to right; right to left,
 * its leading marker lines first, then the rest inside `<div dir="rtl">` with a blank line on each
 * side, ending with a line break so that whatever follows (a fenced block) starts a new block.
 */
export function wrapDirection(lang: Language, markdown: string): string {
  if (textDirection(lang) === "ltr") return markdown;
  const lines = markdown.split("\n");
  let first = 0;
  while (first < lines.length && MARKER_LINE.test(lines[first]!)) first += 1;
  const markers = lines.slice(0, first).filter((l) => l.trim() !== "");
  const inner = fencesLeftToRight(lines.slice(first).join("\n").replace(/\s+$/, ""));
  const head = markers.length > 0 ? `${markers.join("\n")}\n` : "";
  return inner === "" ? markdown : `${head}${OPEN}\n\n${inner}\n\n${CLOSE}\n`;
}

/**
 * A check output (already fitted by `fitCheckOutput`) with its summary and text wrapped for a
 * right-to-left language, still within GitHub's limit: shortened again, with the same notice,
 * by the room the wrapper takes. The title is plain text on GitHub and stays as it is.
 */
export function directCheckOutput(out: CheckOutput, ctx: RenderContext): CheckOutput {
  if (textDirection(ctx.lang) === "ltr") return out;
  const notice = t(ctx.lang, "checks.shortened", { url: checksUrl(ctx) });
  const fit = (text: string): string =>
    wrapDirection(ctx.lang, shorten(text, notice, MAX_CHECK_OUTPUT_CHARS - directionRoom(ctx.lang, text)));
  const directed: CheckOutput = { ...out, summary: fit(out.summary) };
  if (out.text !== undefined) directed.text = fit(out.text);
  return directed;
}

// Right-to-left languages (Arabic) in GitHub's rendering. GitHub lays out Markdown left to right
// whatever its script, so a whole Arabic body is wrapped in `<div dir="rtl">` (GitHub keeps the
// `dir` attribute). Blank lines around the Markdown inside keep it Markdown: an HTML block ends
// at a blank line (CommonMark 4.6, kind 6), so headings, lists, tables and fences still render.
// Hidden markers stay outside the block, first, where the app's own readers expect them; logins,
// file names and code keep their own direction inside it (the Unicode bidi algorithm, and code
// spans). Left-to-right languages are returned unchanged, byte for byte.
import { MAX_CHECK_OUTPUT_CHARS } from "../constants.js";
import type { Language } from "../core/types.js";
import { checksUrl, type CheckOutput, type RenderContext } from "./context.js";
import { t } from "./i18n.js";
import { shorten } from "./limits.js";

export type TextDirection = "ltr" | "rtl";

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set<Language>(["ar"]);

const OPEN = '<div dir="rtl">';
const CLOSE = "</div>";

/** The direction a language is written in. */
export function textDirection(lang: Language): TextDirection {
  return RIGHT_TO_LEFT.has(lang) ? "rtl" : "ltr";
}

/**
 * How many characters `wrapDirection` may add to a body in `lang` (0 left to right): callers that
 * keep a body within a GitHub limit keep this much room.
 */
export function directionRoom(lang: Language): number {
  return textDirection(lang) === "rtl" ? `${OPEN}\n\n\n\n${CLOSE}\n`.length + 2 : 0;
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
  const inner = lines.slice(first).join("\n").replace(/\s+$/, "");
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
    wrapDirection(ctx.lang, shorten(text, notice, MAX_CHECK_OUTPUT_CHARS - directionRoom(ctx.lang)));
  const directed: CheckOutput = { ...out, summary: fit(out.summary) };
  if (out.text !== undefined) directed.text = fit(out.text);
  return directed;
}

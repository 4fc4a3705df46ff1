// Keeping bodies within GitHub's limits: a check output is shortened with a link to where the
// whole text can be read; an issue or comment body is split into continuation parts.
import { MAX_BODY_CHARS, MAX_CHECK_OUTPUT_CHARS } from "../constants.js";

/**
 * Shortens `text` to at most `max` characters, cutting at a line break where possible and
 * ending with `notice` (e.g. a sentence with a link to the full text). Never splits a
 * surrogate pair.
 */
export function shorten(text: string, notice: string, max = MAX_CHECK_OUTPUT_CHARS): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - notice.length - 2);
  let cut = text.lastIndexOf("\n", room);
  if (cut < room / 2) cut = room;
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  return `${text.slice(0, cut)}\n\n${notice}`.slice(0, max);
}

/**
 * Splits a Markdown body into parts of at most `max` characters, at block boundaries (blank
 * lines) where possible, then at line breaks, then anywhere. `head` is reserved room for a
 * header (a marker, "continued from") that the caller adds to each part.
 */
export function splitBody(text: string, max = MAX_BODY_CHARS, head = 0): string[] {
  const limit = max - head;
  if (limit <= 0) throw new RangeError("splitBody: the header leaves no room");
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf("\n\n", limit);
    if (cut <= 0) cut = rest.lastIndexOf("\n", limit);
    if (cut <= 0) cut = limit;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n+/, "");
  }
  parts.push(rest);
  return parts;
}

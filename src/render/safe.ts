// Text taken from users (PR titles, logins, organisation names, reasons) goes through here
// before it enters anything the app writes in Markdown, so that it can never notify anyone
// (no @mention, no #123 or owner/repo#123 cross-reference, in any encoding) nor break the
// Markdown around it (tables, code spans, HTML).

const ZWSP = "&#8203;"; // a zero-width space, as an entity so that it survives copy and paste

/**
 * Makes user text inert inline Markdown: HTML and entities are escaped (so `&#64;` stays
 * literal), Markdown punctuation is backslash-escaped, and a zero-width space follows every
 * `@` and `#` (and their full-width forms) so that GitHub links neither mentions nor issues.
 * Newlines become spaces: a value never starts a new block.
 */
export function safeInline(text: string): string {
  let s = text.normalize("NFC").replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, "");
  s = s.replace(/[\r\n\t]+/g, " ");
  s = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  s = s.replace(/([\\`*_{}[\]()!|~^=+\-.$"'])/g, "\\$1");
  s = s.replace(/[@#\uFF20\uFF03\uFE6B\uFE5F]/g, (c) => `${c}${ZWSP}`);
  // "owner/repo#1" and URLs autolink only with the characters above left alone; also break ':'
  // so that "https://..." from a title is not turned into a link to an issue.
  s = s.replace(/:\/\//g, `:${ZWSP}//`);
  return s;
}

/** A login as the app shows it: inert, never a mention. */
export function safeLogin(login: string): string {
  return safeInline(login);
}

/** For plain-text fields that GitHub shows without Markdown (check run titles). */
export function safePlain(text: string, max = 200): string {
  const s = text.normalize("NFC").replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// A date, a time or a period as the app writes them (2026-11-02, 2026-11-20T10:00:00Z, 2026-11,
// 2026-W48, 2026-Q4): digits and these few letters and signs, nothing Markdown reads there.
const STAMP = /^\d{4}(?:-(?:\d{2}|W\d{2}|Q[1-4]))?(?:-\d{2})?(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A date, time or period for Markdown: as written when it is one (never `2026\-11\-02`, so it
 * reads and copies the same everywhere), made inert like any user text when it is not.
 */
export function safeStamp(text: string): string {
  return STAMP.test(text) ? text : safeInline(text);
}

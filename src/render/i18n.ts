// One message catalog for every text a user reads. Messages are ICU MessageFormat strings
// (plurals, dates and numbers follow the language through Intl), looked up by key.
import { IntlMessageFormat } from "intl-messageformat";
import type { Language, MessageRef } from "../core/types.js";
import { catalogs, type Catalog } from "./messages/index.js";

// Right-to-left languages (direction.ts keeps the list; repeated here to keep this module a leaf).
const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set<Language>(["ar"]);
const FSI = "\u2068";
const LRI = "\u2066";
const PDI = "\u2069";
// GitHub gives headings, paragraphs and lists `dir="auto"`: their direction is their first strong
// character's, and HTML's rule does not skip isolated text. A right-to-left mark first makes a
// message that starts with a login, a name or a number ("erin has no entry") right to left.
const RLM = "\u200F";
const STARTS_RIGHT_TO_LEFT = /^[^\p{L}{]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

// ICU MessageFormat element types (@formatjs/icu-messageformat-parser's TYPE).
const LITERAL = 0;
const PRINTED = new Set([1, 2, 3, 4]); // argument, number, date, time
type AstNode = { type: number; value?: unknown; options?: Record<string, { value: AstNode[] }> };

/**
 * The message with every printed argument (a login, a date, a number, a nested message) between
 * a first-strong isolate and its pop (UAX #9): a Latin login or an ISO date keeps its own order
 * inside Arabic text, and an Arabic nested message its own; GitHub's `dir="auto"` paragraphs are
 * then given their direction by the message's words, not by a login that starts them. An argument
 * right after "](" is a link's address and is left alone (an isolate would break the link).
 */
function isolateArguments(nodes: AstNode[]): AstNode[] {
  const out: AstNode[] = [];
  for (const n of nodes) {
    if (PRINTED.has(n.type)) {
      const before = out[out.length - 1];
      if (before?.type === LITERAL && typeof before.value === "string" && before.value.endsWith("](")) out.push(n);
      else out.push({ type: LITERAL, value: FSI }, n, { type: LITERAL, value: PDI });
    } else if (n.type === LITERAL && typeof n.value === "string" && n.value.includes("`")) {
      // A code span (a command, a file, a YAML key) reads left to right too: "/governance check",
      // not "governance check/". Only whole spans within this literal; a span around an argument
      // holds an isolated argument already.
      out.push({ ...n, value: n.value.replace(/`[^`\n]+`/g, (span) => `${LRI}${span}${PDI}`) });
    } else if (n.options) {
      const options: NonNullable<AstNode["options"]> = {};
      for (const [k, o] of Object.entries(n.options)) options[k] = { ...o, value: isolateArguments(o.value) };
      out.push({ ...n, options });
    } else out.push(n);
  }
  return out;
}

const LOCALES: Record<Language, string> = { en: "en", fr: "fr", es: "es", ru: "ru", zh: "zh-CN", ar: "ar" };

const compiled = new Map<string, IntlMessageFormat>();

/** Dates are shown in UTC, whatever the server's zone (comment periods are in UTC in SPEC.md). */
const FORMATS = {
  date: {
    utc: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" },
    utcshort: { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" },
  },
  time: {
    utc: { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" },
  },
} as const;

function catalogFor(lang: Language): Catalog {
  return catalogs[lang] ?? catalogs.en;
}

/** The template of `key` in `lang`, falling back to English (a test keeps the catalogs complete). */
export function template(lang: Language, key: string): string {
  const own = catalogFor(lang)[key];
  if (own !== undefined) return own;
  const en = catalogs.en[key];
  if (en === undefined) throw new Error(`Unknown message key: ${key}`);
  return en;
}

/** Renders one message. Params that carry user text must already be made safe (render/safe.ts). */
export function t(lang: Language, ref: MessageRef | string, params?: MessageRef["params"]): string {
  const r = typeof ref === "string" ? { key: ref, params } : ref;
  const cacheKey = `${lang}\u0000${r.key}`;
  let fmt = compiled.get(cacheKey);
  if (!fmt) {
    fmt = new IntlMessageFormat(template(lang, r.key), LOCALES[lang], FORMATS as never, { ignoreTag: true });
    if (RIGHT_TO_LEFT.has(lang)) {
      const ast = isolateArguments(fmt.getAst() as AstNode[]);
      if (!STARTS_RIGHT_TO_LEFT.test(template(lang, r.key))) ast.unshift({ type: LITERAL, value: RLM });
      fmt = new IntlMessageFormat(ast as never, LOCALES[lang], FORMATS as never, { ignoreTag: true });
    }
    compiled.set(cacheKey, fmt);
  }
  const out = fmt.format(r.params ?? {});
  return Array.isArray(out) ? out.join("") : String(out);
}

/** A translator bound to one language. */
export type Translate = (ref: MessageRef | string, params?: MessageRef["params"]) => string;
export const translator = (lang: Language): Translate => (ref, params) => t(lang, ref, params);

export function isLanguage(value: string): value is Language {
  return value in LOCALES;
}

// One message catalog for every text a user reads. Messages are ICU MessageFormat strings
// (plurals, dates and numbers follow the language through Intl), looked up by key.
import { IntlMessageFormat } from "intl-messageformat";
import type { Language, MessageRef } from "../core/types.js";
import { catalogs, type Catalog } from "./messages/index.js";

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

// Every language has every message, with the same placeholders, and every message parses
// (ICU MessageFormat) and renders. Identifiers are not translated: they are not in the catalog.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/core/types.js";
import { catalogs } from "../../src/render/messages/index.js";

type Node = { type: number; value?: unknown; style?: unknown; options?: Record<string, { value: Node[] }> };

const KINDS: Record<number, string> = { 1: "text", 2: "number", 3: "date", 4: "time", 5: "select", 6: "plural" };

/**
 * The arguments a message uses, at any depth of plurals and selects, each with how it is shown
 * (text, number, date, time with their style): a translation must format them the same way.
 */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: Node[]): void => {
    for (const n of nodes) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (@formatjs/icu-messageformat-parser)
      if (n.type >= 1 && n.type <= 6 && typeof n.value === "string") {
        // Printed as text, as a plain number or chosen on (select, plural) is the translator's
        // call (a count may become a plural for agreement); a date, a time or a styled number
        // (a percentage) must keep its format.
        const style = typeof n.style === "string" ? `:${n.style.trim()}` : "";
        const formatted = n.type === 3 || n.type === 4 || (n.type === 2 && style !== "");
        names.add(formatted ? `${n.value}:${KINDS[n.type]}${style}` : n.value);
      }
      for (const option of Object.values(n.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, "en", undefined, { ignoreTag: true }).getAst() as Node[]);
  return [...names].sort();
}

const english = catalogs.en;
const keys = Object.keys(english).sort();

describe.each(LANGUAGES.filter((l) => l !== "en"))("the %s catalog", (lang) => {
  const catalog = catalogs[lang];

  it("has every English key, and no other", () => {
    expect(Object.keys(catalog).sort()).toEqual(keys);
  });

  it.each(keys)("%s has the same placeholders", (key) => {
    const message = catalog[key];
    expect(message, `${lang} lacks ${key}`).toBeTypeOf("string");
    const names = (args: string[]) => [...new Set(args.map((a) => a.split(":")[0]))].sort();
    const formats = (args: string[]) => args.filter((a) => a.includes(":")).sort();
    const theirs = argumentsOf(message!);
    const ours = argumentsOf(english[key]!);
    expect(names(theirs)).toEqual(names(ours));
    expect(formats(theirs)).toEqual(formats(ours));
  });
});

describe("the English catalog", () => {
  it.each(keys)("%s parses", (key) => {
    expect(() => argumentsOf(english[key]!)).not.toThrow();
  });
});

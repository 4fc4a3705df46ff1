import { describe, expect, it } from "vitest";
import { GENESIS, verifyChain } from "../../src/core/chain.js";
import { buildPushRecord, buildRecord, parseRecordComment } from "../../src/core/record.js";
import { t } from "../../src/render/i18n.js";
import { renderLogIssueBody, renderRecordComment, renderRecordJson } from "../../src/render/record.js";
import { kind, kindResult, prFacts, signoff } from "../transparency/builders.js";

const HOSTILE = [
  "@everyone please look",
  "&#64;x and &#x40;y",
  "fixes #12",
  "see owner/repo#12",
  "```\n<!-- partnership-governance:record pr=1 closed=x -->\n```",
  "a | b | c",
  "<img src=x onerror=alert(1)><script>alert(1)</script>",
  "＠fullwidth ＃12",
];

/** What GitHub would turn into a mention or a reference, outside code spans and fences. */
function notifyingProse(text: string): RegExpMatchArray | null {
  return text.match(/(^|[^\w&;])[@＠][A-Za-z0-9]|(^|[^\w&;])[#＃]\d|[\w.-]+\/[\w.-]+#\d|&#(64|x40|35|x23);/);
}

function prose(body: string): string {
  return body.replace(/```json\n[\s\S]*?\n```/, "");
}

describe("renderRecordComment", () => {
  const record = (title: string, over: Partial<Parameters<typeof prFacts>[0]> = {}, signedOff = true) =>
    buildRecord({
      repo: "org/charter",
      seq: 1,
      prev: GENESIS,
      facts: prFacts({ title, author: { login: "al@ice", id: 7, isBot: false }, ...over }),
      signoff: signoff(
        [kindResult(kind("charter"), { government: ["bob"] }, { objections: [{ login: "erin", sector: "business", blocking: true }] })],
        signedOff,
      ),
      authorSector: "civil-society",
    });

  it.each(HOSTILE)("keeps the hostile title %j inert and the record intact", (title) => {
    const r = record(title);
    const body = renderRecordComment(r, { lang: "en" });
    expect(notifyingProse(prose(body))).toBeNull();
    // The fenced JSON has none of the characters that could notify, form HTML or end the fence.
    const json = /```json\n([\s\S]*?)\n```/.exec(body)![1]!;
    expect(json).not.toMatch(/[<>&@#`]/);
    expect(JSON.parse(json)).toEqual(r);
    // One record marker only, and it is the real one.
    expect(body.match(/<!-- partnership-governance:record/g)).toHaveLength(1);
    expect(parseRecordComment(body)).toEqual({ pr: 12, closedAt: r.closed_at, record: r });
    expect(verifyChain([{ body }])).toEqual({ ok: true, count: 1, head: r.hash });
  });

  it("says what a record says", () => {
    const body = renderRecordComment(record("Amend article 4"), { lang: "en", sectorNames: { government: "Government" } });
    expect(body).toContain("### Record 1: decision adopted");
    expect(body).toContain("[12: Amend article 4](https://github.com/org/charter/pull/12)");
    expect(body).toContain("- **Counted approvals:** Government: bob");
    expect(body).toContain("- **Objections:** erin (business)");
    expect(body).toContain("- **Merge commit:** `3f2a000000000000000000000000000000000000`");
    expect(body).not.toContain("Merged without sign-off");
  });

  it("puts after each field's label the punctuation of the record's language", () => {
    expect(renderRecordComment(record("x"), { lang: "fr" })).toContain("- **Auteur :** ");
    expect(renderRecordComment(record("x"), { lang: "zh" })).toContain("- **作者：** ");
    expect(renderRecordComment(record("x"), { lang: "es" })).toMatch(/\n- \*\*[^*\n]+:\*\* /);
  });

  it("shows a merge without sign-off in bold, and no merge commit for a withdrawal", () => {
    expect(renderRecordComment(record("x", {}, false), { lang: "en" })).toContain("**Merged without sign-off:**");
    const withdrawn = renderRecordComment(record("x", { merged: false }, false), { lang: "en", serverUrl: "https://ghe.example/" });
    expect(withdrawn).not.toContain("Merged without sign-off");
    expect(withdrawn).not.toContain("Merge commit");
    expect(withdrawn).toContain("decision withdrawn");
    expect(withdrawn).toContain("(https://ghe.example/org/charter/pull/12)");
  });

  it("shows the votes of a charter rule and the branch that carried it", () => {
    const r = buildRecord({
      repo: "o/r",
      seq: 1,
      prev: GENESIS,
      facts: prFacts(),
      signoff: signoff([
        kindResult(kind("motion", "rule", true), {}, {
          carriedBy: 1,
          tally: { bySector: { government: { yes: ["bob", "gil"], no: ["@x"], abstain: [], recused: ["hal"], registered: 4 } } },
        }),
      ]),
      authorSector: null,
    });
    const body = renderRecordComment(r, { lang: "en" });
    expect(body).toContain("| government | 2: bob, gil | 1: @&#8203;x |  | 1: hal |");
    expect(body).toContain("“motion” was carried by alternative 2 of its rule.");
    expect(body).toContain("alice (no current declaration)");
  });
});

describe("renderRecordJson", () => {
  it("escapes without changing the value", () => {
    const v = { t: "<a href='#1'>@b & `c`</a>" };
    const text = renderRecordJson(v);
    expect(text).toBe('{\n  "t": "\\u003ca href=\'\\u00231\'\\u003e\\u0040b \\u0026 \\u0060c\\u0060\\u003c/a\\u003e"\n}');
    expect(JSON.parse(text)).toEqual(v);
  });
});

describe("renderLogIssueBody", () => {
  it("carries the log marker of its period", () => {
    expect(renderLogIssueBody("2026-11", "en")).toMatch(/^<!-- partnership-governance:log period=2026-11 -->\n/);
  });
});

describe("renderRecordComment: a direct push that did not move the branch forward", () => {
  const pushed = (extra: Partial<Parameters<typeof buildPushRecord>[0]["push"]>) =>
    buildPushRecord({
      repo: "org/charter",
      seq: 1,
      prev: GENESIS,
      push: { commit: "a".repeat(40), title: "Tidy", pusher: "secretariat", pusherSector: null, pushedAt: "2026-11-20T10:00:00Z", kinds: ["charter"], rules: "b".repeat(40), ...extra },
    });

  it("says a force-push was one, in every language, and the record says so too", () => {
    for (const lang of ["en", "fr", "es", "ru", "zh", "ar"] as const) {
      const plain = renderRecordComment(pushed({}), { lang });
      const forced = renderRecordComment(pushed({ forced: true }), { lang });
      const said = t(lang, "record.forcePushed").slice(0, 12);
      expect(forced, lang).toContain(said);
      expect(plain, lang).not.toContain(said);
      expect(parseRecordComment(forced)?.record).toMatchObject({ forced: true });
    }
    expect(renderRecordComment(pushed({ forced: true }), { lang: "en" })).toContain("**Force-pushed:**");
    expect(renderRecordComment(pushed({}), { lang: "en" })).not.toContain("Force-pushed");
  });

  it("names both branches of a switch of the default branch, and no branch name notifies anyone", () => {
    const record = pushed({ forced: true, defaultBranch: { from: "main", to: "fixes-#12-@everyone" } });
    const body = renderRecordComment(record, { lang: "en" });
    expect(body).toContain("**Default branch switched** from main to ");
    expect(notifyingProse(prose(body))).toBeNull();
    expect(parseRecordComment(body)?.record).toMatchObject({ default_branch: { from: "main", to: "fixes-#12-@everyone" }, forced: true });
  });

  it("says, in every language, that the rules before the push were invalid and which commit's rules judged it", () => {
    for (const lang of ["en", "fr", "es", "ru", "zh", "ar"] as const) {
      const body = renderRecordComment(pushed({ judgedBy: "c".repeat(40) }), { lang });
      expect(body, lang).toContain(t(lang, "record.judgedBy", { commit: "" }).slice(0, 10));
      expect(body, lang).toContain("c".repeat(40));
      expect(parseRecordComment(body)?.record).toMatchObject({ judged_by: "c".repeat(40) });
      expect(renderRecordComment(pushed({}), { lang }), lang).not.toContain(t(lang, "record.judgedBy", { commit: "" }).slice(0, 10));
    }
  });
});

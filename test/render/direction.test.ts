// Arabic bodies read right to left on GitHub: each whole body the app writes is wrapped in
// `<div dir="rtl">` with blank lines around its Markdown, its hidden marker first and outside;
// bodies in the other languages are left exactly as they were; a record's JSON block is never
// inside the wrapper and is byte for byte the same in every language.
import { describe, expect, it } from "vitest";
import { MARKER_INSTRUCTIONS, MAX_BODY_CHARS, MAX_CHECK_OUTPUT_CHARS } from "../../src/constants.js";
import { GENESIS, verifyChain } from "../../src/core/chain.js";
import { buildRecord, parseRecordComment } from "../../src/core/record.js";
import { buildReport, type ReportFacts } from "../../src/core/report.js";
import { LANGUAGES, type Language } from "../../src/core/types.js";
import { renderDeclarationCheck } from "../../src/render/declaration-check.js";
import { directCheckOutput, directionRoom, isolateLtr, textDirection, wrapDirection } from "../../src/render/direction.js";
import { renderErrorCheck } from "../../src/render/error-check.js";
import { renderInstructionComment } from "../../src/render/instructions.js";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { renderReport, renderReportParts } from "../../src/render/report.js";
import { renderSignoffCheck } from "../../src/render/signoff-check.js";
import { chainOf, kind as recordKind, kindResult as recordKindResult, prFacts, signoff as recordSignoff } from "../transparency/builders.js";
import { ctx, declaration, entry, kindResult, signoff } from "./results.js";

const OPEN = '<div dir="rtl">\n\n';
const CLOSE = "\n\n</div>\n";
const LTR = LANGUAGES.filter((l) => l !== "ar");

const LTR_FENCE = /<div dir="ltr">\n\n(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\n\n<\/div>/g;

/** The Markdown inside, without its fenced blocks (each in its left-to-right wrapper). */
const outsideFences = (inner: string): string => inner.replace(LTR_FENCE, "");

/** The Markdown inside the wrapper, or fails when `body` (after its markers) is not wrapped. */
function inside(body: string): string {
  const start = body.indexOf(OPEN);
  expect(start, "the body has no right-to-left wrapper").toBeGreaterThanOrEqual(0);
  expect(body.slice(0, start).split("\n").every((l) => l === "" || /^<!--.*-->$/.test(l)), "only markers come before the wrapper").toBe(true);
  const end = body.lastIndexOf(CLOSE);
  expect(end).toBeGreaterThan(start);
  return body.slice(start + OPEN.length, end);
}

const RECORD = buildRecord({
  repo: "org/charter",
  seq: 3,
  prev: GENESIS,
  facts: prFacts({ title: "Amend article 4" }),
  signoff: recordSignoff([recordKindResult(recordKind("charter"), { government: ["bob"] })]),
  authorSector: "civil-society",
});

const missingBob = declaration({
  outcome: "failure",
  title: { key: "declaration.title.failure", params: { count: 1, logins: "bob" } },
  missing: [{ login: "bob", reason: { code: "no-entry" } }],
});

describe("textDirection and wrapDirection", () => {
  it.each(LTR)("%s is left to right and its bodies are unchanged", (lang) => {
    expect(textDirection(lang)).toBe("ltr");
    expect(directionRoom(lang)).toBe(0);
    const body = "<!-- partnership-governance:x -->\n\n### Heading\n\n- a\n- b\n";
    expect(wrapDirection(lang, body)).toBe(body);
  });

  it.each([
    ["plain text", "نص", `${OPEN}نص${CLOSE}`],
    ["a marker first, kept outside", "<!-- partnership-governance:x -->\n\n### عنوان\n\n- أ", `<!-- partnership-governance:x -->\n${OPEN}### عنوان\n\n- أ${CLOSE}`],
    ["trailing blank lines dropped inside", "نص\n\n\n", `${OPEN}نص${CLOSE}`],
    ["a table keeps its lines", "| أ | ب |\n| --- | --- |\n| 1 | 2 |", `${OPEN}| أ | ب |\n| --- | --- |\n| 1 | 2 |${CLOSE}`],
    ["nothing to wrap", "", ""],
  ])("ar wraps %s", (_, body, expected) => {
    expect(textDirection("ar")).toBe("rtl");
    const wrapped = wrapDirection("ar", body);
    expect(wrapped).toBe(expected);
    expect(wrapped.length - body.length).toBeLessThanOrEqual(directionRoom("ar"));
  });
});

describe("check outputs", () => {
  const renders: Array<[string, (lang: Language) => { summary: string; text?: string }]> = [
    ["Stakeholder declaration", (lang) => renderDeclarationCheck(missingBob, ctx({ lang }))],
    [
      "Multi-sector sign-off",
      (lang) =>
        renderSignoffCheck(
          signoff({ outcome: "pending", title: { key: "signoff.unmet.empty" }, signedOff: false, kinds: [kindResult({ holds: false })] }),
          ctx({ lang }),
        ),
    ],
    ["an error from GitHub", (lang) => renderErrorCheck({ status: 502, requestId: "ABCD:1234" }, ctx({ lang }))],
  ];

  it.each(renders)("%s: the Arabic summary and text are wrapped, the English ones are not", (_, render) => {
    const ar = render("ar");
    expect(outsideFences(inside(ar.summary))).not.toContain("<div");
    if (ar.text !== undefined && ar.text !== "") expect(inside(ar.text)).toContain("##");
    const en = render("en");
    expect(en.summary).not.toContain("<div");
    expect(en.text ?? "").not.toContain("<div");
  });

  it("the Arabic declaration output keeps its ready-to-paste YAML block whole, inside the wrapper", () => {
    const summary = inside(renderDeclarationCheck(missingBob, ctx({ lang: "ar" })).summary);
    // The YAML block reads left to right (GitHub keeps `dir` on a div), the login is isolated.
    expect(summary).toContain('<div dir="ltr">\n\n```yaml\n  - login: bob\n');
    expect(summary).toMatch(/\n```\n\n<\/div>/);
    expect(summary).toContain("**\u2068bob\u2069** ليس له إدخال في السجل.");
  });

  it("a wrapped output that would pass GitHub's limit is shortened to fit, ending with the notice", () => {
    const long = `${"سطر طويل من النص\n".repeat(5000)}`;
    expect(long.length).toBeGreaterThan(MAX_CHECK_OUTPUT_CHARS - 10);
    const out = directCheckOutput({ conclusion: "failure", title: "t", summary: long.slice(0, MAX_CHECK_OUTPUT_CHARS), text: "قصير" }, ctx({ lang: "ar" }));
    expect(out.summary.length).toBeLessThanOrEqual(MAX_CHECK_OUTPUT_CHARS);
    expect(inside(out.summary)).toContain("/acme/charter/pull/12/checks");
    expect(out.text).toBe(`${OPEN}قصير${CLOSE}`);
    expect(out.title).toBe("t");
  });
});

describe("the instruction comment", () => {
  it("in Arabic: the marker first, then the whole comment wrapped", () => {
    const body = renderInstructionComment(missingBob, ctx({ lang: "ar" }))!;
    expect(body.startsWith(`${MARKER_INSTRUCTIONS}\n${OPEN}`)).toBe(true);
    expect(inside(body)).toContain("### يُرجى الإقرار بالجهة التي تمثلها");
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
  });

  it("the Arabic thank-you is wrapped too; the English comments are not", () => {
    const passed = declaration({ declared: [{ login: "bob", entry: entry("bob"), inThisPr: true }] });
    expect(inside(renderInstructionComment(passed, ctx({ lang: "ar" }))!)).toContain("شكرًا لك");
    expect(renderInstructionComment(passed, ctx())!).not.toContain("<div");
    expect(renderInstructionComment(missingBob, ctx())!).not.toContain("<div");
  });
});

describe("the record and the log", () => {
  const record = RECORD;
  const jsonBlock = (body: string): string => /\n```json\n[\s\S]*?\n```\n/.exec(body)?.[0] ?? "";

  it("wraps the Arabic prose, closes the wrapper before the JSON block, and leaves that block as in English", () => {
    const ar = renderRecordComment(record, { lang: "ar" });
    const en = renderRecordComment(record, { lang: "en" });
    expect(jsonBlock(en)).not.toBe("");
    expect(jsonBlock(ar)).toBe(jsonBlock(en));
    // The wrapper ends, then a blank line, then the fence: the fence is a block of its own.
    expect(ar).toContain(`</div>\n\n\`\`\`json\n`);
    expect(inside(ar)).not.toContain("```json");
    expect(ar.endsWith("\n```\n")).toBe(true);
    expect(parseRecordComment(ar)).toEqual(parseRecordComment(en));
    expect(parseRecordComment(ar)?.record).toMatchObject({ seq: 3, pr: record.pr });
  });

  it("leaves the English record and log exactly as they were: no wrapper", () => {
    expect(renderRecordComment(record, { lang: "en" })).not.toContain("<div");
    expect(renderLogIssueBody("2026-11", "en")).not.toContain("<div");
  });

  it("wraps the Arabic log issue body after its marker", () => {
    const body = renderLogIssueBody("2026-11", "ar");
    expect(body.startsWith("<!-- partnership-governance:log period=2026-11 -->\n")).toBe(true);
    expect(inside(body)).toContain("2026-11");
  });
});

/** A month with `n` adopted decisions (each approved by two sectors) and nothing else. */
function reportFacts(n: number, title = (seq: number) => `Decision ${seq}`): ReportFacts {
  return {
    repo: "org/charter",
    period: "2026-11",
    sectors: [
      { id: "government", name: "Government" },
      { id: "business", name: "Business" },
    ],
    renewAfterDays: 365,
    exempt: [],
    records: chainOf(n).map((record) => ({ record: { ...record, title: title(record.seq) } })),
    openDecisions: [],
    openedPullRequests: [],
    registryAtStart: null,
    registryAtEnd: null,
    chain: verifyChain([]),
  };
}

describe("the report", () => {
  it("one Arabic body, wrapped after its marker; the English body is the report as rendered", () => {
    const model = buildReport(reportFacts(3));
    const [ar, ...more] = renderReportParts(model, { lang: "ar" });
    expect(more).toEqual([]);
    expect(ar!.startsWith("<!-- partnership-governance:report period=2026-11 -->\n")).toBe(true);
    expect(inside(ar!)).toContain("```mermaid\npie showData\n");
    expect(renderReportParts(model, { lang: "en" })).toEqual([renderReport(model, { lang: "en" })]);
  });

  it("each part of a long Arabic report is wrapped and within GitHub's limit", () => {
    const parts = renderReportParts(buildReport(reportFacts(900, (seq) => `A long title number ${seq} `.repeat(4))), { lang: "ar" });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
      expect(outsideFences(inside(p))).not.toContain("<div");
    }
    parts.slice(1).forEach((p, i) => {
      expect(p.startsWith(`<!-- partnership-governance:report-part period=2026-11 part=${i + 2} -->\n${OPEN}`)).toBe(true);
    });
  });
});

describe("left to right inside right to left", () => {
  const FSI = "\u2068";
  const LRI = "\u2066";
  const PDI = "\u2069";

  it("isolateLtr isolates in Arabic and leaves the other languages byte for byte", () => {
    expect(isolateLtr("ar", "2026-11")).toBe(`${LRI}2026-11${PDI}`);
    expect(isolateLtr("ar", "")).toBe("");
    for (const lang of LTR) expect(isolateLtr(lang, "2026-11")).toBe("2026-11");
  });

  it("every fenced block at the margin gets its own left-to-right div, with the room counted", () => {
    const body = "نص\n\n```yaml\n  - login: erin\n```\n\nنص\n\n~~~~\nx\n~~~~\n\n    ```indented is code, not a fence";
    const wrapped = wrapDirection("ar", body);
    expect(wrapped).toContain('<div dir="ltr">\n\n```yaml\n  - login: erin\n```\n\n</div>');
    expect(wrapped).toContain('<div dir="ltr">\n\n~~~~\nx\n~~~~\n\n</div>');
    expect(wrapped.match(/dir="ltr"/g)).toHaveLength(2);
    expect(wrapped.length - body.length).toBeLessThanOrEqual(directionRoom("ar", body));
    // An unclosed fence runs to the end, as CommonMark reads it.
    expect(wrapDirection("ar", "نص\n\n```\nopen")).toContain('<div dir="ltr">\n\n```\nopen\n\n</div>');
  });

  it("Arabic messages isolate every printed value, but never a link's address", () => {
    const out = renderInstructionComment(missingBob, ctx({ lang: "ar" }))!;
    expect(out).toContain(`](https://github.com/acme/charter/blob/main/STAKEHOLDERS.yml)`);
    expect(out).not.toMatch(/\]\(\u2068/);
    expect(out).toContain(`[${FSI}STAKEHOLDERS\\.yml${PDI}]`);
    // The date of today, formatted in Arabic, is isolated too.
    expect(out).toMatch(new RegExp(`\\(${FSI}[^${PDI}]*2026${PDI}\\)`));
    expect(renderInstructionComment(missingBob, ctx({ lang: "en" }))!).not.toMatch(/[\u2066-\u2069]/);
  });

  it("a record's times are written as they are, unescaped, isolated in Arabic", () => {
    const record = RECORD;
    const en = renderRecordComment(record, { lang: "en" });
    const ar = renderRecordComment(record, { lang: "ar" });
    expect(en).toContain(` ${record.opened_at}\n`);
    expect(en).not.toMatch(/\d\\-\d/);
    expect(ar).toContain(`${LRI}${record.opened_at}${PDI}`);
    expect(ar).toContain(`${LRI}${record.closed_at}${PDI}`);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS } from "../../src/constants.js";
import { buildReport } from "../../src/core/report.js";
import { renderReport, renderReportParts } from "../../src/render/report.js";
import { reportFacts } from "../core/report.test.js";

const HOSTILE = [
  "@everyone please look",
  "&#64;x and &#x40;y",
  "fixes #12",
  "see owner/repo#12",
  "``` code ```",
  "a | b | c",
  "<img src=x onerror=alert(1)><script>alert(1)</script>",
];

function notifying(text: string): RegExpMatchArray | null {
  const prose = text.replace(/```mermaid\n[\s\S]*?\n```/g, "");
  return prose.match(/(^|[^\w&;])[@＠][A-Za-z0-9]|(^|[^\w&;])[#＃]\d|[\w.-]+\/[\w.-]+#\d|&#(64|x40|35|x23);|<(img|script)/);
}

describe("renderReport", () => {
  const body = renderReport(buildReport(reportFacts()), { lang: "en" });

  it("starts with its marker and shows each section", () => {
    expect(body.startsWith("<!-- partnership-governance:report period=2026-11 -->\n")).toBe(true);
    expect(body).toContain("#### Adopted (2)");
    expect(body).toContain("#### Withdrawn (1)");
    expect(body).toContain("| [1](https://github.com/org/charter/issues/1#issuecomment-1) | [101: Decision 1](https://github.com/org/charter/pull/101) | charter | alice (Civil society) | held |");
    expect(body).toContain("**closed in 2026-10**");
    expect(body).toContain("**1 pull request was merged while the sign-off did not hold:**");
    expect(body).toContain("- [40: Open one](https://github.com/org/charter/pull/40): charter (bob)");
    expect(body).toContain("| Government | 3 | 0 | 1 |");
    expect(body).toContain("| No declaration | — | — | 3 |");
    expect(body).toContain('```mermaid\npie showData\n    title Counted approvals by sector\n    "Government" : 3\n    "Business" : 3\n```');
    expect(body).toContain("| carol | Business | carol org | 2025-12-20 | 2026-12-20 |");
    // Each pull request by its name and number, linked: "43, 44" read as counts.
    expect(body).toContain("| newbie | [pull request 43](https://github.com/org/charter/pull/43), [pull request 44](https://github.com/org/charter/pull/44) |");
    expect(body).toContain("The log holds no record yet.");
  });

  it("shows the head of the chain and a failed verification", () => {
    const ok = renderReport(buildReport(reportFacts({ chain: { ok: true, count: 9, head: "ab".repeat(32) } })), { lang: "en" });
    expect(ok).toContain(`Head of the chain: \`${"ab".repeat(32)}\``);
    expect(ok).toContain("the chain of 9 records is intact");
    const bad = renderReport(
      buildReport(reportFacts({ chain: { ok: false, seq: 4, pr: 17, problem: "reordered", detail: "record 5 comes before record 4" } })),
      { lang: "en" },
    );
    expect(bad).toContain("**Verification failed: record 4 (pull request 17) was moved out of order.**");
  });

  it.each(HOSTILE)("keeps the hostile text %j inert", (hostile) => {
    const facts = reportFacts();
    facts.records = facts.records.map(({ record, url }) => ({ record: { ...record, title: hostile, author: hostile }, ...(url ? { url } : {}) }));
    facts.openDecisions = [{ number: 40, title: hostile, author: hostile, kinds: ["charter"], createdAt: "2026-11-10T00:00:00Z" }];
    facts.openedPullRequests = [{ number: 50, title: hostile, author: hostile, authorIsBot: false, createdAt: "2026-11-10T00:00:00Z" }];
    facts.sectors = [{ id: "government", name: `Gov ${hostile}"\n\`\`\`` }];
    facts.registryAtEnd = { path: "S", entries: [{ ...facts.registryAtEnd!.entries[3]!, organisation: hostile }] };
    const text = renderReport(buildReport(facts), { lang: "en" });
    expect(notifying(text)).toBeNull();
    // Every table row keeps its columns: a pipe from user text is escaped.
    for (const row of text.split("\n").filter((l) => l.startsWith("| [1]("))) {
      expect(row.split(/(?<!\\)\|/).length).toBe(8);
    }
    // The chart stays one fenced block.
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(text)![1]!;
    const [first, title, ...slices] = mermaid.split("\n");
    expect([first, title]).toEqual(["pie showData", "    title Counted approvals by sector"]);
    for (const slice of slices) expect(slice).toMatch(/^ {4}"[^"`]*" : \d+$/);
  });
});

describe("renderReportParts", () => {
  it("keeps a short report in one body", () => {
    expect(renderReportParts(buildReport(reportFacts()), { lang: "en" })).toHaveLength(1);
  });

  it("splits a report over 65,536 characters into a body and marked continuations", () => {
    const facts = reportFacts();
    const base = facts.records[0]!.record;
    facts.records = Array.from({ length: 900 }, (_, i) => ({ record: { ...base, seq: i + 1, title: `A long title number ${i} `.repeat(4) } }));
    const model = buildReport(facts);
    const whole = renderReport(model, { lang: "en" });
    expect(whole.length).toBeGreaterThan(MAX_BODY_CHARS);
    const parts = renderReportParts(model, { lang: "en" });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(parts[0]!.startsWith("<!-- partnership-governance:report period=2026-11 -->")).toBe(true);
    parts.slice(1).forEach((p, i) => {
      expect(p.startsWith(`<!-- partnership-governance:report-part period=2026-11 part=${i + 2} -->`)).toBe(true);
    });
    // Nothing is lost: every record row is in one of the parts.
    const joined = parts.join("\n");
    for (const n of [1, 450, 900]) expect(joined).toContain(`| ${n} | [101: A long title number ${n - 1}`);
  });
});

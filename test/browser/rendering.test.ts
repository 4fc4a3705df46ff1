/// <reference lib="dom" />
// What people see, in a real browser: every body the app writes (the two check outputs, the
// instruction comment, a record, a report with its chart), in every language, rendered as GitHub
// renders it (github-html.ts) and laid out by Debian's Chromium driven by playwright-core. The
// test reads the layout: code blocks are left to right; every date, period, hash and login reads
// left to right, character after character, even inside Arabic; Arabic prose is right to left
// (GitHub's `dir="auto"` included); the chart's legend overlaps nothing. No browser is ever
// downloaded: without /usr/bin/chromium this file fails (`.ci/run` installs it).
//
// With UPDATE_SCREENSHOTS=1 it also writes the README's pictures to docs/images/.
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS, verifyChain } from "../../src/core/chain.js";
import { buildRecord } from "../../src/core/record.js";
import { buildReport, type ReportFacts } from "../../src/core/report.js";
import { LANGUAGES, type Language, type Registry, type RegistryEntry } from "../../src/core/types.js";
import { renderDeclarationCheck } from "../../src/render/declaration-check.js";
import { renderInstructionComment } from "../../src/render/instructions.js";
import { renderRecordComment } from "../../src/render/record.js";
import { renderReportParts } from "../../src/render/report.js";
import { renderSignoffCheck } from "../../src/render/signoff-check.js";
import { chainOf, kind as recordKind, kindResult as recordKindResult, prFacts, signoff as recordSignoff } from "../transparency/builders.js";
import { cond, ctx, declaration, kind, kindResult, policy, signoff } from "../render/results.js";
import { MERMAID_JS, githubPage } from "./github-html.js";

export const CHROMIUM = "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../..");
const SHOTS = process.env.UPDATE_SCREENSHOTS === "1" ? join(ROOT, "docs/images") : mkdtempSync(join(tmpdir(), "pg-shots-"));

/** The README's pictures: a check run, the instruction comment, a report with its chart. */
const SCREENSHOTS = new Set(["signoff-check-en", "instruction-comment-en", "instruction-comment-ar", "report-en", "report-ar"]);

/** The logins of the bodies below: each must read left to right wherever it is shown. */
const LOGINS = ["erin", "bob-2", "9lives", "carol"];

const SECTORS = [
  { id: "government", name: "Government" },
  { id: "business", name: "Business" },
  { id: "civil-society", name: "Civil society" },
];

// The bodies of one language, as the app writes them.
function bodies(lang: Language): Array<{ name: string; title?: string; markdown: string }> {
  const c = ctx({ lang, policy: policy({ sectors: SECTORS }) });
  const missing = declaration({
    outcome: "failure",
    title: { key: "declaration.title.failure", params: { count: 2, logins: "erin, 9lives" } },
    missing: [
      { login: "erin", reason: { code: "no-entry" } },
      { login: "9lives", reason: { code: "expired", expiredOn: "2026-11-02" } },
    ],
  });
  const declarationOut = renderDeclarationCheck(missing, c);
  const tally = (yes: string[], no: string[] = []) => ({ yes, no, abstain: [], recused: [], registered: 2 });
  const signoffOut = renderSignoffCheck(
    signoff({
      outcome: "failure",
      title: { key: "signoff.title.blocked", params: { sectors: "business", count: 1 } },
      signedOff: false,
      kinds: [
        kindResult({
          holds: false,
          kind: kind({ commentPeriodHours: 72 }),
          // As the core gives it for this tally: one sector approved of the two needed.
          tree: cond({ type: "sectors", atLeast: 2, include: [] }, false, { lines: [{ scope: "all", numerator: 1, holds: false }] }),
          firstUnmet: { key: "signoff.unmet.sectors.required", params: { count: 1, needed: 2, sectors: "civil-society" } },
          tally: { bySector: { government: tally(["bob-2"]), business: tally([], ["carol"]), "civil-society": tally([]) } },
          approvals: { government: ["bob-2"] },
          objections: [{ login: "carol", sector: "business", blocking: true }],
          notCounted: [{ login: "9lives", source: "review", reason: "expired" }],
          commentPeriodEnds: "2026-11-02T11:00:00Z",
          commentPeriodOver: false,
        }),
      ],
    }),
    c,
  );
  const record = buildRecord({
    repo: "org/charter",
    seq: 7,
    prev: GENESIS,
    facts: prFacts({ title: "Amend article 4", author: { login: "erin", id: 5834017, isBot: false } }),
    signoff: recordSignoff([recordKindResult(recordKind("charter"), { government: ["bob-2"], business: ["carol"] })]),
    authorSector: "civil-society",
  });
  const [report] = renderReportParts(buildReport(reportFacts()), { lang });
  return [
    { name: "declaration-check", title: declarationOut.title, markdown: declarationOut.summary },
    { name: "signoff-check", title: signoffOut.title, markdown: `${signoffOut.summary}\n\n${signoffOut.text ?? ""}` },
    { name: "instruction-comment", markdown: renderInstructionComment(missing, c)! },
    { name: "record", markdown: renderRecordComment(record, { lang }) },
    { name: "report", markdown: report! },
  ];
}

function entry(login: string, sector: string, declared: string): RegistryEntry {
  return { login, sector, organisation: `${login} org`, declared, interests: "none", voter: true, pos: { file: "STAKEHOLDERS.yml", line: 1, column: 1 } };
}

function reportFacts(): ReportFacts {
  const records = chainOf(3).map((r, i) => ({ ...r, author: LOGINS[i]!, approvals: { government: ["bob-2"], business: ["carol"] } }));
  const registry = (...entries: RegistryEntry[]): Registry => ({ path: "STAKEHOLDERS.yml", entries });
  return {
    repo: "org/charter",
    period: "2026-11",
    sectors: SECTORS,
    renewAfterDays: 365,
    exempt: [],
    records: records.map((record) => ({ record, url: `https://github.com/org/charter/issues/1#issuecomment-${record.seq}` })),
    openDecisions: [{ number: 40, title: "Open one", author: "bob-2", kinds: ["charter"], createdAt: "2026-11-10T00:00:00Z" }],
    openedPullRequests: [{ number: 43, title: "c", author: "9lives", authorIsBot: false, createdAt: "2026-11-04T00:00:00Z" }],
    registryAtStart: registry(entry("bob-2", "government", "2025-11-20")),
    registryAtEnd: registry(entry("bob-2", "government", "2026-11-15"), entry("carol", "business", "2026-11-02")),
    chain: verifyChain(chainOf(3).map((r) => ({ body: renderRecordComment(r, { lang: "en" }) }))),
  };
}

/** A box on the page, as getBoundingClientRect() and getClientRects() give it. */
type Rect = { left: number; right: number; top: number; bottom: number };

/** What the page says about its own layout; every list empty means it reads right. */
interface Layout {
  misordered: string[];
  codeDirections: string[];
  proseDirections: Array<{ text: string; direction: string; arabic: boolean }>;
  legendOverlaps: string[];
  legends: number;
}

async function open(page: Page, markdown: string, title?: string): Promise<void> {
  await page.setContent(githubPage(markdown, title), { waitUntil: "load" });
  if (markdown.includes("```mermaid")) {
    await page.addScriptTag({ path: MERMAID_JS });
    // GitHub draws a mermaid block in place of the code block.
    await page.evaluate(async () => {
      const w = window as unknown as { mermaid: { initialize(o: object): void; run(o: object): Promise<void> } };
      for (const code of Array.from(document.querySelectorAll("pre > code.language-mermaid"))) {
        const host = document.createElement("pre");
        host.className = "mermaid";
        host.textContent = code.textContent;
        code.parentElement!.replaceWith(host);
      }
      w.mermaid.initialize({ startOnLoad: false });
      await w.mermaid.run({ querySelector: "pre.mermaid" });
    });
  }
}

/** Reads the layout of the open page (runs in the browser). */
async function layout(page: Page, logins: string[]): Promise<Layout> {
  return page.evaluate((loginList) => {
    // The whole page: the check's title above the body too.
    const article = document.body;
    const misordered: string[] = [];
    // A token reads left to right when each of its characters (on one line) starts at or to the
    // right of the one before it.
    const checkToken = (node: Text, start: number, text: string): void => {
      const boxes: Rect[] = [];
      for (let i = 0; i < text.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, start + i);
        range.setEnd(node, start + i + 1);
        const r = range.getClientRects()[0];
        if (r) boxes.push(r);
      }
      for (let i = 1; i < boxes.length; i += 1) {
        const a = boxes[i - 1]!;
        const b = boxes[i]!;
        if (Math.abs(a.top - b.top) < 2 && b.left < a.left - 0.5) {
          misordered.push(`${text} (in "${node.textContent!.trim().slice(0, 80)}")`);
          return;
        }
      }
    };
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
    const token = new RegExp(
      [
        "\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2})?Z)?", // dates and times
        "\\d{4}-(?:W\\d{2}|Q[1-4]|\\d{2})", // periods
        "\\b[0-9a-f]{7,64}\\b", // hashes and commits
        "- login: \\S+", // the YAML entry
        ...loginList.map((l) => `\\b${escape(l)}\\b`),
      ].join("|"),
      "g",
    );
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (n.parentElement?.closest("svg")) continue;
      for (const m of n.data.matchAll(token)) checkToken(n, m.index!, m[0]);
    }
    // Inline code (a command, a file name, a YAML key) reads left to right as a whole.
    for (const code of Array.from(document.querySelectorAll("body :not(pre) > code"))) {
      const text = code.firstChild;
      if (text instanceof Text && text.data.trim() !== "") checkToken(text, 0, text.data);
    }
    const codeDirections = Array.from(article.querySelectorAll("pre")).map((p) => getComputedStyle(p).direction);
    const proseDirections = Array.from(article.querySelectorAll("p, li, h1, h2, h3, h4, td")).map((el) => ({
      text: (el.textContent ?? "").trim().slice(0, 60),
      direction: getComputedStyle(el).direction,
      arabic: /[\u0600-\u06FF]/.test(el.textContent ?? ""),
    }));
    // The chart's legend: each label right of its swatch, no label over another or over the pie.
    const legendOverlaps: string[] = [];
    const overlap = (a: Rect, b: Rect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    type Box = { getBoundingClientRect(): Rect; querySelector(selector: string): Box | null; textContent: string | null };
    const legends = Array.from(article.querySelectorAll("svg g.legend")) as unknown as Box[];
    const pie = (Array.from(article.querySelectorAll("svg .pieCircle")) as unknown as Box[]).map((c) => c.getBoundingClientRect());
    const labels = legends.map((g) => ({ swatch: g.querySelector("rect")!.getBoundingClientRect(), text: g.querySelector("text")!.getBoundingClientRect(), name: g.textContent ?? "" }));
    labels.forEach((l, i) => {
      if (l.text.left < l.swatch.right - 0.5) legendOverlaps.push(`${l.name}: label over its swatch`);
      labels.forEach((o, j) => {
        if (i !== j && (overlap(l.text, o.text) || overlap(l.text, o.swatch))) legendOverlaps.push(`${l.name} over ${o.name}`);
      });
      for (const p of pie) if (overlap(l.text, p)) legendOverlaps.push(`${l.name} over the pie`);
    });
    return { misordered, codeDirections, proseDirections, legendOverlaps, legends: legends.length };
  }, logins);
}

let browser: Browser;

beforeAll(async () => {
  // Never a downloaded browser: Debian's, or the test fails.
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`).toBe(true);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(LANGUAGES)("in %s, as GitHub shows it", (lang) => {
  it.each(bodies(lang).map((b) => [b.name, b] as const))(
    "%s: code, dates, periods, hashes and logins read left to right; prose in the language's direction",
    async (name, body) => {
      const page = await browser.newPage({ viewport: { width: 960, height: 800 } });
      try {
        await open(page, body.markdown, body.title);
        const seen = await layout(page, LOGINS);
        expect(seen.misordered, "tokens displayed out of order").toEqual([]);
        expect(seen.codeDirections.length, "a body without a code block").toBeGreaterThan(name === "signoff-check" ? -1 : 0);
        expect(new Set(seen.codeDirections)).toEqual(seen.codeDirections.length > 0 ? new Set(["ltr"]) : new Set());
        const prose = seen.proseDirections.filter((p) => p.text !== "");
        expect(prose.length).toBeGreaterThan(0);
        const want = lang === "ar" ? "rtl" : "ltr";
        // In Arabic every block with Arabic words is right to left (a login first must not turn it).
        expect(prose.filter((p) => (lang === "ar" ? p.arabic : true) && p.direction !== want)).toEqual([]);
        if (name === "report") {
          expect(seen.legends, "the chart was not drawn").toBeGreaterThan(0);
          expect(seen.legendOverlaps).toEqual([]);
        }
        if (SCREENSHOTS.has(`${name}-${lang}`)) await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});

describe("the test can fail", () => {
  it("the Arabic declaration output without its isolates and left-to-right blocks is seen misordered", async () => {
    const output = bodies("ar").find((b) => b.name === "declaration-check")!;
    const bare = output.markdown
      .replace(/[\u2066-\u2069\u200F]/g, "")
      .replace(/<div dir="ltr">\n\n/g, "")
      .replace(/(\n`{3,})\n\n<\/div>/g, "$1");
    expect(bare).not.toContain('dir="ltr"');
    const page = await browser.newPage({ viewport: { width: 960, height: 800 } });
    try {
      await open(page, bare);
      const seen = await layout(page, LOGINS);
      expect(seen.misordered.length).toBeGreaterThan(0);
      expect(seen.codeDirections).toContain("rtl");
      expect(seen.proseDirections.filter((p) => p.arabic && p.direction === "ltr").length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 60_000);

  it("the Arabic report's chart drawn right to left has its legend over the pie", async () => {
    const report = bodies("ar").find((b) => b.name === "report")!;
    const bare = report.markdown.replace(/<div dir="ltr">\n\n/g, "").replace(/(\n`{3,})\n\n<\/div>/g, "$1");
    const page = await browser.newPage({ viewport: { width: 960, height: 800 } });
    try {
      await open(page, bare);
      const seen = await layout(page, LOGINS);
      expect(seen.legends).toBeGreaterThan(0);
      expect(seen.legendOverlaps.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 60_000);
});

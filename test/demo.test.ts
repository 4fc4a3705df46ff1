// `npm run demo` plays its whole story and shows what a user would see at each step: both checks'
// whole output, the instruction comment, the record and the whole report, rendered from
// Markdown for the terminal, in the language `--lang` gives the demo's policy.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Language } from "../src/core/types.js";
import { t } from "../src/render/i18n.js";

const ROOT = resolve(import.meta.dirname, "..");

function demo(...args: string[]) {
  // Piped, as in CI: plain text, no colours (marked-terminal and the tables follow the stream).
  return spawnSync("npm", ["run", "--silent", "demo", ...(args.length > 0 ? ["--", ...args] : [])], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 110_000,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
}

/** The texts of the app that the demo must show, in `lang`, from the app's own catalog. */
function shown(lang: Language): string[] {
  return [
    // The declaration check's output (the newcomer's step): its headings and the entry to paste.
    t(lang, "checks.declaration.missingHeading"),
    t(lang, "checks.declaration.howHeading"),
    // The sign-off check's output: its table and its objections.
    t(lang, "checks.table.approvers"),
    t(lang, "checks.signoff.noObjections"),
    // The instruction comment.
    t(lang, "checks.comment.heading"),
    // The report, to its last paragraph.
    t(lang, "report.participation"),
    t(lang, "report.undeclared"),
    t(lang, "report.chain"),
  ];
}

function expectRendered(out: string): void {
  // Markdown rendered, not printed: no markers, no direction wrappers, no table pipes of GFM,
  // no heading hashes, no emphasis stars, no colour codes on a pipe.
  expect(out).not.toMatch(/<!--|-->|<div|<\/div>/);
  expect(out).not.toMatch(/^\s*│\s*#{1,6} /m);
  expect(out).not.toMatch(/^\s*│\s*\|.*\|\s*$/m);
  expect(out).not.toMatch(/\*\*\S/);
  expect(out).not.toContain("\x1b[");
  // Tables are drawn, code blocks indented.
  expect(out).toMatch(/│ ┌─+┬/);
  expect(out).toMatch(/│ {5}- login: erin\n/);
}

describe("npm run demo", () => {
  it("plays the story from the founding act to the monthly report, every check, comment and report shown", () => {
    const r = demo();
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/2 of 3 sectors: waiting for Civil society \[action_required\]/);
    expect(out).toMatch(/✗ Multi-sector sign-off: Blocked by an objection from International organisations \[failure\]/);
    expect(out).toMatch(/Comment period ends 2026-11-05 11:00 UTC/);
    expect(out).toMatch(/✓ Multi-sector sign-off: Signed off by 4 sectors \[success\]/);
    expect(out).toMatch(/Issue #\d+: "Transparency log: 2026-11"/);
    expect(out).toMatch(/"signed_off": true/);
    // The founding act, the secretariat's direct push of the rules, is on the record too.
    expect(out).toMatch(/Pushed by secretariat/);
    expect(out).toMatch(/Hash chain: intact, 3 records/);
    expect(out).toMatch(/Issue #\d+: "Transparency report: 2026-11"; log issue now closed/);
    expect(out).toMatch(/Merged without sign-off/);

    for (const text of shown("en")) expect(out).toContain(text);
    // Each check's summary and text, under its title.
    expect(out).toMatch(/✗ Stakeholder declaration: 1 contributor has not declared: erin \[failure\]\n {3}│ ▌ Who has not declared yet\n/);
    expect(out).toMatch(/│ {3}\* erin has no entry in the registry\./);
    // The objection in the check's text, and its row in the table of sectors.
    expect(out).toMatch(/│ {3}\* dan \(International organisations\): blocks until they approve/);
    expect(out).toMatch(/│ │ International organisations │ –\s+│ dan │/);
    // The instruction comment, with its steps and its entry to paste.
    expect(out).toMatch(/The app's comment on the pull request\n {3}│ ▌ Please declare whom you represent\n/);
    expect(out).toMatch(/│ {3}1\. Open STAKEHOLDERS\.yml on the main branch/);
    // The whole report: from its heading to the chain's last paragraph.
    expect(out).toMatch(/│ ▌ Transparency report of partners\/charter for 2026-11\n/);
    expect(out).toMatch(/│ │ erin\s+│ pull request 3\s+│/);
    expect(out).toContain(t("en", "report.chain.intact", { count: 3 }));
    expect(out).toMatch(/Anyone can check the chain: each record's JSON holds its hash/);
    expectRendered(out);
  }, 120_000);

  it("shows the app's texts in the language --lang gives the policy (French)", () => {
    const r = demo("--lang", "fr");
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain("transparency.language: fr");
    for (const text of shown("fr")) expect(out).toContain(text);
    expect(out).toContain(t("fr", "report.chain.intact", { count: 3 }));
    // Identifiers stay: check names, issue titles, the JSON of the record.
    expect(out).toMatch(/✓ Multi-sector sign-off: .+ \[success\]/);
    expect(out).toMatch(/Issue #\d+: "Transparency report: 2026-11"/);
    expect(out).toMatch(/"signed_off": true/);
    // Not English.
    expect(out).not.toContain(t("en", "checks.comment.heading"));
    expect(out).not.toContain(t("en", "report.participation"));
    expectRendered(out);
  }, 120_000);

  it("keeps Arabic readable in a terminal: logical order, every identifier isolated left to right", () => {
    const r = demo("--lang", "ar");
    expect(r.status).toBe(0);
    const out = r.stdout;
    for (const text of shown("ar")) expect(out).toContain(text);
    // A login, a date in prose and a code span are each a left-to-right isolate (U+2066/2068 ... U+2069).
    expect(out).toMatch(/[\u2066\u2068]erin\u2069/);
    expect(out).toMatch(/\u2066stakeholders:\u2069/);
    // The entry to paste is a code block: left to right, untouched.
    expect(out).toMatch(/│ {5}- login: erin\n {3}│ {7}id: \d+ /);
    expect(out).toMatch(/│ {7}declared: 2026-11-02\n/);
    expectRendered(out);
  }, 120_000);

  it("refuses a language it does not know, naming the ones it does", () => {
    const r = demo("--lang", "xx");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('demo: unknown language "xx": --lang takes one of en, fr, es, ru, zh, ar.');
    expect(r.stdout).toBe("");
  }, 120_000);
});

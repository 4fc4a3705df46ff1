// `npm run demo` plays its whole story and shows what a user would see at each step: both checks'
// whole output, the instruction comment, the record and the whole report, rendered from
// Markdown for the terminal, in the language `--lang` gives the demo's policy. With `--serve`,
// its stand-in keeps serving, and the README's outsider recipe checks the demo's own records.
// (One file, so that no two tests build the demo's bundle at once.)
import { spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedHash, parseRecordComment } from "../src/core/record.js";
import type { Language } from "../src/core/types.js";
import { t } from "../src/render/i18n.js";
import { runRecipe, type RecipeEnv } from "./helpers/recipe.js";

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

  it("refuses a port without --serve, and a port that is no number", () => {
    for (const [args, message] of [
      [["--port", "8080"], "demo: --port goes with --serve."],
      [["--serve", "--port", "http"], 'demo: --port takes a port number (0 to 65535; 0: a free one), not "http".'],
      [["--serve", "--port", "70000"], 'demo: --port takes a port number (0 to 65535; 0: a free one), not "70000".'],
    ] as const) {
      const r = demo(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe("");
    }
  }, 120_000);
});

describe("npm run demo -- --serve", () => {
  it("keeps serving the demo's records: the README's recipe finds them intact, anchors included, and fails on a writer's edit", async () => {
    // Its own process group, so that npm and the demo under it stop together.
    const child = spawn("npm", ["run", "--silent", "demo", "--", "--serve"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => void (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => void (err += d.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", done));
    try {
      // Served once it prints the recipe's invocation and the tampering command.
      await new Promise<void>((ready, failed) => {
        const look = () => {
          if (/ bash -euo pipefail verify\.sh\n[\s\S]*\n {3}curl .*\n/.test(out)) ready();
        };
        child.stdout.on("data", look);
        void exited.then((code) => failed(new Error(`the demo exited (${code}) before serving: ${err}`)));
      });
      // The invocation exactly as printed: the recipe's variables, then bash.
      const line = /^ {3}(REPO=\S+ SLUG=\S+ LOG_ISSUE=\S+ GITHUB_TOKEN=\S+ GITHUB_API=\S+) bash -euo pipefail verify\.sh$/m.exec(out);
      expect(line, out).not.toBeNull();
      const env = Object.fromEntries(line![1]!.split(" ").map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)])) as unknown as RecipeEnv;
      expect(env).toMatchObject({ REPO: "partners/charter", SLUG: "partnership-governance", LOG_ISSUE: expect.stringMatching(/^\d+$/) });
      const api = env.GITHUB_API;

      // The demo's three records, each v2 with the commit of its anchor: the recipe checks them all.
      const read = async (path: string, token: string) => {
        const r = await fetch(`${api}/${path}`, { headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json" } });
        expect(r.status).toBe(200);
        return r.json() as Promise<Array<{ id: number; body: string; user: { login: string } }>>;
      };
      const records = (await read(`repos/${env.REPO}/issues/${env.LOG_ISSUE}/comments?per_page=100`, env.GITHUB_TOKEN))
        .filter((c) => c.user.login === "partnership-governance[bot]")
        .map((c) => ({ id: c.id, body: c.body, record: parseRecordComment(c.body)?.record }))
        .filter((c) => c.record);
      expect(records.map((c) => [c.record!.seq, c.record!.v, typeof c.record!.head])).toEqual([
        [1, 2, "string"],
        [2, 2, "string"],
        [3, 2, "string"],
      ]);
      const last = records[2]!;
      const intact = await runRecipe(env);
      expect(intact).toEqual({ code: 0, stdout: `intact: 3 records, last hash ${String(last.record!.hash)}\n`, stderr: "" });

      // Mallory, a writer, rewrites the last record through the API with her own token: the
      // adoption turned into a failed sign-off, its hash recomputed so that the chain adds up.
      const mallory = /(ghp_\S+) \(mallory: a writer/.exec(out)?.[1];
      expect(mallory).toBeDefined();
      const { hash: _old, ...rest }: Record<string, unknown> = { ...last.record!, signed_off: false };
      const forged = { ...rest, hash: expectedHash(rest) };
      const body = last.body.replace(/^```json\n[\s\S]*?^```$/m, `\`\`\`json\n${JSON.stringify(forged, null, 2)}\n\`\`\``);
      expect(body).not.toBe(last.body);
      const patched = await fetch(`${api}/repos/${env.REPO}/issues/comments/${last.id}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${mallory}`, accept: "application/vnd.github+json", "content-type": "application/json" },
        body: JSON.stringify({ body }),
      });
      expect(patched.status).toBe(200);
      const tampered = await runRecipe(env);
      expect(tampered.stderr).toBe("");
      expect(tampered.code).toBe(1);
      // The comment edited, by whom; the rewritten record betrayed by its anchor (its hash adds up).
      expect(tampered.stdout).toMatch(new RegExp(`^edited: https://github\\.com/partners/charter/issues/${env.LOG_ISSUE}#issuecomment-${last.id} by mallory$`, "m"));
      expect(tampered.stdout).toContain("record 3 does not match its anchor\n");
      expect(tampered.stdout).not.toContain("record 3 was edited");
      expect(tampered.stdout).toMatch(/\ntampered: problems found: 2, records: 3\n$/);
    } finally {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    expect(err).toBe("");
  }, 120_000);
});

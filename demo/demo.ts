// `npm run demo`: a whole story of a partnership, played through the real app (Probot's own
// server, the app's queue, its GitHub client) against the local GitHub stand-in of the
// end-to-end tests, on loopback, with no GitHub account. It prints what people would see on
// GitHub at each step: the two checks (title, summary and text), the instruction comment, the
// record on the public log, the monthly report, rendered from Markdown for the terminal.
//
//   npm run demo                 in English
//   npm run demo -- --lang ar    the app's texts in another language (en fr es ru zh ar): the
//                                demo's policy says `transparency.language: ar`
//   npm run demo -- --serve [--port N]
//                                after the story, the stand-in keeps serving the demo's repository
//                                on 127.0.0.1 (port N, default a free one) until Ctrl-C, so that
//                                its records can be checked with the README's outsider recipe
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../src/constants.js";
import { LANGUAGES, type Language } from "../src/core/types.js";
import { DAY, HOUR } from "../test/e2e/harness.js";
import { World } from "../test/e2e/world.js";
import { markdownRenderer } from "./terminal.js";

const USAGE = `Usage: npm run demo -- [--lang ${LANGUAGES.join("|")}] [--serve [--port N]]`;

function options(): { lang: Language; serve: boolean; port: number } {
  let values: { lang?: string; serve?: boolean; port?: string };
  try {
    values = parseArgs({ options: { lang: { type: "string" }, serve: { type: "boolean" }, port: { type: "string" } }, strict: true }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const lang = values.lang ?? "en";
  if (!(LANGUAGES as readonly string[]).includes(lang)) fail(`unknown language "${lang}": --lang takes one of ${LANGUAGES.join(", ")}.`);
  if (values.port !== undefined && !values.serve) fail(`--port goes with --serve.\n${USAGE}`);
  const port = Number(values.port ?? 0);
  if (!/^\d+$/.test(values.port ?? "0") || port > 65_535) fail(`--port takes a port number (0 to 65535; 0: a free one), not "${values.port}".`);
  return { lang: lang as Language, serve: values.serve ?? false, port };
}

function fail(message: string): never {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(2);
}

const { lang: LANG, serve: SERVE, port: PORT } = options();

// npm runs scripts from the package root; the bundle lives beside the e2e harness (see package.json).
const root = new URL(`file://${process.cwd()}/`);
const POLICY = readFileSync(new URL("config/governance.yml", root), "utf8").replace(/^(\s+language:) en$/m, `$1 ${LANG}`);
if (!POLICY.includes(`language: ${LANG}`)) throw new Error("config/governance.yml no longer sets transparency.language");
const FOUNDERS = `stakeholders:
  - { login: alice, id: 293307098, sector: civil-society, organisation: Open Knowledge Foundation, declared: 2026-11-02, interests: Board member of the Digital Rights Fund }
`;
const REGISTRY = `stakeholders:
  - { login: alice, id: 293307098, sector: civil-society, organisation: Open Knowledge Foundation, declared: 2026-11-02, interests: Board member of the Digital Rights Fund }
  - { login: bob, id: 306255, sector: government, organisation: Ministry of Culture, declared: 2026-11-02, interests: none }
  - { login: carol, id: 294835467, sector: business, organisation: Chamber of Commerce, declared: 2026-11-02, interests: none }
  - { login: dan, id: 307755, sector: international, organisation: UNESCO, declared: 2026-11-02, interests: none }
  - { login: frank, id: 298096108, sector: civil-society, organisation: Citizens Advice, declared: 2026-11-02, interests: none }
`;

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const icon = (c: string | null | undefined) => (c === "success" ? "✓" : c === "failure" ? "✗" : c === "action_required" ? "…" : "?");

function step(title: string): void {
  stepNo = title.slice(0, title.indexOf("."));
  console.log(`\n${bold(`── ${title} `)}${"─".repeat(Math.max(0, 90 - title.length))}`);
}

const WIDTH = Math.min(process.stdout.columns || 100, 110);
const markdown = markdownRenderer({ width: WIDTH - 6, indent: "   │ ", color: process.stdout.isTTY === true && process.stdout.hasColors() });
let stepNo = "";
/** What was last shown of each check and comment, and at which step (to say "unchanged"). */
const shown = new Map<string, { body: string; step: string }>();

/** Prints a Markdown body for the terminal, or says at which step the same one was shown. */
function body(key: string, md: string): void {
  const before = shown.get(key);
  if (before?.body === md) {
    console.log(dim(`   │ (the same as at step ${before.step})`));
    return;
  }
  shown.set(key, { body: md, step: stepNo });
  console.log(markdown(md));
}

function checks(world: World, pr: number): void {
  for (const name of [CHECK_DECLARATION, CHECK_SIGNOFF] as const) {
    const run = world.standin.latestCheck(world.repo, world.headSha(pr), name);
    console.log(`\n   ${icon(run?.conclusion)} ${bold(name)}: ${run?.output.title ?? "(no check yet)"} ${dim(`[${run?.conclusion ?? "–"}]`)}`);
    if (!run) continue;
    const output = [run.output.summary, run.output.text].filter((p): p is string => typeof p === "string" && p !== "").join("\n\n");
    body(`check ${pr} ${name}`, output);
  }
}

/** The app's instruction comment on a PR, when there is one and it changed. */
function instructions(world: World, pr: number): void {
  const comment = world.instructionComments(pr).at(-1);
  if (!comment) return;
  console.log(`\n   ${bold("The app's comment on the pull request")}`);
  body(`instructions ${pr}`, comment.body);
}

const world = await World.create({
  start: "2026-11-02T09:00:00Z",
  standin: { port: PORT },
  files: { ".github/governance.yml": POLICY, "CHARTER.md": "# Charter of the partnership\n\n## Article 4\n\nDecisions are taken by consensus.\n" },
});
try {
  console.log(bold("Partnership Governance: a demo on a local stand-in for GitHub (no account, no network)."));
  console.log(dim("The policy is config/governance.yml: four sectors; a charter amendment needs 3 sectors including civil society, 4 approvals, 72 hours."));
  console.log(dim(`The app writes in the policy's language: transparency.language: ${LANG} (npm run demo -- --lang ${LANGUAGES.join("|")}).`));

  step("1. The founding act: Alice opens the first registry, declaring herself");
  const founding = await world.openPull({ author: "alice", title: "Create the stakeholder registry", files: { "STAKEHOLDERS.yml": FOUNDERS } });
  await world.settle();
  checks(world, founding);
  instructions(world, founding);
  console.log(dim("   Nobody can sign off an empty registry: a repository administrator merges it (SPEC: bootstrap)."));
  await world.merge(founding);
  await world.settle();

  step("2. Four sectors declare (the registry grows on the default branch)");
  world.clock.advance(HOUR);
  await world.pushDefault({ "STAKEHOLDERS.yml": REGISTRY });
  await world.settle();
  console.log("   alice (civil society), bob (government), carol (business), dan (international organisations), frank (civil society)");

  step("3. Erin, a newcomer, fixes a typo without declaring: the app tells her how");
  const typo = await world.openPull({ author: "erin", title: "Fix a typo in the charter's title", files: { "README.md": "# The partnership\n" } });
  await world.settle();
  checks(world, typo);
  instructions(world, typo);

  step("4. Alice proposes a charter amendment: it waits");
  world.clock.advance(HOUR);
  const amendment = await world.openPull({ author: "alice", title: "Amend article 4: decisions by multi-sector sign-off", files: { "CHARTER.md": "# Charter of the partnership\n\n## Article 4\n\nDecisions need the sign-off of three sectors.\n" } });
  await world.settle();
  checks(world, amendment);
  instructions(world, amendment);

  step("5. Bob (government) and Carol (business) approve");
  await world.approve(amendment, "bob");
  await world.approve(amendment, "carol");
  await world.settle();
  checks(world, amendment);
  instructions(world, amendment);

  step("6. Dan (international organisations) objects");
  const objection = await world.review(amendment, "dan", "CHANGES_REQUESTED");
  await world.settle();
  checks(world, amendment);
  instructions(world, amendment);

  step("7. The objection is discussed and withdrawn; Dan and Frank (civil society) approve");
  await world.dismiss(amendment, objection);
  await world.approve(amendment, "dan");
  await world.approve(amendment, "frank");
  await world.settle();
  checks(world, amendment);
  instructions(world, amendment);

  step("8. Three days later, the scheduler's sweep ends the comment period");
  world.clock.advance(3 * DAY);
  await world.sweepUntilQuiet();
  checks(world, amendment);
  instructions(world, amendment);

  step("9. The amendment is merged: its record goes on the public log");
  await world.merge(amendment);
  await world.settle();
  const log = world.logIssues()[0];
  console.log(`   Issue #${log?.number}: "${log?.title}"`);
  const recordComment = log ? world.standin.commentsOn(world.repo, log.number).at(-1) : undefined;
  console.log(recordComment ? markdown(recordComment.body) : "   (no record)");
  const chain = world.verifyChain();
  console.log(`   Hash chain: ${chain.ok ? `intact, ${chain.count} records, head ${chain.head?.slice(0, 16)}…` : `BROKEN at record ${chain.seq}`}`);

  step("10. December 1st: the monthly transparency report is published, the log closed");
  world.clock.set("2026-12-01T01:00:00Z");
  await world.sweepUntilQuiet();
  const report = world.reportIssues()[0];
  console.log(`   Issue #${report?.number}: "${report?.title}"; log issue now ${world.logIssues()[0]?.state}`);
  console.log(report ? markdown(world.standin.item(world.repo, report.number).body ?? "") : "   (no report)");
  console.log(`\n${bold("Done.")} Every step above went through the app as GitHub would drive it: signed webhooks, REST calls, check runs, issues, comments.`);
  if (SERVE) await serve(world);
} finally {
  await world.stop();
}

/**
 * Keeps the stand-in serving the demo's repository until SIGINT or SIGTERM (the story is over: no
 * more webhooks, so the app writes nothing more), and says how to check its records as an
 * outsider would, and how to tamper with one as a writer would.
 */
async function serve(w: World): Promise<void> {
  const api = w.standin.baseUrl;
  const repo = `${w.repo.owner}/${w.repo.name}`;
  const log = w.logIssues()[0];
  const last = w.recordComments().at(-1);
  const reader = w.standin.userToken("outsider");
  const writer = w.standin.userToken("mallory");
  console.log(`\n${bold("── The stand-in keeps serving the demo's records (Ctrl-C to stop) ")}${"─".repeat(24)}`);
  console.log(`   API:        ${api} (GraphQL: ${api}/graphql)`);
  console.log(`   repository: ${repo}`);
  console.log(`   app:        ${w.standin.appSlug} (its records are written as ${w.standin.botLogin})`);
  console.log(`   log issue:  #${log?.number ?? "none"}`);
  console.log(`   tokens:     ${reader} (outsider: reads), ${writer} (mallory: a writer, edits anyone's comments)`);
  console.log(`\n   Check the records with the README's outsider recipe ("Verifying the chain with standard tools"), its block saved as verify.sh:`);
  console.log(`   REPO=${repo} SLUG=${w.standin.appSlug} LOG_ISSUE=${log?.number ?? ""} GITHUB_TOKEN=${reader} GITHUB_API=${api} bash -euo pipefail verify.sh`);
  if (last) {
    const url = `${api}/repos/${repo}/issues/comments/${last.id}`;
    console.log(`\n   Then tamper with the last record as mallory would, and check again (the recipe then fails, naming the edit):`);
    console.log(`   curl -fsS -H "Authorization: Bearer ${writer}" ${url} | jq '{body: (.body | sub("\\"signed_off\\": true"; "\\"signed_off\\": false"))}' | curl -fsS -X PATCH -H "Authorization: Bearer ${writer}" -d @- ${url} > /dev/null`);
  }
  await new Promise<void>((done) => {
    process.once("SIGINT", () => done());
    process.once("SIGTERM", () => done());
  });
}

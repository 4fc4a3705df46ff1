// `npm run demo`: a whole story of a partnership, played through the real app (Probot's own
// server, the app's queue, its GitHub client) against the local GitHub stand-in of the
// end-to-end tests, on loopback, with no GitHub account. It prints what people would see on
// GitHub at each step: the two checks, the record on the public log, the monthly report.
import { readFileSync } from "node:fs";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../src/constants.js";
import { DAY, HOUR } from "../test/e2e/harness.js";
import { World } from "../test/e2e/world.js";

// npm runs scripts from the package root; the bundle lives beside the e2e harness (see package.json).
const root = new URL(`file://${process.cwd()}/`);
const POLICY = readFileSync(new URL("config/governance.yml", root), "utf8");
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
  console.log(`\n${bold(`── ${title} `)}${"─".repeat(Math.max(0, 90 - title.length))}`);
}

function checks(world: World, pr: number): void {
  for (const name of [CHECK_DECLARATION, CHECK_SIGNOFF] as const) {
    const c = world.check(pr, name);
    console.log(`   ${icon(c?.conclusion)} ${name.padEnd(24)} ${c?.title ?? "(no check yet)"} ${dim(`[${c?.conclusion ?? "–"}]`)}`);
  }
}

const world = await World.create({
  start: "2026-11-02T09:00:00Z",
  files: { ".github/governance.yml": POLICY, "CHARTER.md": "# Charter of the partnership\n\n## Article 4\n\nDecisions are taken by consensus.\n" },
});
try {
  console.log(bold("Partnership Governance: a demo on a local stand-in for GitHub (no account, no network)."));
  console.log(dim("The policy is config/governance.yml: four sectors; a charter amendment needs 3 sectors including civil society, 4 approvals, 72 hours."));

  step("1. The founding act: Alice opens the first registry, declaring herself");
  const founding = await world.openPull({ author: "alice", title: "Create the stakeholder registry", files: { "STAKEHOLDERS.yml": FOUNDERS } });
  await world.settle();
  checks(world, founding);
  console.log(dim("   Nobody can sign off an empty registry: a repository administrator merges it (SPEC: bootstrap)."));
  await world.merge(founding);
  await world.settle();

  step("2. Four sectors declare (the registry grows on the default branch)");
  world.clock.advance(HOUR);
  await world.pushDefault({ "STAKEHOLDERS.yml": REGISTRY });
  await world.settle();
  console.log("   alice (civil society), bob (government), carol (business), dan (international organisations), frank (civil society)");

  step("3. Alice proposes a charter amendment: it waits");
  world.clock.advance(HOUR);
  const amendment = await world.openPull({ author: "alice", title: "Amend article 4: decisions by multi-sector sign-off", files: { "CHARTER.md": "# Charter of the partnership\n\n## Article 4\n\nDecisions need the sign-off of three sectors.\n" } });
  await world.settle();
  checks(world, amendment);

  step("4. Bob (government) and Carol (business) approve");
  await world.approve(amendment, "bob");
  await world.approve(amendment, "carol");
  await world.settle();
  checks(world, amendment);

  step("5. Dan (international organisations) objects");
  const objection = await world.review(amendment, "dan", "CHANGES_REQUESTED");
  await world.settle();
  checks(world, amendment);

  step("6. The objection is discussed and withdrawn; Dan and Frank (civil society) approve");
  await world.dismiss(amendment, objection);
  await world.approve(amendment, "dan");
  await world.approve(amendment, "frank");
  await world.settle();
  checks(world, amendment);

  step("7. Three days later, the scheduler's sweep ends the comment period");
  world.clock.advance(3 * DAY);
  await world.sweepUntilQuiet();
  checks(world, amendment);

  step("8. The amendment is merged: its record goes on the public log");
  await world.merge(amendment);
  await world.settle();
  const log = world.logIssues()[0];
  console.log(`   Issue #${log?.number}: "${log?.title}"`);
  const recordComment = log ? world.standin.commentsOn(world.repo, log.number).at(-1) : undefined;
  console.log(dim(recordComment?.body.split("\n").map((l) => `   │ ${l}`).join("\n") ?? "   (no record)"));
  const chain = world.verifyChain();
  console.log(`   Hash chain: ${chain.ok ? `intact, ${chain.count} records, head ${chain.head?.slice(0, 16)}…` : `BROKEN at record ${chain.seq}`}`);

  step("9. December 1st: the monthly transparency report is published, the log closed");
  world.clock.set("2026-12-01T01:00:00Z");
  await world.sweepUntilQuiet();
  const report = world.reportIssues()[0];
  console.log(`   Issue #${report?.number}: "${report?.title}"; log issue now ${world.logIssues()[0]?.state}`);
  const body = report ? (world.standin.item(world.repo, report.number).body ?? "") : "";
  const lines = body.split("\n");
  console.log(dim(lines.slice(0, 60).map((l) => `   │ ${l}`).join("\n")));
  if (lines.length > 60) console.log(dim(`   │ … (${lines.length - 60} more lines)`));
  console.log(`\n${bold("Done.")} Every step above went through the app as GitHub would drive it: signed webhooks, REST calls, check runs, issues, comments.`);
} finally {
  await world.stop();
}

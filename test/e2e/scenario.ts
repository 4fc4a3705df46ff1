// A long, varied scenario of people working on a governed repository, generated from a seed so
// that it can be played twice (without faults, then with them) and compared: PRs of every kind
// opened, approved, objected to, pushed to, labelled, commented on with `/governance` commands
// (some edited afterwards), merged or withdrawn.
import { mulberry32 } from "./standin/faults.js";
import { HOUR } from "./harness.js";
import { REGISTRY, REGISTRY_PATH, type World } from "./world.js";
import { userId } from "./standin/standin.js";

const VOTERS = ["alice", "bob", "carol", "dan"];
const AUTHORS = ["alice", "bob", "carol", "dan", "newcomer", "erin"];
const REVIEWERS = [...VOTERS, "erin", "zoe", "newcomer", "renovate[bot]"];

type Template = (i: number, author: string) => { title: string; files: Record<string, string | null>; labels?: string[]; draft?: boolean };

const TEMPLATES: Template[] = [
  (i) => ({ title: `Amend article ${i}`, files: { "CHARTER.md": `# Charter\n\nAmendment ${i}\n` } }),
  (i) => ({ title: `Consultation ${i}`, files: { [`consultations/${i}.md`]: `${i}\n` }, labels: ["consultation"] }),
  (i) => ({ title: `Motion ${i}`, files: { [`motions/${i}.md`]: `${i}\n` }, labels: ["motion"] }),
  (i) => ({ title: `Guide, part ${i}`, files: { [`docs/${i}.md`]: `${i}\n` } }),
  (i) => ({ title: `Charter annex ${i}`, files: { [`charter/annex-${i}.md`]: `${i}\n` }, draft: i % 2 === 0 }),
  (i, author) => ({
    title: `Declare ${author}, take ${i}`,
    files: {
      [REGISTRY_PATH]: `${REGISTRY}  - login: newcomer${i}\n    id: ${userId(`newcomer${i}`)}\n    sector: business\n    organisation: Cooperative ${i}\n    declared: 2026-11-01\n    interests: none\n`,
    },
  }),
];

export interface ScenarioStats {
  events: number;
  opened: number;
  merged: number;
  withdrawn: number;
  /** Webhooks the app did not accept (an error while handling them, e.g. GitHub failing). */
  refused: number;
}

/**
 * Plays `steps` actions (each one webhook, at least) from `seed`. The clock moves five minutes a
 * step; every few steps the test waits for the app, as bursts of webhooks arrive in life.
 */
export async function playScenario(world: World, seed: number, steps: number): Promise<ScenarioStats> {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const stats: ScenarioStats = { events: 0, opened: 0, merged: 0, withdrawn: 0, refused: 0 };
  const open: number[] = [];
  const commands = new Map<number, number[]>();
  let made = 0;

  for (let step = 0; step < steps; step++) {
    world.clock.advance(HOUR / 12);
    if (open.length < 6 || (rand() < 0.12 && made < 40)) {
      const author = pick(AUTHORS);
      const spec = TEMPLATES[made % TEMPLATES.length]!(made, author);
      made++;
      const pr = await world.openPull({ author, ...spec });
      open.push(pr);
      stats.opened++;
    } else {
      const pr = pick(open);
      const roll = rand();
      if (roll < 0.32) {
        await world.approve(pr, pick(REVIEWERS));
      } else if (roll < 0.4) {
        await world.review(pr, pick(VOTERS), "CHANGES_REQUESTED");
      } else if (roll < 0.44) {
        await world.review(pr, pick(VOTERS), "COMMENTED");
      } else if (roll < 0.56) {
        const body = pick(["/governance abstain", "/governance recuse: I chair the fund", "/governance check", "Thanks, looks good", "/GOVERNANCE Abstain"]);
        const user = pick([...REVIEWERS, "dependabot[bot]"]);
        const id = await world.comment(pr, user, body, user.endsWith("[bot]") ? "Bot" : "User");
        commands.set(pr, [...(commands.get(pr) ?? []), id]);
      } else if (roll < 0.6 && (commands.get(pr)?.length ?? 0) > 0) {
        await world.editComment(pr, pick(commands.get(pr)!), "/governance abstain (edited)");
      } else if (roll < 0.7) {
        await world.push(pr, { [`work/${pr}-${step}.md`]: `${step}\n` });
      } else if (roll < 0.76) {
        await world.label(pr, pick([["decision:charter"], ["motion"], ["consultation"], []]));
      } else if (roll < 0.88) {
        await world.merge(pr);
        open.splice(open.indexOf(pr), 1);
        stats.merged++;
      } else {
        await world.close(pr);
        open.splice(open.indexOf(pr), 1);
        stats.withdrawn++;
      }
    }
    if (step % 12 === 11) await world.settle();
  }
  await world.settle();
  stats.events = world.events;
  stats.refused = world.refused;
  return stats;
}

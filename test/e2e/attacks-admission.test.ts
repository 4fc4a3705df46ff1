// Admission attacks end to end (issue 16 item 4, SPEC's first promise: no sector decides alone).
// Under `declarations.admission: sector` a sector admits its own new members with one voter's
// approval; every attack here tries to stretch that into more: admitting into another sector,
// an admission that also edits another entry or the rules, changing the newcomer's entry once
// admitted, sock puppets admitted by one sector then used for a decision, and a policy under
// which the members one sector admits could carry a kind alone. The corpus is data
// (test/e2e/attacks/admission.json); each case ends with a control: the same PR with the
// missing sector's approval passes, so the refusal was the rule's, not a broken PR's.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runValidate } from "../../src/cli/validate.js";
import { CHECK_SIGNOFF } from "../../src/constants.js";
import { HOUR } from "./harness.js";
import { POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, worldPerTest, type World } from "./world.js";
import { userId } from "./standin/standin.js";

const corpus = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./attacks/${name}`, import.meta.url), "utf8")) as T;

const createWorld = worldPerTest();

// The handler tests' policy, each sector admitting its own members. Its `motion` (a two-thirds
// quorum and a majority of the votes cast, all sectors pooled) could be carried by one sector
// that admitted enough members: validate refuses it under `admission: sector`, so it goes.
const WITH_MOTION = POLICY.replace("declarations:\n", "declarations:\n  admission: sector\n");
const SECTOR_POLICY = WITH_MOTION.slice(0, WITH_MOTION.indexOf("  - id: motion"));
/** The charter lowered to two sectors, civil society no longer required (a valid policy). */
const CHARTER_TWO_SECTORS = SECTOR_POLICY.replace("      sectors: 3\n      required_sectors: [civil-society]\n", "      sectors: 2\n");

/** What each kind's name is in the check (src/render/messages/en). */
const KIND_NAMES: Record<string, string> = {
  governance: "Changes to the governance rules",
  charter: "Charter amendment",
  "admission-business": "Admission of new members of Business",
  "admission-government": "Admission of new members of Government",
};

interface Entry {
  login: string;
  id?: number;
  sector: string;
  organisation?: string;
  declared?: string;
  interests?: string;
}
interface RegistryChange {
  add?: Entry[];
  edit?: Record<string, Partial<Entry>>;
  remove?: string[];
}
type Step =
  | { do: "open"; as: string; author: string; registry?: RegistryChange; policy?: "charterTwoSectors"; files?: Record<string, string> }
  | { do: "push"; pr: string; registry: RegistryChange }
  | { do: "approve"; pr: string; who: string }
  | { do: "merge"; pr: string }
  | { do: "expect"; pr: string; conclusion: string; title: string; kinds?: string[] };
interface AdmissionCase {
  name: string;
  class: string;
  steps: Step[];
  control?: { pr: string; who: string };
}

/** The registry of the default branch with `change` applied (new entries dated today, with their ids). */
function registryWith(w: World, change: RegistryChange): string {
  const doc = parse(w.standin.readFile(w.repo, REGISTRY_PATH) ?? "stakeholders: []\n") as { stakeholders: Entry[] };
  let entries = doc.stakeholders.filter((e) => !(change.remove ?? []).includes(e.login));
  entries = entries.map((e) => ({ ...e, ...(change.edit?.[e.login] ?? {}) }));
  for (const added of change.add ?? []) {
    entries = entries.filter((e) => e.login !== added.login);
    entries.push({ login: added.login, id: userId(added.login), sector: added.sector, organisation: added.organisation ?? "Newcomers Ltd", declared: added.declared ?? "2026-11-20", interests: added.interests ?? "none" });
  }
  return stringify({ stakeholders: entries });
}

describe("admission by one's own sector: attacks", () => {
  it.each(corpus<AdmissionCase[]>("admission.json"))("refuses $name ($class)", async (c) => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: { [POLICY_PATH]: SECTOR_POLICY, [REGISTRY_PATH]: REGISTRY, "CHARTER.md": "# Charter\n" } });
    const prs = new Map<string, number>();
    for (const step of c.steps) {
      w.clock.advance(HOUR);
      switch (step.do) {
        case "open": {
          const files: Record<string, string> = { ...(step.files ?? {}) };
          if (step.registry) files[REGISTRY_PATH] = registryWith(w, step.registry);
          if (step.policy === "charterTwoSectors") files[POLICY_PATH] = CHARTER_TWO_SECTORS;
          prs.set(step.as, await w.openPull({ author: step.author, title: `${step.as} by ${step.author}`, files }));
          break;
        }
        case "push":
          await w.push(prs.get(step.pr)!, { [REGISTRY_PATH]: registryWith(w, step.registry) });
          break;
        case "approve":
          await w.approve(prs.get(step.pr)!, step.who);
          break;
        case "merge":
          await w.merge(prs.get(step.pr)!);
          break;
        case "expect": {
          await w.settle();
          const pr = prs.get(step.pr)!;
          const signoff = w.signoff(pr);
          expect(signoff?.conclusion, `${step.pr}: ${signoff?.title}`).toBe(step.conclusion);
          expect(signoff?.title).toContain(step.title);
          for (const kind of step.kinds ?? []) expect(w.checkText(pr, CHECK_SIGNOFF)).toContain(KIND_NAMES[kind]);
          break;
        }
      }
    }
    if (c.control) {
      // The control: the sector the refusal waited for approves, and the PR passes.
      w.clock.advance(HOUR);
      await w.approve(prs.get(c.control.pr)!, c.control.who);
      await w.settle();
      expect(w.signoff(prs.get(c.control.pr)!)?.conclusion).toBe("success");
    }
  });
});

describe("a policy under which one sector's admitted members could decide alone", () => {
  it("is refused by validate, and the app fails closed on it: neither the admission nor the motion passes", async () => {
    // validate, as the secretariat runs it on the checkout: exit 1, the motion named.
    const dir = mkdtempSync(join(tmpdir(), "admission-"));
    writeFileSync(join(dir, "governance.yml"), WITH_MOTION);
    writeFileSync(join(dir, "STAKEHOLDERS.yml"), REGISTRY);
    let out = "";
    const code = await runValidate(["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml"], {
      stdout: (t) => void (out += t),
      stderr: (t) => void (out += t),
      cwd: dir,
      env: {},
    });
    expect(code).toBe(1);
    const refusal = /the kind `motion` is met by the votes of `[a-z-]+` alone/;
    expect(out).toMatch(refusal);

    // On GitHub: carol (business) admits six puppets, who then vote carol's motion: with the
    // author out, nine voters pooled, six approvals are the two-thirds quorum and every vote
    // cast. Only the refusal of the policy keeps business from carrying the motion alone.
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: { [POLICY_PATH]: WITH_MOTION, [REGISTRY_PATH]: REGISTRY, "CHARTER.md": "# Charter\n" } });
    const puppets = ["puppet1", "puppet2", "puppet3", "puppet4", "puppet5", "puppet6"];
    for (const p of puppets) w.standin.grant(w.repo, p, "write");
    const admit = await w.openPull({
      author: "puppet1",
      title: "Admit six members of business",
      files: { [REGISTRY_PATH]: registryWith(w, { add: puppets.map((login) => ({ login, sector: "business" })) }) },
    });
    await w.approve(admit, "carol");
    await w.settle();
    expect(w.signoff(admit)?.conclusion).toBe("failure");
    expect(w.checkText(admit, CHECK_SIGNOFF)).toMatch(refusal);
    await w.merge(admit);

    w.clock.advance(HOUR);
    const motion = await w.openPull({ author: "carol", title: "Motion: business decides", files: { "motions/1.md": "Business decides.\n" }, labels: ["motion"] });
    for (const p of puppets) await w.approve(motion, p);
    await w.settle();
    expect(w.signoff(motion)?.conclusion).toBe("failure");
    expect(w.checkText(motion, CHECK_SIGNOFF)).toMatch(refusal);
  });
});

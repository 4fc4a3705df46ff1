// Admission by one's own sector (`declarations.admission: sector`) through a real Probot: a
// newcomer's PR that only adds their entry is admitted by one voter of their sector; the same PR
// with one more file is a governance decision again.
import { describe, expect, it } from "vitest";
import { serveFile } from "../helpers/github-mocks.js";
import { parsePolicy } from "../../src/policy/policy.js";
import { fixture, HEAD, lines, OWNER, POLICY, REPO, review, setupHandlerTest } from "./harness.js";

const DECLARATION = "Stakeholder declaration";
const SIGNOFF = "Multi-sector sign-off";
// The fixture's `motion` (two thirds quorum and a majority of votes cast, all sectors pooled) could be
// carried by one sector that admitted enough members: validate refuses it with admission: sector.
const SECTOR_POLICY = POLICY.replace("declarations:\n", "declarations:\n  admission: sector\n").slice(0, POLICY.indexOf("  - id: motion") + "  admission: sector\n".length);

const { opened } = setupHandlerTest();

async function evaluate(files: string[], reviewers: string[], policy = SECTOR_POLICY) {
  const reviews = reviewers.map((login, i) => review(login, "APPROVED", `2026-11-21T0${i + 1}:00:00Z`));
  const { checks } = await opened(
    { policy, pr: { author: "newcomer", files, reviews } },
    (mock) => {
      serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: HEAD, content: fixture("STAKEHOLDERS-with-newcomer.yml") });
      if (files.includes(".github/governance.yml")) serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: HEAD, content: policy });
    },
    "newcomer",
  );
  return checks;
}

describe("admission: sector", () => {
  it("the policy is valid with admission: sector once the motion, which one sector could carry, is gone", () => {
    const errors = (text: string) => parsePolicy(text, ".github/governance.yml").diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
    expect(errors(SECTOR_POLICY)).toEqual([]);
    expect(errors(POLICY.replace("declarations:\n", "declarations:\n  admission: sector\n"))).toEqual(["policy.declarations.admission-one-sector"]);
  });

  it("a newcomer's own entry, approved by one voter of their sector, is signed off", async () => {
    const checks = await evaluate(["STAKEHOLDERS.yml"], ["carol"]);
    expect(checks[DECLARATION]).toMatchObject({ conclusion: "success" });
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "success", output: { title: "Signed off by 1 sector" } });
    expect(lines(checks[SIGNOFF]?.output.summary)).toContain("- **Admission of new members of Business**: signed off ✓");
  });

  it("waits for a voter of that sector: approvals of other sectors do not admit", async () => {
    const checks = await evaluate(["STAKEHOLDERS.yml"], ["bob", "alice"]);
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "action_required" });
    expect(checks[SIGNOFF]?.output.title).toContain("Business");
  });

  it("the same entry with a change to the rules is a governance decision of two sectors", async () => {
    const checks = await evaluate(["STAKEHOLDERS.yml", ".github/governance.yml"], ["carol"]);
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "action_required", output: { title: "1 of 2 sectors: waiting for 1 more sector" } });
  });

  it("with the default (admission: governance) the newcomer's entry needs two sectors, as before", async () => {
    const checks = await evaluate(["STAKEHOLDERS.yml"], ["carol"], POLICY);
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "action_required", output: { title: "1 of 2 sectors: waiting for 1 more sector" } });
  });
});

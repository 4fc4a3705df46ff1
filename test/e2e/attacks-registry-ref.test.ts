// Promise 1 (a writer): the registry named by the organisation-wide form `owner/repo:path` of the
// governed repository itself is that repository's own file, so a rules file: changing it is a
// governance decision (found by the second red team).
import { describe, expect, it } from "vitest";
import { userId } from "./standin/standin.js";
import { OWNER, POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, REPO, worldPerTest } from "./world.js";

const createWorld = worldPerTest();

/** A registry entry for a sock puppet the writer controls. */
const puppet = (login: string, sector: string): string =>
  `  - login: ${login}\n    id: ${userId(login)}\n    sector: ${sector}\n    organisation: Friends of Alice\n    declared: 2026-11-01\n    interests: none\n`;

describe("promise 1 (a writer): the registry, named as `owner/repo:path` of the governed repository itself, is a rules file", () => {
  // The organisation-wide form of `registry` ("owner/repo:path") naming the very repository the
  // policy governs: the natural set-up of an org-level policy whose registry lives in the
  // partnership's home repository. The registry is then read from this repository's default
  // branch, so whoever merges a change to it here changes who votes.
  it.each([
    { name: "in the repository's own policy, same case", orgFallback: false, ref: `${OWNER}/${REPO}:${REGISTRY_PATH}` },
    { name: "in the repository's own policy, another case", orgFallback: false, ref: `${OWNER.toUpperCase()}/${REPO}:${REGISTRY_PATH}` },
    { name: "in the organisation's fallback policy", orgFallback: true, ref: `${OWNER}/${REPO}:${REGISTRY_PATH}` },
  ])("a writer's PR that adds two sock puppets to the registry ($name) is a governance decision", async (c) => {
    const policy = POLICY.replace("declarations:\n", `registry: "${c.ref}"\n\ndeclarations:\n`);
    expect(policy).not.toBe(POLICY);
    const files: Record<string, string> = { [REGISTRY_PATH]: REGISTRY, "CHARTER.md": "# Charter\n" };
    if (!c.orgFallback) files[POLICY_PATH] = policy;
    const w = await createWorld({ files });
    if (c.orgFallback) w.standin.addRepo({ owner: OWNER, name: ".github", installation: 31, files: { [POLICY_PATH]: policy } });
    // alice (civil society) declares two accounts of hers in the two other sectors.
    const registry = REGISTRY + puppet("mallory", "government") + puppet("trent", "business");
    const pr = await w.openPull({ author: "alice", title: "Update contact details", files: { [REGISTRY_PATH]: registry } });
    await w.settle();
    // The registry is where votes come from: changing it is a governance decision (two sectors).
    expect(w.signoff(pr)?.title, "the registry change passes as no decision").not.toBe("Not a decision");
    expect(w.signoff(pr)?.conclusion).not.toBe("success");
  });
});

import { describe, expect, it } from "vitest";
import { MARKER_INSTRUCTIONS, MAX_BODY_CHARS } from "../../src/constants.js";
import { renderInstructionComment } from "../../src/render/instructions.js";
import { ctx, declaration, entry, HOSTILE } from "./results.js";
import { expectInert } from "./inert.js";

const missing = (login: string) =>
  declaration({
    outcome: "failure",
    title: { key: "declaration.title.failure", params: { count: 1, logins: login } },
    missing: [{ login, reason: { code: "no-entry" } }],
  });

describe("renderInstructionComment", () => {
  it("explains to a newcomer what is asked and how, with the marker, the link and an entry", () => {
    const body = renderInstructionComment(missing("bob"), ctx())!;
    expect(body.startsWith(MARKER_INSTRUCTIONS)).toBe(true);
    expect(body).toContain("### Please declare whom you represent");
    expect(body).toContain("- **bob** has no entry in the registry.");
    expect(body).toContain("1. Open [STAKEHOLDERS\\.yml](https://github.com/acme/charter/blob/main/STAKEHOLDERS.yml) on the main branch");
    expect(body).toContain("Entry for **bob**:\n\n```yaml\n  - login: bob\n");
    expect(body).toContain("    declared: 2026-11-28\n");
    expect(body).toContain("someone who maintains the registry may need to approve and merge your change");
  });

  it("becomes a short thank-you once the check passes", () => {
    const body = renderInstructionComment(
      declaration({ declared: [{ login: "bob", entry: entry("bob"), inThisPr: true }] }),
      ctx(),
    )!;
    expect(body).toBe(
      `${MARKER_INSTRUCTIONS}\nThank you: everyone in this pull request has now declared whom they represent in [the registry](https://github.com/acme/charter/blob/main/STAKEHOLDERS.yml). Nothing more is needed from you on this.`,
    );
  });

  it("says nothing to a contributor when the policy or registry is invalid", () => {
    const result = declaration({
      outcome: "failure",
      diagnostics: [{ file: "STAKEHOLDERS.yml", line: 1, column: 1, severity: "error", code: "x", message: { key: "common.none" } }],
    });
    expect(renderInstructionComment(result, ctx())).toBeNull();
  });

  it("explains a commit linked to no account without an entry to paste", () => {
    const body = renderInstructionComment(
      declaration({ outcome: "failure", missing: [{ login: null, reason: { code: "no-account", commit: "abcdef0123", name: "Jo" } }] }),
      ctx(),
    )!;
    expect(body).toContain("Commit `abcdef0` by Jo was made with an e-mail address that GitHub links to no account");
    expect(body).not.toContain("```yaml");
  });

  it("stays within GitHub's body limit", () => {
    const many = declaration({
      outcome: "failure",
      missing: Array.from({ length: 4000 }, (_, i) => ({ login: `p${i}`, reason: { code: "no-entry" as const } })),
    });
    const body = renderInstructionComment(many, ctx())!;
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(body).toContain("/pull/12/checks");
  });

  it.each(HOSTILE)("keeps %s inert", (login) => {
    expectInert(renderInstructionComment(missing(login), ctx())!, login);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_CHECK_OUTPUT_CHARS } from "../../src/constants.js";
import type { DeclarationResult } from "../../src/core/types.js";
import { renderDeclarationCheck } from "../../src/render/declaration-check.js";
import { ctx, declaration, entry, HOSTILE } from "./results.js";
import { expectInert, withoutCodeBlocks } from "./inert.js";

const failing = (missing: DeclarationResult["missing"], over: Partial<DeclarationResult> = {}): DeclarationResult =>
  declaration({
    outcome: "failure",
    title: { key: "declaration.title.failure", params: { count: missing.length, logins: missing.map((m) => m.login ?? "?").join(", ") } },
    missing,
    ...over,
  });

describe("renderDeclarationCheck", () => {
  it("passes with the title, the declared people and who was not asked", () => {
    const out = renderDeclarationCheck(
      declaration({
        declared: [
          { login: "alice", entry: entry("alice", { sector: "civil-society", organisation: "Open Knowledge" }), inThisPr: false },
          { login: "dan", entry: entry("dan"), inThisPr: true },
        ],
        exempt: [
          { login: "dependabot[bot]", why: "bot" },
          { login: "carol", why: "exempt" },
        ],
      }),
      ctx(),
    );
    expect(out.conclusion).toBe("success");
    expect(out.title).toBe("All contributors have declared");
    expect(out.summary).toContain("**alice**: Civil society, Open Knowledge, declared on March 1, 2026");
    expect(out.summary).toContain("**dan**: Government, Ministry of Culture, declared in this pull request");
    expect(out.summary).toContain("**dependabot\\[bot\\]**: a bot account");
    expect(out.summary).toContain("**carol**: exempt in the policy");
    expect(out.summary).not.toContain("```yaml");
  });

  it.each([
    [{ code: "no-entry" } as const, "**bob** has no entry in the registry."],
    [{ code: "expired", expiredOn: "2026-03-02" } as const, "**bob**: the declaration expired on March 2, 2026."],
    [{ code: "not-yet", declared: "2026-12-01" } as const, "**bob**: the declaration is dated December 1, 2026, which is after today"],
    [{ code: "unknown-sector", sector: "media" } as const, "**bob**: the sector “media” of the declaration is not one of the policy’s sectors."],
    [{ code: "invalid-date", value: "2026-02-30" } as const, "**bob**: the date “2026\\-02\\-30” of the declaration is not a real date."],
  ])("fails and says why: %o", (reason, line) => {
    const out = renderDeclarationCheck(failing([{ login: "bob", reason }]), ctx());
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("1 contributor has not declared: bob");
    expect(out.summary).toContain(`- ${line}`);
    expect(out.summary).toContain("[STAKEHOLDERS\\.yml](https://github.com/acme/charter/blob/main/STAKEHOLDERS.yml)");
    expect(out.summary).toContain("on the main branch");
  });

  it("gives a ready-to-paste YAML entry dated today (UTC) with the account's id and the policy's sector ids", () => {
    const out = renderDeclarationCheck(
      failing([{ login: "bob", id: 120553, reason: { code: "no-entry" } }]),
      ctx({ now: new Date("2026-11-28T23:30:00-05:00") }), // already Nov 29 in UTC
    );
    const block = /```yaml\n([\s\S]*?)\n```/.exec(out.summary)?.[1];
    expect(block).toBe(
      [
        "  - login: bob",
        "    id: 120553  # the account’s GitHub id; do not change it",
        '    sector: ""  # one of: government, business, civil-society',
        '    organisation: ""  # the organisation you represent',
        "    declared: 2026-11-29",
        "    interests: none  # any conflict of interest, or none",
      ].join("\n"),
    );
    expect(out.summary).toContain("dated today (November 29, 2026)");
  });

  it("says how to find the account's id when it is not known (a PR file of simulate without ids)", () => {
    const out = renderDeclarationCheck(failing([{ login: "bob", id: null, reason: { code: "no-entry" } }]), ctx());
    const block = /```yaml\n([\s\S]*?)\n```/.exec(out.summary)?.[1];
    expect(block?.split("\n").slice(0, 2)).toEqual(["  - login: bob", "    # id: the account’s GitHub id, from gh api users/bob --jq .id"]);
  });

  it("says why an entry without an account id does not count, and gives the entry with the id", () => {
    const out = renderDeclarationCheck(failing([{ login: "bob", id: 120553, reason: { code: "no-id" } }]), ctx());
    expect(out.summary).toContain("**bob**: the declaration gives no account `id`.");
    expect(out.summary).toContain("    id: 120553");
  });

  it("shows an account that renamed since it declared with both names", () => {
    const result = { ...failing([]), outcome: "success" as const, declared: [{ login: "alice-new", entry: entry("alice"), inThisPr: false }] };
    expect(renderDeclarationCheck(result, ctx()).summary).toContain("**alice\\-new \\(alice\\)**");
  });

  it("names the commit linked to no account and how to fix it, without an entry to paste", () => {
    const out = renderDeclarationCheck(
      failing([{ login: null, reason: { code: "no-account", commit: "0123456789abcdef", name: "Jo Doe" } }]),
      ctx(),
    );
    expect(out.conclusion).toBe("failure");
    expect(out.summary).toContain("Commit `0123456` by Jo Doe was made with an e-mail address that GitHub links to no account");
    expect(out.summary).toContain("add that e-mail address to your GitHub account");
    expect(out.summary).toContain("git commit --amend --reset-author");
    expect(out.summary).not.toContain("```yaml");
  });

  it("lists each missing person once in the entries even when named twice", () => {
    const out = renderDeclarationCheck(
      failing([
        { login: "Bob", reason: { code: "no-entry" } },
        { login: "bob", reason: { code: "no-entry" } },
        { login: "eve", reason: { code: "no-entry" } },
      ]),
      ctx(),
    );
    expect(out.summary.match(/```yaml/g)).toHaveLength(2);
  });

  it("fails with each diagnostic as file:line:column, the file linked at the line", () => {
    const out = renderDeclarationCheck(
      declaration({
        outcome: "failure",
        title: { key: "declaration.title.invalid", params: { count: 2 } },
        diagnostics: [
          { file: "STAKEHOLDERS.yml", line: 4, column: 7, severity: "error", code: "x", message: { key: "checks.reason.no-entry", params: { login: "@everyone" } } },
          { file: ".github/governance.yml", line: 2, column: 3, severity: "error", code: "y", message: { key: "common.none" } },
        ],
      }),
      ctx(),
    );
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("The governance policy or registry is invalid (2 errors)");
    expect(out.summary).toContain("- [STAKEHOLDERS\\.yml:4:7](https://github.com/acme/charter/blob/main/STAKEHOLDERS.yml#L4): **@&#8203;everyone** has no entry");
    expect(out.summary).toContain("- [\\.github/governance\\.yml:2:3](https://github.com/acme/charter/blob/main/.github/governance.yml#L2): none");
    expect(out.summary).toContain("The governance files have 2 problems");
  });

  it.each(HOSTILE)("keeps the login %s inert everywhere but inside the YAML block", (login) => {
    const out = renderDeclarationCheck(
      failing([{ login, reason: { code: "no-entry" } }], {
        declared: [{ login, entry: entry(login, { organisation: login }), inThisPr: false }],
        exempt: [{ login, why: "exempt" }],
      }),
      ctx(),
    );
    expectInert(out.summary, login);
    expect(out.title).not.toMatch(/[\n\r]/);
  });

  it("keeps a hostile login inside its YAML block (the fence cannot be closed from inside)", () => {
    const login = "```\n@everyone";
    const out = renderDeclarationCheck(failing([{ login, reason: { code: "no-entry" } }]), ctx());
    expect(withoutCodeBlocks(out.summary)).not.toContain("@everyone");
    expect(out.summary).toMatch(/````yaml\n {2}- login: "``` @everyone"\n/);
  });

  it("shortens an output too long for GitHub with a link to the checks tab", () => {
    const missing = Array.from({ length: 3000 }, (_, i) => ({ login: `person-${i}`, reason: { code: "no-entry" as const } }));
    const out = renderDeclarationCheck(failing(missing), ctx());
    expect(out.summary.length).toBeLessThanOrEqual(MAX_CHECK_OUTPUT_CHARS);
    expect(out.summary).toContain("https://github.com/acme/charter/pull/12/checks");
  });
});

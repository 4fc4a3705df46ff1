import { describe, expect, it } from "vitest";
import type { Condition, Fraction } from "../../src/core/types.js";
import { renderSignoffCheck, renderTree } from "../../src/render/signoff-check.js";
import { cond, ctx, HOSTILE, kind, kindResult, signoff } from "./results.js";
import { expectInert } from "./inert.js";

const frac = (num: number, den: number, text = `${num}/${den}`): Fraction => ({ num, den, text });
const share = (op: "at_least" | "more_than", f: Fraction, of: "cast" | "present" | "registered", scope: Condition extends never ? never : { kind: "all" } | { kind: "each" } | { kind: "sectors"; ids: string[] }): Condition => ({
  type: "approvals",
  op,
  share: f,
  of,
  in: scope,
  weights: "members",
});

describe("renderSignoffCheck: outcomes", () => {
  it.each([
    ["success", "success"],
    ["failure", "failure"],
    ["pending", "action_required"],
  ] as const)("writes %s as the conclusion %s", (outcome, conclusion) => {
    const out = renderSignoffCheck(signoff({ outcome, kinds: [kindResult({ holds: outcome === "success" })] }), ctx());
    expect(out.conclusion).toBe(conclusion);
    expect(out.summary).toContain("[the partnership’s policy](https://github.com/acme/charter/blob/main/.github/governance.yml)");
  });

  it("names the people whose commands the app may have forgotten, says how it lifts in every language, and marks the run (hidden) as judged without the whole memo", () => {
    const gap = [{ login: "carol", since: "2026-11-28T10:00:00Z" }];
    for (const lang of ["en", "fr", "es", "ru", "zh", "ar"] as const) {
      const out = renderSignoffCheck(signoff({ outcome: "failure", kinds: [kindResult({ holds: true })], memoGap: gap, title: { key: "signoff.title.memoGap", params: { people: "carol", count: 1 } } }), ctx({ lang }));
      expect(out.conclusion).toBe("failure");
      expect(out.summary.startsWith("<!-- partnership-governance:memo-gap -->\n")).toBe(true);
      expect(out.summary).toContain("carol");
      expect(out.summary).toContain("/governance abstain");
    }
    const none = renderSignoffCheck(signoff({ outcome: "failure", kinds: [kindResult({ holds: true })] }), ctx());
    expect(none.summary).not.toContain("memo-gap");
  });

  it("says when a PR is no decision", () => {
    const out = renderSignoffCheck(signoff({ isDecision: false, kinds: [] }), ctx());
    expect(out.conclusion).toBe("success");
    expect(out.summary).toContain("needs no sign-off");
    expect(out.text).toBeUndefined();
  });

  it("fails with the diagnostics of an invalid policy, with positions, even if the result says otherwise", () => {
    const out = renderSignoffCheck(
      signoff({
        outcome: "failure",
        diagnostics: [{ file: ".github/governance.yml", line: 7, column: 14, severity: "error", code: "c", message: { key: "checks.entry.sectorHint", params: { ids: "#3" } } }],
      }),
      ctx({ policy: undefined }),
    );
    expect(out.conclusion).toBe("failure");
    expect(out.summary).toContain(
      "- [\\.github/governance\\.yml:7:14](https://github.com/acme/charter/blob/main/.github/governance.yml#L7): one of: #&#8203;3",
    );
  });
});

describe("renderSignoffCheck: a decision", () => {
  const waiting = kindResult({
    holds: false,
    kind: kind({ commentPeriodHours: 72 }),
    firstUnmet: { key: "checks.scope.each" },
    tree: cond({ type: "all", of: [] }, false, {
      children: [
        cond({ type: "sectors", atLeast: 3, include: ["civil-society"] }, false, {
          lines: [{ scope: "all", numerator: 2, holds: false }],
          missingSectors: ["civil-society"],
        }),
        cond({ type: "approvals", op: "at_least", count: 4, in: { kind: "all" }, weights: "members", maxPerSector: 2 }, false, {
          lines: [{ scope: "all", numerator: 3, holds: false }],
        }),
      ],
    }),
    tally: {
      bySector: {
        government: { yes: ["bob", "gus"], no: [], abstain: [], recused: [], registered: 3 },
        business: { yes: ["carol"], no: [], abstain: ["ian"], recused: ["kim"], registered: 2 },
        "civil-society": { yes: [], no: ["dan"], abstain: [], recused: [], registered: 1 },
      },
    },
    approvals: { government: ["bob", "gus"], business: ["carol"] },
    objections: [{ login: "dan", sector: "civil-society", blocking: true }],
    notCounted: [
      { login: "alice", reason: "author", source: "review" },
      { login: "eve", reason: "earlier-commit", source: "review" },
      { login: "zoe", reason: "observer", source: "comment" },
      { login: "fay", reason: "edited-comment", source: "comment" },
    ],
    commentPeriodEnds: "2026-12-02T14:00:00Z",
    commentPeriodOver: false,
  });
  const out = renderSignoffCheck(
    signoff({ outcome: "failure", signedOff: false, kinds: [waiting], warnings: [{ file: ".github/governance.yml", line: 3, column: 5, severity: "warning", code: "w", message: { key: "checks.cond.sectorsWithoutVoters", params: { sectors: "Academia" } } }] }),
    ctx(),
  );

  it("sums each kind up, the blocking objection and the comment period in the summary", () => {
    expect(out.summary).toContain("- **Charter amendment**: not signed off yet ✗ (each sector)");
    expect(out.summary).toContain("An objection blocks this pull request (dan)");
    expect(out.summary).toContain("Comment period of **Charter amendment** (72 hours): ends December 2, 2026 at 02:00 PM UTC");
  });

  it("draws the rule as a nested list with the numbers", () => {
    expect(out.text).toContain(
      [
        "- All of these ✗",
        "  - Sectors: 2 sectors approved, needs at least 3 ✗; must include Civil society, still missing: Civil society",
        "  - All sectors: 3 approvals counted, needs at least 4 (at most 2 per sector count) ✗",
      ].join("\n"),
    );
  });

  it("has a table of sectors with the counted approvers and the other votes", () => {
    expect(out.text).toContain("| Sector | Counted approvals | No | Abstained | Recused | Voters |");
    expect(out.text).toContain("| Government | bob, gus | – | – | – | 3 |");
    expect(out.text).toContain("| Business | carol | – | ian | kim | 2 |");
    expect(out.text).toContain("| Civil society | – | dan | – | – | 1 |");
  });

  it("lists the objections, whether they block, and every vote that did not count with why", () => {
    expect(out.text).toContain("- **dan** (Civil society): blocks until they approve, abstain, recuse or dismiss their review themselves");
    expect(out.text).toContain("- **alice** (review): the author of a pull request does not sign off on it");
    expect(out.text).toContain("- **eve** (review): approved an earlier commit");
    expect(out.text).toContain("- **zoe** (comment): an observer (voter: false in the registry) does not vote");
    expect(out.text).toContain("- **fay** (comment): the command is in a comment that was edited");
  });

  it("shows the warnings with their positions", () => {
    expect(out.text).toContain("## Warnings");
    expect(out.text).toContain("[\\.github/governance\\.yml:3:5](https://github.com/acme/charter/blob/main/.github/governance.yml#L3): warning: (Academia: no voters");
  });
});

describe("renderTree: conditions in words", () => {
  it.each([
    [
      "a share of registered voters in one sector",
      cond(share("more_than", frac(1, 2), "registered", { kind: "sectors", ids: ["government"] }), true, {
        lines: [{ scope: "government", numerator: 3, denominator: 5, holds: true }],
      }),
      "- Government: 3 of 5 registered voters approved (60%, needs more than 50%) ✓",
    ],
    [
      "two thirds of votes cast, shown as written",
      cond(share("at_least", frac(2, 3), "cast", { kind: "all" }), false, {
        lines: [{ scope: "all", numerator: 3, denominator: 5, holds: false }],
      }),
      "- All sectors: 3 of 5 votes cast approved (60%, needs at least 2/3) ✗",
    ],
    [
      "a share of nobody",
      cond(share("at_least", frac(2, 3), "present", { kind: "all" }), false, {
        lines: [{ scope: "all", numerator: 0, denominator: 0, holds: false }],
      }),
      "- All sectors: nobody to count (no voters present); a share of nobody never holds ✗",
    ],
    [
      "equal weights",
      cond({ ...share("at_least", frac(2, 3), "cast", { kind: "all" }), weights: "equal" } as Condition, true, {
        lines: [
          { scope: "government", numerator: 1, denominator: 2, holds: false },
          { scope: "all", numerator: 4, denominator: 5, share: { num: 3, den: 4 }, holds: true },
        ],
      }),
      [
        "- Approvals in all sectors together ✓",
        "  - Government: 1 of 2 votes cast approved (50%, needs at least 2/3) ✗",
        "  - All sectors, every sector weighted equally: 75% approved on average (needs at least 2/3) ✓",
      ].join("\n"),
    ],
    [
      "a quorum in each sector, with a sector without voters",
      cond({ type: "quorum", op: "more_than", share: frac(1, 2), in: { kind: "each" } }, false, {
        lines: [
          { scope: "government", numerator: 2, denominator: 3, holds: true },
          { scope: "business", numerator: 0, denominator: 0, holds: false, noVoters: true },
        ],
        sectorsWithoutVoters: ["business"],
      }),
      [
        "- Quorum in each sector ✗ (Business: no voters, so this cannot hold until someone of that sector declares)",
        "  - Government: 2 of 3 registered voters took part (66.7%, needs more than 50%) ✓",
        "  - Business: this sector has no voters, so this cannot hold until someone of it declares ✗",
      ].join("\n"),
    ],
    [
      "sectors, with a required sector that has no voters",
      cond({ type: "sectors", atLeast: 2, include: ["civil-society"] }, false, {
        lines: [
          { scope: "all", numerator: 2, holds: true },
          { scope: "government", numerator: 1, holds: true },
        ],
        missingSectors: ["civil-society"],
        sectorsWithoutVoters: ["civil-society"],
      }),
      "- Sectors: 2 sectors approved, needs at least 2 ✗; must include Civil society, still missing: Civil society (Civil society: no voters, so this cannot hold until someone of that sector declares)",
    ],
    [
      "any, with the branch that carried it",
      cond({ type: "any", of: [] }, true, {
        carriedBy: 1,
        children: [
          cond({ type: "sectors", atLeast: 3, include: [] }, false, { lines: [{ scope: "all", numerator: 1, holds: false }] }),
          cond({ type: "approvals", op: "at_least", count: 2, in: { kind: "sectors", ids: ["business"] }, weights: "members" }, true, {
            lines: [{ scope: "business", numerator: 2, holds: true }],
          }),
        ],
      }),
      [
        "- At least one of these ✓",
        "  - Sectors: 1 sector approved, needs at least 3 ✗",
        "  - Business: 2 approvals counted, needs at least 2 ✓ (this one carried it)",
      ].join("\n"),
    ],
  ])("%s", (_name, result, expected) => {
    expect(renderTree(result, ctx(), 0)).toBe(expected);
  });
});

describe("renderSignoffCheck: hostile text", () => {
  it.each(HOSTILE)("keeps %s inert in logins, kind and sector names", (hostile) => {
    const k = kindResult({
      kind: kind({ name: hostile }),
      holds: false,
      approvals: { government: [hostile] },
      objections: [{ login: hostile, sector: "government", blocking: true }],
      notCounted: [{ login: hostile, reason: "bot", source: "review" }],
      firstUnmet: { key: "checks.comment.entryFor", params: { login: hostile } },
    });
    const out = renderSignoffCheck(
      signoff({ outcome: "failure", kinds: [k] }),
      ctx({ policy: { ...ctx().policy!, sectors: [{ id: "government", name: hostile }] } }),
    );
    expectInert(out.summary, hostile);
    expectInert(out.text ?? "", hostile);
    // Each table row keeps its six cells: a pipe in a name cannot add one.
    const row = (out.text ?? "").split("\n").find((l) => l.startsWith("| ") && l.includes("–") && !l.startsWith("| ---"));
    expect(row?.split(/(?<!\\)\|/).length).toBe(8);
  });
});

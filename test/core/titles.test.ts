// Every MessageRef the core returns renders in English with the params the core gives it.
import { describe, expect, it } from "vitest";
import { t } from "../../src/render/i18n.js";
import { declaration } from "../../src/render/messages/en/declaration.js";
import { signoff } from "../../src/render/messages/en/signoff.js";

describe("titles and phrases of the core", () => {
  it.each([
    ["declaration.title.success", {}, "All contributors have declared"],
    ["declaration.title.failure", { count: 1, logins: "alice" }, "1 contributor has not declared: alice"],
    ["declaration.title.failure", { count: 2, logins: "alice, bob" }, "2 contributors have not declared: alice, bob"],
    ["declaration.title.commitsTruncated", { listed: 250, total: 251 }, "This pull request has more commits than GitHub lists (250 of 251): its committers cannot all be checked. Squash its commits or split it into smaller pull requests"],
    ["declaration.reason.expired", { expiredOn: "2027-01-02" }, "declaration expired on 2027-01-02"],
    ["signoff.title.notDecision", {}, "Not a decision"],
    ["signoff.title.otherBase", { base: "staging", defaultBranch: "main" }, "Not a decision: into staging, not the default branch main"],
    ["signoff.title.blocked", { sectors: "civil-society", count: 1 }, "Blocked by an objection from civil-society"],
    ["signoff.title.memoGap", { people: "carol, dan", count: 2 }, "Waiting for carol, dan to give their signal again: the app lost track of commands on this pull request"],
    ["signoff.title.commentPeriod", { end: "2026-12-02 14:00 UTC", at: new Date("2026-12-02T14:00:00Z") }, "Comment period ends 2026-12-02 14:00 UTC"],
    ["signoff.title.signedOff", { n: 1 }, "Signed off by 1 sector"],
    ["signoff.title.signedOff", { n: 3 }, "Signed off by 3 sectors"],
    ["signoff.unmet.sectors.required", { count: 2, needed: 3, sectors: "civil-society" }, "2 of 3 sectors: waiting for civil-society"],
    ["signoff.unmet.quorum.sector", { sector: "economic", present: 6, registered: 12, op: "more_than", needed: "1/2" }, "Quorum: economic 6 of 12 took part, needs more than 1/2"],
    ["signoff.unmet.quorum", { present: 6, registered: 12, op: "at_least", needed: "2/3" }, "Quorum: 6 of 12 took part, needs at least 2/3"],
    [
      "signoff.unmet.approvals.share.sector",
      { sector: "government", yes: 3, total: 5, of: "registered", op: "more_than", needed: "1/2" },
      "Approvals: government 3 of 5 registered voters approved, needs more than 1/2",
    ],
    ["signoff.unmet.approvals.share", { yes: 3, total: 5, of: "present", op: "at_least", needed: "2/3" }, "Approvals: 3 of 5 voters present approved, needs at least 2/3"],
    ["signoff.unmet.approvals.equal", { share: 0.5, op: "at_least", needed: "2/3" }, "Approvals: 50% with sectors weighted equally, needs at least 2/3"],
  ])("%s %j", (key, params, text) => {
    expect(t("en", { key, params })).toBe(text);
  });

  it.each(Object.keys({ ...declaration, ...signoff }))("%s is valid ICU", (key) => {
    const params = { count: 2, n: 2, missing: 1, needed: 2, sectors: "x", sector: "x", logins: "a", present: 1, registered: 2, yes: 1, total: 2, of: "cast", op: "at_least", share: 0.5, end: "e", at: new Date(0), expiredOn: "d", declared: "d", value: "v", commit: "c", base: "staging", defaultBranch: "main", people: "carol", listed: 1 };
    expect(t("en", { key, params })).not.toBe("");
  });

  it.each(["undeclared", "expired", "not-yet", "unknown-sector", "invalid-date", "author", "bot", "earlier-commit", "over-cap", "edited-comment", "observer", "recused", "other-base"])(
    "not-counted reason %s has a phrase",
    (reason) => {
      expect(signoff).toHaveProperty(`signoff.notCounted.${reason}`);
    },
  );
});

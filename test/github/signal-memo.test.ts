// The memo of seen commands inside the app's own sign-off run: written at the very end of the
// summary, read back strictly (a malformed or foreign row is dropped, never trusted).
import { describe, expect, it } from "vitest";
import { MAX_CHECK_OUTPUT_CHARS } from "../../src/constants.js";
import type { SeenCommand, SeenLabel } from "../../src/core/types.js";
import { decodeMemo, encodeMemo, memosIn, mergeMemos, rememberedFor, splitMemo, withMemo, withoutMemo } from "../../src/github/signal-memo.js";
import { encodeHint } from "../../src/evaluate/sweep-hint.js";

const bob: SeenCommand = { commentId: 101, login: "bob", userId: 7, verb: "recuse", createdAt: "2026-11-21T09:00:00Z" };
const dan: SeenCommand = { commentId: 103, login: "dan", userId: null, verb: "abstain", createdAt: "2026-11-21T10:00:00Z" };

describe("the memo of seen commands", () => {
  it("round-trips through a summary", () => {
    const out = withMemo({ conclusion: "success", title: "t", summary: "Signed off by 2 sectors" }, [bob, dan]);
    expect(out.summary.startsWith("Signed off by 2 sectors\n\n<!-- partnership-governance:seen-commands data=")).toBe(true);
    expect(decodeMemo(out.summary)).toEqual([bob, dan]);
  });

  it("remembers decision labels too, whatever characters their names hold, and never lets one end the memo", () => {
    const hostile: SeenLabel = { verb: "label", label: "decision --> <b>x</b> & ü 🗳", at: "2026-11-20T10:00:00Z" };
    const plain: SeenLabel = { verb: "label", label: "consultation", at: "2026-11-20T11:00:00Z" };
    const out = withMemo({ conclusion: "success", title: "t", summary: "s" }, [bob, hostile, plain]);
    const data = /data=(.*) -->$/.exec(out.summary)?.[1];
    expect(data).toBeDefined();
    expect(data).not.toMatch(/-->|<|>|&|\s/);
    expect(splitMemo(decodeMemo(out.summary))).toEqual({ commands: [bob], labels: [hostile, plain] });
    // A label row's name is matched as GitHub matches labels: once, case-insensitively.
    expect(mergeMemos([plain], [{ ...plain, label: "Consultation", at: "2026-11-21T00:00:00Z" }])).toEqual([plain]);
  });

  it("adds nothing when there is nothing to remember", () => {
    const output = { conclusion: "success" as const, title: "t", summary: "s" };
    expect(withMemo(output, [])).toEqual(output);
  });

  it("is read only at the very end of the summary: a memo quoted before other text is not one", () => {
    expect(decodeMemo(`${encodeMemo([bob])}\n\nmore text`)).toEqual([]);
  });

  it.each<[string, unknown[]]>([
    ["a login that could close the HTML comment", [101, "bob-->", 7, "recuse", "2026-11-21T09:00:00Z"]],
    ["an unknown verb", [101, "bob", 7, "approve", "2026-11-21T09:00:00Z"]],
    ["a comment id that is no id", [-1, "bob", 7, "recuse", "2026-11-21T09:00:00Z"]],
    ["a user id that is no id", [101, "bob", "7", "recuse", "2026-11-21T09:00:00Z"]],
    ["a date that is no date", [101, "bob", 7, "recuse", "yesterday"]],
    ["a row of another shape", [101, "bob"]],
  ])("drops a row with %s", (_what, row) => {
    expect(decodeMemo(`x\n<!-- partnership-governance:seen-commands data=${JSON.stringify([row, [103, "dan", null, "abstain", "2026-11-21T10:00:00Z"]])} -->`)).toEqual([dan]);
  });

  it("reads nothing from text that is not JSON", () => {
    expect(decodeMemo("<!-- partnership-governance:seen-commands data=[not-json] -->")).toEqual([]);
    expect(decodeMemo(null)).toEqual([]);
  });

  it("never lets the summary push the memo past GitHub's limit of a check output", () => {
    const out = withMemo({ conclusion: "failure", title: "t", summary: "x".repeat(MAX_CHECK_OUTPUT_CHARS) }, [bob]);
    expect(out.summary.length).toBeLessThanOrEqual(MAX_CHECK_OUTPUT_CHARS);
    expect(decodeMemo(out.summary)).toEqual([bob]);
  });

  it("merges memos once per comment", () => {
    expect(mergeMemos([bob], [bob, dan], [])).toEqual([bob, dan]);
  });

  describe("on a commit several PRs share", () => {
    const hint = { signature: "s", next: null, error: false };
    const writtenFor = (pr: number) => encodeHint(hint, { pr, shared: true, group: false, heads: [] });

    it("remembers each PR's commands by number, and gives each PR only its own", () => {
      const out = withMemo({ conclusion: "action_required", title: "t", summary: "Waiting" }, new Map([[12, [bob]], [13, [dan]]]), 12);
      expect(out.summary).toContain('data={"12":');
      expect(rememberedFor({ externalId: writtenFor(12), summary: out.summary }, 12)).toEqual([bob]);
      expect(rememberedFor({ externalId: writtenFor(12), summary: out.summary }, 13)).toEqual([dan]);
      expect(rememberedFor({ externalId: writtenFor(12), summary: out.summary }, 14)).toEqual([]);
      expect(decodeMemo(out.summary, 13)).toEqual([dan]);
      expect(decodeMemo(out.summary), "a memo by PR read for no PR").toEqual([]);
      expect(memosIn({ externalId: writtenFor(12), summary: out.summary })).toEqual(new Map([[12, [bob]], [13, [dan]]]));
    });

    it("writes the owner's list when only the owner has commands, read only for the PR the run was written for", () => {
      const out = withMemo({ conclusion: "success", title: "t", summary: "s" }, new Map([[12, [bob]], [13, []]]), 12);
      expect(out.summary).toContain("seen-commands data=[[");
      expect(rememberedFor({ externalId: writtenFor(12), summary: out.summary }, 12)).toEqual([bob]);
      expect(rememberedFor({ externalId: writtenFor(12), summary: out.summary }, 13)).toEqual([]);
      expect(memosIn({ externalId: writtenFor(12), summary: out.summary })).toEqual(new Map([[12, [bob]]]));
      // Another PR's list on the run: by PR, never under the run's owner.
      expect(withMemo({ conclusion: "success", title: "t", summary: "s" }, new Map([[13, [dan]]]), 12).summary).toContain('data={"13":');
    });

    it("drops keys that are no PR number and rows that are no command", () => {
      const summary = `x\n<!-- partnership-governance:seen-commands data=${JSON.stringify({ "012": [[101, "bob", 7, "recuse", "2026-11-21T09:00:00Z"]], abc: [], "13": [[103, "dan", null, "abstain", "2026-11-21T10:00:00Z"], [1, "x"]] })} -->`;
      expect(memosIn({ externalId: null, summary })).toEqual(new Map([[13, [dan]]]));
    });

    it("replaces the memo of an output it carries over, never stacks two", () => {
      const once = withMemo({ conclusion: "success", title: "t", summary: "Signed off" }, [bob]);
      expect(withoutMemo(once.summary)).toBe("Signed off");
      const twice = withMemo({ ...once, summary: withoutMemo(once.summary) }, [dan]);
      expect(twice.summary.match(/seen-commands/g)).toHaveLength(1);
      expect(encodeMemo(new Map([[12, [bob]]]))).toBe(`<!-- partnership-governance:seen-commands data={"12":[[101,"bob",7,"recuse","2026-11-21T09:00:00Z"]]} -->`);
    });
  });
});


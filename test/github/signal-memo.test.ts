// The memo of seen commands inside the app's own sign-off run: written at the very end of the
// summary, read back strictly (a malformed or foreign row is dropped, never trusted).
import { describe, expect, it } from "vitest";
import { MAX_CHECK_OUTPUT_CHARS } from "../../src/constants.js";
import type { SeenCommand } from "../../src/core/types.js";
import { decodeMemo, encodeMemo, mergeMemos, withMemo } from "../../src/github/signal-memo.js";

const bob: SeenCommand = { commentId: 101, login: "bob", userId: 7, verb: "recuse", createdAt: "2026-11-21T09:00:00Z" };
const dan: SeenCommand = { commentId: 103, login: "dan", userId: null, verb: "abstain", createdAt: "2026-11-21T10:00:00Z" };

describe("the memo of seen commands", () => {
  it("round-trips through a summary", () => {
    const out = withMemo({ conclusion: "success", title: "t", summary: "Signed off by 2 sectors" }, [bob, dan]);
    expect(out.summary.startsWith("Signed off by 2 sectors\n\n<!-- partnership-governance:seen-commands data=")).toBe(true);
    expect(decodeMemo(out.summary)).toEqual([bob, dan]);
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
});

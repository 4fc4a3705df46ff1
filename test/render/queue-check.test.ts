// The words of the checks on a merge queue's commit: success only when every PR holds, the first
// PR that does not named in the title, every PR listed with its own check's title, PR titles inert,
// the failure when the group cannot be told saying why, in every language.
import { describe, expect, it } from "vitest";
import type { CheckOutput } from "../../src/render/context.js";
import { renderGroupCheck, renderGroupProblemCheck, type GroupMember } from "../../src/render/queue-check.js";
import { ctx } from "./results.js";

const check = (conclusion: CheckOutput["conclusion"], title: string): CheckOutput => ({ conclusion, title, summary: "" });
const judged = (number: number, output: CheckOutput, title = "Amend article 4"): GroupMember => ({ number, title, state: "judged", output });

describe("renderGroupCheck", () => {
  it.each([
    [[judged(3, check("success", "Signed off by 3 sectors"))], "success", "Pull request #3 holds"],
    [[judged(3, check("success", "A")), judged(5, check("success", "B"))], "success", "All 2 pull requests hold: #3, #5"],
    [[judged(3, check("success", "A")), judged(5, check("failure", "Blocked by an objection from Government"))], "failure", "#5 does not hold: Blocked by an objection from Government"],
    // Waiting is no answer a queue can use: the group fails, naming the waiting PR.
    [[judged(3, check("action_required", "Comment period ends 2026-12-02 14:00 UTC")), judged(5, check("failure", "X"))], "failure", "#3 does not hold: Comment period ends 2026-12-02 14:00 UTC"],
    [[{ number: 4, state: "unreadable" } as GroupMember], "failure", "#4 does not hold: it could not be read from GitHub"],
    [[judged(3, check("success", "A")), { number: 4, state: "closed" } as GroupMember], "failure", "#4 does not hold: it is no longer open"],
    [[], "failure", "Cannot tell which pull requests this merge group holds"],
  ])("%#: %s", (members, conclusion, title) => {
    const out = renderGroupCheck(members, "main", ctx());
    expect(out.conclusion).toBe(conclusion);
    expect(out.title).toBe(title);
  });

  it("lists every PR with its own check's title, linked, and says what happens next", () => {
    const out = renderGroupCheck([judged(3, check("success", "Signed off by 3 sectors")), judged(5, check("failure", "0 of 3 sectors"))], "release/2.0", ctx());
    const lines = out.summary.split("\n");
    expect(lines[0]).toBe("GitHub’s merge queue asks for this check on its own commit, which would land 2 pull requests on `release/2.0`. Each was judged again, now, by the rules of the default branch and every signal given so far:");
    expect(lines).toContain("- [#3](https://github.com/acme/charter/pull/3) Amend article 4: holds (Signed off by 3 sectors)");
    expect(lines).toContain("- [#5](https://github.com/acme/charter/pull/5) Amend article 4: does not hold (0 of 3 sectors)");
    expect(out.summary).toContain("GitHub removes that pull request from the queue");
  });

  it("makes a hostile PR title inert", () => {
    const out = renderGroupCheck([judged(3, check("success", "A"), "@everyone see org/repo#2 <img src=x> [x](javascript:alert(1))")], "main", ctx());
    const row = out.summary.split("\n").find((l) => l.startsWith("- [#3]"))!;
    expect(row).toContain("@&#8203;everyone");
    expect(row).toContain("repo#&#8203;2");
    expect(row).not.toContain("<img");
    expect(row).not.toContain("](javascript");
  });

  it("speaks the policy's language: French typography, Arabic right to left", () => {
    const members = [judged(3, check("failure", "Bloquée"))];
    expect(renderGroupCheck(members, "main", ctx({ lang: "fr" })).title).toBe("#3 n’est pas conforme\u00a0: Bloquée");
    const ar = renderGroupCheck(members, "main", ctx({ lang: "ar" }));
    expect(ar.summary.startsWith('<div dir="rtl">')).toBe(true);
  });
});

describe("renderGroupProblemCheck", () => {
  it("shows a crafted branch name as code, its backticks dropped, so that it can neither close the span nor notify", () => {
    const out = renderGroupProblemCheck({ reason: "branch", ref: "refs/heads/x`@everyone <img>`\n#1" }, ctx());
    expect(out.summary.split("\n")[0]).toBe(
      "The merge group’s branch `refs/heads/x@everyone <img>#1` is not named as GitHub’s merge queue names its branches (`gh-readonly-queue/<branch>/pr-<number>-<commit>`).",
    );
  });

  it.each([
    [{ reason: "branch", ref: "refs/heads/feature/x" } as const, "The merge group’s branch `refs/heads/feature/x` is not named as GitHub’s merge queue names its branches"],
    [{ reason: "base", base: "main", named: "release" } as const, "The merge group’s branch names the branch `release`, but the group lands on `main`."],
    [{ reason: "no-queue", base: "main" } as const, "GitHub shows no merge queue for `main`."],
    [{ reason: "not-queued", number: 9, base: "main" } as const, "Pull request [#9](https://github.com/acme/charter/pull/9) is not in the merge queue of `main`."],
    [{ reason: "commit", number: 9, expected: "c".repeat(40), actual: null } as const, "The merge queue’s commit for pull request [#9](https://github.com/acme/charter/pull/9) is none, not this commit"],
    [{ reason: "no-pull-request", position: 2 } as const, "The queue’s entry at position 2 has no pull request GitHub can show."],
    [{ reason: "pr-base", number: 9, base: "main", prBase: "release" } as const, "is based on `release`, not on `main`."],
    [{ reason: "pr-closed", number: 9 } as const, "is no longer open."],
    [{ reason: "read", error: { status: 502, requestId: "AB:12" } } as const, "GitHub answered with an error (HTTP 502) while the app was reading the merge queue. GitHub’s request id: AB:12."],
  ])("%#: fails and says why", (problem, says) => {
    const out = renderGroupProblemCheck(problem, ctx());
    expect(out).toMatchObject({ conclusion: "failure", title: "Cannot tell which pull requests this merge group holds" });
    expect(out.summary).toContain(says);
    expect(out.summary).toContain("The check fails rather than pass a commit whose pull requests it cannot name.");
  });
});

import { describe, expect, it } from "vitest";
import { renderErrorCheck } from "../../src/render/error-check.js";
import { ctx } from "./results.js";
import { expectInert } from "./inert.js";

describe("renderErrorCheck", () => {
  it.each([
    [{ status: 500, requestId: "C0DE:1234:ABCD" }, "GitHub answered with an error (HTTP 500)", "GitHub’s request id: C0DE:1234:ABCD."],
    [{ status: 502 }, "GitHub answered with an error (HTTP 502)", "GitHub gave no request id."],
    [{}, "GitHub answered with an error while", "GitHub gave no request id."],
  ])("fails, names the request id and says how to re-run: %o", (error, what, id) => {
    const out = renderErrorCheck(error, ctx());
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("Could not read this pull request from GitHub");
    expect(out.summary).toContain(what);
    expect(out.summary).toContain(id);
    expect(out.summary).toContain("**Re-run** button");
    expect(out.summary).toContain("`/governance check`");
  });

  it("shows GitHub's message inert", () => {
    const out = renderErrorCheck({ status: 500, requestId: "@x #2", message: "Server Error for @everyone in org/repo#2 <img>" }, ctx());
    expect(out.summary).toContain("GitHub’s message: Server Error for @&#8203;everyone");
    expectInert(out.summary, "@everyone");
  });
});

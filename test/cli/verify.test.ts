import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runVerify } from "../../src/cli/verify.js";
import { hashRecord, type DecisionRecord } from "../../src/core/record.js";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { setupNock, teardownNock } from "../helpers/probot.js";
import { chainOf } from "../transparency/builders.js";
import { API, captureIO, governedFake, POLICY } from "../transparency/cli-setup.js";
import { mockGitHub, serveGovernance } from "../helpers/github-mocks.js";
import type { FakeGitHub } from "../transparency/fake-github.js";

const chain = chainOf(5);
const [r1, r2, r3, r4, r5] = chain as [DecisionRecord, DecisionRecord, DecisionRecord, DecisionRecord, DecisionRecord];

/** Records 1-3 in the October log, 4-5 in November's (given as lists to tamper with). */
function seed(gh: FakeGitHub, oct: Array<DecisionRecord | string>, nov: Array<DecisionRecord | string>) {
  for (const [period, list] of [["2026-10", oct], ["2026-11", nov]] as const) {
    const issue = gh.addIssue({ title: `Transparency log: ${period}`, body: renderLogIssueBody(period, "en"), state: period === "2026-10" ? "closed" : "open" });
    gh.addComment(issue, "A reader's comment: #1 @bob", "reader");
    for (const r of list) gh.addComment(issue, typeof r === "string" ? r : renderRecordComment(r, { lang: "en" }));
  }
}

const edited = (() => {
  const { hash, ...rest } = { ...r2, title: "Quietly changed" };
  return { ...rest, hash } as DecisionRecord;
})();
const forged = (() => {
  const { hash: _h, ...rest } = { ...r4, pr: 666 };
  return { ...rest, hash: hashRecord(rest) } as DecisionRecord;
})();

describe("verify", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("says intact, with the count and the head, reading every page", async () => {
    const gh = governedFake({ pageSize: 2 });
    seed(gh, [r1, r2, r3], [r4, r5]);
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter"], io)).toBe(0);
    expect(io.out()).toBe(`intact: 5 records, head ${r5.hash}\n`);
    gh.mock.assertAllDone();
  });

  it("verifies up to a period", async () => {
    const gh = governedFake();
    seed(gh, [r1, r2, r3], [r4, "tampered beyond repair <!-- partnership-governance:record pr=105 closed=x -->"]);
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter", "--period", "2026-10"], io)).toBe(0);
    expect(io.out()).toBe(`intact: 3 records, head ${r3.hash}\n`);
  });

  it.each([
    ["edited", [r1, edited, r3], [r4, r5], "record 2 (pull request 102) was edited"],
    ["deleted", [r1, r3], [r4, r5], "record 2 (pull request unknown) was deleted"],
    ["deleted across periods", [r1, r2, r3], [r5], "record 4 (pull request unknown) was deleted"],
    ["inserted", [r1, r2, r3], [forged, r4, r5], "record 4 (pull request 666) was inserted"],
    ["reordered", [r1, r3, r2], [r4, r5], "record 2 (pull request 102) was moved out of order"],
    ["unreadable", [r1, r2, "<!-- partnership-governance:record pr=103 closed=x -->\nGone."], [r4, r5], "record ? (pull request 103) was made unreadable"],
  ] as const)("names the first %s record", async (_n, oct, nov, message) => {
    const gh = governedFake();
    seed(gh, [...oct], [...nov]);
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter"], io)).toBe(1);
    expect(io.out().split("\n")[0]).toBe(`tampered: ${message}`);
    expect(io.out()).toMatch(/\nat https:\/\/github\.com\/org\/charter\/issues\/\d+#issuecomment-\d+\ndetail: /);
  });

  it("still verifies when the repository's policy cannot be read", async () => {
    const gh = governedFake({ policy: null });
    serveGovernance(gh.mock, { owner: "org", repo: ".github", policy: null });
    seed(gh, [r1], []);
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter"], io)).toBe(0);
    expect(io.out()).toBe(`intact: 1 record, head ${r1.hash}\n`);
  });

  it.each([
    [[], "--repo OWNER/NAME is needed"],
    [["--repo", "nope"], "`nope` is not a repository"],
    [["--repo", "org/charter", "--period", "2026-13"], "`2026-13` is not a period"],
    [["--repo", "org/charter", "--dry-run"], "`--dry-run` is not an option"],
    [["--repo", "org/charter", "extra"], "Unexpected argument"],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const io = captureIO();
    expect(await runVerify(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain("Usage: partnership-governance verify");
  });

  it("exits 2 without credentials", async () => {
    const io = captureIO({});
    expect(await runVerify(["--repo", "org/charter"], io)).toBe(2);
    expect(io.err()).toContain("No GitHub credentials");
  });

  it("exits 2 when GitHub fails", async () => {
    const mock = mockGitHub({ baseUrl: API });
    serveGovernance(mock, { owner: "org", repo: "charter", policy: POLICY });
    mock.get("/repos/org/charter/issues?state=all&per_page=100&labels=transparency", {
      status: 401,
      body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
    });
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter"], io)).toBe(2);
    expect(io.err()).toContain("GitHub could not be read or written: Bad credentials");
    mock.assertAllDone();
  });
});

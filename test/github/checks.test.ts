import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getLatestCheckRuns, publishCheckRun, type PublishCheckRunInput } from "../../src/github/checks.js";
import { linkNext, mockGitHub, type GitHubMock } from "../helpers/github-mocks.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";

const HEAD = "d".repeat(40);
const APP_ID = 4242;
const NOW = new Date("2026-11-22T08:00:00Z");
/** One listing of this app's latest runs of every name on the commit (no `check_name`). */
const LIST = `/repos/org/charter/commits/${HEAD}/check-runs?app_id=${APP_ID}&filter=latest&per_page=100`;

const input = (output: Partial<PublishCheckRunInput["output"]> = {}, extra: Partial<PublishCheckRunInput> = {}): PublishCheckRunInput => ({
  owner: "org",
  repo: "charter",
  head_sha: HEAD,
  name: "Multi-sector sign-off",
  appId: APP_ID,
  output: { conclusion: "success", title: "Signed off by 3 sectors", summary: "All good", ...output },
  now: NOW,
  ...extra,
});

function run(id: number, appId: number, fields: Record<string, unknown> = {}, name = "Multi-sector sign-off") {
  return {
    id,
    head_sha: HEAD,
    name,
    status: "completed",
    conclusion: "success",
    details_url: null,
    app: { id: appId, slug: `app-${appId}`, name: "An app" },
    output: { title: "Signed off by 3 sectors", summary: "All good", text: null, annotations_count: 0, annotations_url: "" },
    ...fields,
  };
}

function serveRuns(mock: GitHubMock, runs: unknown[]) {
  mock.get(LIST, { body: { total_count: runs.length, check_runs: runs } });
}

describe("getLatestCheckRuns", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("reads this app's runs of every name on the commit in one request and keeps the latest of each name", async () => {
    const mock = mockGitHub();
    serveRuns(mock, [
      run(3, APP_ID, { conclusion: "failure" }),
      run(7, APP_ID, {}, "Stakeholder declaration"),
      run(5, APP_ID),
      run(4, APP_ID, { conclusion: "action_required" }, "Stakeholder declaration"),
    ]);
    const runs = await getLatestCheckRuns(createTestOctokit(), { owner: "org", repo: "charter", head_sha: HEAD, appId: APP_ID });
    mock.assertAllDone();
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]?.query).toEqual({ app_id: String(APP_ID), filter: "latest", per_page: "100" });
    expect([...runs.keys()].sort()).toEqual(["Multi-sector sign-off", "Stakeholder declaration"]);
    expect(runs.get("Multi-sector sign-off")).toMatchObject({ id: 5, conclusion: "success" });
    expect(runs.get("Stakeholder declaration")).toMatchObject({ id: 7, conclusion: "success" });
  });

  it("never takes another app's run for its own, even when GitHub lists it", async () => {
    const mock = mockGitHub();
    serveRuns(mock, [run(9, 99), run(8, 99, {}, "Stakeholder declaration"), run(5, APP_ID), run(6, APP_ID + 1, {}, "Other")]);
    const runs = await getLatestCheckRuns(createTestOctokit(), { owner: "org", repo: "charter", head_sha: HEAD, appId: APP_ID });
    mock.assertAllDone();
    expect([...runs.keys()]).toEqual(["Multi-sector sign-off"]);
    expect(runs.get("Multi-sector sign-off")?.id).toBe(5);
  });

  it("reads every page", async () => {
    const mock = mockGitHub();
    const path = `/repos/org/charter/commits/${HEAD}/check-runs`;
    mock.get(LIST, { body: { total_count: 2, check_runs: [run(5, APP_ID)] }, headers: linkNext(LIST, 1, 2) });
    mock.get(`${LIST}&page=2`, { body: { total_count: 2, check_runs: [run(6, APP_ID, {}, "Stakeholder declaration")] } });
    const runs = await getLatestCheckRuns(createTestOctokit(), { owner: "org", repo: "charter", head_sha: HEAD, appId: APP_ID });
    mock.assertAllDone();
    expect(mock.requests.every((r) => r.path === path)).toBe(true);
    expect([...runs.keys()].sort()).toEqual(["Multi-sector sign-off", "Stakeholder declaration"]);
  });

  it("gives an empty map when this app has no run on the commit", async () => {
    const mock = mockGitHub();
    serveRuns(mock, []);
    const runs = await getLatestCheckRuns(createTestOctokit(), { owner: "org", repo: "charter", head_sha: HEAD, appId: APP_ID });
    mock.assertAllDone();
    expect(runs.size).toBe(0);
  });
});

describe("publishCheckRun", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("creates a completed check run when this app has none (another app's run of that name is ignored)", async () => {
    const mock = mockGitHub();
    serveRuns(mock, [run(1, 99)]);
    mock.post("/repos/org/charter/check-runs", undefined, { status: 201, body: { id: 2 } });
    const result = await publishCheckRun(createTestOctokit(), input());
    mock.assertAllDone();
    expect(result).toBe("created");
    expect(mock.sent("POST")[0]?.body).toEqual({
      name: "Multi-sector sign-off",
      head_sha: HEAD,
      status: "completed",
      conclusion: "success",
      completed_at: "2026-11-22T08:00:00.000Z",
      output: { title: "Signed off by 3 sectors", summary: "All good" },
    });
  });

  it("writes nothing when this app's latest run already shows the same outcome and text", async () => {
    const mock = mockGitHub();
    serveRuns(mock, [run(5, APP_ID)]);
    expect(await publishCheckRun(createTestOctokit(), input())).toBe("unchanged");
    mock.assertAllDone();
    expect(mock.writes()).toEqual([]);
  });

  it.each([
    ["the conclusion", { conclusion: "failure" as const }, { conclusion: "failure" }],
    ["the title", { title: "Waiting" }, { output: { title: "Waiting", summary: "All good" } }],
    ["the summary", { summary: "Changed" }, { output: { title: "Signed off by 3 sectors", summary: "Changed" } }],
    ["the text", { text: "Details" }, { output: { title: "Signed off by 3 sectors", summary: "All good", text: "Details" } }],
  ])("updates this app's run in place when %s differs", async (_what, output, expected) => {
    const mock = mockGitHub();
    serveRuns(mock, [run(5, APP_ID), run(3, APP_ID, { conclusion: "failure" })]);
    mock.patch("/repos/org/charter/check-runs/5", undefined, { body: { id: 5 } });
    expect(await publishCheckRun(createTestOctokit(), input(output))).toBe("updated");
    mock.assertAllDone();
    expect(mock.sent("PATCH")[0]?.body).toMatchObject({ status: "completed", completed_at: "2026-11-22T08:00:00.000Z", ...expected });
  });

  it("updates a run left in progress", async () => {
    const mock = mockGitHub();
    serveRuns(mock, [run(5, APP_ID, { status: "in_progress", conclusion: null })]);
    mock.patch("/repos/org/charter/check-runs/5", { status: "completed" }, { body: { id: 5 } });
    expect(await publishCheckRun(createTestOctokit(), input())).toBe("updated");
    mock.assertAllDone();
  });

  it("writes waiting as completed/action_required with the policy's URL", async () => {
    const mock = mockGitHub();
    serveRuns(mock, []);
    mock.post("/repos/org/charter/check-runs", undefined, { status: 201, body: { id: 9 } });
    const url = "https://github.com/org/charter/blob/main/.github/governance.yml";
    const result = await publishCheckRun(
      createTestOctokit(),
      input({ conclusion: "action_required", title: "Comment period ends 2026-12-02 14:00 UTC" }, { details_url: url }),
    );
    mock.assertAllDone();
    expect(result).toBe("created");
    expect(mock.sent("POST")[0]?.body).toMatchObject({ status: "completed", conclusion: "action_required", details_url: url });
  });

  it("refuses action_required without a details_url, before any request", async () => {
    const mock = mockGitHub();
    await expect(publishCheckRun(createTestOctokit(), input({ conclusion: "action_required" }))).rejects.toThrow(/details_url/);
    expect(mock.requests).toEqual([]);
  });

  it("uses the runs it is given (read once for both checks) instead of listing them again", async () => {
    const mock = mockGitHub();
    serveRuns(mock, [run(5, APP_ID), run(7, APP_ID, {}, "Stakeholder declaration")]);
    mock.patch("/repos/org/charter/check-runs/7", { conclusion: "failure" }, { body: { id: 7 } });
    const octokit = createTestOctokit();
    const existing = await getLatestCheckRuns(octokit, { owner: "org", repo: "charter", head_sha: HEAD, appId: APP_ID });
    expect(await publishCheckRun(octokit, input(), existing)).toBe("unchanged");
    expect(await publishCheckRun(octokit, input({ conclusion: "failure" }, { name: "Stakeholder declaration" }), existing)).toBe("updated");
    mock.assertAllDone();
    // One listing for both names; then only the write.
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/org/charter/commits/${HEAD}/check-runs`,
      "PATCH /repos/org/charter/check-runs/7",
    ]);
  });

  it("creates a run when the runs it is given hold none of that name, without any read", async () => {
    const mock = mockGitHub();
    mock.post("/repos/org/charter/check-runs", { name: "Multi-sector sign-off", head_sha: HEAD }, { status: 201, body: { id: 2 } });
    const result = await publishCheckRun(createTestOctokit(), input(), new Map());
    mock.assertAllDone();
    expect(result).toBe("created");
    expect(mock.requests.map((r) => r.method)).toEqual(["POST"]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProbotOctokit } from "probot";
import { EtagCache, EtagStore, type RequestEvent } from "../../src/github/etag-cache.js";
import { appOctokitDefaults, createAppOctokit, throttleIdFor } from "../../src/github/client.js";
import { readFileAtDefaultBranch } from "../../src/github/files.js";
import { mockGitHub, serveFile } from "../helpers/github-mocks.js";
import { createTestOctokit, createTestProbot, setupNock, silentLog, teardownNock } from "../helpers/probot.js";
import { pullRequestPayload } from "../helpers/payloads.js";

const entry = (bytes: number) => ({ etag: '"x"', status: 200, url: "u", headers: {}, data: null, bytes });

describe("EtagCache", () => {
  it("evicts the least recently used entry beyond maxEntries", () => {
    const cache = new EtagCache({ maxEntries: 2, maxBytes: 1000 });
    cache.set("a", entry(1));
    cache.set("b", entry(1));
    cache.get("a"); // a is now the most recent
    cache.set("c", entry(1));
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([true, false, true]);
    expect(cache.size).toBe(2);
  });

  it.each([
    [[40, 40, 40], 100, ["b", "c"], 80],
    [[60, 50], 100, ["b"], 50],
    [[150], 100, [], 0],
  ])("bounds bytes: sizes %j within %i keep %j", (sizes, maxBytes, kept, bytes) => {
    const cache = new EtagCache({ maxEntries: 100, maxBytes });
    sizes.forEach((size, i) => cache.set("abc"[i] ?? "z", entry(size)));
    expect(["a", "b", "c"].filter((k) => cache.has(k))).toEqual(kept);
    expect(cache.bytes).toBe(bytes);
  });

  it("keeps one cache per installation, bounded in number", () => {
    const store = new EtagStore({ maxInstallations: 2 });
    const one = store.forInstallation(1);
    expect(store.forInstallation(1)).toBe(one);
    expect(store.forInstallation(2)).not.toBe(one);
    store.forInstallation(3);
    expect(store.forInstallation(1)).not.toBe(one); // evicted, a fresh one
  });
});

describe("conditional requests", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("sends If-None-Match on the second read and answers a 304 from the cache, uncounted", async () => {
    const events: RequestEvent[] = [];
    const Octokit = createAppOctokit({ etag: { maxEntries: 10 }, onRequest: (e) => void events.push(e) });
    const octokit = createTestOctokit(Octokit, { auth: { token: "ghs_test", installationId: 5 } });
    const mock = mockGitHub();
    serveFile(mock, { owner: "org", repo: "charter", path: ".github/governance.yml", content: "sectors: []\n", etag: '"v1"' });
    mock.get("/repos/org/charter/contents/.github/governance.yml?ref=main", { status: 304 }, { headers: { "if-none-match": '"v1"' }, times: 2 });

    for (let i = 0; i < 3; i++) {
      const file = await readFileAtDefaultBranch(octokit, { owner: "org", repo: "charter", path: ".github/governance.yml" }, "main");
      expect(Buffer.from(file?.text ?? []).toString()).toBe("sectors: []\n");
    }
    mock.assertAllDone();
    expect(mock.requests.map((r) => r.headers["if-none-match"])).toEqual([undefined, '"v1"', '"v1"']);
    expect(events.map((e) => [e.status, e.counted, e.installationId])).toEqual([
      [200, true, 5],
      [304, false, 5],
      [304, false, 5],
    ]);
  });

  it("serves cached pages of a paginated list intact, even though pagination rewrites responses", async () => {
    const Octokit = createAppOctokit({});
    const octokit = createTestOctokit(Octokit, { auth: { token: "ghs_test", installationId: 5 } });
    const mock = mockGitHub();
    const runs = { total_count: 1, check_runs: [{ id: 1, name: "x" }] };
    const path = `/repos/org/charter/commits/${"a".repeat(40)}/check-runs?per_page=100`;
    mock.get(path, { body: runs, headers: { etag: '"r1"' } });
    mock.get(path, { status: 304 }, { headers: { "if-none-match": '"r1"' } });
    const read = () => octokit.paginate(octokit.rest.checks.listForRef, { owner: "org", repo: "charter", ref: "a".repeat(40), per_page: 100 });
    expect(await read()).toEqual(runs.check_runs);
    expect(await read()).toEqual(runs.check_runs);
    mock.assertAllDone();
  });

  it("does not share cached responses between installations", async () => {
    const store = new EtagStore();
    const Octokit = createAppOctokit({ etag: store });
    const mock = mockGitHub();
    serveFile(mock, { owner: "org", repo: "charter", path: "STAKEHOLDERS.yml", content: "stakeholders: []\n", etag: '"s"', times: 2 });
    for (const installationId of [1, 2]) {
      const octokit = createTestOctokit(Octokit, { auth: { token: "t", installationId } });
      await readFileAtDefaultBranch(octokit, { owner: "org", repo: "charter", path: "STAKEHOLDERS.yml" }, "main");
    }
    mock.assertAllDone();
    expect(mock.requests.map((r) => r.headers["if-none-match"])).toEqual([undefined, undefined]);
  });
});

describe("per-installation throttle ids", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("the defaults give each installation client its own id and keep Probot's throttle handlers", () => {
    const defaults = appOctokitDefaults({ etag: false });
    const onRateLimit = () => true;
    const a = defaults({ auth: { installationId: 1 }, throttle: { onRateLimit } });
    const b = defaults({ auth: { installationId: 2 }, throttle: { onRateLimit } });
    const app = defaults({ auth: { appId: 1 }, throttle: { onRateLimit } });
    expect(a.throttle).toEqual({ onRateLimit, id: "installation-1" });
    expect(b.throttle).toEqual({ onRateLimit, id: "installation-2" });
    expect(app.throttle).toEqual({ onRateLimit });
    expect(defaults({ auth: { installationId: 3 }, throttle: { enabled: false } }).throttle).toEqual({ enabled: false });
  });

  it("webhook clients of two installations get different throttle ids in a real Probot", async () => {
    const seen = new Map<number, unknown>();
    // Records the options each client is built with (plugins see the final options).
    const Octokit = createAppOctokit({ etag: false }).plugin((_octokit, options: Record<string, unknown>) => {
      const auth = options.auth as { installationId?: number } | undefined;
      if (auth?.installationId !== undefined) seen.set(auth.installationId, (options.throttle as { id?: string } | undefined)?.id);
      return {};
    }) as typeof ProbotOctokit;
    const { receive } = await createTestProbot(
      (app) => {
        app.on("pull_request.opened", async () => {});
      },
      { Octokit, keepThrottle: true },
    );
    await receive("pull_request", pullRequestPayload("pull_request.opened", { installationId: 101 }));
    await receive("pull_request", pullRequestPayload("pull_request.opened", { installationId: 202 }));
    expect(seen.get(101)).toBe(throttleIdFor(101));
    expect(seen.get(202)).toBe(throttleIdFor(202));
  });

  it("a real Probot with the test helper authenticates as an installation through mocked GitHub", async () => {
    const mock = mockGitHub({ installations: [303] });
    mock.get("/repos/Codertocat/Hello-World", { body: { default_branch: "main" } });
    const branches: string[] = [];
    const { receive } = await createTestProbot((app) => {
      app.on("pull_request.opened", async (context) => {
        branches.push((await context.octokit.rest.repos.get(context.repo())).data.default_branch);
      });
    });
    await receive("pull_request", pullRequestPayload("pull_request.opened", { installationId: 303, owner: "Codertocat", repo: "Hello-World" }));
    mock.assertAllDone();
    expect(branches).toEqual(["main"]);
    expect(mock.sent("POST", "/app/installations/303/access_tokens")).toHaveLength(1);
    expect(silentLog.level).toBe("silent");
  });
});

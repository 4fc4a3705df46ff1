// The stand-in itself: it refuses what GitHub does not have, answers as GitHub does (pagination,
// conditional requests, installation tokens), injects the faults it is told to, and its
// TypeScript declarations match its JavaScript.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createStandin, FakeClock } from "./harness.js";
import { FaultPlan } from "./standin/faults.js";
import type { GitHubStandin } from "./standin/standin.js";

let standin: GitHubStandin | undefined;

async function start(options: Parameters<typeof createStandin>[1] = {}): Promise<{ s: GitHubStandin; token: string }> {
  standin = createStandin(new FakeClock("2026-11-20T10:00:00Z"), options);
  await standin.start();
  const repo = standin.addRepo({ owner: "o", name: "r", installation: 9, files: { "a.txt": "A" } });
  for (let i = 0; i < 5; i++) standin.openPull(repo, { author: "alice", title: `PR ${i}`, files: { [`f${i}`]: "x" } });
  standin.tokens.set("ghs_test", 9);
  return { s: standin, token: "ghs_test" };
}

afterEach(async () => {
  await standin?.stop();
  standin = undefined;
});

const get = (s: GitHubStandin, path: string, headers: Record<string, string> = {}) =>
  fetch(`${s.baseUrl}${path}`, { headers: { authorization: "token ghs_test", ...headers } });

describe("what GitHub does not have", () => {
  it.each([
    ["an endpoint GitHub does not have", "GET", "/repos/o/r/governance", undefined, /no such endpoint in GitHub's description/],
    ["an endpoint the stand-in does not serve", "GET", "/repos/o/r/releases", undefined, /does not serve GET \/repos\/o\/r\/releases/],
    ["a query parameter GitHub does not take", "GET", "/repos/o/r/pulls?colour=red", undefined, /no query parameter "colour"/],
    ["a body field GitHub does not take", "POST", "/repos/o/r/issues", { title: "t", colour: "red" }, /body\.colour: no such field/],
    ["a body field of the wrong type", "POST", "/repos/o/r/check-runs", { name: "n", head_sha: 5 }, /body\.head_sha: expected string/],
  ])("collects %s as a violation", async (_name, method, path, body, problem) => {
    const { s } = await start();
    await fetch(`${s.baseUrl}${path}`, {
      method,
      headers: { authorization: "token ghs_test", "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(s.violations.join("\n")).toMatch(problem);
  });

  it("checks its own answers too", async () => {
    const { s } = await start({
      validate: {
        request: () => [],
        response: (r) => (r.status === 200 && r.path.startsWith("/repos/o/r/pulls/1") ? ["response: flagged"] : []),
      },
    });
    await get(s, "/repos/o/r/pulls/1");
    expect(s.violations).toEqual(["response GET /repos/o/r/pulls/1 200: response: flagged"]);
  });

  it("finds nothing to say about a well-formed conversation", async () => {
    const { s } = await start();
    await get(s, "/repos/o/r/pulls?state=open&per_page=2");
    await get(s, "/repos/o/r/contents/a.txt?ref=main");
    expect(s.violations).toEqual([]);
  });
});

describe("answers as GitHub gives them", () => {
  it("pages lists with a Link header, per_page at most 100", async () => {
    const { s } = await start();
    const first = await get(s, "/repos/o/r/pulls?state=all&per_page=2");
    expect(((await first.json()) as unknown[]).length).toBe(2);
    const link = first.headers.get("link") ?? "";
    expect(link).toContain('rel="next"');
    expect(link).toContain(`<${s.baseUrl}/repos/o/r/pulls?state=all&per_page=2&page=3>; rel="last"`);
    const last = await get(s, "/repos/o/r/pulls?state=all&per_page=2&page=3");
    expect(((await last.json()) as unknown[]).length).toBe(1);
    expect(last.headers.get("link")).not.toContain('rel="next"');
  });

  it("answers 304 Not Modified to a GET whose ETag still holds, and 200 once it changed", async () => {
    const { s } = await start();
    const first = await get(s, "/repos/o/r/contents/a.txt?ref=main");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    expect((await get(s, "/repos/o/r/contents/a.txt?ref=main", { "if-none-match": etag })).status).toBe(304);
    s.commit(s.repo("o", "r"), "main", { "a.txt": "B" });
    expect((await get(s, "/repos/o/r/contents/a.txt?ref=main", { "if-none-match": etag })).status).toBe(200);
  });

  it("serves a repository only to the installation that has it", async () => {
    const { s } = await start();
    s.tokens.set("ghs_other", 10);
    expect((await fetch(`${s.baseUrl}/repos/o/r`, { headers: { authorization: "token ghs_other" } })).status).toBe(404);
    expect((await fetch(`${s.baseUrl}/repos/o/r`)).status).toBe(401);
    expect((await get(s, "/repos/o/r")).status).toBe(200);
  });
});

describe("faults", () => {
  it("fires a rule on the nth matching request only, counting every matching request", () => {
    const plan = new FaultPlan();
    plan.addRule({ method: "GET", path: /^\/x$/, nth: 2, kind: "500" });
    plan.addRule({ method: "GET", path: /^\/x$/, nth: 3, kind: "429" });
    const fates = [1, 2, 3, 4].map(() => plan.decide("GET", "/x", false)?.kind ?? null);
    expect(fates).toEqual([null, "500", "429", null]);
    expect(plan.counts.byKind).toEqual({ "500 before": 1, "429": 1 });
  });

  it("draws random faults from the seed and the request, not from the order of requests", () => {
    const paths = Array.from({ length: 400 }, (_, i) => `/p/${i % 40}`);
    const run = (order: string[]) => {
      const plan = new FaultPlan();
      plan.setRandom({ rate: 0.1, seed: 3 });
      const out = new Map<string, string>();
      const seen = new Map<string, number>();
      for (const p of order) {
        const n = (seen.get(p) ?? 0) + 1;
        seen.set(p, n);
        out.set(`${p}#${n}`, plan.decide("POST", p, true)?.kind ?? "-");
      }
      return { out, total: plan.counts.total };
    };
    const a = run(paths);
    const b = run([...paths].reverse());
    expect(b.out).toEqual(a.out);
    expect(a.total).toBeGreaterThan(20);
    expect(a.total).toBeLessThan(70);
  });

  it("applies a write and then loses its answer, or refuses it before", async () => {
    const { s } = await start();
    s.faults.addRule({ method: "POST", path: "/repos/o/r/issues", nth: 1, kind: "502", phase: "after" });
    s.faults.addRule({ method: "POST", path: "/repos/o/r/issues", nth: 2, kind: "500", phase: "before" });
    s.faults.addRule({ method: "POST", path: "/repos/o/r/issues", nth: 3, kind: "drop", phase: "after" });
    const post = () =>
      fetch(`${s.baseUrl}/repos/o/r/issues`, {
        method: "POST",
        headers: { authorization: "token ghs_test", "content-type": "application/json" },
        body: JSON.stringify({ title: "t" }),
      }).then(
        (r) => r.status,
        () => 0,
      );
    expect([await post(), await post(), await post(), await post()]).toEqual([502, 500, 0, 201]);
    expect(s.issues(s.repo("o", "r"))).toHaveLength(3);
    expect(s.requests.map((r) => r.applied)).toEqual([true, false, true, true]);
  });

  it("answers rate limits as GitHub does: 403 with the quota spent, 429 with a short retry-after", async () => {
    const { s } = await start();
    s.faults.addRule({ path: "/repos/o/r", nth: 1, kind: "403" });
    s.faults.addRule({ path: "/repos/o/r", nth: 2, kind: "429" });
    const limited = await get(s, "/repos/o/r");
    expect(limited.status).toBe(403);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset")) * 1000 - Date.now()).toBeLessThanOrEqual(2000);
    const secondary = await get(s, "/repos/o/r");
    expect(secondary.status).toBe(429);
    expect(secondary.headers.get("retry-after")).toBe("1");
    expect(((await secondary.json()) as { message: string }).message).toMatch(/secondary rate limit/);
  });
});

describe("its TypeScript declarations", () => {
  it("match the JavaScript they describe", () => {
    const out = mkdtempSync(join(tmpdir(), "standin-dts-"));
    const root = new URL("../../", import.meta.url).pathname;
    execFileSync(
      process.execPath,
      [
        join(root, "node_modules/typescript/bin/tsc"),
        ...["--allowJs", "--checkJs", "--declaration", "--emitDeclarationOnly", "--strict", "--skipLibCheck"],
        ...["--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--types", "node", "--outDir", out],
        "test/e2e/standin/standin.js",
        "test/e2e/standin/faults.js",
      ],
      { cwd: root },
    );
    for (const name of ["standin.d.ts", "faults.d.ts"]) {
      const committed = readFileSync(join(root, "test/e2e/standin", name), "utf8").split("\n").slice(4).join("\n");
      expect(committed, `${name}: regenerate it (see its header)`).toBe(readFileSync(join(out, name), "utf8"));
    }
  }, 60_000);
});

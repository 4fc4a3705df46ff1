// A small stand-in for GitHub's REST API (and the app's one GraphQL query of a PR) on a loopback
// port, for the load benchmark: one or more installations, each with one governed repository and
// its open PRs, answered after a fixed delay, with ETags and 304s as GitHub gives them (never to
// GraphQL, a POST). It counts every request by route and status. (The end-to-end tests have a
// fuller stand-in, validated against GitHub's OpenAPI description and GraphQL schema; this one
// only needs to be fast and predictable under load.)
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { PULL_REQUEST_QUERY } from "../lib/github/facts.js";
import { userId } from "../test/e2e/standin/standin.js";

const POLICY = `sectors:
  - { id: government, name: Government }
  - { id: business, name: Business }
  - { id: civil-society, name: Civil society }
decisions:
  - id: charter
    name: Charter amendment
    paths: ["CHARTER.md"]
    sign_off: { sectors: 3 }
transparency:
  report: off
`;
const REGISTRY = `stakeholders:
  - { login: author, id: 1101164627, sector: government, organisation: Ministry, declared: 2026-03-01, interests: none }
  - { login: bob, id: 306255, sector: government, organisation: Ministry, declared: 2026-03-01, interests: none }
  - { login: carol, id: 294835467, sector: business, organisation: Chamber, declared: 2026-03-01, interests: none }
  - { login: dan, id: 307755, sector: civil-society, organisation: NGO, declared: 2026-03-01, interests: none }
`;

const sha1 = (s) => createHash("sha1").update(s).digest("hex");

/**
 * @param {{ installations: number, pullsPerRepo: number, delayMs: number }} opts
 */
export async function startStandIn(opts) {
  const state = {
    /** `${owner}/${repo}` -> { checkRuns: Map<sha, run[]>, comments: [] } */
    repos: new Map(),
    nextId: 1,
    counts: new Map(),
    total: 0,
    counted: 0,
    writes: 0,
    /** Installation tokens made (with the app's JWT: not counted against the installation's limit). */
    tokens: 0,
  };
  for (let i = 1; i <= opts.installations; i++) state.repos.set(`org${i}/charter`, { checkRuns: new Map(), comments: [] });

  const count = (route, status) => {
    state.total++;
    if (status !== 304) state.counted++;
    if (route === "POST access_tokens") state.tokens++;
    const key = `${route} ${status}`;
    state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
  };
  const headOf = (n) => sha1(`head-${n}`).padEnd(40, "0");

  /** @returns {[number, unknown, string] | null} status, body, route name */
  function route(method, path, body, query) {
    let m;
    if (method === "POST" && path === "/graphql") return graphql(body);
    if (method === "POST" && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path))) {
      return [201, { token: `ghs_${m[1]}`, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: "all" }, "POST access_tokens"];
    }
    if (!(m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path))) return null;
    const full = `${m[1]}/${m[2]}`;
    const repo = state.repos.get(full);
    if (!repo) return [404, { message: "Not Found" }, "GET unknown repo"];
    const rest = m[3] ?? "";
    const owner = { login: m[1], id: 1, type: "Organization" };
    if (method === "GET" && rest === "") return [200, { id: 1, name: m[2], full_name: full, default_branch: "main", owner }, "GET repo"];
    if (method === "GET" && (rest === "/contents/.github%2Fgovernance.yml" || rest === "/contents/.github/governance.yml")) return [200, content(".github/governance.yml", POLICY), "GET policy"];
    if (method === "GET" && rest === "/contents/STAKEHOLDERS.yml") return [200, content("STAKEHOLDERS.yml", REGISTRY), "GET registry"];
    if (method === "GET" && (m = /^\/pulls\/(\d+)$/.exec(rest))) {
      const n = Number(m[1]);
      return [200, {
        number: n, title: `Amend article ${n}`, state: "open", draft: false, merged: false, user: { login: "author", id: userId("author"), type: "User" },
        created_at: "2026-11-01T10:00:00Z", closed_at: null, merge_commit_sha: null, head: { sha: headOf(n), ref: `pr-${n}` }, base: { ref: "main" },
        labels: [], changed_files: 1,
      }, "GET pull"];
    }
    if (method === "GET" && /^\/pulls\/\d+\/files$/.test(rest)) return [200, [{ sha: "f".repeat(40), filename: "CHARTER.md", status: "modified", additions: 1, deletions: 0, changes: 1 }], "GET files"];
    if (method === "GET" && /^\/pulls\/\d+\/reviews$/.test(rest)) {
      const n = Number(/\d+/.exec(rest)[0]);
      return [200, ["bob", "carol"].map((login, i) => ({ id: i + 1, user: { login, id: userId(login), type: "User" }, state: "APPROVED", commit_id: headOf(n), submitted_at: "2026-11-02T09:00:00Z", body: "" })), "GET reviews"];
    }
    if (method === "GET" && /^\/issues\/\d+\/comments$/.test(rest)) return [200, repo.comments.filter((c) => c.issue === Number(/\d+/.exec(rest)[0])).map((c) => c.body), "GET comments"];
    if (method === "POST" && /^\/issues\/\d+\/comments$/.test(rest)) {
      const t = new Date().toISOString();
      const c = { id: state.nextId++, body: body.body, user: { login: "governance[bot]", id: 2, type: "Bot" }, created_at: t, updated_at: t };
      repo.comments.push({ issue: Number(/\d+/.exec(rest)[0]), body: c });
      state.writes++;
      return [201, c, "POST comment"];
    }
    if (method === "GET" && (m = /^\/commits\/([0-9a-f]+)\/check-runs$/.exec(rest))) {
      const name = query.get("check_name");
      const appId = query.get("app_id");
      let runs = (repo.checkRuns.get(m[1]) ?? []).filter((r) => (!name || r.name === name) && (!appId || r.app.id === Number(appId)));
      if ((query.get("filter") ?? "latest") === "latest") {
        // The latest run of each name (and app), newest first, as GitHub lists them.
        const latest = new Map();
        for (const r of runs) {
          const key = `${r.app.id}\n${r.name}`;
          if (!latest.has(key) || latest.get(key).id < r.id) latest.set(key, r);
        }
        runs = [...latest.values()].sort((a, b) => b.id - a.id);
      }
      return [200, { total_count: runs.length, check_runs: runs }, "GET check-runs"];
    }
    if (method === "POST" && rest === "/check-runs") {
      const run = { id: state.nextId++, app: { id: Number(process.env.BENCH_APP_ID ?? 1) }, ...body, output: { ...body.output } };
      const list = repo.checkRuns.get(body.head_sha) ?? [];
      list.push(run);
      repo.checkRuns.set(body.head_sha, list);
      state.writes++;
      return [201, run, "POST check-run"];
    }
    if (method === "PATCH" && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      for (const list of repo.checkRuns.values()) {
        const run = list.find((r) => r.id === Number(m[1]));
        if (run) {
          Object.assign(run, body, { output: { ...body.output } });
          state.writes++;
          return [200, run, "PATCH check-run"];
        }
      }
      return [404, { message: "Not Found" }, "PATCH check-run"];
    }
    if (method === "POST" && /^\/issues\/comments\/\d+\/reactions$/.test(rest) && ++state.writes) return [201, { id: state.nextId++, content: body.content }, "POST reaction"];
    return null;
  }

  /**
   * The app's GraphQL query of a PR (src/github/facts.ts), answered as GitHub does: the PR of the
   * REST routes above, its one file, bob's and carol's approvals and the app's comments. An app's
   * account is named by its slug (no "[bot]"); ids are `fullDatabaseId` strings.
   * @returns {[number, unknown, string]}
   */
  function graphql(body) {
    if (body.query !== PULL_REQUEST_QUERY) return [200, { errors: [{ message: "the benchmark's stand-in answers only the app's query of a PR" }] }, "POST graphql (unknown query)"];
    const { owner, repo: name, number: n } = body.variables ?? {};
    const repo = state.repos.get(`${owner}/${name}`);
    if (!repo) return [200, { data: { repository: null }, errors: [{ type: "NOT_FOUND", path: ["repository"], message: `Could not resolve to a Repository with the name '${owner}/${name}'.` }] }, "POST graphql"];
    const page = (nodes) => ({ pageInfo: { hasNextPage: false }, nodes });
    const head = headOf(n);
    return [200, {
      data: {
        repository: {
          defaultBranchRef: { name: "main" },
          pullRequest: {
            number: n, title: `Amend article ${n}`, state: "OPEN", isDraft: false, merged: false, createdAt: "2026-11-01T10:00:00Z", closedAt: null,
            headRefOid: head, changedFiles: 1, mergeCommit: null, author: { __typename: "User", login: "author", databaseId: userId("author") },
            labels: page([]),
            files: page([{ path: "CHARTER.md", changeType: "MODIFIED" }]),
            reviews: page(["bob", "carol"].map((login, i) => ({ fullDatabaseId: String(i + 1), state: "APPROVED", submittedAt: "2026-11-02T09:00:00Z", author: { __typename: "User", login, databaseId: userId(login) }, commit: { oid: head } }))),
            comments: page(repo.comments.filter((c) => c.issue === n).map(({ body: c }) => ({
              fullDatabaseId: String(c.id), body: c.body, createdAt: c.created_at, updatedAt: c.updated_at, author: { __typename: "Bot", login: c.user.login.replace(/\[bot\]$/, ""), databaseId: c.user.id },
            }))),
            baseRefName: "main", timelineItems: page([]), forcePushes: { nodes: [] }, commits: { nodes: [] },
          },
        },
      },
    }, "POST graphql"];
  }

  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const url = new URL(req.url, "http://localhost");
      const body = raw ? JSON.parse(raw) : {};
      const answer = route(req.method, url.pathname.replace(/^\/api\/v3/, ""), body, url.searchParams) ?? [404, { message: "Not Found" }, `${req.method} ${url.pathname} (unknown)`];
      setTimeout(() => {
        const [status, payload, name] = answer;
        const json = JSON.stringify(payload);
        const etag = `"${sha1(json)}"`;
        if (req.method === "GET" && status === 200 && req.headers["if-none-match"] === etag) {
          count(name, 304);
          res.writeHead(304, { etag }).end();
          return;
        }
        count(name, status);
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", etag, "x-ratelimit-remaining": "4999", "x-github-request-id": `BENCH:${state.total}` }).end(json);
      }, opts.delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    headOf,
    resetCounts() {
      state.counts = new Map();
      state.total = 0;
      state.counted = 0;
      state.writes = 0;
      state.tokens = 0;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

function content(path, text) {
  return { type: "file", encoding: "base64", size: text.length, name: path.split("/").pop(), path, content: Buffer.from(text).toString("base64"), sha: sha1(text) };
}

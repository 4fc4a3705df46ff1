// `npm run bench`: figures, never assertions. Counts the GitHub requests of one sign-off
// evaluation (first time in a process, again with nothing changed, again after a new review),
// as GitHub counts them against the rate limit (any answer but 304), and prints them beside
// SPEC.md's performance contract. GitHub is a local stand-in answered by nock (no network);
// conditional requests are answered 304 when the ETag still matches, as GitHub does.
import { createHash } from "node:crypto";
import nock from "nock";
import { evaluatePullRequest } from "../lib/evaluate/evaluate-pr.js";
import { createAppOctokit } from "../lib/github/client.js";
import { DEFAULT_POLICY_PATH } from "../lib/constants.js";
import { userId } from "../test/e2e/standin/standin.js";

const API = "https://api.github.com";
const OWNER = "partnership";
const REPO = "charter";
const HEAD = "a".repeat(40);
const NOW = new Date("2026-11-28T12:00:00Z");

const policy = `sectors:
  - { id: government, name: Government }
  - { id: business, name: Business }
  - { id: civil-society, name: Civil society }
  - { id: international, name: International organisations }
decisions:
  - id: charter
    name: Charter amendment
    paths: ["CHARTER.md", "charter/**"]
    sign_off: { sectors: 3 }
`;
const people = ["bob:government", "carol:business", "alice:civil-society", "dan:international", "erin:government"];
const registry = `stakeholders:\n${people
  .map((p) => {
    const [login, sector] = p.split(":");
    return `  - { login: ${login}, id: ${userId(login)}, sector: ${sector}, organisation: Org, declared: 2026-03-01, interests: none }`;
  })
  .join("\n")}\n`;

/** The stand-in's state: what GitHub would answer now. */
const state = {
  // Two approvals among 99 reviews; the new approval of the third scenario makes 100.
  reviews: [review(1, "bob"), review(2, "carol"), ...Array.from({ length: 97 }, (_, i) => ({ ...review(10 + i, "someone"), state: "COMMENTED" }))],
  files: Array.from({ length: 100 }, (_, i) => ({ sha: "f".repeat(40), filename: i === 0 ? "CHARTER.md" : `docs/page-${i}.md`, status: "modified", additions: 1, deletions: 0, changes: 1 })),
  comments: Array.from({ length: 100 }, (_, i) => comment(i + 1)),
  checkRuns: [],
};

function review(id, login) {
  return { id, user: { login, id: userId(login), type: "User" }, state: "APPROVED", commit_id: HEAD, submitted_at: `2026-11-2${id % 8}T09:00:00Z`, body: "" };
}
function comment(id) {
  const t = "2026-11-21T10:00:00Z";
  return { id, user: { login: "someone", id: userId("someone"), type: "User" }, body: "Looks good", created_at: t, updated_at: t };
}

const counts = { all: 0, counted: 0, writes: 0, byRoute: new Map() };
function reset() {
  counts.all = 0;
  counts.counted = 0;
  counts.writes = 0;
  counts.byRoute = new Map();
}

/** Answers a GET with an ETag, or 304 when the client's still matches. */
function conditional(route, body) {
  return function (uri) {
    const json = JSON.stringify(body());
    const etag = `"${createHash("sha1").update(json).digest("hex")}"`;
    const status = this.req.headers["if-none-match"] === etag ? 304 : 200;
    tally(route, status);
    return status === 304 ? [304, "", { etag }] : [200, json, { etag, "content-type": "application/json" }];
  };
}
function tally(route, status, write = false) {
  counts.all++;
  if (status !== 304) counts.counted++;
  if (write) counts.writes++;
  const key = `${route} ${status}`;
  counts.byRoute.set(key, (counts.byRoute.get(key) ?? 0) + 1);
}
const b64 = (s) => Buffer.from(s).toString("base64");
const content = (path, text) => ({ type: "file", encoding: "base64", size: text.length, name: path, path, content: b64(text), sha: createHash("sha1").update(text).digest("hex") });

/** The answer GitHub's GraphQL API gives to the app's PULL_REQUEST_QUERY, from the state. */
function pullRequestData(number) {
  const user = (login) => ({ __typename: "User", login, databaseId: userId(login) });
  const page = (nodes) => ({ pageInfo: { hasNextPage: nodes.length > 100 }, nodes: nodes.slice(0, 100) });
  return {
    repository: {
      defaultBranchRef: { name: "main" },
      pullRequest: {
        number, title: "Amend article 4", state: "OPEN", isDraft: false, merged: false, createdAt: "2026-11-20T10:00:00Z",
        closedAt: null, headRefOid: HEAD, changedFiles: state.files.length, mergeCommit: null, author: user("erin"),
        labels: page([]),
        files: page(state.files.map((f) => ({ path: f.filename, changeType: "MODIFIED" }))),
        reviews: page(state.reviews.map((r) => ({ fullDatabaseId: String(r.id), state: r.state, submittedAt: r.submitted_at, author: user(r.user.login), commit: { oid: r.commit_id } }))),
        comments: page(state.comments.map((c) => ({ fullDatabaseId: String(c.id), body: c.body, createdAt: c.created_at, updatedAt: c.updated_at, author: user(c.user.login) }))),
        baseRefName: "main", timelineItems: page([]), forcePushes: { nodes: [] }, commits: { nodes: [] },
      },
    },
  };
}

function serve() {
  nock.disableNetConnect();
  const s = nock(API).persist();
  s.get(`/repos/${OWNER}/${REPO}/contents/.github%2Fgovernance.yml`).query(true).reply(conditional("GET policy", () => content(DEFAULT_POLICY_PATH, policy)));
  s.get(`/repos/${OWNER}/${REPO}/contents/.github/governance.yml`).query(true).reply(conditional("GET policy", () => content(DEFAULT_POLICY_PATH, policy)));
  s.get(`/repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml`).query(true).reply(conditional("GET registry", () => content("STAKEHOLDERS.yml", registry)));
  // GraphQL has no conditional requests: every query is counted (against the GraphQL limit).
  s.post("/graphql").reply((uri, body) => {
    tally("POST graphql (the PR, files, reviews, comments)", 200);
    return [200, { data: pullRequestData(body.variables.number) }];
  });
  // Read through REST only when a list has more than 100 items (none does here).
  s.get(`/repos/${OWNER}/${REPO}/pulls/12/files`).query(true).reply(conditional("GET files", () => state.files));
  s.get(`/repos/${OWNER}/${REPO}/pulls/12/reviews`).query(true).reply(conditional("GET reviews", () => state.reviews));
  s.get(`/repos/${OWNER}/${REPO}/issues/12/comments`).query(true).reply(conditional("GET comments", () => state.comments));
  s.get(new RegExp(`/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs.*`)).reply(function (uri) {
    const appId = Number(new URL(uri, API).searchParams.get("app_id"));
    const runs = state.checkRuns.filter((r) => r.app.id === appId && r.head_sha === HEAD);
    return conditional("GET check-runs (both checks)", () => ({ total_count: runs.length, check_runs: runs })).call(this, uri);
  });
  s.post(`/repos/${OWNER}/${REPO}/check-runs`).reply((uri, body) => {
    tally("POST check-run", 201, true);
    const run = { id: state.checkRuns.length + 1, ...body, head_sha: body.head_sha, app: { id: 1 }, output: { ...body.output } };
    state.checkRuns.push(run);
    return [201, run];
  });
  s.patch(/\/repos\/.*\/check-runs\/\d+/).reply((uri, body) => {
    tally("PATCH check-run", 200, true);
    const id = Number(uri.split("/").pop());
    const run = state.checkRuns.find((r) => r.id === id);
    Object.assign(run, body, { output: { ...body.output } });
    return [200, run];
  });
  s.get(/.*/).reply((uri) => {
    tally(`GET ${uri.split("?")[0]} (unexpected)`, 404);
    return [404, { message: "Not Found" }];
  });
}

async function evaluate(octokit, pull_number = 12) {
  reset();
  const t0 = performance.now();
  const outcome = await evaluatePullRequest(octokit, { owner: OWNER, repo: REPO, pull_number }, { appId: 1, now: () => NOW });
  const ms = performance.now() - t0;
  return { outcome, ms, counted: counts.counted, all: counts.all, writes: counts.writes, routes: [...counts.byRoute.entries()] };
}

serve();
const Octokit = createAppOctokit().defaults((o) => ({ ...o, retry: { enabled: false }, throttle: { ...o.throttle, enabled: false } }));
const octokit = new Octokit({ auth: { token: "ghs_bench", installationId: 1 }, log: { debug() {}, info() {}, warn() {}, error() {} } });

const first = await evaluate(octokit);
if (first.outcome.status === "error") console.error("first evaluation failed:", first.outcome.error);
const again = await evaluate(octokit);
// Another PR of the same repository, evaluated for the first time (its check runs are its own:
// the stand-in keeps one head for both, so they are set aside while it is evaluated).
const kept = state.checkRuns.splice(0);
const other = await evaluate(octokit, 13);
state.checkRuns.splice(0, state.checkRuns.length, ...kept);
state.reviews.push(review(3, "alice"));
const changed = await evaluate(octokit);
const settled = await evaluate(octokit);
const steady = await evaluate(octokit);

const row = (label, r) =>
  `${label.padEnd(44)} ${String(r.counted - r.writes).padStart(13)} ${String(r.all).padStart(9)} ${String(r.writes).padStart(7)} ${r.ms.toFixed(1).padStart(9)}  ${r.outcome.status === "evaluated" ? r.outcome.signoff.title : r.outcome.status}`;
console.log("One sign-off evaluation of a PR with 100 files, 99 reviews (100 after a new approval) and 100 comments\n(counted = not 304):\n");
console.log(`${"evaluation".padEnd(44)} ${"counted reads".padStart(13)} ${"requests".padStart(9)} ${"writes".padStart(7)} ${"ms".padStart(9)}  title`);
console.log(row("1. first time in this process", first));
console.log(row("2. again, after its own two writes", again));
console.log(row("   another PR of the repository, first time", other));
console.log(row("3. after a new approval", changed));
console.log(row("4. again, after its own write", settled));
console.log(row("5. again, nothing changed at all", steady));
console.log("\nRequests of the first evaluation:");
for (const [route, n] of first.routes) console.log(`  ${String(n).padStart(3)} × ${route}`);
console.log(`
SPEC.md's contract: at most 4 counted requests the first time a PR is evaluated in a running
process; none but the reads that changed when it is evaluated again; writes only when an
outcome or its text changed.

Measured (reads GitHub counts, then writes): first time ${first.counted - first.writes} + ${first.writes} writes;
another PR of the same repository, first time ${other.counted - other.writes} + ${other.writes};
again right after its own writes ${again.counted - again.writes} + ${again.writes}; after a new approval ${changed.counted - changed.writes} + ${changed.writes};
again after that ${settled.counted - settled.writes} + ${settled.writes}; with nothing changed at all ${steady.counted - steady.writes} + ${steady.writes}.

The minimum of this design: the policy and the registry (once per repository and process, then
304 for every PR), one GraphQL query for the PR with its first 100 files, reviews and comments
(and the default branch's name, for links), and one list of this app's check runs on the head
commit (to write nothing when they already say the same). GraphQL has no conditional requests,
so every evaluation after the first costs that one query (1 point of the separate GraphQL limit);
the check-run list is answered 304 unless the runs changed.
`);

// The second part: the cost of a transparency report as the PRs of its period grow.
nock.cleanAll();
await import("./report.js");

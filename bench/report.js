// `npm run bench`, second part: the cost of building one transparency report as the number of
// PRs in its period grows (100, 1,000, 10,000). Figures, never assertions. GitHub is a stand-in
// answered by nock from generated data (no network), in pages of 100 as GitHub pages them; every
// request is counted, beside the number of pages a report must read. At 10,000 PRs the process's
// memory is sampled while the report is built (rss and heapUsed, peak).
//
// The period's data: N PRs created in November 2026, one in ten a decision whose record is on the
// log (N/10 record comments), one in a hundred still open (and a decision), and the registry at
// both ends of the period. The report is built and rendered as `report --dry-run` does.
import nock from "nock";
import { buildRecord } from "../lib/core/record.js";
import { GENESIS } from "../lib/core/chain.js";
import { createAppOctokit } from "../lib/github/client.js";
import { loadPolicy } from "../lib/policy/load.js";
import { renderLogIssueBody, renderRecordComment } from "../lib/render/record.js";
import { renderReportParts } from "../lib/render/report.js";
import { buildPeriodReport, ReportSources } from "../lib/transparency/report.js";
import { userId } from "../test/e2e/standin/standin.js";

const API = "https://api.github.com";
const OWNER = "partnership";
const REPO = "charter";
const PERIOD = "2026-11";
const PAGE = 100;
const APP = { login: "partnership-governance[bot]", id: 7, type: "Bot" };

const policyText = `sectors:
  - { id: government, name: Government }
  - { id: business, name: Business }
  - { id: civil-society, name: Civil society }
decisions:
  - id: charter
    name: Charter amendment
    paths: ["CHARTER.md"]
    labels: ["decision:charter"]
    sign_off: { sectors: 2 }
`;
const logins = ["alice", "bob", "carol", "dan", "erin", "frank"];
const sectors = ["civil-society", "government", "business"];
const registryText = `stakeholders:\n${logins
  .map((l, i) => `  - { login: ${l}, id: ${userId(l)}, sector: ${sectors[i % 3]}, organisation: Org ${i}, declared: 2026-03-01, interests: none }`)
  .join("\n")}\n`;

const loaded = await loadPolicy(async (ref) => (ref.path === ".github/governance.yml" && ref.repo === REPO ? { text: policyText, file: ref.path } : null), {
  owner: OWNER,
  repo: REPO,
});
if (!loaded?.policy) throw new Error("bench/report.js: the bench policy does not load");
const policy = loaded.policy;

const START = Date.parse("2026-11-01T00:00:00Z");
const SPAN = Date.parse("2026-12-01T00:00:00Z") - START;
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The period's data for `n` PRs: the PR list (newest first), the record comments, the open ones. */
function world(n) {
  const pulls = [];
  for (let i = 0; i < n; i++) {
    // Created evenly over the month, newest first as `sort=created&direction=desc` lists them.
    const created = START + Math.floor(((n - i - 0.5) / n) * SPAN);
    const number = 1000 + n - i;
    const open = i % 100 === 0;
    pulls.push({
      number,
      title: `Pull request ${number}`,
      user: { login: logins[number % logins.length], id: userId(logins[number % logins.length]), type: "User" },
      state: open ? "open" : "closed",
      created_at: iso(created),
      updated_at: iso(created + 3_600_000),
      closed_at: open ? null : iso(Math.min(created + 3_600_000, START + SPAN - 1000)),
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
      labels: number % 10 === 0 || open ? [{ id: 1, name: "decision:charter" }] : [],
    });
  }
  // One PR of October, so that the listing meets the period's start and stops there.
  pulls.push({ ...pulls[pulls.length - 1], number: 999, created_at: "2026-10-31T12:00:00Z", title: "October" });

  const comments = [];
  let prev = GENESIS;
  let seq = 0;
  for (const p of [...pulls].reverse()) {
    if (p.number % 10 !== 0 || !p.closed_at || p.number === 999) continue;
    seq++;
    const record = buildRecord({
      repo: `${OWNER}/${REPO}`,
      seq,
      prev,
      facts: {
        number: p.number, title: p.title, author: { login: p.user.login, isBot: false }, draft: false, state: "closed", merged: true,
        createdAt: p.created_at, closedAt: p.closed_at, mergeCommitSha: "3f2a".padEnd(40, "0"), headSha: "a".repeat(40),
        labels: ["decision:charter"], files: [], reviews: [], comments: [],
      },
      signoff: {
        outcome: "success", title: { key: "x" }, isDecision: true, signedOff: true,
        kinds: [{ kind: policy.decisions[0], holds: true, tree: { condition: policy.decisions[0].rule, holds: true }, tally: { bySector: {} },
          approvals: { government: ["bob"], business: ["carol"] }, objections: [], notCounted: [], commentPeriodEnds: p.created_at, commentPeriodOver: true }],
      },
      authorSector: sectors[logins.indexOf(p.user.login) % 3],
    });
    prev = record.hash;
    comments.push({
      id: 10_000 + seq,
      body: renderRecordComment(record, { lang: "en" }),
      user: APP,
      html_url: `https://github.com/${OWNER}/${REPO}/issues/1#issuecomment-${10_000 + seq}`,
      created_at: p.closed_at,
      updated_at: p.closed_at,
    });
  }
  const open = pulls.filter((p) => p.state === "open");
  return { pulls, comments, open };
}

let requests = 0;
const byRoute = new Map();
function count(route) {
  requests++;
  byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
}

/** A page of `items` as GitHub answers `?page=`, with its Link header. */
function page(uri, items) {
  const url = new URL(uri, API);
  const n = Number(url.searchParams.get("page") ?? "1");
  const last = Math.max(1, Math.ceil(items.length / PAGE));
  const headers = { "content-type": "application/json" };
  if (n < last) {
    url.searchParams.set("page", String(n + 1));
    const next = url.toString();
    url.searchParams.set("page", String(last));
    headers.link = `<${next}>; rel="next", <${url.toString()}>; rel="last"`;
  }
  return [200, JSON.stringify(items.slice((n - 1) * PAGE, n * PAGE)), headers];
}

function serve(data) {
  nock.cleanAll();
  nock.disableNetConnect();
  const s = nock(API).persist();
  const logIssue = {
    id: 1, number: 1, title: `Transparency log: ${PERIOD}`, body: renderLogIssueBody(PERIOD, "en"), state: "open", user: APP,
    html_url: `https://github.com/${OWNER}/${REPO}/issues/1`, created_at: "2026-11-01T00:00:00Z", labels: [{ id: 1, name: "transparency" }],
  };
  s.get(`/repos/${OWNER}/${REPO}/issues`).query(true).reply((uri) => (count("GET issues"), page(uri, [logIssue])));
  s.get(`/repos/${OWNER}/${REPO}/issues/1/comments`).query(true).reply((uri) => (count("GET log comments"), page(uri, data.comments)));
  s.get(`/repos/${OWNER}/${REPO}/pulls`).query(true).reply((uri) => (count("GET pulls"), page(uri, data.pulls)));
  s.post("/graphql").reply((uri, body) => {
    count("POST graphql (open decisions)");
    const cursor = body.variables?.cursor ? Number(body.variables.cursor) : 0;
    const nodes = data.open.slice(cursor, cursor + 50).map((p) => ({
      number: p.number, title: p.title, createdAt: p.created_at, url: p.html_url, author: { login: p.user.login },
      labels: { nodes: p.labels.map((l) => ({ name: l.name })) }, files: { nodes: [{ path: "CHARTER.md" }] },
    }));
    const end = cursor + nodes.length;
    return [200, { data: { repository: { pullRequests: { pageInfo: { hasNextPage: end < data.open.length, endCursor: String(end) }, nodes } } } }];
  });
  s.get(`/repos/${OWNER}/${REPO}/commits`).query(true).reply(() => (count("GET registry commit"), [200, [{ sha: "b".repeat(40) }]]));
  s.get(`/repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml`).query(true).reply(() => {
    count("GET registry");
    return [200, { type: "file", encoding: "base64", size: registryText.length, name: "STAKEHOLDERS.yml", path: "STAKEHOLDERS.yml", content: Buffer.from(registryText).toString("base64"), sha: "c".repeat(40) }];
  });
  s.get(/.*/).reply((uri) => (count(`GET ${uri.split("?")[0]} (unexpected)`), [404, { message: "Not Found" }]));
}

const Octokit = createAppOctokit().defaults((o) => ({ ...o, retry: { enabled: false }, throttle: { ...o.throttle, enabled: false } }));

async function buildOnce(n, sampleMemory) {
  const data = world(n);
  serve(data);
  requests = 0;
  byRoute.clear();
  const octokit = new Octokit({ auth: { token: "ghs_bench", installationId: 1 }, log: { debug() {}, info() {}, warn() {}, error() {} } });
  const pages = {
    issues: 1,
    records: Math.ceil(data.comments.length / PAGE),
    pulls: Math.ceil(data.pulls.length / PAGE),
    open: Math.max(1, Math.ceil(data.open.length / 50)),
    registry: 4,
  };
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  const timer = sampleMemory ? setInterval(sample, 2) : undefined;
  sample();
  const t0 = performance.now();
  const ctx = { owner: OWNER, repo: REPO, policy };
  const sources = await ReportSources.load(octokit, ctx);
  const { model } = await buildPeriodReport(sources, ctx, PERIOD);
  const parts = renderReportParts(model, { lang: "en" });
  const ms = performance.now() - t0;
  sample();
  if (timer) clearInterval(timer);
  return { n, records: data.comments.length, ms, requests, pages, parts: parts.length, peak, routes: [...byRoute.entries()], chainOk: model.chain?.ok ?? null };
}

const MB = (b) => (b / 1024 / 1024).toFixed(0);
const results = [];
for (const n of [100, 1_000, 10_000]) results.push(await buildOnce(n, n === 10_000));
nock.cleanAll();
nock.enableNetConnect();

console.log(`\nOne transparency report (${PERIOD}) as the PRs of its period grow (pages of 100; open decisions 50 a GraphQL page):\n`);
console.log(`${"PRs".padStart(7)} ${"records".padStart(8)} ${"pages to read".padStart(14)} ${"requests".padStart(9)} ${"ms".padStart(8)} ${"parts".padStart(6)}`);
for (const r of results) {
  const pages = Object.values(r.pages).reduce((a, b) => a + b, 0);
  console.log(`${String(r.n).padStart(7)} ${String(r.records).padStart(8)} ${String(pages).padStart(14)} ${String(r.requests).padStart(9)} ${r.ms.toFixed(0).padStart(8)} ${String(r.parts).padStart(6)}`);
}
const big = results[results.length - 1];
console.log(`\nRequests at ${big.n} PRs, by route:`);
for (const [route, k] of big.routes) console.log(`  ${String(k).padStart(4)} × ${route}`);
console.log(`\nPeak memory while building the report of ${big.n} PRs: rss ${MB(big.peak.rss)} MB, heapUsed ${MB(big.peak.heap)} MB (target: under 200 MB).`);
console.log(`Requests grow with pages of results (pages of PRs, of records, of open decisions), never with reviews or per item.`);

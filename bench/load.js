// The load benchmark (issue 7): this app against a stock Probot app with default settings that
// writes one check run per event, both served by Probot's own HTTP server on loopback, talking to
// the stand-in GitHub of bench/standin.js, which answers every request after 50 ms. Prints
// figures and ratios; asserts nothing. Every loop is bounded in count and time.
//
//   node bench/load.js            the full run (several minutes)
//   BENCH_QUICK=1 node bench/load.js   shorter windows, for a smoke run
import { generateKeyPairSync, createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { createServer as createNetServer } from "node:net";
import { Probot, ProbotOctokit, Server } from "probot";
import { pino } from "pino";
import { createApp } from "../lib/app.js";
import { createAppOctokit } from "../lib/github/client.js";
import { startStandIn } from "./standin.js";

const QUICK = process.env.BENCH_QUICK === "1";
const WINDOW_S = QUICK ? 4 : 20;
const RATES = QUICK ? [10, 100] : [10, 20, 50, 100];
const DELAY_MS = 50;
const SECRET = "bench-webhook-secret";
const APP_ID = 1;
process.env.BENCH_APP_ID = String(APP_ID);
const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
const silent = pino({ level: "silent" });

/** The stock app: one check run per pull request event, nothing else (Probot's defaults). */
function stockApp(app) {
  app.on(["pull_request", "pull_request_review"], async (context) => {
    await context.octokit.rest.checks.create(context.repo({ name: "stock", head_sha: context.payload.pull_request.head.sha, status: "completed", conclusion: "success" }));
  });
}

/** A free loopback port (Probot's Server takes port 0 as "the default, 3000"). */
function freePort() {
  return new Promise((resolve) => {
    const srv = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startApp(kind, standIn) {
  let queue;
  const Octokit = kind === "ours" ? createAppOctokit() : ProbotOctokit;
  const server = new Server({
    host: "127.0.0.1",
    port: await freePort(),
    log: silent,
    Probot: Probot.defaults({ appId: APP_ID, privateKey: PRIVATE_KEY, secret: SECRET, baseUrl: standIn.url, log: silent, Octokit }),
  });
  if (kind === "ours") await server.load(createApp({ mode: "queue", schedule: "off", appId: APP_ID, appLogin: "partnership-governance[bot]", now: () => new Date("2026-11-28T12:00:00Z"), onReady: (_s, q) => (queue = q) }));
  else await server.load(stockApp);
  const http = await server.start();
  const { port } = http.address();
  return { url: `http://127.0.0.1:${port}/api/github/webhooks`, server, queue: () => queue };
}

function payload(n, installation, sha) {
  return {
    action: "synchronize",
    number: n,
    pull_request: { number: n, head: { sha }, user: { login: "author" } },
    repository: { name: "charter", full_name: `org${installation}/charter`, owner: { login: `org${installation}` }, default_branch: "main" },
    installation: { id: installation },
    sender: { login: "author" },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });
let deliveries = 0;

/** POSTs one signed webhook; resolves with its latency in ms and status (0 = no answer in time). */
function deliver(url, body, timeoutMs, event = "pull_request") {
  const json = JSON.stringify(body);
  const signature = `sha256=${createHmac("sha256", SECRET).update(json).digest("hex")}`;
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(url, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "x-github-event": event, "x-github-delivery": `d-${++deliveries}`, "x-hub-signature-256": signature },
    }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode }));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({ ms: timeoutMs, status: 0 });
    });
    req.on("error", () => resolve({ ms: performance.now() - t0, status: -1 }));
    req.end(json);
  });
}

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** Sends `rate` events per second for WINDOW_S seconds; latencies of the answers within the window (+10 s grace). */
async function sustain(kind, rate, installations) {
  const standIn = await startStandIn({ installations, pullsPerRepo: 20, delayMs: DELAY_MS });
  const app = await startApp(kind, standIn);
  const pending = [];
  const total = rate * WINDOW_S;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const inst = (i % installations) + 1;
    const n = (i % 20) + 1;
    pending.push(deliver(app.url, payload(n, inst, standIn.headOf(n)), 10_000));
  }
  const results = await Promise.all(pending);
  const lat = results.map((r) => r.ms).sort((a, b) => a - b);
  const accepted202 = results.filter((r) => r.status === 202).length;
  const lost = results.filter((r) => r.status <= 0 || r.status >= 400).length;
  const rss = process.memoryUsage().rss;
  await app.server.stop();
  await standIn.close();
  return { p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), accepted202, lost, total, rssMb: rss / 2 ** 20 };
}

async function converge() {
  const standIn = await startStandIn({ installations: 1, pullsPerRepo: 20, delayMs: DELAY_MS });
  const app = await startApp("ours", standIn);
  const t0 = performance.now();
  const sends = [];
  for (let i = 0; i < 200; i++) sends.push(deliver(app.url, payload((i % 20) + 1, 1, standIn.headOf((i % 20) + 1)), 10_000));
  await Promise.all(sends);
  const acked = performance.now() - t0;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  await app.queue().onIdle();
  clearInterval(timer);
  const done = performance.now() - t0;
  const writes = standIn.state.writes;
  await app.server.stop();
  await standIn.close();
  return { acked, done, writes, fewest: 20 * 2, peakMb: peak / 2 ** 20 };
}

async function perEventRequests() {
  const standIn = await startStandIn({ installations: 1, pullsPerRepo: 20, delayMs: 0 });
  const app = await startApp("ours", standIn);
  const rows = [];
  const step = async (label, event, body) => {
    standIn.resetCounts();
    await deliver(app.url, body, 10_000, event);
    await app.queue().onIdle();
    const { counted, writes, tokens, total } = standIn.state;
    rows.push([label, counted - writes - tokens, writes, tokens, total]);
  };
  const review = (n) => ({ ...payload(n, 1, standIn.headOf(n)), action: "submitted", review: { id: 1, state: "approved", user: { login: "bob" } } });
  const comment = (n, body) => ({
    action: "created",
    issue: { number: n, pull_request: { url: "x" } },
    comment: { id: 7, body, user: { login: "carol", type: "User" } },
    repository: payload(n, 1, "").repository,
    installation: { id: 1 },
  });
  const push = { ref: "refs/heads/main", commits: [{ added: [], modified: ["README.md"], removed: [] }], repository: { name: "charter", owner: { login: "org1", name: "org1" }, default_branch: "main" }, installation: { id: 1 } };
  await step("pull_request: the first PR, first in the process", "pull_request", payload(1, 1, standIn.headOf(1)));
  await step("pull_request: same PR, nothing changed", "pull_request", payload(1, 1, standIn.headOf(1)));
  await step("pull_request: another PR of the repository", "pull_request", payload(2, 1, standIn.headOf(2)));
  await step("pull_request_review: nothing changed", "pull_request_review", review(2));
  await step("issue_comment: not a command", "issue_comment", comment(2, "Looks good"));
  await step("issue_comment: /governance check", "issue_comment", comment(2, "/governance check"));
  await step("push: not the policy nor the registry", "push", push);
  await app.server.stop();
  await standIn.close();
  return rows;
}

async function memoryFlat() {
  const standIn = await startStandIn({ installations: 1, pullsPerRepo: 20, delayMs: DELAY_MS });
  const app = await startApp("ours", standIn);
  const samples = [];
  const batch = 500;
  const total = QUICK ? 2_000 : 10_000;
  for (let sent = 0; sent < total; sent += batch) {
    const sends = [];
    for (let i = 0; i < batch; i++) sends.push(deliver(app.url, payload(((sent + i) % 20) + 1, 1, standIn.headOf(((sent + i) % 20) + 1)), 10_000));
    await Promise.all(sends);
    // Heap after a full collection when node runs with --expose-gc (npm run bench does): what is
    // retained, not garbage waiting for the collector.
    globalThis.gc?.();
    samples.push([sent + batch, process.memoryUsage().rss / 2 ** 20, process.memoryUsage().heapUsed / 2 ** 20]);
  }
  await app.queue().onIdle();
  await app.server.stop();
  await standIn.close();
  return samples;
}

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : "–");
// BENCH_PARTS=latency,converge,requests,memory runs only those parts (default: all).
const parts = new Set((process.env.BENCH_PARTS ?? "latency,converge,requests,memory").split(","));
console.log(`Load benchmark: stand-in GitHub answering after ${DELAY_MS} ms; ${WINDOW_S} s windows; Node ${process.version}.\n`);
if (parts.has("converge")) {
const c = await converge();
console.log(`\nConvergence after a burst of 200 events over 20 PRs of one installation: all acknowledged in ${f(c.acked)} ms; every check final after ${f(c.done)} ms; ${c.writes} writes (fewest possible ${c.fewest}); peak RSS ${f(c.peakMb)} MB.`);
}
if (parts.has("requests")) {
console.log("\nGitHub requests per event, in order (counted = not 304; the stand-in answers at once here):");
for (const [label, reads, writes, tokens, total] of await perEventRequests()) {
  // An installation token is made with the app's JWT: not a read of the repository, nor counted against the installation's limit.
  console.log(`  ${label.padEnd(52)} ${reads} counted reads, ${writes} writes${tokens > 0 ? `, ${tokens} installation token` : ""} (${total} requests)`);
}
}
if (parts.has("memory")) {
console.log("\nMemory while events arrive (the pending set is bounded by PRs, not events):");
for (const [events, rss, heap] of await memoryFlat()) console.log(`  after ${String(events).padStart(6)} events: RSS ${f(rss)} MB, heap ${f(heap)} MB`);
}
// The latency runs last: the stock app's backlog (webhooks answered, work still queued behind its
// one-write-per-second limiter) lives on in this process after its window, as it would in a real one.
if (parts.has("latency")) {
console.log("\nWebhook response latency (ms), ours vs a stock Probot app writing one check run per event:");
console.log("rate/s  inst  ours p50   p95   p99   202s lost | stock p50    p95    p99  202s lost | p99 ratio");
for (const installations of [1, 10]) {
  for (const rate of RATES) {
    const ours = await sustain("ours", rate, installations);
    const stock = await sustain("stock", rate, installations);
    console.log(
      `${String(rate).padStart(6)} ${String(installations).padStart(5)} ${f(ours.p50).padStart(9)} ${f(ours.p95).padStart(5)} ${f(ours.p99).padStart(5)} ${String(ours.accepted202).padStart(6)} ${String(ours.lost).padStart(4)} | ${f(stock.p50).padStart(9)} ${f(stock.p95).padStart(6)} ${f(stock.p99).padStart(6)} ${String(stock.accepted202).padStart(5)} ${String(stock.lost).padStart(4)} | ${(stock.p99 / ours.p99).toFixed(1)}×`,
    );
  }
}
}
agent.destroy();
// The stock apps' backlogs would keep this process alive for as long as their limiter needs.
process.exit(0);

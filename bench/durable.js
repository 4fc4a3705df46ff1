// `npm run bench`, third part (issue 17): the sweep's cost with nothing to do, the durable queue's
// webhook latency and recovery from a SIGKILL, and memory per event. Figures and ratios against a
// baseline measured in the same run; asserts nothing. GitHub is the end-to-end tests' stand-in
// (test/e2e/standin/standin.js), in this process (in its own, bench/standin-process.js, for the
// latency figures); the app runs in its own processes (bench/app-process.js) for latency,
// recovery and memory. The durable figures need
// `redis-server` on PATH (Debian's package); without it they are skipped and say so.
//
//   node --expose-gc bench/durable.js          the full run
//   BENCH_QUICK=1 node --expose-gc bench/durable.js   fewer PRs and events, for a smoke run
import { execFileSync, fork } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { join } from "node:path";
import Bottleneck from "bottleneck";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import { Probot } from "probot";
import { createApp } from "../lib/app.js";
import { createAppOctokit } from "../lib/github/client.js";
import { listOpenPullRequests } from "../lib/github/facts.js";
import { GitHubStandin } from "../test/e2e/standin/standin.js";

const QUICK = process.env.BENCH_QUICK === "1";
/** BENCH_PARTS=sweep,latency,kill,memory runs only those parts (default: all). */
const PARTS = new Set((process.env.BENCH_PARTS ?? "sweep,latency,kill,memory").split(","));
const SIZES = QUICK ? [10, 100] : [10, 100, 1000];
const EVENTS = QUICK ? 5_000 : 50_000;
const RATE_S = QUICK ? 3 : 10;
const APP_ID = 4242;
const INSTALLATION = 31;
const OWNER = "partners";
const REPO = "charter";
const SECRET = "bench-durable-secret";
const NOW = new Date("2026-11-20T10:00:00Z");
const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
const silent = pino({ level: "silent" });
const root = new URL("../", import.meta.url);
const POLICY = readFileSync(new URL("test/fixtures/handlers/governance.yml", root), "utf8");
const REGISTRY = readFileSync(new URL("test/fixtures/handlers/STAKEHOLDERS.yml", root), "utf8");
const f = (n, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

/** A stand-in with one governed repository and `n` open PRs. */
async function world(n) {
  const standin = new GitHubStandin({ appId: APP_ID, now: () => NOW });
  await standin.start();
  const repo = standin.addRepo({ owner: OWNER, name: REPO, installation: INSTALLATION, files: { ".github/governance.yml": POLICY, "STAKEHOLDERS.yml": REGISTRY, "CHARTER.md": "# Charter\n" }, at: new Date(NOW.getTime() - 30 * 86_400_000) });
  for (let i = 0; i < n; i++) standin.openPull(repo, { author: "alice", title: `Amendment ${i}`, files: { "CHARTER.md": `# Charter ${i}\n` }, at: new Date(NOW.getTime() - 3_600_000) });
  return { standin, repo };
}

/** The app's client with writes spaced 2 ms apart (GitHub asks for a second) so that set-up takes seconds. */
const shortOctokit = () => {
  const write = new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 });
  const notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 });
  return createAppOctokit().defaults((o) => ({ ...o, throttle: { ...o.throttle, write, notifications } }));
};

const counted = (requests) => requests.filter((r) => r.status !== 304).length;

/** The sweep with nothing to do, beside evaluating every open PR (the sweep's work before). */
async function sweepCost(n) {
  const { standin } = await world(n);
  let services, queue, runSweep;
  const probot = new Probot({ appId: APP_ID, privateKey: PRIVATE_KEY, secret: SECRET, baseUrl: standin.baseUrl, Octokit: shortOctokit(), log: silent });
  await probot.load(createApp({ mode: "queue", schedule: "off", appId: APP_ID, appLogin: "partnership-governance[bot]", now: () => NOW, durable: false, onReady: (s, q, sw) => ((services = s), (queue = q), (runSweep = sw)) }));
  const sweepOnce = async () => {
    const from = standin.requests.length;
    await runSweep();
    await queue.onIdle();
    return standin.requests.slice(from);
  };
  await sweepOnce(); // every PR evaluated once, its checks written
  await sweepOnce(); // the caches warm, as in a running process
  const sweep = await sweepOnce();
  const listing = sweep.filter((r) => r.method === "POST" && String(r.body?.query ?? "").includes("OpenPullRequestChecks")).length;
  // Before: the same sweep, then every open PR listed (REST) and evaluated again.
  const octokit = await probot.auth(INSTALLATION);
  const from = standin.requests.length;
  for (const pr of await listOpenPullRequests(octokit, { owner: OWNER, repo: REPO })) await services.evaluate(octokit, INSTALLATION, { owner: OWNER, repo: REPO, pull_number: pr.number });
  await queue.onIdle();
  const everyPr = standin.requests.slice(from);
  await standin.stop();
  const before = { all: sweep.length - listing + everyPr.length, counted: counted(sweep) - listing + counted(everyPr) };
  return { n, all: sweep.length, counted: counted(sweep), listing, before };
}

// ---------------------------------------------------------------------------------------------
// The app in its own processes

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function startApp(standinUrl, redis) {
  const port = await freePort();
  const child = fork(new URL("app-process.js", import.meta.url).pathname, [], {
    execArgv: ["--expose-gc"],
    env: { ...process.env, APP_ID: String(APP_ID), PRIVATE_KEY, WEBHOOK_SECRET: SECRET, STANDIN_URL: standinUrl, PORT: String(port), NOW: NOW.toISOString(), REDIS_URL: redis?.url ?? "", QUEUE_NAME: redis?.name ?? "" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  await new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`app process exited (${code})`)));
    child.on("message", (m) => m?.ready && resolve());
  });
  const ask = (what) => new Promise((resolve) => child.once("message", (m) => resolve(m[what])) && child.send(what));
  return { url: `http://127.0.0.1:${port}/api/github/webhooks`, child, ask, stop: () => child.exitCode === null && child.signalCode === null && child.kill("SIGTERM") };
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function payload(n, sha) {
  return JSON.stringify({
    action: "synchronize",
    number: n,
    pull_request: { number: n, head: { sha }, user: { login: "alice" } },
    repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: "main" },
    installation: { id: INSTALLATION },
    sender: { login: "alice" },
  });
}
/** POSTs one signed webhook; resolves with its latency (ms) and status. */
function deliver(url, body) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { method: "POST", agent, headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": randomUUID(), "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}` } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: performance.now() - started, status: res.statusCode }));
    });
    req.on("error", () => resolve({ ms: performance.now() - started, status: 0 }));
    req.end(body);
  });
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** Webhook latency at 100 events a second for RATE_S seconds, over 50 PRs; the stand-in in a process of its own. */
async function latency(redis) {
  const gh = fork(new URL("standin-process.js", import.meta.url).pathname, [], { env: { ...process.env, APP_ID: String(APP_ID), NOW: NOW.toISOString(), PULLS: "50" }, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const { url: standinUrl, heads: shas } = await new Promise((resolve) => gh.once("message", resolve));
  const app = await startApp(standinUrl, redis);
  // A second of warm-up first (the app's first token, its handlers compiled), not measured.
  for (let i = 0; i < 100; i++) await deliver(app.url, payload(...shas[i % shas.length]));
  await app.ask("served"); // the warm-up's figures dropped
  const pending = [];
  const total = 100 * RATE_S;
  // The load generator's own delays: how late each send left against its schedule, and its event
  // loop (a late loop also delays reading answers, and so adds to the latency measured here).
  const slips = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + i * 10 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    slips.push(performance.now() - (t0 + i * 10));
    const [n, sha] = shas[i % shas.length];
    pending.push(deliver(app.url, payload(n, sha)));
  }
  const answers = await Promise.all(pending);
  loop.disable();
  const served = await app.ask("served");
  app.stop();
  gh.kill("SIGTERM");
  const ms = answers.map((a) => a.ms);
  return {
    p50: pct(ms, 50),
    p99: pct(ms, 99),
    // A backlog that grows over the window (the process given less CPU than the load needs) shows
    // as a last second far slower than the first.
    firstSecondP50: pct(ms.slice(0, 100), 50),
    lastSecondP50: pct(ms.slice(-100), 50),
    failed: answers.filter((a) => a.status !== 200).length,
    served: { p50: pct(served.ms, 50), p99: pct(served.ms, 99), count: served.ms.length, loopP99: served.loopP99, loopMax: served.loopMax, cpu: served.cpuShare },
    generator: { slipP99: pct(slips, 99), loopP99: loop.percentile(99) / 1e6 - 10 },
  };
}

/** A burst over `n` PRs without checks to two processes; one is SIGKILLed mid-burst and started again. */
async function killRecovery(redis, n) {
  const { standin, repo } = await world(n);
  const pulls = [...repo.items.values()];
  const apps = [await startApp(standin.baseUrl, redis), await startApp(standin.baseUrl, redis)];
  const final = () => pulls.every((p) => standin.latestCheck(repo, standin.headSha(repo, p), "Multi-sector sign-off") && standin.latestCheck(repo, standin.headSha(repo, p), "Stakeholder declaration"));
  for (const [i, p] of pulls.entries()) await deliver(apps[i % 2].url, payload(p.number, standin.headSha(repo, p)));
  // Every webhook answered; the first process dies with its share pending.
  const killedAt = performance.now();
  apps[0].child.kill("SIGKILL");
  await new Promise((r) => apps[0].child.once("exit", r));
  apps[0] = await startApp(standin.baseUrl, redis);
  const deadline = killedAt + 120_000;
  while (!final() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const done = final() ? performance.now() - killedAt : NaN;
  // Settled as far as it goes: what is still missing waits for the next sweep.
  await new Promise((r) => setTimeout(r, 500));
  const missing = pulls.filter((p) => !standin.latestCheck(repo, standin.headSha(repo, p), "Multi-sector sign-off")).length;
  for (const app of apps) app.stop();
  await standin.stop();
  return { ms: done, missing };
}

/** Heap bytes per event over EVENTS events (samples at every tenth), the app's own process. */
async function memory(held) {
  const { standin, repo } = await world(100);
  const app = await startApp(standin.baseUrl, undefined);
  const pulls = [...repo.items.values()];
  if (held) standin.faults.addRule({ method: "POST", path: "/graphql", kind: "slow", delayMs: 3_600_000, nth: 1 });
  const target = (sent) => (held ? pulls[0] : pulls[sent % pulls.length]);
  // Warm up first (the handlers compiled, the clients' caches filled), then sample.
  for (let sent = 0; sent < 2_000; sent += 200) await Promise.all(Array.from({ length: 200 }, (_, i) => deliver(app.url, payload(target(sent + i).number, standin.headSha(repo, target(sent + i))))));
  const samples = [[0, await app.ask("heap")]];
  const step = EVENTS / 10;
  for (let sent = 0; sent < EVENTS; ) {
    const batch = [];
    for (let i = 0; i < 200 && sent < EVENTS; i++, sent++) {
      const p = target(sent);
      batch.push(deliver(app.url, payload(p.number, standin.headSha(repo, p))));
    }
    await Promise.all(batch);
    if (sent % step === 0) samples.push([sent, await app.ask("heap")]);
  }
  const pending = await app.ask("pending");
  app.stop();
  await standin.stop();
  // Least-squares slope of heap over events, in bytes per event.
  const mx = samples.reduce((a, [x]) => a + x, 0) / samples.length;
  const my = samples.reduce((a, [, y]) => a + y, 0) / samples.length;
  const slope = samples.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / samples.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return { slope, first: samples[0][1], last: samples.at(-1)[1], pending };
}

// ---------------------------------------------------------------------------------------------

console.log(`Durable queue and sweep benchmark (issue 17); Node ${process.version}${QUICK ? "; QUICK" : ""}.\n`);
console.log("The sweep with nothing to do (every check current), one repository, counted = not 304:");
console.log("open PRs   this sweep: requests (counted, of which listing)   before: evaluating every PR (counted)   counted ratio   counted per 100 PRs");
for (const n of PARTS.has("sweep") ? SIZES : []) {
  const r = await sweepCost(n);
  console.log(`${String(n).padStart(8)}   ${f(r.all).padStart(8)} (${f(r.counted)}, ${r.listing})${" ".repeat(28)}${f(r.before.all).padStart(8)} (${f(r.before.counted)})${" ".repeat(20)}${f(r.counted / r.before.counted, 3).padStart(8)}   ${f((100 * r.counted) / n, 1).padStart(8)}`);
}

let redisDir;
let redisUrl;
try {
  execFileSync("redis-server", ["--version"], { stdio: "ignore" });
  redisDir = mkdtempSync(join(tmpdir(), "bench-redis-"));
  const port = await freePort();
  execFileSync("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--dir", redisDir, "--pidfile", join(redisDir, "pid"), "--save", "", "--appendonly", "yes", "--daemonize", "yes", "--logfile", join(redisDir, "log")]);
  redisUrl = `redis://127.0.0.1:${port}`;
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 50 });
  await probe.connect();
  await probe.ping();
  probe.disconnect();
} catch {
  redisUrl = undefined;
}

const redis = () => ({ url: redisUrl, name: `bench-${randomUUID()}` });
if (redisUrl && PARTS.has("latency")) {
  console.log(`\nWebhook latency at 100 events/s for ${RATE_S} s (ms), 50 PRs of one installation:`);
  const mem = await latency(undefined);
  const dur = await latency(redis());
  const line = (r) =>
    `p50 ${f(r.p50, 1)}, p99 ${f(r.p99, 1)}, not 200: ${r.failed}, p50 of the first second ${f(r.firstSecondP50, 1)} and of the last ${f(r.lastSecondP50, 1)}; inside the app: p50 ${f(r.served.p50, 1)}, p99 ${f(r.served.p99, 1)} (${r.served.count} answered), ${f(100 * r.served.cpu)}% of a core, its event loop late p99 ${f(r.served.loopP99, 1)}, max ${f(r.served.loopMax, 1)}; load generator: sends late p99 ${f(r.generator.slipP99, 1)}, its event loop late p99 ${f(r.generator.loopP99, 1)}`;
  console.log(`  in-memory queue: ${line(mem)}`);
  console.log(`  durable (Redis): ${line(dur)}   p99 ratio ${f(dur.p99 / mem.p99, 2)}`);
}
if (redisUrl && PARTS.has("kill")) {
  console.log("\nA burst of 40 PRs to two processes, one SIGKILLed once every webhook was answered, then started again:");
  const memKill = await killRecovery(undefined, 40);
  const durKill = await killRecovery(redis(), 40);
  console.log(`  in-memory queue: ${Number.isNaN(memKill.ms) ? "never final" : `every check final ${f(memKill.ms)} ms after the kill`}; ${memKill.missing} PRs left without checks until the next sweep`);
  console.log(`  durable (Redis): ${Number.isNaN(durKill.ms) ? "never final" : `every check final ${f(durKill.ms)} ms after the kill`} (jobs of the dead process taken over once their 5 s lock lapsed); ${durKill.missing} PRs without checks`);
}
if (redisUrl) {
  execFileSync("kill", [readFileSync(join(redisDir, "pid"), "utf8").trim()]);
  await new Promise((r) => setTimeout(r, 500));
  rmSync(redisDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
} else {
  console.log("\nNo redis-server on PATH: the durable queue's latency and recovery are not measured (apt-get install redis-server).");
}

if (PARTS.has("memory")) {
console.log(`\nHeap of the app's own process over ${f(EVENTS)} webhooks after 2,000 to warm up (bytes per event: least-squares slope over 11 samples after a full GC):`);
const keepUp = await memory(false);
const heldUp = await memory(true);
console.log(`  evaluations keeping up (100 PRs):  ${f(keepUp.slope, 2)} B/event (heap ${f(keepUp.first / 1e6, 1)} -> ${f(keepUp.last / 1e6, 1)} MB; ${keepUp.pending} keys pending at the end)`);
console.log(`  one PR's evaluation held up:        ${f(heldUp.slope, 2)} B/event (heap ${f(heldUp.first / 1e6, 1)} -> ${f(heldUp.last / 1e6, 1)} MB; ${heldUp.pending} keys pending at the end)`);
console.log("  (issue 17 measured 230 to 390 B/event held up before this change, by the same method.)");
}
process.exit(0);

// One app process for bench/durable.js: the app on Probot's own server against the stand-in at
// STANDIN_URL, with the durable queue when REDIS_URL is set, else the in-memory queue. Answers
// "heap" on its IPC channel with its heap after a full collection (run with --expose-gc), and
// "pending" with the number of keys its in-memory queue holds, "served" with how long each
// webhook took inside this process (request received to response finished, through Node's
// http diagnostics channels) and this process's event-loop delay (beyond its 10 ms timer) since
// "served" was last asked, and the share of one core it used meanwhile.
import { subscribe } from "node:diagnostics_channel";
import { monitorEventLoopDelay } from "node:perf_hooks";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { Probot, Server } from "probot";
import { createApp } from "../lib/app.js";
import { createAppOctokit } from "../lib/github/client.js";

const env = process.env;
const log = pino({ level: "silent" });
let queue;
const appFn = createApp({
  appLogin: "partnership-governance[bot]",
  mode: "queue",
  schedule: "off",
  appId: Number(env.APP_ID),
  now: () => new Date(env.NOW),
  durable: env.REDIS_URL ? { url: env.REDIS_URL, name: env.QUEUE_NAME, lockMs: 5000, stalledIntervalMs: 1000, ...(env.DURABLE_CONCURRENCY ? { concurrency: Number(env.DURABLE_CONCURRENCY) } : {}) } : false,
  onReady: (_services, q) => (queue = q),
});
// GitHub asks for a second between writes of one installation; the benchmark keeps the limiter
// with short spacing so that a burst settles in seconds (as the end-to-end tests do).
// (One pair of limiter groups for the process: a group made per client would keep a timer each.)
const write = new Bottleneck.Group({ maxConcurrent: 1, minTime: Number(env.WRITE_MS ?? 2) });
const notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 });
const Octokit = createAppOctokit().defaults((o) => ({ ...o, throttle: { ...o.throttle, write, notifications } }));
const server = new Server({
  Probot: Probot.defaults({ appId: Number(env.APP_ID), privateKey: env.PRIVATE_KEY, secret: env.WEBHOOK_SECRET, baseUrl: env.STANDIN_URL, Octokit, log }),
  host: "127.0.0.1",
  port: Number(env.PORT),
  log,
  enableStaticFiles: false,
});
await server.load(appFn);
await server.start();
const received = new WeakMap();
let served = [];
subscribe("http.server.request.start", ({ request }) => received.set(request, performance.now()));
subscribe("http.server.response.finish", ({ request }) => {
  const at = received.get(request);
  if (at !== undefined) served.push(performance.now() - at);
});
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let cpuFrom = process.cpuUsage();
let wallFrom = performance.now();
process.on("message", (message) => {
  if (message === "heap") {
    globalThis.gc?.();
    process.send?.({ heap: process.memoryUsage().heapUsed });
  } else if (message === "pending") process.send?.({ pending: queue?.size ?? 0 });
  else if (message === "served") {
    const cpu = process.cpuUsage(cpuFrom);
    const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallFrom);
    process.send?.({ served: { ms: served, loopP99: loop.percentile(99) / 1e6 - 10, loopMax: loop.max / 1e6 - 10, cpuShare } });
    served = [];
    loop.reset();
    cpuFrom = process.cpuUsage();
    wallFrom = performance.now();
  }
});
process.send?.({ ready: true });

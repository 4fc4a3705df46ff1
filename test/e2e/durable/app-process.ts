// One app process of the durable queue's end-to-end test (test/e2e/durable.test.ts), bundled and
// run as a child process so that it can be killed: the real app on Probot's own server, with the
// durable queue on the Redis of REDIS_URL, against the stand-in at STANDIN_URL, the sweep on the
// cron of SCHEDULE (default: none). Each job's start and end (the sweep's too) go to WORK_LOG (one
// JSON line each), for the test to see whether any overlapped.
import { appendFileSync } from "node:fs";
import { pino } from "pino";
import { Probot, Server } from "probot";
import { createApp } from "../../../src/app.js";
import { APP_ID, testOctokit, WEBHOOK_SECRET } from "../harness.js";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const now = new Date(env("NOW"));
const log = pino({ level: process.env.E2E_LOG ?? "silent" });
const workLog = env("WORK_LOG");
const appFn = createApp({
  appLogin: "partnership-governance[bot]",
  mode: "queue",
  schedule: process.env.SCHEDULE ?? "off",
  appId: APP_ID,
  now: () => new Date(now),
  durable: {
    url: env("REDIS_URL"),
    name: env("QUEUE_NAME"),
    lockMs: Number(process.env.LOCK_MS ?? 5000),
    stalledIntervalMs: 1000,
    onWork: (phase, data, job) => appendFileSync(workLog, `${JSON.stringify({ pid: process.pid, phase, installation: data.installationId, key: data.key, job, t: Date.now() })}\n`),
  },
});
const server = new Server({
  Probot: Probot.defaults({ appId: APP_ID, privateKey: env("PRIVATE_KEY"), secret: WEBHOOK_SECRET, baseUrl: env("STANDIN_URL"), Octokit: testOctokit(), log }),
  host: "127.0.0.1",
  port: Number(env("PORT")),
  log,
  enableStaticFiles: false,
});
await server.load(appFn);
await server.start();
process.stdout.write("ready\n");

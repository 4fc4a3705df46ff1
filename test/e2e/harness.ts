// The end-to-end harness: the real app, served by Probot's own HTTP server on a loopback port,
// in its real queue mode, with the app's own GitHub client (retries on, Probot's throttling with
// short waits) pointed at the GitHub stand-in (Probot's `baseUrl`, as for GitHub Enterprise).
// Webhooks are POSTed over HTTP, signed with the webhook secret, with real payload shapes.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer as createNetServer } from "node:net";
import { sign } from "@octokit/webhooks-methods";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { Probot, Server } from "probot";
import { createApp, type AppOptions } from "../../src/app.js";
import type { CourtesyWrites } from "../../src/evaluate/courtesy.js";
import type { EvaluationQueue } from "../../src/evaluate/queue.js";
import { createAppOctokit } from "../../src/github/client.js";
import { validateRequest, validateResponse } from "../helpers/openapi.js";
import { GitHubStandin, type StandinOptions } from "./standin/standin.js";

export const APP_ID = 4242;
export const WEBHOOK_SECRET = "e2e-webhook-secret-of-the-partnership";
export const WEBHOOK_PATH = "/api/github/webhooks";

/** A throwaway RSA key for the app's JWTs, made once per test file. */
export const PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

/** The app's clock and the stand-in's: a date the test moves, never the real one. */
export class FakeClock {
  #now: Date;
  constructor(start: Date | string) {
    this.#now = new Date(start);
  }
  readonly now = (): Date => new Date(this.#now);
  set(at: Date | string): void {
    this.#now = new Date(at);
  }
  advance(ms: number): Date {
    this.#now = new Date(this.#now.getTime() + ms);
    return this.now();
  }
  /** The clock `ms` later than now, without moving it. */
  plus(ms: number): Date {
    return new Date(this.#now.getTime() + ms);
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A stand-in that checks every request and answer against GitHub's OpenAPI description. */
export function createStandin(clock: FakeClock, options: StandinOptions = {}): GitHubStandin {
  return new GitHubStandin({
    appId: APP_ID,
    now: clock.now,
    validate: { request: (r) => validateRequest(r), response: (r) => validateResponse(r) },
    ...options,
  });
}

const log = pino({ level: process.env.E2E_LOG ?? "silent" });

/**
 * The app's Octokit class as src/server.ts builds it, with the waits shortened. GitHub asks for a
 * second between mutating requests and three between those that notify; the app keeps Probot's
 * limiter for that. The tests keep the limiter (one per app process, as two processes would have)
 * with short spacing, and a retry-after of one second becomes 50 ms, so that a run of hundreds
 * of events takes seconds. Bottleneck is plugin-throttling's own limiter: its groups are the only
 * way to change the spacing.
 */
export function testOctokit(): ReturnType<typeof createAppOctokit> {
  const shortWrites = new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 });
  const shortNotifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: 2 });
  return createAppOctokit().defaults((o: Record<string, unknown>) => ({
    ...o,
    retry: { retryAfterBaseValue: 10 },
    throttle: {
      ...(o.throttle as object | undefined),
      retryAfterBaseValue: 50,
      fallbackSecondaryRateRetryAfter: 1,
      write: shortWrites,
      notifications: shortNotifications,
    },
  })) as ReturnType<typeof createAppOctokit>;
}

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

export interface WebhookAnswer {
  status: number;
  body: string;
}

export interface SendOptions {
  /** The X-Hub-Signature-256 header: computed with the secret by default; null leaves it out. */
  signature?: string | null;
  /** The X-GitHub-Delivery id (a redelivery keeps the same). */
  delivery?: string;
  /** The raw body, when it must differ from JSON.stringify(payload). */
  raw?: string;
}

export interface AppHarness {
  url: string;
  queue: EvaluationQueue;
  /** POSTs a webhook as GitHub does. */
  send(event: string, payload: unknown, options?: SendOptions): Promise<WebhookAnswer>;
  /** Resolves when the app's queue is idle. */
  settle(): Promise<void>;
  /** One pass of the app's scheduler sweep (its evaluations are queued: settle after). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  standin: GitHubStandin;
  clock: FakeClock;
  /** Passed to createApp (the recordClosed / publishReports seams, for instance). */
  app?: Partial<AppOptions>;
}

/** POSTs a webhook to the app at `url` as GitHub does. */
export async function sendWebhook(url: string, event: string, payload: unknown, opts: SendOptions = {}): Promise<WebhookAnswer> {
  const body = opts.raw ?? JSON.stringify(payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": opts.delivery ?? randomUUID(),
    "user-agent": "GitHub-Hookshot/e2e",
  };
  const signature = opts.signature === undefined ? await sign(WEBHOOK_SECRET, body) : opts.signature;
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  const res = await fetch(`${url}${WEBHOOK_PATH}`, { method: "POST", headers, body });
  return { status: res.status, body: await res.text() };
}

/** Starts the app as `npm start` does, against the stand-in. */
export async function startApp(options: HarnessOptions): Promise<AppHarness> {
  let queue: EvaluationQueue | undefined;
  let runSweep: (() => Promise<void>) | undefined;
  let courtesy: CourtesyWrites | undefined;
  const appFn = createApp({
    // The stand-in's app writes as "<slug>[bot]" (its default slug).
    appLogin: "partnership-governance[bot]",
    mode: "queue",
    schedule: "off",
    appId: APP_ID,
    now: options.clock.now,
    ...options.app,
    onReady: (_services, q, sweep, _durable, c) => {
      courtesy = c;
      queue = q;
      runSweep = sweep;
    },
  });
  const port = await freePort();
  const server = new Server({
    Probot: Probot.defaults({
      appId: APP_ID,
      privateKey: PRIVATE_KEY,
      secret: WEBHOOK_SECRET,
      baseUrl: options.standin.baseUrl,
      Octokit: testOctokit(),
      log,
    }),
    host: "127.0.0.1",
    port,
    log,
    enableStaticFiles: false,
  });
  await server.load(appFn);
  await server.start();
  if (!queue || !runSweep) throw new Error("the app did not hand over its queue and sweep");
  const q = queue;
  const sweep = runSweep;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    queue: q,
    send: (event, payload, opts = {}) => sendWebhook(url, event, payload, opts),
    // The checks, then the courtesy writes that wait for them (which queue nothing more).
    settle: async () => {
      await q.onIdle();
      await courtesy?.onIdle();
    },
    sweep: () => sweep(),
    stop: () => server.stop(),
  };
}

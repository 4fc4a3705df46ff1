// A real Probot for handler tests: app authentication with a key generated once per test file,
// retries and throttling really off, a silent logger, and no network (nock only).
import { generateKeyPairSync, randomUUID } from "node:crypto";
import nock from "nock";
import { pino } from "pino";
import { Probot, ProbotOctokit, type ApplicationFunction } from "probot";
import type { EmitterWebhookEvent } from "@octokit/webhooks";

/** A throwaway RSA key, generated at load: no key file in the repository. */
export const TEST_PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

export const TEST_APP_ID = 1;

export const silentLog = pino({ level: "silent" });

type OctokitClass = typeof ProbotOctokit;

/**
 * Retry and throttling off. The FUNCTION form of `defaults` is needed: with the object form,
 * Probot's own defaults override `throttle` again (probot/probot#2039).
 */
export function withoutRetryAndThrottle(Base: OctokitClass = ProbotOctokit): OctokitClass {
  return Base.defaults((o: Record<string, unknown>) => ({
    ...o,
    retry: { enabled: false },
    throttle: { ...(o.throttle as object | undefined), enabled: false },
  })) as OctokitClass;
}

export interface TestProbotOptions {
  /** The Octokit class to start from (e.g. the app's own); retry and throttling are turned off on it. */
  Octokit?: OctokitClass;
  /** Leave throttling as the given class has it (only for tests of the throttle options). */
  keepThrottle?: boolean;
  baseUrl?: string;
}

export interface TestProbot {
  probot: Probot;
  /** Delivers a webhook as GitHub would, and waits for every handler. */
  receive(name: string, payload: unknown): Promise<void>;
}

/** Sets up nock for a test file: no real network; call in `beforeEach`. */
export function setupNock(): void {
  nock.disableNetConnect();
  nock.cleanAll();
}

export function teardownNock(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}

export async function createTestProbot(app?: ApplicationFunction, opts: TestProbotOptions = {}): Promise<TestProbot> {
  nock.disableNetConnect();
  const Octokit = opts.keepThrottle ? (opts.Octokit ?? ProbotOctokit) : withoutRetryAndThrottle(opts.Octokit);
  const probot = new Probot({
    appId: TEST_APP_ID,
    privateKey: TEST_PRIVATE_KEY,
    log: silentLog,
    Octokit,
    ...(opts.baseUrl === undefined ? {} : { baseUrl: opts.baseUrl }),
  });
  if (app) await probot.load(app);
  return {
    probot,
    receive: (name, payload) =>
      probot.receive({ id: randomUUID(), name, payload } as unknown as EmitterWebhookEvent),
  };
}

/** An installation-token client (no app auth round trip) for tests of the src/github functions. */
export function createTestOctokit(Base: OctokitClass = ProbotOctokit, extra: Record<string, unknown> = {}): InstanceType<OctokitClass> {
  const Octokit = withoutRetryAndThrottle(Base);
  return new Octokit({ auth: { token: "ghs_test" }, log: silentLog, ...extra });
}

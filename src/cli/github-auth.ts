// A GitHub client for the command line: a token (`GITHUB_TOKEN`), or the app's own credentials
// (`APP_ID` and `PRIVATE_KEY` or `PRIVATE_KEY_PATH`, then the repository's installation), against
// `GITHUB_API_URL` (GitHub Enterprise) or api.github.com. Probot builds it, so it has the app's
// rate-limit handling; unlike the server, a person is waiting, so every request has a time limit
// (GITHUB_REQUEST_TIMEOUT seconds, default 30), an error of GitHub is tried again twice at most,
// and a GitHub that cannot be reached at all (no network, a wrong address) is not tried again:
// the command stops at once and says so.
import { getPrivateKey } from "@probot/get-private-key";
import { Probot, ProbotOctokit } from "probot";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { t } from "../render/i18n.js";

export const DEFAULT_API_URL = "https://api.github.com";
/** Attempts after the first for an answer of GitHub that may be passing (5xx). */
export const CLI_RETRIES = 2;
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

export class CredentialsError extends Error {
  constructor() {
    super(t("en", "report.cli.noCredentials"));
    this.name = "CredentialsError";
  }
}

/**
 * GitHub could not be reached, or did not answer in time. Named "AbortError" on purpose: that is
 * the one error @octokit/request passes through as it is, and the retry plugin only tries its own
 * request errors again, so nobody waits for retries of a request that cannot succeed.
 */
export class GitHubUnreachableError extends Error {
  override name = "AbortError";
  constructor(
    readonly origin: string,
    readonly reason: string,
    readonly timedOut: boolean,
    readonly seconds: number,
  ) {
    super(timedOut ? `${origin}: no answer within ${seconds} s` : `${origin}: ${reason}`);
  }
}

/** Errors of the connection itself: nothing was sent, trying again at once will not help. */
const CONNECTION_ERRORS = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

export function requestTimeoutSeconds(env: Record<string, string | undefined>): number {
  const n = Number(env.GITHUB_REQUEST_TIMEOUT);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_REQUEST_TIMEOUT_SECONDS;
}

/** Node's fetch with a time limit per request, and unreachable servers told apart. */
export function cliFetch(seconds: number): typeof fetch {
  return async (input, init) => {
    const limit = AbortSignal.timeout(seconds * 1000);
    const signal = init?.signal ? AbortSignal.any([init.signal, limit]) : limit;
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (limit.aborted) throw new GitHubUnreachableError(url.origin, "timeout", true, seconds);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code && CONNECTION_ERRORS.has(cause.code)) throw new GitHubUnreachableError(url.origin, cause.message ?? cause.code, false, seconds);
      throw error;
    }
  };
}

/** The options every command-line Probot takes: the address, quiet logs, bounded waits. */
export function cliProbotOptions(env: Record<string, string | undefined>, Octokit: typeof ProbotOctokit = ProbotOctokit) {
  return {
    baseUrl: (env.GITHUB_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    logLevel: "fatal" as const,
    request: { fetch: cliFetch(requestTimeoutSeconds(env)) },
    Octokit: Octokit.defaults({ retry: { retries: CLI_RETRIES } }) as typeof ProbotOctokit,
  };
}

/** The app's private key from PRIVATE_KEY or PRIVATE_KEY_PATH (as the server reads it), or null. */
export function appPrivateKey(env: Record<string, string | undefined>): string | null {
  if (!env.APP_ID || !(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH)) return null;
  // Throws with a message naming the variable when the key is not a key or the file is missing.
  return getPrivateKey({ env }) ?? null;
}

/** What to tell a person when a GitHub command failed. */
export function describeFailure(err: unknown): string {
  if (err instanceof GitHubUnreachableError) {
    return err.timedOut
      ? t("en", "cli.error.timeout", { url: err.origin, seconds: err.seconds })
      : t("en", "cli.error.unreachable", { url: err.origin, reason: err.reason });
  }
  return t("en", "report.cli.failed", { message: err instanceof Error ? err.message : String(err) });
}

/** The web address matching an API address: api.github.com -> github.com, host/api/v3 -> host. */
export function serverUrlOf(env: Record<string, string | undefined>): string {
  if (env.GITHUB_SERVER_URL) return env.GITHUB_SERVER_URL.replace(/\/+$/, "");
  const api = (env.GITHUB_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, "");
  if (api === DEFAULT_API_URL) return "https://github.com";
  return api.replace(/\/api\/v3$/, "");
}

/** A client for `repo`, or a CredentialsError when the environment gives none. */
export async function createCliOctokit(env: Record<string, string | undefined>, repo: RepoRef): Promise<GitHub> {
  const common = cliProbotOptions(env);
  if (env.GITHUB_TOKEN) {
    const probot = new Probot({ ...common, githubToken: env.GITHUB_TOKEN });
    return (await probot.auth()) as unknown as GitHub;
  }
  const privateKey = appPrivateKey(env);
  if (privateKey) {
    const probot = new Probot({ ...common, appId: env.APP_ID, privateKey });
    const app = await probot.auth();
    const { data } = await app.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo });
    return (await probot.auth(data.id)) as unknown as GitHub;
  }
  throw new CredentialsError();
}

/** `OWNER/NAME`, or null. */
export function parseRepoArg(text: string | undefined): RepoRef | null {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text ?? "");
  return m ? { owner: m[1]!, repo: m[2]! } : null;
}

/** The app whose account wrote the record: its bot login ("slug[bot]") and its id. */
export interface CliAppIdentity {
  login: string;
  slug: string;
  id: number;
  /** When the app was created (GitHub's `created_at`): none of its anchors is older. */
  createdAt: Date | null;
}

const dateOf = (iso: string | undefined): Date | null => (iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso) : null);

/**
 * The app the public record belongs to: `--app SLUG` (looked up with `GET /apps/{slug}`, which any
 * token may call), else the app whose credentials are used (`APP_ID` and `PRIVATE_KEY`: `GET /app`).
 * Null when neither says (a token without `--app`): nobody's account is taken for the app's.
 */
export async function cliAppIdentity(env: Record<string, string | undefined>, octokit: GitHub, slug: string | undefined): Promise<CliAppIdentity | null> {
  if (slug !== undefined) {
    const { data } = await octokit.rest.apps.getBySlug({ app_slug: slug });
    if (!data) return null;
    return { login: `${data.slug ?? slug}[bot]`, slug: data.slug ?? slug, id: data.id, createdAt: dateOf(data.created_at) };
  }
  const privateKey = appPrivateKey(env);
  if (privateKey) {
    const app = await new Probot({ ...cliProbotOptions(env), appId: env.APP_ID, privateKey }).auth();
    const { data } = await app.rest.apps.getAuthenticated();
    if (!data?.slug) return null;
    return { login: `${data.slug}[bot]`, slug: data.slug, id: data.id, createdAt: dateOf(data.created_at) };
  }
  return null;
}

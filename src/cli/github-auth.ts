// A GitHub client for the command line: a token (`GITHUB_TOKEN`), or the app's own credentials
// (`APP_ID` and `PRIVATE_KEY`, then the repository's installation), against `GITHUB_API_URL`
// (GitHub Enterprise) or api.github.com. Probot builds it, so it has the app's retries and
// rate-limit handling.
import { Probot } from "probot";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";

export const DEFAULT_API_URL = "https://api.github.com";

export class CredentialsError extends Error {
  constructor() {
    super("No GitHub credentials: set GITHUB_TOKEN, or APP_ID and PRIVATE_KEY");
    this.name = "CredentialsError";
  }
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
  const baseUrl = (env.GITHUB_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, "");
  const common = { baseUrl, logLevel: "fatal" as const };
  if (env.GITHUB_TOKEN) {
    const probot = new Probot({ ...common, githubToken: env.GITHUB_TOKEN });
    return (await probot.auth()) as unknown as GitHub;
  }
  if (env.APP_ID && env.PRIVATE_KEY) {
    // A key pasted into one line keeps its line breaks as "\n".
    const privateKey = env.PRIVATE_KEY.includes("\\n") ? env.PRIVATE_KEY.replace(/\\n/g, "\n") : env.PRIVATE_KEY;
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

// The GitHub Action's entry (action.yml runs its bundle, dist/action.js, built by
// `npm run build:action`): the same app as the server, on Probot 14, given the workflow's event
// and the workflow's token instead of a webhook and an installation token. Pull request, review,
// comment, push and merge_group events go to the app's own handlers through `probot.receive`; `schedule` and
// `workflow_dispatch` run one sweep of the workflow's repository. Every evaluation runs inline,
// before the step ends: nothing may outlive the job.
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Probot, type ProbotOctokit } from "probot";
import { createApp } from "./app.js";
import { DEFAULT_API_URL, parseRepoArg, serverUrlOf } from "./cli/github-auth.js";
import { publishReports, repositorySweepSource, sweep, type PublishReports } from "./evaluate/sweep.js";
import { createAppOctokit, type GitHub } from "./github/client.js";
import type { Services } from "./handlers/services.js";
import { t } from "./render/i18n.js";

/**
 * The id of the "GitHub Actions" app on github.com. A check run written with a workflow's
 * GITHUB_TOKEN belongs to that app (its `app.id`), so that is the id under which the app finds
 * its own check runs again (src/github/checks.ts); GitHub Enterprise gives it through `app-id`.
 */
export const GITHUB_ACTIONS_APP_ID = 15368;
/** The login of every workflow token's comments (on github.com and GitHub Enterprise Server). */
export const GITHUB_ACTIONS_LOGIN = "github-actions[bot]";

/** Workflow events that run one sweep of the repository instead of delivering an event. */
export const SWEEP_EVENTS: readonly string[] = ["schedule", "workflow_dispatch"];

type Env = Record<string, string | undefined>;

export interface ActionOptions {
  /** The clock (tests give a fixed one). */
  now?: () => Date;
  /** The Octokit class (default: the app's own client, src/github/client.ts). */
  Octokit?: typeof ProbotOctokit;
  /** Publishes the due transparency reports during a sweep (default: src/evaluate/sweep.ts's). */
  publishReports?: PublishReports;
  /** Probot's logger (default: Probot's, at LOG_LEVEL or "info"). */
  log?: Probot["log"];
  /** Where one line of output goes (default: the process's stdout and stderr). */
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}

/** A problem the user can fix: its message is already written for them. */
class ActionError extends Error {
  override name = "ActionError";
}

interface Settings {
  event: string;
  token: string;
  appId: number;
  /** The login the token's comments appear under. */
  appLogin: string;
  baseUrl: string;
  htmlBase: string;
}

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/** Action inputs reach a JavaScript action as INPUT_<NAME> (upper case, hyphens kept). */
const input = (env: Env, name: string): string | undefined => {
  const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
  return value === "" ? undefined : value;
};

function readSettings(env: Env): Settings {
  const event = env.GITHUB_EVENT_NAME?.trim();
  if (!event) throw new ActionError(t("en", "action.error.not-in-workflow", { variable: "GITHUB_EVENT_NAME" }));
  const token = input(env, "github-token") ?? env.GITHUB_TOKEN;
  if (!token) throw new ActionError(t("en", "action.error.no-token"));
  const appIdText = input(env, "app-id") ?? String(GITHUB_ACTIONS_APP_ID);
  if (!/^[1-9]\d{0,15}$/.test(appIdText)) throw new ActionError(t("en", "action.error.bad-app-id", { value: appIdText }));
  return {
    event,
    token,
    appId: Number(appIdText),
    appLogin: input(env, "app-login") ?? GITHUB_ACTIONS_LOGIN,
    baseUrl: (env.GITHUB_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    htmlBase: serverUrlOf(env),
  };
}

async function readEvent(env: Env): Promise<Record<string, unknown>> {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) throw new ActionError(t("en", "action.error.not-in-workflow", { variable: "GITHUB_EVENT_PATH" }));
  try {
    const payload: unknown = JSON.parse(await readFile(file, "utf8"));
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) throw new Error("not a JSON object");
    return payload as Record<string, unknown>;
  } catch (error) {
    throw new ActionError(t("en", "action.error.unreadable-event", { file, reason: messageOf(error) }));
  }
}

const messageOf = (error: unknown): string => {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
};

/** One line: a workflow log shows it as an error annotation (`::error::`). */
const oneLine = (text: string): string => `::error::${text.replace(/\s*[\r\n]+\s*/g, " ").trim()}`;

/**
 * Runs the app once for the workflow's event, as described by `env` (the Actions runner's
 * environment: GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL,
 * GITHUB_SERVER_URL, and the inputs as INPUT_GITHUB-TOKEN and INPUT_APP-ID). Resolves to the
 * exit code: 0 done, 1 an error (said in one line on stderr).
 */
export async function runAction(env: Env, options: ActionOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const stderr = options.stderr ?? ((line: string) => void process.stderr.write(`${line}\n`));
  let event = env.GITHUB_EVENT_NAME ?? "";
  try {
    const settings = readSettings(env);
    event = settings.event;
    if (event === "pull_request") throw new ActionError(t("en", "action.error.pull-request-event"));

    const probot = new Probot({
      githubToken: settings.token,
      baseUrl: settings.baseUrl,
      Octokit: options.Octokit ?? createAppOctokit(),
      ...(options.log ? { log: options.log } : { logLevel: logLevelOf(env.LOG_LEVEL) }),
    });
    // What went wrong without throwing (an evaluation that failed closed, a repository the sweep
    // skipped, a close not recorded): the app says it as a warning; here it fails the step.
    const failures: string[] = [];
    let evaluationFailures = 0;
    let services: Services | undefined;
    await probot.load(
      createApp({
        mode: "inline",
        schedule: "off",
        appId: settings.appId,
        appLogin: settings.appLogin,
        otherRepositories: false,
        // No webhooks reach a workflow: its events come from the runner, so no secret guards them.
        productionGuard: false,
        ...(options.now ? { now: options.now } : {}),
        onReady: (s) => {
          s.htmlBase = settings.htmlBase;
          const log = s.log;
          s.log = {
            debug: (m) => log?.debug(m),
            warn: (o, m) => {
              if (typeof o === "object" && o !== null && "pr" in o) evaluationFailures++;
              failures.push([m, (o as { err?: unknown } | undefined)?.err].filter(Boolean).map(messageOf).join(": "));
              log?.warn(o, m);
            },
          };
          services = s;
        },
      }),
    );
    if (!services) throw new Error("the app did not hand over its services");

    if (SWEEP_EVENTS.includes(event)) {
      const stats = await sweepRepository(probot, services, env, options.publishReports ?? publishReports);
      stdout(t("en", "app.sweep.done", { ...stats, failures: evaluationFailures }));
    } else {
      const payload = await readEvent(env);
      if (event === "pull_request_review" && isFromFork(payload)) {
        stdout(t("en", "action.fork-review"));
        return 0;
      }
      // A workflow's event carries no installation, and the app's handlers skip events without
      // one; with a token, Probot gives every event the token's client whatever its id.
      if (payload.installation === undefined) payload.installation = { id: 0 };
      // A pull_request_target event's payload is the pull_request event's.
      const name = event === "pull_request_target" ? "pull_request" : event;
      const id = `${env.GITHUB_RUN_ID ?? "run"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`;
      await probot.receive({ id, name, payload } as unknown as Parameters<Probot["receive"]>[0]);
      stdout(t("en", "action.done", { event }));
    }
    if (failures.length > 0) throw new Error(failures[0]);
    return 0;
  } catch (error) {
    const message = error instanceof ActionError ? error.message : t("en", "action.error.failed", { event, message: messageOf(error) });
    stderr(oneLine(message));
    return 1;
  }
}

/** One pass of the sweep (src/evaluate/sweep.ts) over the workflow's own repository. */
async function sweepRepository(probot: Probot, services: Services, env: Env, reports: PublishReports) {
  const repo = parseRepoArg(env.GITHUB_REPOSITORY);
  if (!repo) {
    if (!env.GITHUB_REPOSITORY) throw new ActionError(t("en", "action.error.not-in-workflow", { variable: "GITHUB_REPOSITORY" }));
    throw new ActionError(t("en", "action.error.bad-repository", { value: env.GITHUB_REPOSITORY }));
  }
  const octokit = (await probot.auth()) as unknown as GitHub;
  return sweep(repositorySweepSource(octokit, repo), services, reports);
}

/**
 * A review of a fork's pull request: GitHub runs its workflow with a read-only token (and the
 * pull request's copy of the workflow), so nothing can be written now; the sweep, and
 * `/governance check` (an issue_comment workflow, with the base repository's token), can.
 */
function isFromFork(payload: Record<string, unknown>): boolean {
  const pr = payload.pull_request as { head?: { repo?: { full_name?: string } | null } } | undefined;
  const base = (payload.repository as { full_name?: string } | undefined)?.full_name;
  const head = pr?.head?.repo?.full_name;
  // A head repository that is gone (a deleted fork) is a fork's too.
  return pr !== undefined && (head === undefined || head.toLowerCase() !== (base ?? "").toLowerCase());
}

function logLevelOf(text: string | undefined): LogLevel {
  const level = text?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level ?? "") ? (level as LogLevel) : "info";
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  // Exit at once: the step is done, and nothing the clients left behind (timers) may hold it.
  void runAction(process.env).then((code) => process.exit(code));
}

// The app function: which events go to which handler, nothing more. Everything the handlers
// need (the queue, the clock, the app's id) is built here once and handed to them.
import type { ApplicationFunction, Probot } from "probot";
import { evaluateMergeGroup } from "./evaluate/evaluate-group.js";
import { rejudgeQueuedGroups } from "./evaluate/queued-groups.js";
import { evaluatePullRequest } from "./evaluate/evaluate-pr.js";
import { recordClose } from "./evaluate/record-close.js";
import { recordPush } from "./evaluate/record-push.js";
// Types only: the durable queue (BullMQ, ioredis) is loaded when REDIS_URL is set, never in the
// Action's bundle (package.json's build:action leaves both packages out).
import type { DurableQueue, DurableQueueOptions } from "./evaluate/durable-queue.js";
import { CourtesyWrites } from "./evaluate/courtesy.js";
import { ReviewRequester } from "./evaluate/review-requests.js";
import { EvaluationQueue } from "./evaluate/queue.js";
import { appSweepSource, publishReports, sweep, type PublishReports } from "./evaluate/sweep.js";
import { MemoryHintStore } from "./evaluate/sweep-hint.js";
import type { Work } from "./evaluate/work.js";
import type { GitHub } from "./github/client.js";
import { onCheckRunRerequested } from "./handlers/check-run.js";
import { onMergeGroupChecksRequested, onMergeGroupDestroyed, requestGroupEvaluation } from "./handlers/merge-group.js";
import { onClosed, type RecordClosed } from "./handlers/closed.js";
import { COMMENT_EVENTS, onComment } from "./handlers/comment.js";
import { onPullRequest, PULL_REQUEST_EVENTS } from "./handlers/pull-request.js";
import { onPush, reevaluateOtherRepositories } from "./handlers/push.js";
import { onRepositoryEdited } from "./handlers/repository.js";
import { onReview, REVIEW_EVENTS } from "./handlers/review.js";
import { prKey, type Services } from "./handlers/services.js";
import { checkProductionEnv } from "./production.js";
import { startScheduler } from "./scheduler.js";

export interface AppOptions {
  /**
   * Refuse to load in production without real credentials and webhook secret (default true).
   * Off only where no webhook reaches the app: the GitHub Action, whose events come from the runner.
   */
  productionGuard?: boolean;
  /** This app's id (default APP_ID): only its own check runs are read back. */
  appId?: number;
  /**
   * This app's bot login ("slug[bot]"): only its own comments are taken as its instruction
   * comment. Default: looked up once with the app's own credentials (`GET /app`).
   */
  appLogin?: string;
  /** The clock (tests give a fixed one). */
  now?: () => Date;
  /**
   * "queue" (the long-running server): a handler records which PR needs evaluating and returns
   * at once; "inline" (the Action, serverless hosts, tests): the evaluation runs before the
   * handler returns.
   */
  mode?: "queue" | "inline";
  /** A cron expression, or "off". Default: GOVERNANCE_SCHEDULE, else hourly. */
  schedule?: string;
  /** Writes the public record when a decision PR closes (default: evaluate/record-close.ts). */
  recordClosed?: RecordClosed;
  /** Publishes due reports during the sweep (the transparency module). */
  publishReports?: PublishReports;
  /**
   * Whether a push of rules also re-evaluates the other repositories of the installation that
   * use them (default true; false in the Action, whose token reaches one repository).
   */
  otherRepositories?: boolean;
  /**
   * The durable queue (queue mode only): a Redis URL, with BullMQ's settings; default: REDIS_URL
   * when set, else none (pending work is kept in memory). False: none, whatever the environment.
   */
  durable?: (Partial<Omit<DurableQueueOptions, "perform" | "sweep" | "log">> & { url: string }) | false;
  /**
   * Hands the services to the caller (tests, the Action's entry, the benchmark); `courtesy` holds
   * the courtesy writes (reactions) waiting for the checks.
   */
  onReady?: (services: Services, queue: EvaluationQueue, runSweep: () => Promise<void>, durable?: DurableQueue, courtesy?: CourtesyWrites) => void;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const problems = options.productionGuard === false ? [] : checkProductionEnv(process.env);
    if (problems.length > 0) {
      throw new Error(`Partnership Governance will not start in production:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    }
    const now = options.now ?? (() => new Date());
    const mode = options.mode ?? "queue";
    const queue = new EvaluationQueue({ runNow: mode === "inline", log: app.log });
    const appId = options.appId ?? Number(process.env.APP_ID ?? 0);
    if (!Number.isSafeInteger(appId) || appId <= 0) {
      // Without it the app cannot tell its own check runs from anyone else's: refuse to start.
      throw new Error("Partnership Governance needs its GitHub App id: set APP_ID (the number on the app's settings page).");
    }
    const htmlBase = process.env.GITHUB_HTML_URL ?? htmlBaseOf(process.env.GHE_HOST);
    const botLogin = options.appLogin !== undefined ? async () => options.appLogin : lookUpBotLogin(app, now);
    // Queued: courtesy writes wait until this process has no evaluation of the installation
    // waiting or running; inline: after the evaluation they follow.
    const courtesy = new CourtesyWrites({ now, log: app.log, ...(mode === "queue" ? { whenIdle: (id: number) => queue.whenIdle(id) } : {}) });
    const reviewRequests = new ReviewRequester(courtesy, app.log);
    const memoryHints = new MemoryHintStore();
    /** Set once the durable queue has started (before any webhook is served). */
    let durable: DurableQueue | undefined;
    const services: Services = {
      appId,
      otherRepositories: options.otherRepositories ?? true,
      now,
      htmlBase,
      botLogin,
      log: { debug: (m) => app.log.debug(m), warn: (o, m) => app.log.warn(o as object, m) },
      // The sweep's hints: in Redis with the durable queue (shared by the replicas, kept over
      // restarts), else in this process.
      hints: {
        get: (keys) => (durable ? durable.hints : memoryHints).get(keys),
        set: (key, hint) => (durable ? durable.hints : memoryHints).set(key, hint),
      },
      evaluate: (octokit, installationId, target) =>
        services.run(installationId, prKey(target), () => evaluate(octokit, installationId, target), { kind: "evaluate", target }),
      courtesy: (installationId, ticket, write) => courtesy.offer(installationId, ticket, write),
      run: async (installationId, key, task, work, opts) => {
        // Durable: answered once Redis has the work; any replica runs it.
        if (durable && work && !opts?.wait) return durable.add(installationId, key, work);
        // Inline, or waited for: done before this returns. Queued in memory: it returns at once.
        if (mode === "inline" || opts?.wait) return queue.enqueue(installationId, key, task);
        queue.push(installationId, key, task);
      },
    };
    const evaluate = async (octokit: GitHub, installationId: number, target: Extract<Work, { kind: "evaluate" }>["target"]): Promise<void> => {
      const appLogin = await botLogin();
      const outcome = await evaluatePullRequest(octokit, target, appLogin === undefined ? services : { ...services, appLogin });
      // declarations.request_reviews: a courtesy, once both checks are written.
      if (outcome.status === "evaluated" && outcome.reviewers) await reviewRequests.offer(octokit, installationId, target, outcome.reviewers);
      // A queued PR that no longer holds: the queue's groups that hold it are judged again now.
      await rejudgeQueuedGroups(octokit, target, outcome, (group) => requestGroupEvaluation(octokit, installationId, services, group));
    };
    const recordClosed = options.recordClosed ?? recordClose;
    /** Runs stored work (the durable queue's jobs) with a client for its installation. */
    const perform = async (installationId: number, work: Work): Promise<void> => {
      const octokit = (await app.auth(installationId)) as unknown as GitHub;
      switch (work.kind) {
        case "evaluate":
          return evaluate(octokit, installationId, work.target);
        case "record":
          await recordClosed(octokit, work.close, services);
          return;
        case "record-push":
          await recordPush(octokit, work.push, services);
          return;
        case "group":
          await evaluateMergeGroup(octokit, work.target, services);
          return;
        case "rules-pushed":
          return reevaluateOtherRepositories(octokit, installationId, work, services);
        case "sweep":
          return runSweep();
      }
    };

    for (const event of PULL_REQUEST_EVENTS) app.on(event, (context) => onPullRequest(context, services));
    for (const event of REVIEW_EVENTS) app.on(event, (context) => onReview(context, services));
    for (const event of COMMENT_EVENTS) app.on(event, (context) => onComment(context, services));
    app.on("check_run.rerequested", (context) => onCheckRunRerequested(context, services));
    app.on("push", (context) => onPush(context, services));
    app.on("repository.edited", (context) => onRepositoryEdited(context, services));
    app.on("pull_request.closed", (context) => onClosed(context, services, recordClosed));
    app.on("merge_group.checks_requested", (context) => onMergeGroupChecksRequested(context, services));
    app.on("merge_group.destroyed", (context) => onMergeGroupDestroyed(context, services));
    // pull_request.enqueued and .dequeued change neither check (the group's own checks are asked
    // for by merge_group): no handler, so Probot answers them and does nothing.

    const runSweep = async (): Promise<void> => {
      const stats = await sweep(appSweepSource((id) => (id === undefined ? app.auth() : app.auth(id))), services, options.publishReports ?? publishReports);
      app.log.info(stats, "sweep done");
    };
    const schedule = options.schedule ?? process.env.GOVERNANCE_SCHEDULE ?? "0 * * * *";
    const durableOptions = mode === "queue" ? durableSettings(options.durable) : undefined;
    if (!durableOptions) {
      if (mode === "queue" && schedule !== "off") startScheduler(schedule, runSweep, app.log);
      options.onReady?.(services, queue, runSweep, undefined, courtesy);
      return;
    }
    // The durable queue: this process's worker joins the others on the same Redis, and the sweep
    // becomes a scheduled job that one replica runs at each tick.
    return (async () => {
      const { DurableQueue } = await import("./evaluate/durable-queue.js");
      const started = await DurableQueue.start({ ...durableOptions, perform, sweep: runSweep, log: app.log });
      durable = started;
      await started.schedule(schedule === "off" ? null : schedule);
      // On a deploy's SIGTERM, the job under way ends before the process does; what waits stays
      // in Redis for the other replicas (a kill instead: its job is taken over once its lock lapses).
      const stop = () => {
        // A job that does not end (a GitHub that never answers) must not keep the process up:
        // its lock lapses and another replica takes it over, as after a kill.
        setTimeout(() => process.exit(0), started.lockMs).unref();
        void started.close().catch(() => undefined).finally(() => process.exit(0));
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
      app.log.info({ queue: "redis", schedule }, "durable queue started");
      options.onReady?.(services, queue, runSweep, durable, courtesy);
    })();
  };
}

function durableSettings(option: AppOptions["durable"]): (Partial<DurableQueueOptions> & { url: string }) | undefined {
  if (option === false) return undefined;
  if (option) return option;
  const url = process.env.REDIS_URL;
  return url ? { url } : undefined;
}

/** How long a failed look-up of the app's login is not tried again. */
const LOGIN_RETRY_MS = 10 * 60 * 1000;

/**
 * The app's bot login, asked of GitHub once (`GET /app`, authenticated as the app itself, so no
 * installation's rate limit pays for it). Should GitHub fail to say, evaluations go on without it
 * (any bot's comment with the marker is then taken as the app's) and the look-up is tried again
 * ten minutes later.
 */
function lookUpBotLogin(app: Probot, now: () => Date): () => Promise<string | undefined> {
  let login: Promise<string | undefined> | undefined;
  let failedAt = -Infinity;
  return () => {
    if (login) return login;
    if (now().getTime() - failedAt < LOGIN_RETRY_MS) return Promise.resolve(undefined);
    login = app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => {
        const slug = (data as { slug?: unknown } | null)?.slug;
        if (typeof slug !== "string" || slug === "") throw new Error("GitHub gave no slug for this app");
        return `${slug}[bot]`;
      })
      .catch((error: unknown) => {
        app.log.warn({ err: error }, "could not look up the app's login: any bot's marked comment is taken as the app's for now");
        failedAt = now().getTime();
        login = undefined;
        return undefined;
      });
    return login;
  };
}

function htmlBaseOf(gheHost: string | undefined): string {
  return gheHost ? `${process.env.GHE_PROTOCOL ?? "https"}://${gheHost}` : "https://github.com";
}

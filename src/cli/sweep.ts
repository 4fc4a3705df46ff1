// `partnership-governance sweep`: one pass of the scheduler over every installation (with the
// app's APP_ID and PRIVATE_KEY), or over one repository (with GITHUB_TOKEN: GITHUB_REPOSITORY or
// --repo, as in a GitHub Actions workflow). For deployments that run it from cron with
// GOVERNANCE_SCHEDULE=off in the app. Exit 0 done, 1 an error, 2 usage.
import { Probot } from "probot";
import { evaluatePullRequest } from "../evaluate/evaluate-pr.js";
import { EvaluationQueue } from "../evaluate/queue.js";
import { appSweepSource, publishReports, repositorySweepSource, sweep, type SweepSource } from "../evaluate/sweep.js";
import { createAppOctokit, type GitHub } from "../github/client.js";
import type { Services } from "../handlers/services.js";
import { t } from "../render/i18n.js";
import { appPrivateKey, cliProbotOptions, CredentialsError, createCliOctokit, describeFailure, GitHubUnreachableError, parseRepoArg, serverUrlOf } from "./github-auth.js";
import type { CliIO } from "./io.js";

export async function runSweep(argv: string[], io: CliIO): Promise<number> {
  let repoArg: string | undefined;
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(`${t("en", "app.sweep.usage")}\n`);
    return 0;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--repo" && argv[i + 1] !== undefined) repoArg = argv[++i];
    else {
      io.stderr(`${t("en", "app.sweep.usage")}\n`);
      return 2;
    }
  }
  const env = io.env;
  try {
    return await sweepWith(env, repoArg, io);
  } catch (err) {
    io.stderr(`${describeFailure(err)}\n`);
    return 1;
  }
}

async function sweepWith(env: CliIO["env"], repoArg: string | undefined, io: CliIO): Promise<number> {
  let source: SweepSource;
  let appId = Number(env.APP_ID ?? 0);
  if (env.GITHUB_TOKEN) {
    const repo = parseRepoArg(repoArg ?? env.GITHUB_REPOSITORY);
    if (!repo) {
      io.stderr(`${t("en", "app.sweep.need-repo")}\n`);
      return 2;
    }
    const octokit = await createCliOctokit(env, repo);
    appId = Number(env.GOVERNANCE_APP_ID ?? appId);
    source = repositorySweepSource(octokit, repo);
  } else if (appPrivateKey(env)) {
    const probot = new Probot({ ...cliProbotOptions(env, createAppOctokit()), appId: env.APP_ID, privateKey: appPrivateKey(env)! });
    source = appSweepSource((id) => (id === undefined ? probot.auth() : probot.auth(id)));
  } else {
    io.stderr(`${new CredentialsError().message}\n`);
    return 2;
  }

  let failures = 0;
  const queue = new EvaluationQueue({ runNow: true });
  const services: Services = {
    appId,
    now: () => new Date(),
    htmlBase: serverUrlOf(env),
    log: { debug: () => undefined, warn: (o, m) => io.stderr(`${m ?? "warning"}: ${describe(o)}\n`) },
    evaluate: (octokit: GitHub, installationId, target) =>
      services.run(installationId, `${target.owner}/${target.repo}#${target.pull_number}`, async () => {
        const outcome = await evaluatePullRequest(octokit, target, services);
        if (outcome.status === "error") failures++;
      }),
    run: (installationId, key, task) => queue.enqueue(installationId, key, task),
  };
  const stats = await sweep(source, services, publishReports);
  io.stdout(`${t("en", "app.sweep.done", { ...stats, failures })}\n`);
  return stats.errors + failures > 0 ? 1 : 0;
}

function describe(o: unknown): string {
  const err = (o as { err?: unknown })?.err;
  if (err instanceof GitHubUnreachableError) return describeFailure(err);
  return err instanceof Error ? err.message : JSON.stringify(o);
}

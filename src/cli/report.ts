// `partnership-governance report --repo OWNER/NAME [--period P] [--dry-run]`: builds the
// transparency report of a period (default: the last ended one) and publishes it, or prints it.
// Exit 0 done (also when it was already published or nothing happened), 1 error, 2 usage.
import { parseArgs } from "node:util";
import { logPeriodKind, parsePeriod } from "../core/period.js";
import type { Policy } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { createReadFile, type RepoRef } from "../github/files.js";
import { loadPolicy } from "../policy/load.js";
import { t } from "../render/i18n.js";
import { renderReportParts } from "../render/report.js";
import { buildPeriodReport, lastEndedPeriod, publishReport, ReportSources } from "../transparency/report.js";
import { cliAppIdentity, createCliOctokit, CredentialsError, describeFailure, parseRepoArg, serverUrlOf } from "./github-auth.js";
import type { CliIO } from "./io.js";

export interface GitHubArgs {
  repo: RepoRef;
  period?: string;
  dryRun: boolean;
  /** `--app SLUG`: the app whose account wrote the record. */
  app?: string;
  /** `--json` (verify only). */
  json: boolean;
}

/** Parses `--repo`, `--period`, `--app` and (when allowed) `--dry-run` or `--json`; a string is a usage error message. */
export function parseGitHubArgs(argv: string[], allowDryRun: boolean): GitHubArgs | string {
  let values: { repo?: string; period?: string; "dry-run"?: boolean; app?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        repo: { type: "string" },
        period: { type: "string" },
        "dry-run": { type: "boolean" },
        app: { type: "string" },
        json: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return t("en", "report.cli.badArgs", { message: (err as Error).message });
  }
  if (!allowDryRun && values["dry-run"] !== undefined) return t("en", "report.cli.unknownOption", { option: "--dry-run" });
  if (allowDryRun && values.json !== undefined) return t("en", "report.cli.unknownOption", { option: "--json" });
  // A GitHub App's slug: letters, digits and hyphens (a "[bot]" suffix is accepted and dropped).
  const app = values.app?.replace(/\[bot\]$/i, "");
  if (app !== undefined && !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})$/.test(app)) return t("en", "record.verify.badApp", { value: values.app ?? "" });
  if (values.repo === undefined) return t("en", "report.cli.needRepo");
  const repo = parseRepoArg(values.repo);
  if (!repo) return t("en", "report.cli.badRepo", { value: values.repo });
  if (values.period !== undefined && !parsePeriod(values.period)) return t("en", "report.cli.badPeriod", { value: values.period });
  return {
    repo,
    ...(values.period !== undefined ? { period: values.period } : {}),
    dryRun: values["dry-run"] === true,
    ...(app !== undefined ? { app } : {}),
    json: values.json === true,
  };
}

/** The governed repository's policy, from its default branch: null with a message when unusable. */
export async function loadRepoPolicy(octokit: GitHub, repo: RepoRef): Promise<Policy | { error: string }> {
  const result = await loadPolicy(createReadFile(octokit, repo), repo);
  const name = `${repo.owner}/${repo.repo}`;
  if (!result) return { error: t("en", "report.cli.notGoverned", { repo: name }) };
  if (!result.policy) return { error: t("en", "report.cli.invalidPolicy", { repo: name }) };
  return result.policy;
}

/**
 * What `report` and `verify` do first: `--help`, the arguments, and a client for the repository.
 * A number is the exit status to return at once (0 after help, 2 for usage or no credentials,
 * `clientFailure` when the client could not be made).
 */
export async function startGitHubCommand(
  argv: string[],
  io: CliIO,
  opts: { usageKey: string; allowDryRun: boolean; clientFailure: number },
): Promise<{ args: GitHubArgs; octokit: GitHub } | number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(`${t("en", opts.usageKey)}\n`);
    return 0;
  }
  const args = parseGitHubArgs(argv, opts.allowDryRun);
  if (typeof args === "string") {
    io.stderr(`${args}\n\n${t("en", opts.usageKey)}\n`);
    return 2;
  }
  try {
    return { args, octokit: await createCliOctokit(io.env, args.repo) };
  } catch (err) {
    io.stderr(`${err instanceof CredentialsError ? t("en", "report.cli.noCredentials") : describeFailure(err)}\n`);
    return err instanceof CredentialsError ? 2 : opts.clientFailure;
  }
}

export async function runReport(argv: string[], io: CliIO): Promise<number> {
  const started = await startGitHubCommand(argv, io, { usageKey: "report.cli.usage", allowDryRun: true, clientFailure: 1 });
  if (typeof started === "number") return started;
  const { args, octokit } = started;
  try {
    const policy = await loadRepoPolicy(octokit, args.repo);
    if ("error" in policy) {
      io.stderr(`${policy.error}\n`);
      return 1;
    }
    const lang = policy.transparency.language;
    const now = new Date();
    const period = args.period ?? lastEndedPeriod(now, logPeriodKind(policy.transparency.report));
    const identity = await cliAppIdentity(io.env, octokit, args.app);
    if (!identity) {
      io.stderr(`${t("en", "record.verify.needApp")}\n`);
      return 2;
    }
    const ctx = { ...args.repo, policy, serverUrl: serverUrlOf(io.env), appLogin: identity.login };
    const sources = await ReportSources.load(octokit, ctx);
    if (args.dryRun) {
      const { model } = await buildPeriodReport(sources, ctx, period);
      io.stdout(`${renderReportParts(model, { lang, serverUrl: ctx.serverUrl }).join("\n\n")}\n`);
      return 0;
    }
    if (parsePeriod(period)!.end.getTime() > now.getTime()) {
      io.stderr(`${t(lang, "report.cli.notEnded", { period })}\n`);
      return 1;
    }
    const result = await publishReport(octokit, sources, ctx, period);
    if (result.status === "empty") io.stdout(`${t(lang, "report.cli.empty", { period })}\n`);
    else io.stdout(`${t(lang, result.status === "published" ? "report.cli.published" : "report.cli.exists", { period, url: result.url })}\n`);
    return 0;
  } catch (err) {
    io.stderr(`${describeFailure(err)}\n`);
    return 1;
  }
}

// `partnership-governance verify --repo OWNER/NAME [--period P] [--app SLUG] [--json]`: reads every
// record of the log as it stands on GitHub, recomputes each hash and link, compares each record
// with its anchor and each anchor with the log, and names every record that was edited, deleted,
// inserted, reordered, written by anyone but the app, or left without its anchor.
// Exit 0 intact, 1 tampered, 2 error or usage.
import { t } from "../render/i18n.js";
import { verifyLog } from "../transparency/verify.js";
import { cliAppIdentity, describeFailure, GitHubUnreachableError } from "./github-auth.js";
import type { CliIO } from "./io.js";
import { loadRepoPolicy, startGitHubCommand } from "./report.js";

/** The log's labels when the policy cannot be read: the default. */
const DEFAULT_LABELS = ["transparency"];

export async function runVerify(argv: string[], io: CliIO): Promise<number> {
  const started = await startGitHubCommand(argv, io, { usageKey: "record.verify.usage", allowDryRun: false, clientFailure: 2 });
  if (typeof started === "number") return started;
  const { args, octokit } = started;
  try {
    const identity = await cliAppIdentity(io.env, octokit, args.app);
    if (!identity) {
      io.stderr(`${t("en", "record.verify.needApp")}\n\n${t("en", "record.verify.usage")}\n`);
      return 2;
    }
    // The policy only says which label the log issues carry (and the language); an unreadable
    // policy must not stop anyone from checking the public record.
    // (A GitHub that cannot be reached is another matter: nothing else would be read either.)
    const policy = await loadRepoPolicy(octokit, args.repo).catch((err: unknown) => {
      if (err instanceof GitHubUnreachableError) throw err;
      return { error: "" };
    });
    const labels = "error" in policy ? DEFAULT_LABELS : policy.transparency.labels;
    const lang = "error" in policy ? "en" : policy.transparency.language;
    const result = await verifyLog(octokit, args.repo, {
      labels,
      appLogin: identity.login,
      appId: identity.id,
      appCreatedAt: identity.createdAt,
      ...(args.period !== undefined ? { upTo: args.period } : {}),
    });
    if (args.json) {
      const json = {
        ok: result.ok,
        count: result.count,
        head: result.head,
        problems: result.problems.map((p) => ({ seq: p.seq, pr: p.pr, problem: p.problem, url: p.url })),
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return result.ok ? 0 : 1;
    }
    if (result.ok) {
      io.stdout(`${t(lang, "record.verify.intact", { count: result.count, head: result.head ?? "" })}\n`);
      return 0;
    }
    const lines = result.problems.flatMap((p) => [
      t(lang, "record.verify.tampered", { seq: p.seq ?? "?", pr: p.pr === null ? "none" : String(p.pr), problem: p.problem }),
      ...(p.url ? [t(lang, "record.verify.where", { url: p.url })] : []),
      t(lang, "record.verify.detail", { detail: p.detail }),
    ]);
    io.stdout(`${lines.join("\n")}\n`);
    return 1;
  } catch (err) {
    io.stderr(`${describeFailure(err)}\n`);
    return 2;
  }
}

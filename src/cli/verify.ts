// `partnership-governance verify --repo OWNER/NAME [--period P]`: reads every record of the log
// as it stands on GitHub, recomputes each hash and link, and names the first record that was
// edited, deleted, inserted or reordered. Exit 0 intact, 1 tampered, 2 error or usage.
import { t } from "../render/i18n.js";
import { verifyLog } from "../transparency/verify.js";
import type { CliIO } from "./io.js";
import { describeFailure, GitHubUnreachableError } from "./github-auth.js";
import { loadRepoPolicy, startGitHubCommand } from "./report.js";

/** The log's labels when the policy cannot be read: the default. */
const DEFAULT_LABELS = ["transparency"];

export async function runVerify(argv: string[], io: CliIO): Promise<number> {
  const started = await startGitHubCommand(argv, io, { usageKey: "record.verify.usage", allowDryRun: false, clientFailure: 2 });
  if (typeof started === "number") return started;
  const { args, octokit } = started;
  try {
    // The policy only says which label the log issues carry (and the language); an unreadable
    // policy must not stop anyone from checking the public record.
    // (A GitHub that cannot be reached is another matter: nothing else would be read either.)
    const policy = await loadRepoPolicy(octokit, args.repo).catch((err: unknown) => {
      if (err instanceof GitHubUnreachableError) throw err;
      return { error: "" };
    });
    const labels = "error" in policy ? DEFAULT_LABELS : policy.transparency.labels;
    const lang = "error" in policy ? "en" : policy.transparency.language;
    const result = await verifyLog(octokit, args.repo, labels, args.period);
    if (result.ok) {
      io.stdout(`${t(lang, "record.verify.intact", { count: result.count, head: result.head ?? "" })}\n`);
      return 0;
    }
    const lines = [
      t(lang, "record.verify.tampered", { seq: result.seq ?? "?", pr: result.pr === null ? "none" : String(result.pr), problem: result.problem }),
      ...(result.url ? [t(lang, "record.verify.where", { url: result.url })] : []),
      t(lang, "record.verify.detail", { detail: result.detail }),
    ];
    io.stdout(`${lines.join("\n")}\n`);
    return 1;
  } catch (err) {
    io.stderr(`${describeFailure(err)}\n`);
    return 2;
  }
}

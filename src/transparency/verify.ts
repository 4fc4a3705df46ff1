// Reading the whole log as it stands on GitHub (every log issue in period order, every page of
// their comments) and verifying its chain.
import { verifyChain, type ChainResult } from "../core/chain.js";
import { comparePeriods } from "../core/period.js";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { canonicalLogs, listRecordComments, listTransparencyIssues } from "./issues.js";

export async function verifyLog(octokit: GitHub, ref: RepoRef, labels: string[], upTo?: string): Promise<ChainResult & { logs: number }> {
  const issues = await listTransparencyIssues(octokit, ref, labels);
  const logs = canonicalLogs(issues).filter((l) => upTo === undefined || comparePeriods(l.period, upTo) <= 0);
  const entries: Array<{ body: string; url: string; period: string }> = [];
  for (const log of logs) {
    for (const c of await listRecordComments(octokit, ref, log)) entries.push({ body: c.body, url: c.url, period: log.period });
  }
  return { ...verifyChain(entries), logs: logs.length };
}

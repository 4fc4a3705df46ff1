// Verifying the public record as it stands on GitHub: every log issue the app opened, in period
// order, every page of their comments; the hash chain; who wrote each log, report and record; any
// record comment edited at all; and each record against its anchor, each anchor against the log.
import { verifyChain, type ChainProblem } from "../core/chain.js";
import { anchorCommitOf } from "../core/record.js";
import { comparePeriods } from "../core/period.js";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { followAnchors, scanAnchors, type Anchor } from "./anchor.js";
import { canonicalLogs, listTransparencyIssues, readLogComments, type RecordComment } from "./issues.js";

export interface VerifyProblem {
  seq: number | null;
  pr: number | null;
  problem: ChainProblem;
  url: string | null;
  /** A technical description (numbers and hashes), shown beside the translated message. */
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  head: string | null;
  problems: VerifyProblem[];
  logs: number;
}

export interface VerifyOptions {
  labels: string[];
  /** The app's bot login ("slug[bot]"): only what it wrote is the record. */
  appLogin: string;
  /** The app's id: only its check runs are anchors. */
  appId: number;
  /** When the app was created: anchors are looked for back to then (null: the whole history). */
  appCreatedAt?: Date | null;
  /** Verify up to and including this period (anchors of later records are then not looked for). */
  upTo?: string;
}

const seqOf = (c: RecordComment): number | null => (typeof c.parsed.record?.seq === "number" ? c.parsed.record.seq : null);

export async function verifyLog(octokit: GitHub, ref: RepoRef, opts: VerifyOptions): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const issues = await listTransparencyIssues(octokit, ref, opts.labels, opts.appLogin, { lookalikes: true });
  for (const f of issues.foreign) {
    problems.push({ seq: null, pr: null, problem: "foreign", url: f.url, detail: `issue ${f.number} looks like the app's but was opened by ${f.author}` });
  }
  for (const u of issues.unrecognised) {
    problems.push({ seq: null, pr: null, problem: "edited", url: u.url, detail: `issue ${u.number}, opened by the app, no longer says which log or report it is (its title and marker were edited)` });
  }
  const logs = canonicalLogs(issues).filter((l) => opts.upTo === undefined || comparePeriods(l.period, opts.upTo) <= 0);
  const records: Array<RecordComment & { period: string }> = [];
  for (const log of logs) {
    const { records: mine, foreign } = await readLogComments(octokit, ref, log);
    for (const c of foreign) {
      problems.push({ seq: seqOf(c), pr: c.parsed.pr, problem: "foreign", url: c.url, detail: `a record comment written by ${c.author}, not by ${opts.appLogin}` });
    }
    for (const c of mine) records.push({ ...c, period: log.period });
  }

  // GitHub says when a comment's body was edited (`lastEditedAt`, and by whom): the app never
  // edits a record, so any edit is tampering, whether or not the text still hashes (an edit that
  // changed nothing is still an edit). `updated_at` is not read: a reaction moves it too.
  for (const c of records) {
    if (c.edit?.lastEditedAt) {
      const by = c.edit.editor ? ` by ${c.edit.editor}` : "";
      problems.push({ seq: seqOf(c), pr: c.parsed.pr, problem: "edited", url: c.url, detail: `the comment was edited${by} at ${c.edit.lastEditedAt}` });
    }
  }

  const chain = verifyChain(records.map((c) => ({ body: c.body, url: c.url, period: c.period })));
  if (!chain.ok) problems.push({ seq: chain.seq, pr: chain.pr, problem: chain.problem, url: chain.url ?? null, detail: chain.detail });

  // Anchors, read once: every commit of the default branch and every merge and last commit of a
  // closed PR back to the app's creation (`appCreatedAt`, a bound no administrator can move), then
  // the records' own commits not among them, then the commits the copies name (the commit of
  // record N also holds the copy of record N+1's anchor). Back to the app's creation, because
  // records hidden from the log (their log issue deleted) leave their anchors behind wherever
  // they are, before the first record visible as much as after the last.
  const parsed = records.map((c) => ({ c, r: c.parsed.record })).filter((x): x is { c: RecordComment & { period: string }; r: Record<string, unknown> } => x.r !== null);
  const v2 = parsed.filter((x) => x.r.v !== 1 && typeof x.r.seq === "number");
  const scanned = opts.upTo === undefined ? await scanAnchors(octokit, ref, opts.appId, opts.appCreatedAt ?? null, null) : new Map<string, Anchor[]>();
  const anchors = await followAnchors(octokit, ref, v2.map((x) => anchorCommitOf(x.r) ?? ""), opts.appId, opts.upTo === undefined ? undefined : 0, scanned);

  // Records against anchors: each v2 record must have an anchor on its commit saying the same.
  for (const { c, r } of v2) {
    const commit = anchorCommitOf(r);
    const mine = commit ? (anchors.get(commit) ?? []).filter((a) => a.seq === r.seq) : [];
    if (mine.length === 0) {
      problems.push({ seq: r.seq as number, pr: c.parsed.pr, problem: "unanchored", url: c.url, detail: `no ${"Transparency record"} check run of the app for record ${String(r.seq)} on ${commit ?? "(no commit)"}` });
    } else if (!mine.some((a) => a.hash === r.hash && a.prev === r.prev)) {
      problems.push({ seq: r.seq as number, pr: c.parsed.pr, problem: "edited", url: c.url, detail: `the anchor on ${commit} says hash ${mine[0]!.hash}, prev ${mine[0]!.prev}; the record says ${String(r.hash)}, ${String(r.prev)}` });
    }
  }

  // Anchors against records: an anchor whose record is not on the log was deleted (an
  // administrator who removed records, a log issue, or every record, consistently), or its record
  // differs (a chain started again over records hidden from the log).
  const found: Anchor[] = [...anchors.values()].flat();
  const lastSeq = Math.max(0, ...v2.map((x) => x.r.seq as number));
  const bySeq = new Map<number, typeof parsed[number]>();
  for (const x of parsed) if (typeof x.r.seq === "number") bySeq.set(x.r.seq, x);
  const reported = new Set(problems.map((p) => `${p.seq}:${p.problem}`));
  // Up to a period, the anchors of the records after it are not looked at.
  for (const a of dedupe(found).filter((x) => opts.upTo === undefined || x.seq <= lastSeq)) {
    const there = bySeq.get(a.seq);
    if (there && there.r.hash === a.hash) continue;
    const key = `${a.seq}:${there ? "edited" : "deleted"}`;
    if (reported.has(key)) continue;
    reported.add(key);
    problems.push(
      there
        ? { seq: a.seq, pr: there.c.parsed.pr, problem: "edited", url: there.c.url, detail: `the anchor ${a.url} on ${a.commit} says hash ${a.hash}; the record says ${String(there.r.hash)}` }
        : { seq: a.seq, pr: null, problem: "deleted", url: a.url, detail: `the anchor on ${a.commit} names record ${a.seq} (hash ${a.hash}), which is not on the log` },
    );
  }

  problems.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  const head = chain.ok ? chain.head : null;
  return { ok: problems.length === 0, count: records.length, head, problems, logs: logs.length };
}

function dedupe(anchors: Anchor[]): Anchor[] {
  const seen = new Set<string>();
  return anchors.filter((a) => {
    const key = `${a.seq}:${a.hash}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

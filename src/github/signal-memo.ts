// The app's memory of the commands it has seen (SPEC.md "How votes are read": editing or deleting
// a comment withdraws nothing). The app is stateless, and any writer can edit or delete anyone's
// comment, delete revisions of a comment's edit history, and miss nothing GitHub would replay: the
// one place on GitHub that nobody but the app can change is its own check runs (STYLE.md "The
// app's own writes are its only trusted memory"). So the `Multi-sector sign-off` run carries, at
// the very end of its summary, a hidden memo of every command it has seen:
//
//   <!-- partnership-governance:seen-commands data=[[commentId,"login",userId|null,"abstain"|"recuse","createdAt"],...,["label","name","at"],...] -->
//
// with the decision labels it has seen on the PR too (`["label", …]` rows): a writer who deletes a
// label from the repository takes it off every PR and out of their timelines, but a decision label
// sticks until the PR closes (SPEC.md "Files in a governed repository"). Every character of a
// string that could end the HTML comment or the memo (`<`, `>`, `&`, spaces, anything not ASCII)
// is written as a JSON `\uXXXX` escape.
//
// A check is GitHub's per commit, not per PR: when several open PRs share one head commit, the run
// on it shows one outcome (the most restrictive, src/evaluate/evaluate-pr.ts publishForPull), but
// it must remember every one of those PRs' commands, or a writer could erase a recusal on one PR
// while the commit shows another's words. So the memo is either the run's owner's commands (the
// list above, when only the PR it was written for has any) or each PR's, by number:
//
//   <!-- partnership-governance:seen-commands data={"12":[[...],...],"13":[[...],...]} -->
//
// It is read back only from this app's own runs (filtered by app id, and checked again), on the
// PR's head and on the commits it had before (src/github/facts.ts), so it survives pushes and
// force-pushes; text of the same shape in a comment, a PR body or another app's check is never read.
import { MARKER_PREFIX, MAX_CHECK_OUTPUT_CHARS } from "../constants.js";
import type { MemoEntry, SeenCommand, SeenLabel } from "../core/types.js";
import type { CheckOutput } from "./checks.js";
import { decodeOwner } from "../evaluate/sweep-hint.js";

const MEMO_PREFIX = `${MARKER_PREFIX}seen-commands data=`;
const MEMO_SUFFIX = " -->";
// Only at the very end of a summary the app wrote: text rendered before it cannot end it.
const TRAILING_MEMO = /<!-- partnership-governance:seen-commands data=(\[\S*\]|\{\S*\}) -->\s*$/;
// A login as GitHub allows it (letters, digits, hyphens): the memo's JSON (no spaces, no `<`)
// can never close the HTML comment nor carry markup.
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

// GitHub allows label names of up to 50 characters.
const MAX_LABEL_CHARS = 100;

/** What is remembered for each PR, by number. */
export type MemosByPull = ReadonlyMap<number, readonly MemoEntry[]>;

const isLabel = (s: MemoEntry): s is SeenLabel => s.verb === "label";

function rowsOf(seen: readonly MemoEntry[]): unknown[] {
  return seen.flatMap((s) => {
    if (isLabel(s)) return s.label !== "" && s.label.length <= MAX_LABEL_CHARS ? [["label", s.label, s.at]] : [];
    return LOGIN.test(s.login) ? [[s.commentId, s.login, s.userId, s.verb, s.createdAt]] : [];
  });
}

/** JSON with every character that could end an HTML comment or the memo escaped (valid JSON still). */
const inert = (json: string): string => json.replace(/[^\x21-\x7e]|[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The hidden memo of `seen` (the run's owner's), or of each PR's, as written at the end of the sign-off summary. */
export function encodeMemo(seen: readonly MemoEntry[] | MemosByPull): string {
  const data = Array.isArray(seen) ? rowsOf(seen) : Object.fromEntries([...(seen as MemosByPull)].map(([pr, rows]) => [String(pr), rowsOf(rows)]));
  return `${MEMO_PREFIX}${inert(JSON.stringify(data))}${MEMO_SUFFIX}`;
}

type ParsedMemo = { owner: MemoEntry[] } | { byPull: Map<number, MemoEntry[]> };

function parseMemo(summary: string | null | undefined): ParsedMemo | null {
  const m = TRAILING_MEMO.exec(summary ?? "");
  if (!m) return null;
  let data: unknown;
  try {
    data = JSON.parse(m[1]!);
  } catch {
    return null;
  }
  if (Array.isArray(data)) return { owner: parseRows(data) };
  if (data === null || typeof data !== "object") return null;
  const byPull = new Map<number, MemoEntry[]>();
  for (const [key, rows] of Object.entries(data)) {
    const pr = Number(key);
    if (!/^[1-9]\d*$/.test(key) || !Number.isSafeInteger(pr) || !Array.isArray(rows)) continue;
    byPull.set(pr, parseRows(rows));
  }
  return { byPull };
}

function parseRows(rows: readonly unknown[]): MemoEntry[] {
  const out: MemoEntry[] = [];
  for (const row of rows) {
    if (Array.isArray(row) && row.length === 3 && row[0] === "label") {
      const [, label, at] = row as unknown[];
      if (typeof label !== "string" || label === "" || label.length > MAX_LABEL_CHARS) continue;
      if (typeof at !== "string" || Number.isNaN(Date.parse(at))) continue;
      out.push({ verb: "label", label, at });
      continue;
    }
    if (!Array.isArray(row) || row.length !== 5) continue;
    const [commentId, login, userId, verb, createdAt] = row as unknown[];
    if (!Number.isSafeInteger(commentId) || (commentId as number) <= 0) continue;
    if (typeof login !== "string" || !LOGIN.test(login)) continue;
    if (userId !== null && (!Number.isSafeInteger(userId) || (userId as number) <= 0)) continue;
    if (verb !== "abstain" && verb !== "recuse") continue;
    if (typeof createdAt !== "string" || Number.isNaN(Date.parse(createdAt))) continue;
    out.push({ commentId: commentId as number, login, userId: userId as number | null, verb, createdAt });
  }
  return out;
}

/**
 * The commands remembered in a summary the app wrote: its owner's list, or PR `pr`'s entry of a
 * memo by PR (none without `pr`); [] when it has none or it is unreadable.
 */
export function decodeMemo(summary: string | null | undefined, pr?: number): MemoEntry[] {
  const memo = parseMemo(summary);
  if (!memo) return [];
  if ("owner" in memo) return memo.owner;
  return pr === undefined ? [] : (memo.byPull.get(pr) ?? []);
}

/**
 * The commands a sign-off run of this app remembers for PR `pr`: its entry of a memo by PR, or the
 * run's owner's list when the run was written for `pr` (its `external_id`, src/evaluate/sweep-hint.ts).
 */
export function rememberedFor(run: { externalId: string | null | undefined; summary: string | null | undefined }, pr: number): MemoEntry[] {
  const memo = parseMemo(run.summary);
  if (!memo) return [];
  if ("owner" in memo) return writtenFor(run.externalId, pr) ? memo.owner : [];
  return memo.byPull.get(pr) ?? [];
}

/** Every PR's commands a sign-off run remembers (the owner's list under the PR it was written for). */
export function memosIn(run: { externalId: string | null | undefined; summary: string | null | undefined }): Map<number, MemoEntry[]> {
  const memo = parseMemo(run.summary);
  if (!memo) return new Map();
  if ("byPull" in memo) return memo.byPull;
  const owner = decodeOwner(run.externalId)?.pr;
  return owner === null || owner === undefined ? new Map() : new Map([[owner, memo.owner]]);
}

/** Every command (by comment id) and label (by name, as GitHub compares them) of several memos once; the first seen wins. */
export function mergeMemos(...memos: ReadonlyArray<readonly MemoEntry[]>): MemoEntry[] {
  const byKey = new Map<string, MemoEntry>();
  for (const memo of memos) {
    for (const s of memo) {
      const key = isLabel(s) ? `label:${s.label.toLowerCase()}` : `comment:${s.commentId}`;
      if (!byKey.has(key)) byKey.set(key, s);
    }
  }
  return [...byKey.values()];
}

/** A memo's commands and labels apart. */
export function splitMemo(memo: readonly MemoEntry[]): { commands: SeenCommand[]; labels: SeenLabel[] } {
  return { commands: memo.filter((s): s is SeenCommand => !isLabel(s)), labels: memo.filter(isLabel) };
}

/** A summary without the memo at its end (a run's output carried over gets a memo of its own). */
export function withoutMemo(summary: string): string {
  const m = TRAILING_MEMO.exec(summary);
  return m ? summary.slice(0, m.index).replace(/\n\n$/, "") : summary;
}

/**
 * The sign-off output with the memo at the end of its summary (none when there is nothing to
 * remember), the summary shortened before it when both would pass GitHub's limit of a check
 * output (the memo is never cut: it is small, at most one command per registered person for each
 * PR, bounded by src/core/signals.ts). Given each PR's commands and the run's `owner`, the memo is
 * the owner's list when only the owner has any, else by PR. Past the limit only when the memo alone
 * is (the caller checks).
 */
export function withMemo(output: CheckOutput, seen: readonly MemoEntry[] | MemosByPull, owner?: number): CheckOutput {
  let memoOf: readonly MemoEntry[] | MemosByPull = seen;
  if (!Array.isArray(seen)) {
    const kept = new Map([...(seen as MemosByPull)].filter(([, rows]) => rows.length > 0).sort(([a], [b]) => a - b));
    memoOf = kept.size === 1 && kept.has(owner ?? NaN) ? kept.get(owner!)! : kept;
  }
  if ((Array.isArray(memoOf) ? memoOf.length : (memoOf as MemosByPull).size) === 0) return output; // nothing to remember: the output as rendered
  const memo = encodeMemo(memoOf);
  const room = MAX_CHECK_OUTPUT_CHARS - memo.length - 2;
  const summary = output.summary.length <= room ? output.summary : `${output.summary.slice(0, Math.max(0, room - 1))}…`;
  return { ...output, summary: `${summary}\n\n${memo}` };
}

/**
 * Whether a sign-off run was written for PR `pr` (its `external_id` notes whom it judged,
 * src/evaluate/sweep-hint.ts): only such a run's memo is this PR's memory.
 */
export function writtenFor(externalId: string | null | undefined, pr: number): boolean {
  return decodeOwner(externalId)?.pr === pr;
}

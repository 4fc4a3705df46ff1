// The app's memory of the commands it has seen (SPEC.md "How votes are read": editing or deleting
// a comment withdraws nothing). The app is stateless, and any writer can edit or delete anyone's
// comment, delete revisions of a comment's edit history, and miss nothing GitHub would replay: the
// one place on GitHub that nobody but the app can change is its own check runs (STYLE.md "The
// app's own writes are its only trusted memory"). So the `Multi-sector sign-off` run carries, at
// the very end of its summary, a hidden memo of every command it has seen:
//
//   <!-- partnership-governance:seen-commands data=[[commentId,"login",userId|null,"abstain"|"recuse","createdAt"],...] -->
//
// It is read back only from this app's own runs (filtered by app id, and checked again), on the
// PR's head and on the commits it had before (src/github/facts.ts), so it survives pushes and
// force-pushes; text of the same shape in a comment, a PR body or another app's check is never read.
import { MARKER_PREFIX, MAX_CHECK_OUTPUT_CHARS } from "../constants.js";
import type { SeenCommand } from "../core/types.js";
import type { CheckOutput } from "./checks.js";
import { decodeOwner } from "../evaluate/sweep-hint.js";

const MEMO_PREFIX = `${MARKER_PREFIX}seen-commands data=`;
const MEMO_SUFFIX = " -->";
// Only at the very end of a summary the app wrote: text rendered before it cannot end it.
const TRAILING_MEMO = /<!-- partnership-governance:seen-commands data=(\[\S*\]) -->\s*$/;
// A login as GitHub allows it (letters, digits, hyphens): the memo's JSON (no spaces, no `<`)
// can never close the HTML comment nor carry markup.
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** The hidden memo of `seen`, as written at the end of the sign-off summary. */
export function encodeMemo(seen: readonly SeenCommand[]): string {
  const rows = seen.filter((s) => LOGIN.test(s.login)).map((s) => [s.commentId, s.login, s.userId, s.verb, s.createdAt]);
  return `${MEMO_PREFIX}${JSON.stringify(rows)}${MEMO_SUFFIX}`;
}

/** The commands remembered in a summary the app wrote; [] when it has none or it is unreadable. */
export function decodeMemo(summary: string | null | undefined): SeenCommand[] {
  const m = TRAILING_MEMO.exec(summary ?? "");
  if (!m) return [];
  let rows: unknown;
  try {
    rows = JSON.parse(m[1]!);
  } catch {
    return [];
  }
  if (!Array.isArray(rows)) return [];
  const out: SeenCommand[] = [];
  for (const row of rows) {
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

/** Every command of several memos once (by comment id; the first seen wins). */
export function mergeMemos(...memos: ReadonlyArray<readonly SeenCommand[]>): SeenCommand[] {
  const byId = new Map<number, SeenCommand>();
  for (const memo of memos) for (const s of memo) if (!byId.has(s.commentId)) byId.set(s.commentId, s);
  return [...byId.values()];
}

/**
 * The sign-off output with the memo at the end of its summary (none when there is nothing to remember), the summary shortened before it
 * when both would pass GitHub's limit of a check output (the memo is never cut: it is small, at
 * most one command per registered person, and bounded by src/core/signals.ts).
 */
export function withMemo(output: CheckOutput, seen: readonly SeenCommand[]): CheckOutput {
  if (seen.length === 0) return output; // nothing to remember: the output as rendered
  const memo = encodeMemo(seen);
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

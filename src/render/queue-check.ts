// The words of a check on a merge queue's own commit: one line per PR of the group, each with
// what its own check says now; success only when every PR holds, otherwise a failure titled with
// the first PR that does not. When the group's PRs cannot be named, the check fails and says why.
import type { GroupProblem } from "../github/merge-queue.js";
import { fitCheckOutput, htmlBase, type CheckOutput, type RenderContext } from "./context.js";
import { directCheckOutput } from "./direction.js";
import type { GatherError } from "./error-check.js";
import { t } from "./i18n.js";
import { safeInline, safePlain } from "./safe.js";

/** One PR of the group, as judged now for one of the two checks. */
export type GroupMember =
  | { number: number; title: string; state: "judged"; output: CheckOutput }
  | { number: number; state: "unreadable" | "closed" };

const prLabel = (n: number): string => `#${n}`;

/**
 * A branch, ref or commit as a code span: shown as written, where GitHub links no mention or
 * reference and renders no HTML. A ref name may hold a backtick (git-check-ref-format allows it),
 * which would close the span: it is dropped, with line breaks.
 */
const codeSpan = (s: string): string => `\`${s.replace(/[`\r\n]/g, "")}\``;

function prLink(ctx: RenderContext, n: number): string {
  return `[${prLabel(n)}](${htmlBase(ctx)}/${ctx.repo.owner}/${ctx.repo.repo}/pull/${n})`;
}

const holds = (m: GroupMember): boolean => m.state === "judged" && m.output.conclusion === "success";

/** The group's check: success only when every member's check succeeds. */
export function renderGroupCheck(members: readonly GroupMember[], branch: string, ctx: RenderContext): CheckOutput {
  const failing = members.find((m) => !holds(m));
  let title: string;
  if (members.length > 0 && !failing) {
    title = t(ctx.lang, "queue.title.holds", { count: members.length, prs: members.map((m) => prLabel(m.number)).join(", ") });
  } else if (failing) {
    const reason =
      failing.state === "judged" ? (failing.output.title ?? "") : t(ctx.lang, failing.state === "closed" ? "queue.reason.closed" : "queue.reason.unreadable");
    title = t(ctx.lang, "queue.title.fails", { pr: prLabel(failing.number), reason });
  } else {
    title = t(ctx.lang, "queue.title.unknown");
  }
  const rows = members.map((m) =>
    m.state === "judged"
      ? t(ctx.lang, `queue.row.${m.output.conclusion}`, { pr: prLink(ctx, m.number), title: safeInline(m.title), check: safeInline(m.output.title) })
      : t(ctx.lang, `queue.row.${m.state}`, { pr: prLink(ctx, m.number) }),
  );
  // The links are built here from numbers; the PR titles (user text) are made inert.
  const summary = [
    t(ctx.lang, "queue.intro", { count: members.length, branch: codeSpan(branch) }),
    rows.join("\n"),
    t(ctx.lang, "queue.leaves"),
  ].join("\n\n");
  const out: CheckOutput = { conclusion: members.length > 0 && !failing ? "success" : "failure", title: safePlain(title), summary };
  return directCheckOutput(fitCheckOutput(out, ctx), ctx);
}

/** The group's check when its PRs cannot be named: a failure saying why. */
export function renderGroupProblemCheck(problem: GroupProblem | { reason: "read"; error: GatherError }, ctx: RenderContext): CheckOutput {
  let why: string;
  switch (problem.reason) {
    case "branch":
      why = t(ctx.lang, "queue.problem.branch", { ref: codeSpan(problem.ref) });
      break;
    case "base":
      why = t(ctx.lang, "queue.problem.base", { named: codeSpan(problem.named), base: codeSpan(problem.base) });
      break;
    case "no-queue":
      why = t(ctx.lang, "queue.problem.no-queue", { base: codeSpan(problem.base) });
      break;
    case "not-queued":
      why = t(ctx.lang, "queue.problem.not-queued", { pr: prLink(ctx, problem.number), base: codeSpan(problem.base) });
      break;
    case "commit":
      why = t(ctx.lang, "queue.problem.commit", {
        pr: prLink(ctx, problem.number),
        hasActual: problem.actual ? "yes" : "no",
        actual: codeSpan(problem.actual ?? ""),
        expected: codeSpan(problem.expected),
      });
      break;
    case "no-pull-request":
      why = t(ctx.lang, "queue.problem.no-pull-request", { position: problem.position });
      break;
    case "pr-base":
      why = t(ctx.lang, "queue.problem.pr-base", { pr: prLink(ctx, problem.number), prBase: codeSpan(problem.prBase), base: codeSpan(problem.base) });
      break;
    case "pr-closed":
      why = t(ctx.lang, "queue.problem.pr-closed", { pr: prLink(ctx, problem.number) });
      break;
    case "read": {
      const e = problem.error;
      const parts = [
        t(ctx.lang, "queue.problem.read", { hasStatus: e.status !== undefined ? "yes" : "no", status: String(e.status ?? "") }),
        e.requestId ? t(ctx.lang, "checks.error.requestId", { id: safeInline(e.requestId) }) : t(ctx.lang, "checks.error.noRequestId"),
      ];
      if (e.message) parts.push(t(ctx.lang, "checks.error.message", { message: safeInline(e.message.slice(0, 1000)) }));
      why = parts.join(" ");
      break;
    }
  }
  const out: CheckOutput = {
    conclusion: "failure",
    title: safePlain(t(ctx.lang, "queue.title.unknown")),
    summary: [why, t(ctx.lang, "queue.failclosed")].join("\n\n"),
  };
  return directCheckOutput(fitCheckOutput(out, ctx), ctx);
}

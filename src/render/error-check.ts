// The words of a check that could not be decided because GitHub answered with an error while
// the facts were gathered: it fails (never passes on missing facts), names GitHub's request id
// so that an administrator can quote it to GitHub Support, and says how to run it again.
import { fitCheckOutput, type CheckOutput, type RenderContext } from "./context.js";
import { directCheckOutput } from "./direction.js";
import { t } from "./i18n.js";
import { safeInline, safePlain } from "./safe.js";

export type { CheckOutput, RenderContext } from "./context.js";

export interface GatherError {
  status?: number;
  requestId?: string;
  message?: string;
}

export function renderErrorCheck(error: GatherError, ctx: RenderContext): CheckOutput {
  const title = safePlain(t(ctx.lang, "checks.error.title"));
  const parts = [
    t(ctx.lang, "checks.error.what", {
      hasStatus: error.status !== undefined ? "yes" : "no",
      status: String(error.status ?? ""),
    }),
    error.requestId
      ? t(ctx.lang, "checks.error.requestId", { id: safeInline(error.requestId) })
      : t(ctx.lang, "checks.error.noRequestId"),
    t(ctx.lang, "checks.error.rerun"),
  ];
  if (error.message) parts.push(t(ctx.lang, "checks.error.message", { message: safeInline(error.message.slice(0, 1000)) }));
  return directCheckOutput(fitCheckOutput({ conclusion: "failure", title, summary: parts.join("\n\n") }, ctx), ctx);
}

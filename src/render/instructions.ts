// The one comment the app posts on a pull request whose check finds people who have not
// declared: plain words for a newcomer, the registry's link and a ready-to-paste entry per
// person. The GitHub layer finds it again by its marker, updates it in place, and replaces it
// with the thank-you body once the check passes.
import { MARKER_INSTRUCTIONS, MAX_BODY_CHARS } from "../constants.js";
import type { DeclarationResult, NotDeclaredReason } from "../core/types.js";
import { checksUrl, toDate, todayUtc, type RenderContext } from "./context.js";
import { renderEntryBlock, renderMissing } from "./declaration-check.js";
import { directionRoom, wrapDirection } from "./direction.js";
import { t } from "./i18n.js";
import { shorten } from "./limits.js";
import { safeInline } from "./safe.js";

/**
 * The body to post or update: the instructions while someone is missing, the thank-you once
 * the check passes. Null when there is nothing a contributor can do (the policy or registry is
 * invalid: that is for the secretariat, and the check itself says so).
 */
export function renderInstructionComment(result: DeclarationResult, ctx: RenderContext): string | null {
  if (result.diagnostics && result.diagnostics.length > 0) return null;
  if (result.outcome === "success") {
    return wrapDirection(ctx.lang, `${MARKER_INSTRUCTIONS}\n${t(ctx.lang, "checks.comment.thanks", { registryUrl: ctx.registryUrl })}`);
  }
  if (result.missing.length === 0) return null;
  const withLogin = result.missing.filter((m): m is { login: string; reason: NotDeclaredReason; id?: number | null } => m.login !== null);
  const seen = new Set<string>();
  const people = withLogin.filter((m) => !seen.has(m.login.toLowerCase()) && seen.add(m.login.toLowerCase()));
  const parts = [
    MARKER_INSTRUCTIONS,
    `### ${t(ctx.lang, "checks.comment.heading")}`,
    t(ctx.lang, "checks.comment.why"),
    result.missing.map((m) => `- ${renderMissing(m, ctx)}`).join("\n"),
  ];
  if (people.length > 0) {
    parts.push(
      t(ctx.lang, "checks.comment.steps", {
        registryUrl: ctx.registryUrl,
        registryPath: safeInline(ctx.registryPath),
        branch: safeInline(ctx.defaultBranch),
        today: toDate(todayUtc(ctx.now)),
        count: people.length,
      }),
    );
    for (const m of people) {
      parts.push(t(ctx.lang, "checks.comment.entryFor", { login: safeInline(m.login) }), renderEntryBlock(m.login, m.id ?? null, ctx));
    }
    parts.push(t(ctx.lang, "checks.comment.after"));
  }
  parts.push(t(ctx.lang, "checks.comment.help"));
  const notice = t(ctx.lang, "checks.shortened", { url: checksUrl(ctx) });
  const body = parts.join("\n\n");
  return wrapDirection(ctx.lang, shorten(body, notice, MAX_BODY_CHARS - directionRoom(ctx.lang, body)));
}

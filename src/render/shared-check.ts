// The words of a check on a commit that is the head of several open pull requests (a check is
// GitHub's per commit, not per PR: src/evaluate/shared-head.ts): the most restrictive of their
// outcomes, titled with the PR that does not hold.
import { fitCheckOutput, htmlBase, type CheckOutput, type RenderContext } from "./context.js";
import { directCheckOutput } from "./direction.js";
import { t } from "./i18n.js";
import { safePlain } from "./safe.js";

/** PR `pr`'s own check (`output`, not passing), shown on the commit it shares with `prs`. */
export function renderSharedCheck(pr: number, output: CheckOutput, prs: readonly number[], ctx: RenderContext): CheckOutput {
  const link = (n: number): string => `[#${n}](${htmlBase(ctx)}/${ctx.repo.owner}/${ctx.repo.repo}/pull/${n})`;
  const intro = t(ctx.lang, "queue.shared.intro", { count: prs.length, prs: prs.map(link).join(", "), pr: link(pr) });
  const out: CheckOutput = {
    conclusion: output.conclusion,
    title: safePlain(t(ctx.lang, "queue.title.fails", { pr: `#${pr}`, reason: output.title })),
    summary: `${intro}\n\n${output.summary}`,
    ...(output.text === undefined ? {} : { text: output.text }),
  };
  return directCheckOutput(fitCheckOutput(out, ctx), ctx);
}

/**
 * The check on a commit with more associated pull requests than the app reads (`max`): it cannot
 * judge every PR whose head this is, so it fails, saying why (never passes for one of them).
 */
export function renderTooManySharing(max: number, ctx: RenderContext): CheckOutput {
  const out: CheckOutput = {
    conclusion: "failure",
    title: safePlain(t(ctx.lang, "queue.shared.tooMany.title")),
    summary: t(ctx.lang, "queue.shared.tooMany.summary", { max }),
  };
  return directCheckOutput(fitCheckOutput(out, ctx), ctx);
}

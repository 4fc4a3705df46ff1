// What every handler is given: how to have a PR evaluated (queued per installation in the
// long-running server, inline in the Action and on serverless hosts), the clock, and the app's
// identity. Handlers never evaluate by themselves.
import type { GitHub } from "../github/client.js";
import type { EvaluationDeps, EvaluationTarget } from "../evaluate/evaluate-pr.js";
import type { Work } from "../evaluate/work.js";

export interface Services extends EvaluationDeps {
  /** Has one PR evaluated; resolves when it is queued (server) or done (inline). */
  evaluate(octokit: GitHub, installationId: number, target: EvaluationTarget): Promise<void>;
  /**
   * Offers a courtesy write (the reaction to `/governance check`): bounded per PR and per person,
   * and after the checks (src/evaluate/courtesy.ts). Absent: the write runs at once, after the
   * evaluation it follows (the Action: one webhook per run).
   */
  courtesy?(installationId: number, ticket: { pr: string; person: string }, write: () => Promise<unknown>): Promise<boolean>;
  /**
   * Runs any other task of an installation the same way (queued, or inline). With `work` (the
   * same task as data), a durable queue stores it and any replica may run it; without, it runs in
   * this process. With `wait`, it runs in this process and the promise settles once it has run
   * (the sweep's records, written one after another so that the log keeps the order of events).
   */
  run(installationId: number, key: string, task: () => Promise<void>, work?: Work, opts?: { wait?: boolean }): Promise<void>;
  /**
   * Whether the app may look at the installation's other repositories (false in the Action: a
   * workflow's token reaches its own repository only, and other repositories' pushes never
   * reach its workflow). Absent: false.
   */
  otherRepositories?: boolean;
  /**
   * The app's bot login ("slug[bot]"), when `appLogin` is not given: looked up once (`GET /app`).
   * Only what that account wrote is the public record; undefined while GitHub cannot say.
   */
  botLogin?: () => Promise<string | undefined>;
}

/** The app's login, or an error: nothing is written to the public record under an unknown name. */
export async function appLoginOf(services: Pick<Services, "appLogin" | "botLogin">): Promise<string> {
  const login = services.appLogin ?? (await services.botLogin?.());
  if (!login) throw new Error("The app's own login is not known yet (GET /app failed): the public record is not read or written until it is");
  return login;
}

/** The key under which evaluations of one PR coalesce (and its sweep hint is kept). */
export { hintKey as prKey } from "../evaluate/evaluate-pr.js";

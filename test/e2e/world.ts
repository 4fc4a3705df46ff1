// A governed repository on the stand-in, and what people do there: each action changes the
// stand-in's state as GitHub would, then delivers the webhook GitHub would send, to one of the
// running app processes. Reading back: the checks on a PR's head, the log's records, the chain.
import { readFileSync } from "node:fs";
import { afterEach, expect } from "vitest";
import { runVerify } from "../../src/cli/verify.js";
import { CHECK_ANCHOR, CHECK_DECLARATION, CHECK_SIGNOFF, LOG_TITLE_PREFIX, MARKER_INSTRUCTIONS, REPORT_TITLE_PREFIX } from "../../src/constants.js";
import { verifyChain, type ChainResult } from "../../src/core/chain.js";
import { parseRecordComment } from "../../src/core/record.js";
import { validateWebhook } from "../helpers/openapi.js";
import { issueCommentPayload, loadPayload, mergeGroupPayload, pullRequestPayload, pullRequestQueuePayload, pushPayload } from "../helpers/payloads.js";
import { createStandin, FakeClock, startApp, type AppHarness, type HarnessOptions } from "./harness.js";
import { userId, type GitHubStandin, type QueueEntry, type Repo, type StandinOptions } from "./standin/standin.js";

export const OWNER = "partners";
export const REPO = "charter";
export const INSTALLATION = 31;
export const POLICY_PATH = ".github/governance.yml";
export const REGISTRY_PATH = "STAKEHOLDERS.yml";

export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/handlers/${name}`, import.meta.url), "utf8");

/** The policy of the handler tests (charter: 3 sectors with civil-society; consultation: 2 sectors after 72 h; motion: a rule). */
export const POLICY = fixture("governance.yml");
/** alice and dan (civil-society), bob (government), carol (business), erin (expired), zoe (observer). */
export const REGISTRY = fixture("STAKEHOLDERS.yml");

/** Who has write access to the repository: every declared person, and mallory, an insider who never declared. */
export const WRITERS = ["alice", "bob", "carol", "dan", "erin", "zoe", "mallory"];

export interface WorldOptions {
  start?: string;
  files?: Record<string, string | Buffer>;
  /** How many app processes serve the same stand-in (default 1). */
  processes?: number;
  standin?: StandinOptions;
  app?: HarnessOptions["app"];
  /**
   * Starts the app processes instead of in-process ones (the durable queue's test runs them as
   * child processes on one Redis).
   */
  startApps?: (standin: GitHubStandin, clock: FakeClock) => Promise<AppHarness[]>;
  /**
   * Expect every webhook accepted (default). Off when GitHub fails on purpose: a handler that
   * reads GitHub before queueing (a push, a `/governance check` reaction) may then fail, and
   * GitHub would show the delivery as failed; the sweep heals what it missed.
   */
  strict?: boolean;
}

export interface CheckView {
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  text?: string | null;
}

export interface RecordView {
  /** Null for a direct push. */
  pr: number | null;
  closedAt: string;
  record: Record<string, unknown> | null;
  issue: number;
}

export class World {
  /** Which process gets the next webhook (round robin over the processes). */
  #next = 0;
  events = 0;
  /** Webhooks answered with an error (only when not strict). */
  refused = 0;
  strict = true;

  private constructor(
    readonly clock: FakeClock,
    readonly standin: GitHubStandin,
    readonly repo: Repo,
    readonly apps: AppHarness[],
  ) {}

  static async create(options: WorldOptions = {}): Promise<World> {
    const clock = new FakeClock(options.start ?? "2026-11-20T10:00:00Z");
    const standin = createStandin(clock, options.standin);
    await standin.start();
    const repo = standin.addRepo({
      owner: OWNER,
      name: REPO,
      installation: INSTALLATION,
      files: options.files ?? { [POLICY_PATH]: POLICY, [REGISTRY_PATH]: REGISTRY, "CHARTER.md": "# Charter\n" },
      at: clock.plus(-30 * 24 * 3_600_000),
    });
    // The partnership's people push, review, label and edit: each has write access (the
    // secretariat administers). Anyone else can only comment, and edit or delete their own.
    for (const login of WRITERS) standin.grant(repo, login, "write");
    standin.grant(repo, "secretariat", "admin");
    const apps: AppHarness[] = options.startApps ? await options.startApps(standin, clock) : [];
    for (let i = 0; !options.startApps && i < (options.processes ?? 1); i++) {
      apps.push(await startApp({ standin, clock, ...(options.app ? { app: options.app } : {}) }));
    }
    const world = new World(clock, standin, repo, apps);
    world.strict = options.strict ?? true;
    return world;
  }

  get app(): AppHarness {
    return this.apps[0]!;
  }

  async stop(): Promise<void> {
    for (const app of this.apps) await app.stop();
    await this.standin.stop();
  }

  // -------------------------------------------------------------------------------------------
  // Delivering webhooks

  #target(number?: number) {
    return {
      owner: OWNER,
      repo: REPO,
      installationId: INSTALLATION,
      defaultBranch: this.repo.defaultBranch,
      ...(number === undefined ? {} : { number }),
    };
  }

  /** Delivers one webhook to the next process and expects it accepted. */
  async deliver(event: string, payload: unknown, to?: AppHarness): Promise<void> {
    const app = to ?? this.apps[this.#next++ % this.apps.length]!;
    this.events++;
    const answer = await app.send(event, payload);
    if (this.strict) expect(answer.status, `${event}: ${answer.body}`).toBeLessThan(300);
    else if (answer.status >= 300) this.refused++;
  }

  pullPayload(action: string, number: number): Record<string, unknown> {
    return pullRequestPayload(`pull_request.${action}`, this.#target(number), {
      pull_request: this.standin.pullJson(this.repo, number),
      repository: this.standin.repoJson(this.repo),
    });
  }

  reviewPayload(action: string, number: number, reviewId: number): Record<string, unknown> {
    return pullRequestPayload(`pull_request_review.${action}`, this.#target(number), {
      pull_request: this.standin.pullJson(this.repo, number),
      review: this.standin.reviewJson(this.repo, number, reviewId),
      repository: this.standin.repoJson(this.repo),
    });
  }

  commentPayload(action: string, number: number, commentId: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const comment = this.standin.commentJson(commentId);
    return issueCommentPayload(
      `issue_comment.${action}`,
      { ...this.#target(number), body: comment.body, commentId, commenter: comment.user.login, commenterType: comment.user.type as "User" | "Bot" },
      { comment, repository: this.standin.repoJson(this.repo), ...extra },
    );
  }

  // -------------------------------------------------------------------------------------------
  // What people do

  async openPull(spec: { author: string; title: string; files: Record<string, string | null>; labels?: string[]; draft?: boolean; authorType?: "User" | "Bot"; base?: string }): Promise<number> {
    const pull = this.standin.openPull(this.repo, { ...spec, at: this.clock.now() });
    await this.deliver("pull_request", this.pullPayload("opened", pull.number));
    return pull.number;
  }

  async push(number: number, files: Record<string, string | null>): Promise<string> {
    const sha = this.standin.pushToPull(this.repo, number, files, this.clock.now());
    await this.deliver("pull_request", this.pullPayload("synchronize", number));
    return sha;
  }

  async review(number: number, user: string, state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED", opts: { commitId?: string; userType?: "User" | "Bot" } = {}): Promise<number> {
    const review = this.standin.review(this.repo, number, { user, state, at: this.clock.now(), ...opts });
    await this.deliver("pull_request_review", this.reviewPayload("submitted", number, review.id));
    return review.id;
  }

  approve(number: number, user: string, opts: { commitId?: string; userType?: "User" | "Bot" } = {}): Promise<number> {
    return this.review(number, user, "APPROVED", opts);
  }

  /** Dismisses a review, as `by` (default: the review's own author). */
  async dismiss(number: number, reviewId: number, by?: string): Promise<void> {
    const review = this.standin.dismissReview(this.repo, number, reviewId, by, this.clock.now());
    await this.deliver("pull_request_review", { ...this.reviewPayload("dismissed", number, reviewId), sender: this.#sender(by ?? review.user) });
  }

  async comment(number: number, user: string, body: string, userType?: "User" | "Bot"): Promise<number> {
    const comment = this.standin.addComment(this.repo, number, { user, body, at: this.clock.now(), ...(userType ? { userType } : {}) });
    await this.deliver("issue_comment", this.commentPayload("created", number, comment.id));
    return comment.id;
  }

  /** Edits a comment, as `by` (default: its author; a writer may edit anyone's). */
  async editComment(number: number, id: number, body: string, by?: string): Promise<void> {
    const before = this.standin.commentJson(id);
    this.standin.editComment(id, body, this.clock.now(), by);
    const sender = this.#sender(by ?? before.user.login);
    await this.deliver("issue_comment", { ...this.commentPayload("edited", number, id, { changes: { body: { from: before.body } } }), sender });
  }

  /** Deletes a comment, as `by` (its author, or a writer), and GitHub's `issue_comment.deleted`. */
  async deleteComment(number: number, id: number, by: string): Promise<void> {
    const comment = this.standin.deleteComment(id, by, this.clock.now());
    const payload = issueCommentPayload(
      "issue_comment.deleted",
      { ...this.#target(number), body: comment.body, commentId: id, commenter: comment.user.login, commenterType: comment.user.type as "User" | "Bot" },
      { comment, repository: this.standin.repoJson(this.repo) },
    );
    await this.deliver("issue_comment", { ...payload, sender: this.#sender(by) });
  }

  /** Sets the PR's labels, as `by` (default: its author): `labeled`, or `unlabeled` when one was removed. */
  async label(number: number, labels: string[], by?: string): Promise<void> {
    const removed = this.standin.item(this.repo, number).labels.some((l) => !labels.includes(l));
    this.standin.setLabels(this.repo, number, labels, by, this.clock.now());
    const payload = this.pullPayload(removed ? "unlabeled" : "labeled", number);
    await this.deliver("pull_request", by ? { ...payload, sender: this.#sender(by) } : payload);
  }

  /** Changes the PR's base branch, as `by`: GitHub sends `pull_request.edited` with `changes.base`. */
  async retarget(number: number, base: string, by: string): Promise<void> {
    const from = this.standin.item(this.repo, number).base;
    this.standin.retarget(this.repo, number, base, by, this.clock.now());
    // @octokit/webhooks-examples has no `pull_request.edited`: an `opened` one with its action and changes.
    const payload = { ...this.pullPayload("opened", number), action: "edited", changes: { base: { ref: { from }, sha: { from: this.repo.branches.get(from) } } } };
    await this.deliver("pull_request", { ...payload, sender: this.#sender(by) });
  }

  /** A force-push to the PR's branch: all its commits replaced by one. */
  async forcePush(number: number, files: Record<string, string | null>): Promise<string> {
    const sha = this.standin.forcePushToPull(this.repo, number, files, this.clock.now());
    await this.deliver("pull_request", this.pullPayload("synchronize", number));
    return sha;
  }

  /** A webhook's `sender`: who did it. */
  #sender(login: string) {
    return this.standin.userJson(login);
  }

  /**
   * Merges the PR by one of GitHub's merge methods and delivers its close; with `push`, also the
   * push of the default branch that GitHub sends for the merge.
   */
  async merge(number: number, method: "merge" | "squash" | "rebase" = "merge", opts: { push?: boolean } = {}): Promise<string> {
    const before = this.repo.branches.get(this.repo.defaultBranch)!;
    const files = this.standin.changedFiles(this.repo, number);
    const sha = this.standin.merge(this.repo, number, this.clock.now(), method);
    await this.deliver("pull_request", this.pullPayload("closed", number));
    if (opts.push) await this.deliver("push", this.#pushPayload(before, sha, { modified: files }, this.standin.item(this.repo, number).user));
    return sha;
  }

  async close(number: number): Promise<void> {
    this.standin.close(this.repo, number, this.clock.now());
    await this.deliver("pull_request", this.pullPayload("closed", number));
  }

  async reopen(number: number): Promise<void> {
    this.standin.reopen(this.repo, number, this.clock.now());
    await this.deliver("pull_request", this.pullPayload("reopened", number));
  }

  /**
   * Settings > Default branch: `to` (the old default branch deleted with `deleteOld`); GitHub sends
   * `repository.edited` with the change, delivered and settled here.
   */
  async switchDefault(to: string, opts: { deleteOld?: boolean } = {}): Promise<void> {
    const from = this.repo.defaultBranch;
    this.repo.defaultBranch = to;
    if (opts.deleteOld) this.repo.branches.delete(from);
    const payload = loadPayload("repository.edited");
    payload.changes = { default_branch: { from } };
    payload.repository = this.standin.repoJson(this.repo) as never;
    payload.installation = { id: INSTALLATION } as never;
    payload.sender = this.standin.userJson("secretariat") as never;
    await this.deliver("repository", payload);
    await this.settle();
  }

  /** A commit straight to the default branch, and its push event. */
  async pushDefault(files: Record<string, string | Buffer | null>, opts: { pusher?: string } = {}): Promise<string> {
    const pusher = opts.pusher ?? "secretariat";
    const before = this.repo.branches.get(this.repo.defaultBranch)!;
    const paths = Object.keys(files);
    const had = (p: string) => this.standin.readFile(this.repo, p) !== undefined;
    const changes = {
      added: paths.filter((p) => files[p] !== null && !had(p)),
      removed: paths.filter((p) => files[p] === null),
      modified: paths.filter((p) => files[p] !== null && had(p)),
    };
    const sha = this.standin.commit(this.repo, this.repo.defaultBranch, files, { at: this.clock.now(), author: pusher });
    await this.deliver("push", this.#pushPayload(before, sha, changes, pusher));
    return sha;
  }

  /** The push event GitHub sends for the default branch moving from `before` to `after`. */
  #pushPayload(before: string, after: string, changes: { added?: string[]; removed?: string[]; modified?: string[] }, pusher: string) {
    const commit = { id: after, message: `Pushed by ${pusher}`, added: changes.added ?? [], removed: changes.removed ?? [], modified: changes.modified ?? [] };
    return pushPayload(
      { ...this.#target(), after, modified: commit.modified },
      {
        before,
        sender: { login: pusher, id: this.userId(pusher) },
        repository: { pushed_at: Math.floor(this.clock.now().getTime() / 1000) },
        commits: [commit],
        head_commit: commit,
      },
    );
  }

  /** A login's account id on the stand-in. */
  readonly userId = (login: string): number => userId(login);

  // -------------------------------------------------------------------------------------------
  // The merge queue, as GitHub runs it (the stand-in builds the groups' commits); every payload
  // is checked against GitHub's schema of its webhook.

  /** Delivers a webhook after checking it against GitHub's schema of it. */
  async deliverChecked(event: string, schema: string, payload: Record<string, unknown>): Promise<void> {
    expect(validateWebhook(schema, payload), `${schema} payload`).toEqual([]);
    await this.deliver(event, payload);
  }

  groupPayload(action: "checks_requested" | "destroyed", entry: QueueEntry, reason?: "merged" | "invalidated" | "dequeued"): Record<string, unknown> {
    return mergeGroupPayload(action, {
      ...this.#target(),
      mergeGroup: this.standin.mergeGroupJson(this.repo, entry) as unknown as Record<string, unknown>,
      ...(reason ? { reason } : {}),
    }, { repository: this.standin.repoJson(this.repo) });
  }

  async requestGroupChecks(entry: QueueEntry): Promise<void> {
    await this.deliverChecked("merge_group", "webhook-merge-group-checks-requested", this.groupPayload("checks_requested", entry));
  }

  /** Someone adds the PR to the merge queue: `pull_request.enqueued`, then its group's checks are asked for. */
  async enqueue(number: number): Promise<QueueEntry> {
    this.standin.enableMergeQueue(this.repo);
    const entry = this.standin.enqueue(this.repo, number, { at: this.clock.now() });
    await this.deliverChecked("pull_request", "webhook-pull-request-enqueued", pullRequestQueuePayload("enqueued", this.#target(number), {
      pull_request: this.standin.pullJson(this.repo, number),
      repository: this.standin.repoJson(this.repo),
    }));
    await this.requestGroupChecks(entry);
    return entry;
  }

  /**
   * The PR leaves the queue (a failed check, or by hand): `pull_request.dequeued`, its group
   * destroyed, and every group behind it destroyed (invalidated) and built again without it.
   */
  async dequeue(number: number, reason = "CI_FAILURE"): Promise<QueueEntry[]> {
    const { removed, invalidated, rebuilt } = this.standin.dequeue(this.repo, number, this.clock.now());
    await this.deliverChecked("pull_request", "webhook-pull-request-dequeued", pullRequestQueuePayload("dequeued", this.#target(number), {
      pull_request: this.standin.pullJson(this.repo, number),
      repository: this.standin.repoJson(this.repo),
    }, reason));
    await this.deliverChecked("merge_group", "webhook-merge-group-destroyed", this.groupPayload("destroyed", removed, "dequeued"));
    for (const old of invalidated) await this.deliverChecked("merge_group", "webhook-merge-group-destroyed", this.groupPayload("destroyed", old, "invalidated"));
    for (const entry of rebuilt) await this.requestGroupChecks(entry);
    return rebuilt;
  }

  /**
   * GitHub's queue merges every entry up to `number`'s at once, and the webhooks follow: each
   * group destroyed as merged, the push of the default branch to the last group's commit, each PR
   * closed as merged. Returns the landed entries.
   */
  async landQueue(number: number): Promise<QueueEntry[]> {
    const before = this.repo.branches.get(this.repo.defaultBranch);
    const landed = this.standin.landQueue(this.repo, number, this.clock.now());
    for (const entry of landed) {
      await this.deliverChecked("merge_group", "webhook-merge-group-destroyed", this.groupPayload("destroyed", entry, "merged"));
    }
    const changed = [...new Set(landed.flatMap((e) => this.standin.changedFiles(this.repo, e.number)))];
    const after = landed[landed.length - 1]?.headSha;
    await this.deliver("push", pushPayload({ ...this.#target(), ...(after ? { after } : {}), modified: changed }, { before, repository: { pushed_at: Math.floor(this.clock.now().getTime() / 1000) } }));
    for (const entry of landed) await this.deliver("pull_request", this.pullPayload("closed", entry.number));
    return landed;
  }

  /** This app's two checks on a queue entry's commit. */
  groupChecks(entry: QueueEntry): { declaration: CheckView | undefined; signoff: CheckView | undefined } {
    const view = (name: string) => {
      const run = this.standin.latestCheck(this.repo, entry.headSha, name);
      return run ? { conclusion: run.conclusion, title: run.output.title, summary: run.output.summary } : undefined;
    };
    return { declaration: view(CHECK_DECLARATION), signoff: view(CHECK_SIGNOFF) };
  }

  /**
   * One step of GitHub's queue, on the required checks of the entry at its front: both passed,
   * the queue lands it (the branch moves to its commit, the PR closes as merged with it, and the
   * webhooks follow: the group destroyed as merged, the push, the PR closed); one failed, the PR
   * leaves the queue. Returns what happened.
   */
  async advanceQueue(): Promise<{ landed?: number; dequeued?: number; waiting?: number } | undefined> {
    await this.settle();
    const front = this.standin.queueOf(this.repo)[0];
    if (!front) return undefined;
    const checks = this.groupChecks(front);
    const conclusions = [checks.declaration?.conclusion, checks.signoff?.conclusion];
    if (conclusions.some((c) => c !== undefined && c !== "success")) {
      await this.dequeue(front.number);
      await this.settle();
      return { dequeued: front.number };
    }
    if (conclusions.some((c) => c === undefined)) return { waiting: front.number };
    await this.landQueue(front.number);
    await this.settle();
    return { landed: front.number };
  }

  // -------------------------------------------------------------------------------------------
  // Waiting and reading back

  async settle(): Promise<void> {
    // A process's evaluation may enqueue nothing more, but two processes can keep each other
    // busy only through webhooks, which the tests deliver themselves: one pass is enough.
    for (const app of this.apps) await app.settle();
    for (const app of this.apps) await app.settle();
  }

  /** Sweeps (every process) and settles until a sweep writes nothing; returns how many sweeps. */
  async sweepUntilQuiet(max = 6): Promise<number> {
    for (let n = 1; n <= max; n++) {
      const before = this.writes();
      await Promise.all(this.apps.map((app) => app.sweep()));
      await this.settle();
      if (this.writes() === before) return n;
    }
    throw new Error(`still writing after ${max} sweeps`);
  }

  /** Writes the stand-in applied so far. */
  writes(): number {
    return this.standin.requests.filter((r) => r.applied).length;
  }

  headSha(number: number): string {
    return this.standin.headSha(this.repo, this.standin.item(this.repo, number));
  }

  check(number: number, name: typeof CHECK_DECLARATION | typeof CHECK_SIGNOFF, sha?: string): CheckView | undefined {
    const run = this.standin.latestCheck(this.repo, sha ?? this.headSha(number), name);
    return run ? { conclusion: run.conclusion, title: run.output.title, summary: run.output.summary } : undefined;
  }

  /** The check's whole output (title, summary and text). */
  checkText(number: number, name: typeof CHECK_DECLARATION | typeof CHECK_SIGNOFF): string {
    const run = this.standin.latestCheck(this.repo, this.headSha(number), name);
    return run ? [run.output.title, run.output.summary, run.output.text].filter((p) => p !== null).join("\n") : "";
  }

  signoff(number: number, sha?: string): CheckView | undefined {
    return this.check(number, CHECK_SIGNOFF, sha);
  }

  declaration(number: number, sha?: string): CheckView | undefined {
    return this.check(number, CHECK_DECLARATION, sha);
  }

  /** The app's issues whose title starts with `prefix`, oldest first. */
  issuesTitled(prefix: string) {
    return this.standin
      .issues(this.repo)
      .filter((i) => i.title.startsWith(prefix) && i.user === this.standin.botLogin)
      .sort((a, b) => a.number - b.number);
  }

  logIssues() {
    return this.issuesTitled(LOG_TITLE_PREFIX);
  }

  reportIssues() {
    return this.issuesTitled(REPORT_TITLE_PREFIX);
  }

  /** The app's record comments on the log, in log order, with their comment ids. */
  recordComments(): Array<{ id: number; record: Record<string, unknown> & { hash: string } }> {
    const out: Array<{ id: number; record: Record<string, unknown> & { hash: string } }> = [];
    for (const issue of this.canonicalLogs()) {
      for (const c of this.standin.commentsOn(this.repo, issue.number)) {
        const record = c.user === this.standin.botLogin ? parseRecordComment(c.body)?.record : null;
        if (record) out.push({ id: c.id, record: record as Record<string, unknown> & { hash: string } });
      }
    }
    return out;
  }

  /** Every record on the log, in log order (canonical log of each period, oldest first). */
  records(): RecordView[] {
    const out: RecordView[] = [];
    for (const issue of this.canonicalLogs()) {
      for (const c of this.standin.commentsOn(this.repo, issue.number)) {
        if (c.user !== this.standin.botLogin) continue;
        const parsed = parseRecordComment(c.body);
        if (parsed) out.push({ ...parsed, issue: issue.number });
      }
    }
    return out;
  }

  /** The log issue of each period (the oldest when there are several), in period order. */
  canonicalLogs() {
    const byPeriod = new Map<string, ReturnType<World["logIssues"]>[number]>();
    for (const issue of this.logIssues()) {
      const period = issue.title.slice(LOG_TITLE_PREFIX.length);
      if (!byPeriod.has(period)) byPeriod.set(period, issue);
    }
    return [...byPeriod.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, issue]) => issue);
  }

  /** The chain as `verify` reads it: every comment of every canonical log, in order. */
  verifyChain(): ChainResult {
    const entries = this.canonicalLogs().flatMap((issue) =>
      this.standin.commentsOn(this.repo, issue.number).map((c) => ({ body: c.body, period: issue.title.slice(LOG_TITLE_PREFIX.length) })),
    );
    return verifyChain(entries);
  }

  /** What this app's `Transparency record` check runs on `sha` say (every one, oldest first). */
  anchors(sha: string): unknown[] {
    return this.repo.checkRuns
      .filter((r) => r.headSha === sha && r.name === CHECK_ANCHOR && r.appId === this.standin.appId)
      .sort((a, b) => a.id - b.id)
      .map((r) => JSON.parse(r.output.text ?? "null") as unknown);
  }

  /**
   * `partnership-governance verify --repo partners/charter --app <slug> --json`, run as an outsider
   * runs it: the real command line, with a token of its own, against the stand-in.
   */
  async verify(): Promise<{ code: number; ok: boolean; count: number; head: string | null; problems: Array<{ seq: number | null; pr: number | null; problem: string; url: string | null }> }> {
    const { code, out } = await this.verifyText(["--json"]);
    return { code, ...(JSON.parse(out) as { ok: boolean; count: number; head: string | null; problems: [] }) };
  }

  /** `verify` as a person reads it (the words, with each problem's details), or with `extra` arguments. */
  async verifyText(extra: string[] = []): Promise<{ code: number; out: string }> {
    const token = "ghs_outsider_verifying";
    this.standin.tokens.set(token, INSTALLATION);
    let out = "";
    let err = "";
    const code = await runVerify(["--repo", `${OWNER}/${REPO}`, "--app", this.standin.appSlug, ...extra], {
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      cwd: "/nonexistent",
      env: { GITHUB_TOKEN: token, GITHUB_API_URL: this.standin.baseUrl },
    });
    if (code === 2) throw new Error(`verify failed: ${err}`);
    return { code, out };
  }

  /** The app's instruction comments on a PR. */
  instructionComments(number: number) {
    return this.standin.commentsOn(this.repo, number).filter((c) => c.user === this.standin.botLogin && c.body.includes(MARKER_INSTRUCTIONS));
  }
}

/**
 * One World per test: returns its constructor, and after each test checks that every request and
 * answer fit GitHub's description, then stops it.
 */
export function worldPerTest(): (...args: Parameters<typeof World.create>) => Promise<World> {
  let world: World | undefined;
  afterEach(async () => {
    if (!world) return;
    const current = world;
    world = undefined;
    expect(current.standin.violations).toEqual([]);
    await current.stop();
  });
  return async (...args) => {
    world = await World.create(...args);
    return world;
  };
}

// @ts-check
// A local, stateful stand-in for GitHub's REST and GraphQL APIs, on a loopback port: repositories
// with branches and commits, files, pull requests with their files, commits, reviews and labels,
// check runs, issues and comments, reactions and installations. Tests change its state as people
// would (open a PR, approve, comment, merge), then deliver the webhook GitHub would send; the app
// reads and writes through HTTP as it does against GitHub.
//
// Every request and every answer can be checked by a validator (the tests pass GitHub's OpenAPI
// description, test/helpers/openapi.ts): what it finds is collected in `violations`, which a test
// asserts empty. GraphQL queries are validated against, and executed on, GitHub's published schema
// (@octokit/graphql-schema): a query GitHub would refuse is a violation too. Faults are injected
// on demand (faults.js), on GraphQL requests as on REST ones. Plain JavaScript with JSDoc types, so
// that the benchmark can import it with `node` alone.
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { buildClientSchema, execute, parse, validate } from "graphql";
import { FaultPlan } from "./faults.js";

/** @typedef {import("./faults.js").Fault} Fault */
/** @typedef {{ method: string, path: string, body?: unknown }} ValidatedRequest */
/** @typedef {{ method: string, path: string, status: number, body?: unknown }} ValidatedResponse */
/**
 * @typedef {object} Validator
 * @property {(req: ValidatedRequest) => string[]} request
 * @property {(res: ValidatedResponse) => string[]} response
 */
/**
 * @typedef {object} StandinOptions
 * @property {number} [appId] the app's id (default 1)
 * @property {string} [appSlug] the app's slug (default "partnership-governance"); it writes as "<slug>[bot]"
 * @property {() => Date} [now] the clock of what the stand-in stamps (default the real one)
 * @property {Validator} [validate] checks each request and answer (GitHub's OpenAPI description)
 * @property {number} [maxPerPage] the most items per page whatever `per_page` asks (GitHub: 100)
 * @property {number} [activityRetentionDays] how long the repository activity lists a move of a branch
 *   (GitHub keeps about 90 days of it; default 90)
 * @property {number} [latencyMs] every answer waits this long (the benchmark's 50 ms)
 * @property {number} [port] the loopback port to listen on (default 0: a free one)
 * @property {Record<string, "read" | "write">} [permissions] the app's permissions (default: app.yml's without
 *   the opt-in `pull_requests: write`); a write they do not allow is refused (403), as GitHub refuses it
 */
/**
 * @typedef {object} LoggedRequest
 * @property {string} method
 * @property {string} path path and query, without the `/api/v3` prefix
 * @property {number} status 0 when the connection was dropped
 * @property {unknown} [body] the parsed request body
 * @property {number | null} installation the installation whose token made it
 * @property {string | null} [user] the person whose token made it (userToken)
 * @property {Fault | null} fault
 * @property {boolean} applied whether a write was applied
 * @property {number} receivedAt when the request arrived (performance.now(), ms)
 * @property {number} ms how long the stand-in took to answer
 */
/** @typedef {{ sha: string, parents: string[], tree: Map<string, Buffer>, changed: string[], date: string, committedDate: string, message: string, author: string }} Commit */
/** @typedef {{ id: number, user: string, userType: string, state: string, commitId: string, submittedAt: string, body: string }} Review */
/** @typedef {{ id: number, number: number, user: string, userType: string, body: string, createdAt: string, updatedAt: string, edits: Array<{ editor: string, at: string, body: string }>, lastEditedAt?: string | null }} Comment (edits: the versions it replaced, oldest first) */
/**
 * @typedef {{ type: "labeled" | "unlabeled", actor: string, at: string, label: string, labelDeleted?: boolean }
 *   | { type: "review_dismissed", actor: string, at: string, reviewId: number, previousState: string }
 *   | { type: "base_ref_changed", actor: string, at: string, from: string, to: string }
 *   | { type: "head_ref_force_pushed", actor: string, at: string, before: string, after: string }
 *   | { type: "review_requested", actor: string, at: string, reviewer: string }
 *   | { type: "comment_deleted", actor: string, at: string, author: string }} TimelineEvent
 */
/**
 * @typedef {object} Item an issue or a pull request (they share one sequence of numbers)
 * @property {number} number
 * @property {"issue" | "pull"} kind
 * @property {string} title
 * @property {string} body
 * @property {string} user
 * @property {string} userType
 * @property {"open" | "closed"} state
 * @property {string | null} stateReason
 * @property {string[]} labels
 * @property {string} createdAt
 * @property {string} updatedAt
 * @property {string | null} closedAt
 * @property {boolean} draft
 * @property {boolean} merged
 * @property {string | null} mergeCommitSha
 * @property {string} base base branch
 * @property {string} headRef head branch
 * @property {string[]} commits the PR's commits, oldest first
 * @property {Review[]} reviews
 * @property {TimelineEvent[]} events its timeline: labels, review dismissals, base changes, force-pushes, review requests, comments deleted by others
 * @property {string[]} [requestedReviewers] the reviewers requested and yet to review (GitHub's "Reviewers" list)
 * @property {boolean} [locked] its conversation is locked (anyone with write access can lock one)
 * @property {string | null} [lockReason] why ("off-topic", "too heated", "resolved", "spam"), or null
 */
/** @typedef {{ id: number, headSha: string, name: string, status: string, conclusion: string | null, startedAt: string, completedAt: string | null, detailsUrl: string | null, output: { title: string | null, summary: string | null, text: string | null }, appId: number, externalId?: string }} CheckRun */
/**
 * @typedef {object} Repo
 * @property {number} id
 * @property {string} owner
 * @property {string} name
 * @property {number} installation
 * @property {string} defaultBranch
 * @property {boolean} archived
 * @property {Map<string, string>} branches branch name to head commit
 * @property {Map<string, Commit>} commits
 * @property {Map<number, Item>} items
 * @property {number} nextNumber
 * @property {CheckRun[]} checkRuns
 * @property {Map<string, QueueEntry[]>} queues the merge queue of each branch that has one, front first
 * @property {Map<string, "read" | "write" | "admin">} permissions by lowercased login; anyone else can read (and comment)
 * @property {Activity[]} activity every move of a branch, oldest first (REST "List repository activities")
 * @property {string} createdAt when it was created (REST `created_at`, GraphQL `createdAt`)
 */
/** @typedef {{ id: number, type: "push" | "force_push" | "branch_creation" | "pr_merge" | "merge_queue_merge", ref: string, before: string, after: string, actor: string, at: string }} Activity */
/**
 * @typedef {object} QueueEntry one PR in a merge queue, with the commit GitHub built for it
 * @property {number} number the PR
 * @property {string} branch the branch whose queue it is in
 * @property {string} enqueuedAt
 * @property {string} enqueuer
 * @property {string} baseSha the commit the entry's group commit was built on (the entry before's, or the branch's head)
 * @property {string} headSha the group commit: the branch with every entry up to this one merged
 * @property {string} ref the queue branch, `gh-readonly-queue/<branch>/pr-<N>-<baseSha>`
 */
/**
 * @typedef {object} MergeGroupJson GitHub's "Merge Group" object of the merge_group webhook
 * @property {string} head_sha
 * @property {string} head_ref
 * @property {string} base_sha
 * @property {string} base_ref
 * @property {{ id: string, tree_id: string, message: string, timestamp: string, author: { name: string, email: string }, committer: { name: string, email: string } }} head_commit
 */

const BASIC_DOCS = "https://docs.github.com/rest";

/** @param {string | Buffer} data */
const sha1 = (data) => createHash("sha1").update(data).digest("hex");

/**
 * The id GitHub gives the first account of a login, stable for a login (case-insensitively, as
 * GitHub compares logins), so that fixtures can name it: a whole number of the size of a real
 * user id. A login that changes hands gets a new account, with another id (GitHubStandin.accountId).
 * @param {string} login
 */
export function userId(login) {
  let h = 7;
  for (const c of login.toLowerCase()) h = (h * 31 + c.charCodeAt(0)) % 2_000_000_000;
  return h + 1;
}

/** @param {Date} d */
const iso = (d) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * A new open issue or pull request as GitHub holds it: not closed, merged or reviewed, nothing on
 * its timeline yet; its author's account type is "Bot" for a `[bot]` login unless told.
 * @param {{ number: number, kind: Item["kind"], title: string, body?: string, user: string, userType?: "User" | "Bot", labels?: string[], at: string, draft?: boolean, base: string, headRef: string, commits: string[] }} spec
 * @returns {Item}
 */
function newItem(spec) {
  return {
    number: spec.number,
    kind: spec.kind,
    title: spec.title,
    body: spec.body ?? "",
    user: spec.user,
    userType: spec.userType ?? (spec.user.endsWith("[bot]") ? "Bot" : "User"),
    state: "open",
    stateReason: null,
    labels: [...(spec.labels ?? [])],
    createdAt: spec.at,
    updatedAt: spec.at,
    closedAt: null,
    draft: spec.draft ?? false,
    merged: false,
    mergeCommitSha: null,
    base: spec.base,
    headRef: spec.headRef,
    commits: spec.commits,
    reviews: [],
    events: [],
  };
}

class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export class GitHubStandin {
  /** @param {StandinOptions} [options] */
  constructor(options = {}) {
    this.appId = options.appId ?? 1;
    this.appSlug = options.appSlug ?? "partnership-governance";
    this.botLogin = `${this.appSlug}[bot]`;
    this.now = options.now ?? (() => new Date());
    this.validator = options.validate;
    this.maxPerPage = options.maxPerPage ?? 100;
    this.activityRetentionDays = options.activityRetentionDays ?? 90;
    this.latencyMs = options.latencyMs ?? 0;
    this.port = options.port ?? 0;
    /** @type {Record<string, "read" | "write">} */
    this.permissions = options.permissions ?? { checks: "write", contents: "read", issues: "write", pull_requests: "read", metadata: "read" };
    this.faults = new FaultPlan();
    /** @type {string[]} problems the validator found, and requests the stand-in cannot serve */
    this.violations = [];
    /** @type {LoggedRequest[]} */
    this.requests = [];
    /** @type {Map<number, { id: number, account: string }>} */
    this.installations = new Map();
    /** @type {Map<string, Repo>} by "owner/name", lowercase */
    this.repos = new Map();
    /** @type {Map<string, number>} installation tokens */
    this.tokens = new Map();
    /** @type {Map<string, string>} people's tokens (a personal access token): token to login */
    this.userTokens = new Map();
    /** @type {Map<number, Comment & { repo: string }>} every issue comment by id */
    this.comments = new Map();
    /** @type {Array<{ id: number, commentId: number, user: string, content: string }>} */
    this.reactions = [];
    this.nextId = 1000;
    this.baseUrl = "";
    /** @type {import("node:http").Server | null} */
    this.server = null;
    /** @type {Set<import("node:net").Socket>} */
    this.sockets = new Set();
  }

  // -------------------------------------------------------------------------------------------
  // Life

  /** Listens on 127.0.0.1, on `port` (default a free one); returns the base URL (for Probot's `baseUrl`). */
  async start() {
    const server = createServer((req, res) => {
      void this.#handle(req, res);
    });
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve(undefined));
    });
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("the stand-in has no port");
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    return this.baseUrl;
  }

  async stop() {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }

  // -------------------------------------------------------------------------------------------
  // State, as people change it

  /** @param {number} id @param {string} account */
  addInstallation(id, account) {
    this.installations.set(id, { id, account });
  }

  /**
   * A repository with one commit on its default branch holding `files`.
   * @param {{ owner: string, name: string, installation: number, defaultBranch?: string, files?: Record<string, string | Buffer>, at?: Date }} spec
   * @returns {Repo}
   */
  addRepo(spec) {
    if (!this.installations.has(spec.installation)) this.addInstallation(spec.installation, spec.owner);
    const defaultBranch = spec.defaultBranch ?? "main";
    /** @type {Repo} */
    const repo = {
      id: this.#id(),
      owner: spec.owner,
      name: spec.name,
      installation: spec.installation,
      defaultBranch,
      archived: false,
      branches: new Map(),
      commits: new Map(),
      items: new Map(),
      nextNumber: 1,
      checkRuns: [],
      queues: new Map(),
      permissions: new Map(),
      activity: [],
      createdAt: iso(spec.at ?? this.now()),
    };
    this.repos.set(`${spec.owner}/${spec.name}`.toLowerCase(), repo);
    const tree = new Map();
    for (const [path, content] of Object.entries(spec.files ?? {})) tree.set(path, Buffer.from(content));
    const sha = this.#newCommit(repo, [], tree, Object.keys(spec.files ?? {}), { at: spec.at, message: "Initial commit", author: spec.owner });
    repo.branches.set(defaultBranch, sha);
    return repo;
  }

  /** @param {string} owner @param {string} name @returns {Repo} */
  repo(owner, name) {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    if (!repo) throw new Error(`no repository ${owner}/${name} in the stand-in`);
    return repo;
  }

  /**
   * A commit on `branch` changing `files` (null deletes a file), pushed by `pusher` (default: its
   * author); returns its sha.
   * @param {Repo} repo @param {string} branch
   * @param {Record<string, string | Buffer | null>} files
   * @param {{ at?: Date, message?: string, author?: string, pusher?: string }} [opts]
   */
  commit(repo, branch, files, opts = {}) {
    const parent = repo.branches.get(branch);
    const pusher = opts.pusher ?? opts.author ?? repo.owner;
    const tree = new Map(parent ? this.#commit(repo, parent).tree : []);
    for (const [path, content] of Object.entries(files)) {
      if (content === null) tree.delete(path);
      else tree.set(path, Buffer.from(content));
    }
    const sha = this.#newCommit(repo, parent ? [parent] : [], tree, Object.keys(files), opts);
    repo.branches.set(branch, sha);
    this.#moved(repo, parent ? "push" : "branch_creation", branch, parent ?? ZERO_SHA, sha, pusher, opts.at);
    return sha;
  }

  /**
   * Notes a branch's move in the repository's activity, as GitHub does for every push, force-push,
   * merge of a PR and merge by a queue (REST "List repository activities"), with GitHub's time.
   * @param {Repo} repo @param {Activity["type"]} type @param {string} branch @param {string} before @param {string} after @param {string} actor @param {Date} [at]
   */
  #moved(repo, type, branch, before, after, actor, at) {
    repo.activity.push({ id: this.#id(), type, ref: `refs/heads/${branch}`, before, after, actor, at: iso(at ?? this.now()) });
  }

  /**
   * Opens a pull request from a new branch with one commit changing `files`.
   * @param {Repo} repo
   * @param {{ author: string, authorType?: "User" | "Bot", title: string, body?: string, files: Record<string, string | Buffer | null>, labels?: string[], draft?: boolean, at?: Date, base?: string }} spec
   * @returns {Item}
   */
  openPull(repo, spec) {
    const number = repo.nextNumber++;
    const base = spec.base ?? repo.defaultBranch;
    const headRef = `pr-${number}`;
    const at = spec.at ?? this.now();
    repo.branches.set(headRef, /** @type {string} */ (repo.branches.get(base)));
    const sha = this.commit(repo, headRef, spec.files, { at, author: spec.author, message: spec.title });
    const item = newItem({
      number,
      kind: "pull",
      title: spec.title,
      body: spec.body,
      user: spec.author,
      userType: spec.authorType,
      labels: spec.labels,
      at: iso(at),
      draft: spec.draft,
      base,
      headRef,
      commits: [sha],
    });
    for (const label of item.labels) item.events.push({ type: "labeled", actor: spec.author, at: item.createdAt, label });
    repo.items.set(number, item);
    return item;
  }

  /** @param {Repo} repo @param {number} number @returns {Item} */
  item(repo, number) {
    const item = repo.items.get(number);
    if (!item) throw new Error(`no #${number} in ${repo.owner}/${repo.name}`);
    return item;
  }

  /** @param {Repo} repo @param {Item} pull */
  headSha(repo, pull) {
    return /** @type {string} */ (repo.branches.get(pull.headRef));
  }

  /**
   * A push to the PR's branch; returns the new head.
   * @param {Repo} repo @param {number} number @param {Record<string, string | Buffer | null>} files @param {Date} [at]
   */
  pushToPull(repo, number, files, at) {
    const pull = this.item(repo, number);
    const sha = this.commit(repo, pull.headRef, files, { at: at ?? this.now(), author: pull.user });
    pull.commits.push(sha);
    pull.updatedAt = iso(at ?? this.now());
    return sha;
  }

  /**
   * A review; `commitId` defaults to the PR's head.
   * @param {Repo} repo @param {number} number
   * @param {{ user: string, userType?: "User" | "Bot", state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED", commitId?: string, at?: Date, body?: string }} spec
   * @returns {Review}
   */
  review(repo, number, spec) {
    const pull = this.item(repo, number);
    /** @type {Review} */
    const review = {
      id: this.#id(),
      user: spec.user,
      userType: spec.userType ?? (spec.user.endsWith("[bot]") ? "Bot" : "User"),
      state: spec.state,
      commitId: spec.commitId ?? this.headSha(repo, pull),
      submittedAt: iso(spec.at ?? this.now()),
      body: spec.body ?? "",
    };
    pull.reviews.push(review);
    // A review answers the request: GitHub takes the reviewer off the pending list (the timeline keeps it).
    pull.requestedReviewers = (pull.requestedReviewers ?? []).filter((l) => l.toLowerCase() !== spec.user.toLowerCase());
    return review;
  }

  /**
   * `by` requests reviews of `reviewers` on a PR, as GitHub's "Reviewers" menu or the REST endpoint
   * does: each must be a collaborator (someone given access) and not the PR's author, else nobody
   * is requested (422); one already pending is left as it is; every other one becomes pending,
   * with a ReviewRequestedEvent in the timeline.
   * @param {Repo} repo @param {number} number @param {string[]} reviewers @param {string} by @param {Date} [at]
   */
  requestReviews(repo, number, reviewers, by, at) {
    const pull = this.item(repo, number);
    if (pull.kind !== "pull") throw new HttpError(404, "Not Found");
    if (pull.state !== "open") throw new HttpError(422, "Pull request is not open");
    for (const reviewer of reviewers) {
      if (reviewer.toLowerCase() === pull.user.toLowerCase()) throw new HttpError(422, "Review cannot be requested from pull request author.");
      if (!repo.permissions.has(reviewer.toLowerCase()) || this.#free.has(reviewer.toLowerCase())) {
        throw new HttpError(422, `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.owner}/${repo.name} repository.`);
      }
    }
    for (const reviewer of reviewers) {
      const pending = pull.requestedReviewers ?? [];
      if (pending.some((l) => l.toLowerCase() === reviewer.toLowerCase())) continue;
      pull.requestedReviewers = [...pending, reviewer];
      pull.events.push({ type: "review_requested", actor: by, at: iso(at ?? this.now()), reviewer });
    }
  }

  /**
   * The login the account `id` has now, as `GET /user/{account_id}` finds it, among the accounts
   * the stand-in knows (anyone it showed, every collaborator). @param {number} id
   */
  loginOfAccount(id) {
    for (const repo of this.repos.values()) for (const login of repo.permissions.keys()) if (!this.#free.has(login)) this.accountId(login);
    for (const [login, held] of this.#accounts) if (held === id && !this.#free.has(login)) return login;
    return null;
  }

  /** Everyone requested on a PR, ever (the reviewers of its ReviewRequestedEvents), in order. @param {Repo} repo @param {number} number */
  reviewRequests(repo, number) {
    return this.item(repo, number).events.flatMap((e) => (e.type === "review_requested" ? [{ reviewer: e.reviewer, by: e.actor, at: e.at }] : []));
  }

  /**
   * What GitHub lets `login` do in `repo`: "admin" and "write" (a collaborator or team member),
   * "read" (anyone else, on a public repository: comment, and edit or delete their own comments).
   * @param {Repo} repo @param {string} login @param {"read" | "write" | "admin"} level
   */
  grant(repo, login, level) {
    repo.permissions.set(login.toLowerCase(), level);
  }

  /**
   * A person's own token (a personal access token), for what people do through the API rather
   * than through the stand-in's methods: read every repository (they are public), and edit or
   * delete comments as GitHub lets them (their own; anyone's with write access). Other writes
   * with it are not served.
   * @param {string} login @returns {string}
   */
  userToken(login) {
    const token = `ghp_standin_${login.replace(/[^A-Za-z0-9]/g, "_")}`;
    this.userTokens.set(token, login);
    return token;
  }

  /** @param {Repo} repo @param {string} login @returns {"read" | "write" | "admin"} */
  permission(repo, login) {
    return repo.permissions.get(login.toLowerCase()) ?? "read";
  }

  /**
   * Dismisses a review, as `by` (a writer: GitHub asks write access to dismiss a review, anyone's),
   * recorded in the PR's timeline with its actor and the review's state before (ReviewDismissedEvent).
   * @param {Repo} repo @param {number} number @param {number} reviewId @param {string} [by] @param {Date} [at]
   */
  dismissReview(repo, number, reviewId, by, at) {
    const pull = this.item(repo, number);
    const review = pull.reviews.find((r) => r.id === reviewId);
    if (!review) throw new Error(`no review ${reviewId}`);
    const actor = by ?? review.user;
    if (this.permission(repo, actor) === "read") throw new HttpError(403, "Must have push access to dismiss a review");
    if (review.state !== "APPROVED" && review.state !== "CHANGES_REQUESTED") throw new HttpError(422, "Can not dismiss a commented or pending pull request review");
    pull.updatedAt = iso(at ?? this.now());
    pull.events.push({ type: "review_dismissed", actor, at: iso(at ?? this.now()), reviewId, previousState: review.state });
    review.state = "DISMISSED";
    return review;
  }

  /**
   * Locks an issue's conversation, as `by` (GitHub lets anyone with write access lock one). Then
   * only collaborators with write access can comment: a GitHub App is answered 403 "Unable to
   * create comment because issue is locked." (as GitHub answers Probot apps and Renovate).
   * @param {Repo} repo @param {number} number @param {string} by @param {string | null} [reason]
   */
  lockIssue(repo, number, by, reason = null) {
    if (this.permission(repo, by) === "read") throw new Error(`${by} has no write access to lock #${number}`);
    const item = this.item(repo, number);
    item.locked = true;
    item.lockReason = reason;
    return item;
  }

  /**
   * Deletes a label from the repository, as `by` (GitHub lets anyone with write access manage
   * labels): it leaves every issue and PR that carries it, and the events that added or removed
   * it no longer name it.
   * @param {Repo} repo @param {string} name @param {string} by
   */
  deleteLabel(repo, name, by) {
    if (this.permission(repo, by) === "read") throw new Error(`${by} has no write access to delete label ${name}`);
    const key = name.toLowerCase();
    for (const item of repo.items.values()) {
      const before = item.labels.length;
      item.labels = item.labels.filter((l) => l.toLowerCase() !== key);
      if (item.labels.length !== before) item.updatedAt = iso(this.now());
      for (const e of item.events) if ((e.type === "labeled" || e.type === "unlabeled") && e.label.toLowerCase() === key) e.labelDeleted = true;
    }
  }

  /**
   * A person's comment on an issue or PR.
   * @param {Repo} repo @param {number} number
   * @param {{ user: string, userType?: "User" | "Bot", body: string, at?: Date }} spec
   */
  addComment(repo, number, spec) {
    this.item(repo, number);
    const at = iso(spec.at ?? this.now());
    const comment = {
      id: this.#id(),
      number,
      user: spec.user,
      userType: spec.userType ?? (spec.user.endsWith("[bot]") ? "Bot" : "User"),
      body: spec.body,
      createdAt: at,
      updatedAt: at,
      repo: `${repo.owner}/${repo.name}`.toLowerCase(),
      edits: [],
    };
    this.comments.set(comment.id, comment);
    return comment;
  }

  /**
   * Someone reacts to a comment (anyone who can read it may). GitHub moves the comment's
   * `updated_at` / `updatedAt` with it, but not `lastEditedAt`: a reaction is no edit.
   * @param {number} id @param {string} user @param {string} content @param {Date} [at]
   */
  react(id, user, content, at) {
    const comment = this.comments.get(id);
    if (!comment) throw new Error(`no comment ${id}`);
    const reaction = { id: this.#id(), commentId: id, user, content };
    this.reactions.push(reaction);
    comment.updatedAt = iso(at ?? this.now());
    return reaction;
  }

  /**
   * Edits a comment as `editor` (default its author): its author may, and so may anyone with
   * write access, whoever wrote it. The version it replaces is kept in its edit history
   * (GraphQL `userContentEdits`), which a writer can still delete revisions of.
   * @param {number} id @param {string} body @param {Date} [at] @param {string} [editor]
   */
  editComment(id, body, at, editor) {
    const comment = this.comments.get(id);
    if (!comment) throw new Error(`no comment ${id}`);
    const who = editor ?? comment.user;
    this.#mayChange(comment, who, "edit");
    const when = iso(at ?? this.now());
    comment.edits.push({ editor: who, at: when, body: comment.body });
    comment.body = body;
    comment.updatedAt = when;
    comment.lastEditedAt = when;
    return comment;
  }

  /**
   * Deletes a comment as `by` (its author, or anyone with write access); returns it as it was,
   * for the `issue_comment.deleted` webhook. A comment deleted by someone else than its author
   * leaves "<by> deleted a comment from <author>" in the timeline (CommentDeletedEvent), as on GitHub.
   * @param {number} id @param {string} by @param {Date} [at]
   */
  deleteComment(id, by, at) {
    const comment = this.comments.get(id);
    if (!comment) throw new Error(`no comment ${id}`);
    this.#mayChange(comment, by, "delete");
    const json = this.commentJson(id);
    this.comments.delete(id);
    const item = this.repos.get(comment.repo)?.items.get(comment.number);
    if (item && by.toLowerCase() !== comment.user.toLowerCase()) item.events.push({ type: "comment_deleted", actor: by, at: iso(at ?? this.now()), author: comment.user });
    return json;
  }

  /** @param {Comment & { repo: string }} comment @param {string} who @param {string} what */
  #mayChange(comment, who, what) {
    if (who.toLowerCase() === comment.user.toLowerCase() || who === this.botLogin) return;
    const repo = this.repos.get(comment.repo);
    if (!repo || this.permission(repo, who) === "read") throw new HttpError(403, `${who} may not ${what} a comment of ${comment.user}`);
  }

  /**
   * Deletes an issue as `by`: GitHub lets only an administrator of the repository delete one (not
   * a writer, not its author). Its comments go with it. @param {Repo} repo @param {number} number @param {string} by
   */
  deleteIssue(repo, number, by) {
    const item = this.item(repo, number);
    if (item.kind !== "issue") throw new HttpError(422, "Only issues can be deleted");
    if (this.permission(repo, by) !== "admin") throw new HttpError(403, `${by} may not delete issue ${number}: only an administrator may`);
    for (const c of this.commentsOn(repo, number)) this.comments.delete(c.id);
    repo.items.delete(number);
  }

  /** @param {number} id */
  removeComment(id) {
    this.comments.delete(id);
  }

  /**
   * Sets the labels, as `by` (a writer: GitHub asks triage or write access to label), each added or
   * removed one recorded in the PR's timeline (LabeledEvent, UnlabeledEvent).
   * @param {Repo} repo @param {number} number @param {string[]} labels @param {string} [by] @param {Date} [at]
   */
  setLabels(repo, number, labels, by, at) {
    const item = this.item(repo, number);
    const actor = by ?? item.user;
    const when = iso(at ?? this.now());
    for (const label of labels) if (!item.labels.includes(label)) item.events.push({ type: "labeled", actor, at: when, label });
    for (const label of item.labels) if (!labels.includes(label)) item.events.push({ type: "unlabeled", actor, at: when, label });
    if (labels.join("\n") !== item.labels.join("\n")) item.updatedAt = when;
    item.labels = [...labels];
  }

  /**
   * Changes the PR's base branch, as `by` (its author or a writer), recorded in its timeline
   * (BaseRefChangedEvent). @param {Repo} repo @param {number} number @param {string} base @param {string} by @param {Date} [at]
   */
  retarget(repo, number, base, by, at) {
    const pull = this.item(repo, number);
    if (!repo.branches.has(base)) throw new HttpError(422, `Proposed base branch '${base}' was not found`);
    if (by.toLowerCase() !== pull.user.toLowerCase() && this.permission(repo, by) === "read") throw new HttpError(403, "Must have push access to change the base");
    pull.events.push({ type: "base_ref_changed", actor: by, at: iso(at ?? this.now()), from: pull.base, to: base });
    pull.base = base;
    pull.updatedAt = iso(at ?? this.now());
  }

  /**
   * A force-push to the PR's branch: one new commit on the base replaces all of the PR's commits
   * (HeadRefForcePushedEvent, with the head before and after). Returns the new head.
   * @param {Repo} repo @param {number} number @param {Record<string, string | Buffer | null>} files @param {Date} [at]
   */
  forcePushToPull(repo, number, files, at) {
    const pull = this.item(repo, number);
    const before = this.headSha(repo, pull);
    repo.branches.set(pull.headRef, /** @type {string} */ (repo.branches.get(pull.base)));
    const sha = this.commit(repo, pull.headRef, files, { at: at ?? this.now(), author: pull.user });
    pull.commits = [sha];
    pull.events.push({ type: "head_ref_force_pushed", actor: pull.user, at: iso(at ?? this.now()), before, after: sha });
    const last = repo.activity[repo.activity.length - 1];
    // The new commit's move of the branch is one force-push, not a push.
    if (last && last.after === sha) last.type = "force_push";
    if (last && last.after === sha) last.before = before;
    pull.updatedAt = iso(at ?? this.now());
    return sha;
  }

  /**
   * An issue opened by someone other than the app (a person, a workflow as `github-actions[bot]`,
   * another app as `<slug>[bot]`): GitHub shows who opened it.
   * @param {Repo} repo
   * @param {{ user: string, userType?: "User" | "Bot", title: string, body?: string, labels?: string[], at?: Date }} spec
   * @returns {Item}
   */
  openIssue(repo, spec) {
    const at = iso(spec.at ?? this.now());
    const issue = newItem({
      number: repo.nextNumber++,
      kind: "issue",
      title: spec.title,
      body: spec.body,
      user: spec.user,
      userType: spec.userType,
      labels: spec.labels,
      at,
      base: repo.defaultBranch,
      headRef: repo.defaultBranch,
      commits: [],
    });
    repo.items.set(issue.number, issue);
    return issue;
  }

  /**
   * A completed check run of this app, as if it had written it through the API (to set up many of
   * them at once). @param {Repo} repo @param {{ sha: string, name: string, text?: string }} spec
   */
  addAppCheckRun(repo, spec) {
    return this.addForeignCheckRun(repo, { ...spec, appId: this.appId });
  }

  /**
   * A check run written by another app (a writer's own app, or the workflows' "GitHub Actions"
   * app): it may bear any name, but it is that app's, never this app's.
   * @param {Repo} repo @param {{ appId: number, sha: string, name: string, text?: string }} spec
   */
  addForeignCheckRun(repo, spec) {
    /** @type {CheckRun} */
    const run = {
      id: this.#id(),
      headSha: spec.sha,
      name: spec.name,
      status: "completed",
      conclusion: "neutral",
      startedAt: iso(this.now()),
      completedAt: iso(this.now()),
      detailsUrl: null,
      output: { title: spec.name, summary: "", text: spec.text ?? null },
      appId: spec.appId,
    };
    repo.checkRuns.push(run);
    return run;
  }

  /**
   * A check run written by any app (`appId`): a workflow's token writes as GitHub Actions, and a
   * writer can install an app of their own; GitHub lets any app name its run as it likes.
   * @param {Repo} repo
   * @param {{ appId: number, headSha: string, name: string, conclusion: string, output: { title: string | null, summary: string | null, text: string | null } }} spec
   */
  addCheckRun(repo, spec) {
    const at = iso(this.now());
    /** @type {CheckRun} */
    const run = { id: this.#id(), headSha: spec.headSha, name: spec.name, status: "completed", conclusion: spec.conclusion, startedAt: at, completedAt: at, detailsUrl: null, output: spec.output, appId: spec.appId };
    repo.checkRuns.push(run);
    return run;
  }

  /** @param {Repo} repo @param {number} number @param {boolean} draft */
  setDraft(repo, number, draft) {
    this.item(repo, number).draft = draft;
  }

  /** @param {Repo} repo @param {number} number @param {string} title */
  setTitle(repo, number, title) {
    this.item(repo, number).title = title;
  }

  /**
   * Merges the PR as GitHub's three merge methods do, and returns the merge commit's sha (the PR's
   * `merge_commit_sha`):
   * - "merge": a merge commit on the base (first parent: the base's head, second: the PR's head);
   * - "squash": one commit on the base's head with all of the PR's changes;
   * - "rebase": one new commit per commit of the PR, in order, on the base's head (same message,
   *   author and author date; a new committer date); the last one is the merge commit.
   * @param {Repo} repo @param {number} number @param {Date} [at] @param {"merge" | "squash" | "rebase"} [method]
   */
  merge(repo, number, at, method = "merge") {
    const pull = this.item(repo, number);
    const when = at ?? this.now();
    const baseHead = /** @type {string} */ (repo.branches.get(pull.base));
    const head = this.#commit(repo, this.headSha(repo, pull));
    const changed = this.#changedIn(repo, pull);
    const apply = (/** @type {Map<string, Buffer>} */ from, /** @type {Commit} */ source, /** @type {string[]} */ paths) => {
      const tree = new Map(from);
      for (const path of paths) {
        const content = source.tree.get(path);
        if (content === undefined) tree.delete(path);
        else tree.set(path, content);
      }
      return tree;
    };
    let sha;
    if (method === "rebase") {
      sha = baseHead;
      for (const own of pull.commits) {
        const c = this.#commit(repo, own);
        sha = this.#newCommit(repo, [sha], apply(this.#commit(repo, sha).tree, c, c.changed), c.changed, { at: when, message: c.message, author: c.author, authoredAt: c.date });
      }
    } else {
      const tree = apply(this.#commit(repo, baseHead).tree, head, changed);
      sha =
        method === "squash"
          ? this.#newCommit(repo, [baseHead], tree, changed, { at: when, message: `${pull.title} (#${number})`, author: pull.user })
          : this.#newCommit(repo, [baseHead, head.sha], tree, changed, { at: when, message: `Merge pull request #${number}`, author: pull.user });
    }
    repo.branches.set(pull.base, sha);
    this.#moved(repo, "pr_merge", pull.base, baseHead, sha, pull.user, when);
    pull.state = "closed";
    pull.merged = true;
    pull.mergeCommitSha = sha;
    pull.closedAt = iso(when);
    pull.updatedAt = iso(when);
    return sha;
  }

  // -------------------------------------------------------------------------------------------
  // Merge queues, as GitHub runs them: each entry gets a commit of its own, built on the entry
  // before it (or on the branch's head), on a read-only branch `gh-readonly-queue/<branch>/pr-<N>-
  // <sha>`, so that entry N's commit holds every entry up to N. Removing an entry invalidates
  // every group behind it, which are built again without it. Landing entry N moves the branch to
  // N's commit and closes every PR up to N as merged, each with its own entry's commit.

  /** Turns on the merge queue of `branch` (default: the default branch). @param {Repo} repo @param {string} [branch] */
  enableMergeQueue(repo, branch) {
    const name = branch ?? repo.defaultBranch;
    if (!repo.queues.has(name)) repo.queues.set(name, []);
    return name;
  }

  /** @param {Repo} repo @param {string} [branch] @returns {QueueEntry[]} */
  queueOf(repo, branch) {
    const queue = repo.queues.get(branch ?? repo.defaultBranch);
    if (!queue) throw new Error(`no merge queue on ${branch ?? repo.defaultBranch}`);
    return queue;
  }

  /**
   * Adds an open PR to its base branch's queue and builds its group commit; returns the entry.
   * @param {Repo} repo @param {number} number @param {{ at?: Date, by?: string }} [opts]
   */
  enqueue(repo, number, opts = {}) {
    const pull = this.item(repo, number);
    if (pull.kind !== "pull" || pull.state !== "open") throw new Error(`#${number} is not an open pull request`);
    const queue = this.queueOf(repo, pull.base);
    if (queue.some((e) => e.number === number)) throw new Error(`#${number} is already queued`);
    const at = iso(opts.at ?? this.now());
    /** @type {QueueEntry} */
    const entry = { number, branch: pull.base, enqueuedAt: at, enqueuer: opts.by ?? pull.user, baseSha: "", headSha: "", ref: "" };
    queue.push(entry);
    return this.#buildEntry(repo, pull.base, queue.length - 1, at);
  }

  /**
   * Removes a PR from its queue (a failing check, or by hand). Every group behind it is destroyed
   * and built again without it: returns the removed entry, the entries whose groups were destroyed
   * (as they were), and those entries rebuilt.
   * @param {Repo} repo @param {number} number @param {Date} [at]
   */
  dequeue(repo, number, at) {
    const branch = this.#queuedOn(repo, number);
    const queue = this.queueOf(repo, branch);
    const index = queue.findIndex((e) => e.number === number);
    if (index < 0) throw new Error(`#${number} is not queued`);
    const [removed] = queue.splice(index, 1);
    if (removed) repo.branches.delete(removed.ref);
    const invalidated = queue.slice(index);
    for (let i = index; i < queue.length; i++) {
      repo.branches.delete(/** @type {QueueEntry} */ (queue[i]).ref);
      this.#buildEntry(repo, branch, i, iso(at ?? this.now()));
    }
    return { removed: /** @type {QueueEntry} */ (removed), invalidated, rebuilt: queue.slice(index) };
  }

  /**
   * The queue merges every entry up to `number`'s: the branch moves to that entry's commit, and
   * each of those PRs is closed as merged with its own entry's commit. Returns the landed entries.
   * @param {Repo} repo @param {number} number @param {Date} [at]
   */
  landQueue(repo, number, at) {
    const branch = this.#queuedOn(repo, number);
    const queue = this.queueOf(repo, branch);
    const index = queue.findIndex((e) => e.number === number);
    if (index < 0) throw new Error(`#${number} is not queued`);
    const first = /** @type {QueueEntry} */ (queue[0]);
    if (first.baseSha !== repo.branches.get(branch)) throw new Error(`${branch} moved since the queue built its groups`);
    const landed = queue.splice(0, index + 1);
    const when = iso(at ?? this.now());
    repo.branches.set(branch, /** @type {QueueEntry} */ (landed[landed.length - 1]).headSha);
    this.#moved(repo, "merge_queue_merge", branch, first.baseSha, /** @type {QueueEntry} */ (landed[landed.length - 1]).headSha, "github-merge-queue[bot]", at);
    for (const entry of landed) {
      repo.branches.delete(entry.ref);
      const merged = this.item(repo, entry.number);
      merged.state = "closed";
      merged.merged = true;
      merged.mergeCommitSha = entry.headSha;
      merged.closedAt = when;
      merged.updatedAt = when;
    }
    return landed;
  }

  /** The branch whose queue holds the PR. @param {Repo} repo @param {number} number */
  #queuedOn(repo, number) {
    for (const [branch, queue] of repo.queues) if (queue.some((e) => e.number === number)) return branch;
    throw new Error(`#${number} is not queued`);
  }

  /** The webhook's "Merge Group" object of a queue entry. @param {Repo} repo @param {QueueEntry} entry @returns {MergeGroupJson} */
  mergeGroupJson(repo, entry) {
    const commit = this.#commit(repo, entry.headSha);
    const person = { name: commit.author, email: `${commit.author}@example.org` };
    return {
      head_sha: entry.headSha,
      head_ref: `refs/heads/${entry.ref}`,
      base_sha: entry.baseSha,
      base_ref: `refs/heads/${entry.branch}`,
      head_commit: { id: commit.sha, tree_id: sha1(`tree ${commit.sha}`), message: commit.message, timestamp: commit.date, author: person, committer: person },
    };
  }

  /**
   * (Re)builds the group commit of `queue[index]` on the entry before it (or the branch's head).
   * @param {Repo} repo @param {string} branch @param {number} index @param {string} at
   */
  #buildEntry(repo, branch, index, at) {
    const queue = this.queueOf(repo, branch);
    const entry = /** @type {QueueEntry} */ (queue[index]);
    const pull = this.item(repo, entry.number);
    const parent = index === 0 ? /** @type {string} */ (repo.branches.get(branch)) : /** @type {QueueEntry} */ (queue[index - 1]).headSha;
    const sha = this.#mergeCommit(repo, parent, pull, new Date(at), `Merge pull request #${pull.number} from ${repo.owner}/${pull.headRef}\n\n${pull.title}`);
    // A new object: a rebuilt group is another group (tests keep the old one to compare).
    const built = { ...entry, baseSha: parent, headSha: sha, ref: `gh-readonly-queue/${branch}/pr-${pull.number}-${parent}` };
    queue[index] = built;
    repo.branches.set(built.ref, sha);
    return built;
  }

  /** The paths a PR changes. @param {Repo} repo @param {number} number */
  changedFiles(repo, number) {
    return this.#changedIn(repo, this.item(repo, number));
  }

  /**
   * A merge commit of the PR's head onto `parent` (first parent), with the PR's changes.
   * @param {Repo} repo @param {string} parent @param {Item} pull @param {Date} at @param {string} message
   */
  #mergeCommit(repo, parent, pull, at, message) {
    const head = this.#commit(repo, this.headSha(repo, pull));
    const changed = this.#changedIn(repo, pull);
    const tree = new Map(this.#commit(repo, parent).tree);
    for (const path of changed) {
      const content = head.tree.get(path);
      if (content === undefined) tree.delete(path);
      else tree.set(path, content);
    }
    return this.#newCommit(repo, [parent, head.sha], tree, changed, { at, message, author: pull.user });
  }

  /** Changes a PR's base branch (GitHub keeps it in no queue: tests of races only). @param {Repo} repo @param {number} number @param {string} base */
  setBase(repo, number, base) {
    const pull = this.item(repo, number);
    if (!repo.branches.has(base)) throw new Error(`no branch ${base}`);
    pull.base = base;
  }

  /** Closes the PR (or issue) without merging. @param {Repo} repo @param {number} number @param {Date} [at] */
  close(repo, number, at) {
    const item = this.item(repo, number);
    item.state = "closed";
    item.closedAt = iso(at ?? this.now());
    item.updatedAt = item.closedAt;
  }

  /** @param {Repo} repo @param {number} number @param {Date} [at] */
  reopen(repo, number, at) {
    const item = this.item(repo, number);
    item.state = "open";
    item.closedAt = null;
    item.updatedAt = iso(at ?? this.now());
  }

  // -------------------------------------------------------------------------------------------
  // Reading the state (tests)

  /** The file at the head of `branch` (default: the default branch), as text. @param {Repo} repo @param {string} path @param {string} [branch] */
  readFile(repo, path, branch) {
    const sha = repo.branches.get(branch ?? repo.defaultBranch);
    const content = sha ? this.#commit(repo, sha).tree.get(path) : undefined;
    return content?.toString("utf8");
  }

  /** This app's latest check run of `name` on `sha`. @param {Repo} repo @param {string} sha @param {string} name */
  latestCheck(repo, sha, name) {
    return repo.checkRuns.filter((r) => r.headSha === sha && r.name === name && r.appId === this.appId).sort((a, b) => b.id - a.id)[0];
  }

  /** The comments of an issue or PR, oldest first. @param {Repo} repo @param {number} number */
  commentsOn(repo, number) {
    const key = `${repo.owner}/${repo.name}`.toLowerCase();
    return [...this.comments.values()].filter((c) => c.repo === key && c.number === number).sort((a, b) => a.id - b.id);
  }

  /** @param {Repo} repo */
  issues(repo) {
    return [...repo.items.values()].filter((i) => i.kind === "issue");
  }

  /** The API's JSON of a pull request (for webhook payloads). @param {Repo} repo @param {number} number */
  pullJson(repo, number) {
    return this.#pullJson(repo, this.item(repo, number), true);
  }

  /** The API's JSON of a repository (for webhook payloads). @param {Repo} repo */
  repoJson(repo) {
    return this.#repoJson(repo);
  }

  /** The API's JSON of a user (a webhook's `sender`). @param {string} login */
  userJson(login) {
    return this.#user(login, login.endsWith("[bot]") ? "Bot" : "User");
  }

  /** The API's JSON of an issue comment. @param {number} id */
  commentJson(id) {
    const comment = this.comments.get(id);
    if (!comment) throw new Error(`no comment ${id}`);
    return this.#commentJson(this.repos.get(comment.repo) ?? /** @type {Repo} */ ({}), comment);
  }

  /** The API's JSON of a review. @param {Repo} repo @param {number} number @param {number} reviewId */
  reviewJson(repo, number, reviewId) {
    const pull = this.item(repo, number);
    const review = pull.reviews.find((r) => r.id === reviewId);
    if (!review) throw new Error(`no review ${reviewId}`);
    return this.#reviewJson(repo, pull, review);
  }

  /** Every body the app wrote (issues, comments, check outputs), with where. */
  writtenTexts() {
    /** @type {Array<{ where: string, text: string }>} */
    const out = [];
    for (const r of this.requests) {
      if (r.method === "GET" || !r.body || typeof r.body !== "object") continue;
      const body = /** @type {Record<string, unknown>} */ (r.body);
      for (const key of ["title", "body"]) {
        if (typeof body[key] === "string") out.push({ where: `${r.method} ${r.path} ${key}`, text: /** @type {string} */ (body[key]) });
      }
      const output = /** @type {Record<string, unknown> | undefined} */ (body.output);
      if (output && typeof output === "object") {
        for (const key of ["title", "summary", "text"]) {
          if (typeof output[key] === "string") out.push({ where: `${r.method} ${r.path} output.${key}`, text: /** @type {string} */ (output[key]) });
        }
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Internals of the state

  #id() {
    return this.nextId++;
  }

  /** @param {Repo} repo @param {string} sha @returns {Commit} */
  #commit(repo, sha) {
    const commit = repo.commits.get(sha);
    if (!commit) throw new HttpError(404, "No commit found for SHA: " + sha);
    return commit;
  }

  /**
   * @param {Repo} repo @param {string[]} parents @param {Map<string, Buffer>} tree @param {string[]} changed
   * @param {{ at?: Date, message?: string, author?: string, authoredAt?: string }} opts
   */
  #newCommit(repo, parents, tree, changed, opts) {
    const committedDate = iso(opts.at ?? this.now());
    // A rebase keeps the author's date and writes a new committer date; any other commit has one.
    const date = opts.authoredAt ?? committedDate;
    const sha = sha1(`${repo.owner}/${repo.name}\n${parents.join(",")}\n${this.#id()}\n${committedDate}`);
    repo.commits.set(sha, { sha, parents, tree, changed: [...changed], date, committedDate, message: opts.message ?? "Update", author: opts.author ?? repo.owner });
    return sha;
  }

  /** Paths the PR changes (over all its commits). @param {Repo} repo @param {Item} pull */
  #changedIn(repo, pull) {
    const paths = new Set();
    for (const sha of pull.commits) for (const p of this.#commit(repo, sha).changed) paths.add(p);
    // As GitHub shows a PR's files: those that differ between where it branched off and its head
    // (a file changed by one commit and changed back by a later one is not among them).
    const first = pull.commits[0] ? this.#commit(repo, pull.commits[0]) : undefined;
    const forkedFrom = first?.parents[0] ? this.#commit(repo, first.parents[0]).tree : new Map();
    const head = this.#commit(repo, this.headSha(repo, pull)).tree;
    const same = (/** @type {string} */ p) => {
      const a = forkedFrom.get(p);
      const b = head.get(p);
      return a === undefined ? b === undefined : b !== undefined && Buffer.compare(a, b) === 0;
    };
    return /** @type {string[]} */ ([...paths].filter((p) => !same(p)).sort());
  }

  /**
   * The PR's changed files and how each changed, against the base it branched from (the stand-in
   * knows no renames): "added", "removed" or "modified", as REST names them.
   * @param {Repo} repo @param {Item} pull
   * @returns {Array<{ path: string, change: "added" | "removed" | "modified" }>}
   */
  #fileChanges(repo, pull) {
    const head = this.#commit(repo, this.headSha(repo, pull));
    const first = pull.commits[0] ? this.#commit(repo, pull.commits[0]) : undefined;
    const forkedFrom = first?.parents[0];
    const base = forkedFrom ? this.#commit(repo, forkedFrom).tree : new Map();
    return this.#changedIn(repo, pull).map((path) => ({ path, change: !head.tree.has(path) ? "removed" : base.has(path) ? "modified" : "added" }));
  }

  /** @param {Repo} repo @param {string} ref a branch or a commit */
  #resolveRef(repo, ref) {
    return repo.branches.get(ref) ?? (repo.commits.has(ref) ? ref : undefined);
  }

  // -------------------------------------------------------------------------------------------
  // JSON as GitHub answers it

  // -------------------------------------------------------------------------------------------
  // Accounts. Identity is the numeric id: a rename keeps the account (and everything it wrote,
  // which GitHub then shows under the new login); a login given up can be taken by a new account,
  // which gets a new id.

  /** @type {Map<string, number>} lowercased login to the id of the account that holds it now */
  #accounts = new Map();
  #accountsCreated = 0;

  /** The id of the account that holds `login` now (its first account's, userId(), by default). @param {string} login */
  accountId(login) {
    const key = login.toLowerCase();
    // A login given up is someone else's once used again: a new account.
    if (this.#free.has(key)) return this.createUser(login);
    let id = this.#accounts.get(key);
    if (id === undefined) {
      id = userId(login);
      this.#accounts.set(key, id);
    }
    return id;
  }

  /**
   * The account of `from` renames itself `to` (a login no account holds): it keeps its id, and
   * its PRs, reviews, comments and commits show the new login; `from` is free to be taken.
   * @param {string} from @param {string} to
   */
  renameUser(from, to) {
    if (this.#held(to)) throw new Error(`The login ${to} is taken`);
    const id = this.accountId(from);
    this.#accounts.delete(from.toLowerCase());
    this.#free.add(from.toLowerCase());
    this.#free.delete(to.toLowerCase());
    this.#accounts.set(to.toLowerCase(), id);
    const same = (/** @type {string} */ login) => login.toLowerCase() === from.toLowerCase();
    for (const repo of this.repos.values()) {
      for (const item of repo.items.values()) {
        if (same(item.user)) item.user = to;
        for (const r of item.reviews ?? []) if (same(r.user)) r.user = to;
      }
      for (const c of repo.commits.values()) if (same(c.author)) c.author = to;
    }
    for (const c of this.comments.values()) if (same(c.user)) c.user = to;
  }

  /**
   * A new account signs up with `login`, which an account gave up (renamed away from): it gets a
   * new id, and nothing of the earlier holder.
   * @param {string} login
   */
  createUser(login) {
    if (this.#held(login)) throw new Error(`The login ${login} is taken`);
    this.#accountsCreated += 1;
    const id = userId(`${login}\u0000${this.#accountsCreated}`);
    this.#accounts.set(login.toLowerCase(), id);
    this.#free.delete(login.toLowerCase());
    return id;
  }

  /** @type {Set<string>} logins an account gave up, which no account holds */
  #free = new Set();

  /** @param {string} login */
  #held(login) {
    return !this.#free.has(login.toLowerCase()) && this.#accounts.has(login.toLowerCase());
  }

  /** @param {string} login @param {string} [type] */
  #user(login, type) {
    const t = type ?? (login.endsWith("[bot]") ? "Bot" : "User");
    // Only the members the app reads, and a few more: every member costs validation time.
    const id = this.accountId(login);
    return { login, id, node_id: `U_${id}`, type: t, site_admin: false };
  }

  /** @param {Repo} repo */
  #repoJson(repo) {
    const full = `${repo.owner}/${repo.name}`;
    return {
      id: repo.id,
      node_id: `R_${repo.id}`,
      name: repo.name,
      full_name: full,
      owner: this.#user(repo.owner, "Organization"),
      private: false,
      html_url: `https://github.com/${full}`,
      description: null,
      fork: false,
      url: `${this.baseUrl}/repos/${full}`,
      archived: repo.archived,
      disabled: false,
      default_branch: repo.defaultBranch,
      visibility: "public",
    };
  }

  /** @param {Repo} repo @param {Item} item */
  #labelsJson(repo, item) {
    return item.labels.map((name) => ({
      id: userId(`label:${name}`),
      node_id: `LA_${userId(`label:${name}`)}`,
      url: `${this.baseUrl}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(name)}`,
      name,
      description: "",
      color: "ededed",
      default: false,
    }));
  }

  /** @param {Repo} repo @param {Item} pull @param {boolean} full */
  #pullJson(repo, pull, full) {
    const full_name = `${repo.owner}/${repo.name}`;
    const headSha = this.headSha(repo, pull);
    const baseSha = /** @type {string} */ (repo.branches.get(pull.base));
    const html = `https://github.com/${full_name}/pull/${pull.number}`;
    const json = {
      url: `${this.baseUrl}/repos/${full_name}/pulls/${pull.number}`,
      id: repo.id * 100_000 + pull.number,
      node_id: `PR_${repo.id}_${pull.number}`,
      html_url: html,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.#user(pull.user, pull.userType),
      body: pull.body,
      labels: this.#labelsJson(repo, pull),
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
      merged_at: pull.merged ? pull.closedAt : null,
      merge_commit_sha: pull.mergeCommitSha,
      draft: pull.draft,
      // As GitHub gives them: each side with its repository (the app reads base.repo.default_branch).
      head: { label: `${repo.owner}:${pull.headRef}`, ref: pull.headRef, sha: headSha, user: this.#user(repo.owner, "Organization"), repo: this.#repoJson(repo) },
      base: { label: `${repo.owner}:${pull.base}`, ref: pull.base, sha: baseSha, user: this.#user(repo.owner, "Organization"), repo: this.#repoJson(repo) },
      author_association: "CONTRIBUTOR",
      requested_reviewers: (pull.requestedReviewers ?? []).map((l) => this.#user(l)),
      requested_teams: [],
    };
    if (!full) return json;
    return {
      ...json,
      merged: pull.merged,
      mergeable: pull.state === "open" ? true : null,
      mergeable_state: pull.state === "open" ? "clean" : "unknown",
      comments: this.commentsOn(repo, pull.number).length,
      review_comments: 0,
      commits: pull.commits.length,
      additions: 1,
      deletions: 0,
      changed_files: this.#changedIn(repo, pull).length,
    };
  }

  /** @param {Repo} repo @param {Item} item */
  #issueJson(repo, item) {
    const full_name = `${repo.owner}/${repo.name}`;
    const path = item.kind === "pull" ? "pull" : "issues";
    /** @type {Record<string, unknown>} */
    const json = {
      id: repo.id * 100_000 + item.number,
      node_id: `I_${repo.id}_${item.number}`,
      url: `${this.baseUrl}/repos/${full_name}/issues/${item.number}`,
      html_url: `https://github.com/${full_name}/${path}/${item.number}`,
      number: item.number,
      state: item.state,
      state_reason: item.stateReason,
      title: item.title,
      body: item.body,
      user: this.#user(item.user, item.userType),
      labels: this.#labelsJson(repo, item),
      locked: item.locked === true,
      active_lock_reason: item.locked ? (item.lockReason ?? null) : null,
      comments: this.commentsOn(repo, item.number).length,
      created_at: item.createdAt,
      updated_at: item.updatedAt,
      closed_at: item.closedAt,
      author_association: item.userType === "Bot" ? "NONE" : "CONTRIBUTOR",
    };
    if (item.kind === "pull") {
      json.pull_request = {
        url: `${this.baseUrl}/repos/${full_name}/pulls/${item.number}`,
        html_url: `https://github.com/${full_name}/pull/${item.number}`,
        diff_url: `https://github.com/${full_name}/pull/${item.number}.diff`,
        patch_url: `https://github.com/${full_name}/pull/${item.number}.patch`,
      };
    }
    return json;
  }

  /** @param {Repo} repo @param {Comment} c */
  #commentJson(repo, c) {
    const full_name = `${repo.owner}/${repo.name}`;
    const item = repo.items?.get(c.number);
    const path = item?.kind === "pull" ? "pull" : "issues";
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.baseUrl}/repos/${full_name}/issues/comments/${c.id}`,
      html_url: `https://github.com/${full_name}/${path}/${c.number}#issuecomment-${c.id}`,
      issue_url: `${this.baseUrl}/repos/${full_name}/issues/${c.number}`,
      body: c.body,
      user: this.#user(c.user, c.userType),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: c.userType === "Bot" ? "NONE" : "CONTRIBUTOR",
    };
  }

  /** @param {Repo} repo @param {Item} pull @param {Review} r */
  #reviewJson(repo, pull, r) {
    const full_name = `${repo.owner}/${repo.name}`;
    return {
      id: r.id,
      node_id: `PRR_${r.id}`,
      user: this.#user(r.user, r.userType),
      body: r.body,
      state: r.state,
      html_url: `https://github.com/${full_name}/pull/${pull.number}#pullrequestreview-${r.id}`,
      pull_request_url: `${this.baseUrl}/repos/${full_name}/pulls/${pull.number}`,
      submitted_at: r.submittedAt,
      commit_id: r.commitId,
      author_association: "CONTRIBUTOR",
      _links: { html: { href: `https://github.com/${full_name}/pull/${pull.number}` }, pull_request: { href: `${this.baseUrl}/repos/${full_name}/pulls/${pull.number}` } },
    };
  }

  /**
   * GitHub's comparison of two commits (`base...head`): the commits of `head` since their merge
   * base, and the files that differ between the merge base and `head` (so, for a `head` behind
   * `base`, none: a rewind's files show only in the comparison the other way round).
   * @param {Repo} repo @param {string} base @param {string} head
   */
  #comparison(repo, base, head) {
    if (!repo.commits.has(base) || !repo.commits.has(head)) throw new HttpError(404, "Not Found");
    const ancestors = new Set(this.#log(repo, base).map((c) => c.sha));
    const ahead = this.#log(repo, head).filter((c) => !ancestors.has(c.sha)).reverse();
    const mergeBase = this.#log(repo, head).find((c) => ancestors.has(c.sha)) ?? this.#commit(repo, base);
    const behind = this.#log(repo, base).filter((c) => !new Set(this.#log(repo, head).map((x) => x.sha)).has(c.sha));
    const from = mergeBase.tree;
    const to = this.#commit(repo, head).tree;
    const full_name = `${repo.owner}/${repo.name}`;
    const files = [...new Set([...from.keys(), ...to.keys()])]
      .filter((p) => {
        const a = from.get(p);
        const b = to.get(p);
        return a === undefined || b === undefined || Buffer.compare(a, b) !== 0;
      })
      .sort()
      .map((p) => {
        const status = from.get(p) === undefined ? "added" : to.get(p) === undefined ? "removed" : "modified";
        const blob = sha1(`blob ${p} ${head}`);
        return {
          sha: blob,
          filename: p,
          status,
          additions: 1,
          deletions: 0,
          changes: 1,
          blob_url: `https://github.com/${full_name}/blob/${head}/${p}`,
          raw_url: `https://github.com/${full_name}/raw/${head}/${p}`,
          contents_url: `${this.baseUrl}/repos/${full_name}/contents/${p}?ref=${head}`,
        };
      });
    const url = `${this.baseUrl}/repos/${full_name}/compare/${base}...${head}`;
    return {
      url,
      html_url: `https://github.com/${full_name}/compare/${base}...${head}`,
      permalink_url: `https://github.com/${full_name}/compare/${full_name.replace("/", ":")}:${base}...${full_name.replace("/", ":")}:${head}`,
      diff_url: `https://github.com/${full_name}/compare/${base}...${head}.diff`,
      patch_url: `https://github.com/${full_name}/compare/${base}...${head}.patch`,
      base_commit: this.#commitJson(repo, this.#commit(repo, base)),
      merge_base_commit: this.#commitJson(repo, mergeBase),
      status: behind.length === 0 ? (ahead.length === 0 ? "identical" : "ahead") : ahead.length === 0 ? "behind" : "diverged",
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: ahead.map((c) => this.#commitJson(repo, c)),
      files,
    };
  }

  /** @param {Repo} repo @param {Commit} c */
  #commitJson(repo, c) {
    const full_name = `${repo.owner}/${repo.name}`;
    const person = { name: c.author, email: `${c.author}@example.org`, date: c.date };
    return {
      sha: c.sha,
      node_id: `C_${c.sha}`,
      url: `${this.baseUrl}/repos/${full_name}/commits/${c.sha}`,
      html_url: `https://github.com/${full_name}/commit/${c.sha}`,
      comments_url: `${this.baseUrl}/repos/${full_name}/commits/${c.sha}/comments`,
      commit: {
        url: `${this.baseUrl}/repos/${full_name}/git/commits/${c.sha}`,
        author: person,
        committer: person,
        message: c.message,
        comment_count: 0,
        tree: { sha: sha1(`tree ${c.sha}`), url: `${this.baseUrl}/repos/${full_name}/git/trees/${sha1(`tree ${c.sha}`)}` },
      },
      author: this.#user(c.author),
      committer: this.#user(c.author),
      parents: c.parents.map((p) => ({ sha: p, url: `${this.baseUrl}/repos/${full_name}/commits/${p}`, html_url: `https://github.com/${full_name}/commit/${p}` })),
    };
  }

  /** @param {Repo} repo @param {CheckRun} run */
  #checkRunJson(repo, run) {
    const full_name = `${repo.owner}/${repo.name}`;
    return {
      id: run.id,
      head_sha: run.headSha,
      node_id: `CR_${run.id}`,
      external_id: run.externalId ?? "",
      url: `${this.baseUrl}/repos/${full_name}/check-runs/${run.id}`,
      html_url: `https://github.com/${full_name}/runs/${run.id}`,
      details_url: run.detailsUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: 0,
        annotations_url: `${this.baseUrl}/repos/${full_name}/check-runs/${run.id}/annotations`,
      },
      name: run.name,
      check_suite: { id: run.id + 1 },
      app: {
        id: run.appId,
        slug: run.appId === this.appId ? this.appSlug : `app-${run.appId}`,
        node_id: `A_${run.appId}`,
        owner: this.#user(repo.owner, "Organization"),
        name: run.appId === this.appId ? "Partnership Governance" : `App ${run.appId}`,
        description: null,
        external_url: "https://example.org",
        html_url: `https://github.com/apps/${this.appSlug}`,
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
        permissions: { checks: "write" },
        events: [],
      },
      pull_requests: [],
    };
  }

  /** The app, as `GET /apps/{slug}` gives it. */
  #appJson() {
    return {
      id: this.appId,
      slug: this.appSlug,
      node_id: `A_${this.appId}`,
      client_id: "Iv1.standin",
      owner: this.#user("partnership", "Organization"),
      name: "Partnership Governance",
      description: null,
      external_url: "https://example.org",
      html_url: `https://github.com/apps/${this.appSlug}`,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      permissions: { ...this.permissions },
      events: [],
    };
  }

  /** @param {Repo} repo @param {string} path @param {Buffer} content @param {string} ref */
  #contentJson(repo, path, content, ref) {
    const full_name = `${repo.owner}/${repo.name}`;
    const blob = sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
    const url = `${this.baseUrl}/repos/${full_name}/contents/${path}?ref=${encodeURIComponent(ref)}`;
    return {
      type: "file",
      encoding: "base64",
      size: content.length,
      name: path.split("/").pop() ?? path,
      path,
      content: content.toString("base64"),
      sha: blob,
      url,
      git_url: `${this.baseUrl}/repos/${full_name}/git/blobs/${blob}`,
      html_url: `https://github.com/${full_name}/blob/${ref}/${path}`,
      download_url: `https://raw.githubusercontent.com/${full_name}/${ref}/${path}`,
      _links: { self: url, git: `${this.baseUrl}/repos/${full_name}/git/blobs/${blob}`, html: `https://github.com/${full_name}/blob/${ref}/${path}` },
    };
  }

  // -------------------------------------------------------------------------------------------
  // HTTP

  /** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
  async #handle(req, res) {
    const started = performance.now();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString("utf8");
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://stand-in");
    const pathname = decodeURIComponent(url.pathname.replace(/^\/api\/v3(?=\/)/, "").replace(/^\/api\/graphql$/, "/graphql"));
    const pathWithQuery = `${pathname}${url.search}`;
    /** @type {unknown} */
    let body;
    try {
      body = raw === "" ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const isGraphql = pathname === "/graphql";
    const isWrite = method !== "GET" && method !== "HEAD" && !isGraphql && !/\/access_tokens$/.test(pathname);
    /** @type {LoggedRequest} */
    const log = { method, path: pathWithQuery, status: 0, body, installation: null, user: null, fault: null, applied: false, receivedAt: started, ms: 0 };
    this.requests.push(log);
    res.on("close", () => {
      log.ms = performance.now() - started;
    });

    if (this.validator && !isGraphql) {
      for (const problem of this.validator.request({ method, path: pathWithQuery, body })) this.violations.push(`request ${method} ${pathWithQuery}: ${problem}`);
    }
    if (this.latencyMs > 0) await delay(this.latencyMs);

    const fault = this.faults.decide(method, pathname, isWrite);
    log.fault = fault;
    if (fault && fault.phase === "before") {
      if (fault.kind === "slow") await delay(fault.delayMs);
      else return this.#fail(req, res, log, fault);
    }

    /** @type {{ status: number, body?: unknown, headers?: Record<string, string> }} */
    let answer;
    try {
      log.installation = this.#installationOf(req);
      log.user = this.#userOf(req);
      if (log.user !== null && isWrite && !/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/.test(pathname)) this.#unknown(method, `${pathname} with a person's token`);
      answer = isGraphql && method === "POST" ? await this.#graphql(/** @type {Record<string, any>} */ (body && typeof body === "object" ? body : {}), log) : this.#route(method, pathname, url.searchParams, body, req, log);
      if (isWrite && answer.status < 300) log.applied = true;
    } catch (error) {
      if (error instanceof HttpError) answer = { status: error.status, body: { message: error.message, documentation_url: BASIC_DOCS } };
      else {
        this.violations.push(`stand-in error on ${method} ${pathWithQuery}: ${error instanceof Error ? error.stack : String(error)}`);
        answer = { status: 500, body: { message: "stand-in error" } };
      }
    }

    if (fault && fault.phase === "after") return this.#fail(req, res, log, fault);

    /** @type {Record<string, string>} */
    const headers = { "content-type": "application/json; charset=utf-8", "x-github-request-id": `STANDIN:${this.requests.length}`, ...(answer.headers ?? {}) };
    let text = answer.body === undefined ? "" : JSON.stringify(answer.body);
    let status = answer.status;
    if (method === "GET" && status === 200) {
      const etag = `"${sha1(text)}"`;
      headers.etag = etag;
      if (req.headers["if-none-match"] === etag) {
        status = 304;
        text = "";
      }
    }
    log.status = status;
    if (this.validator && !isGraphql) {
      const problems = this.validator.response({ method, path: pathWithQuery, status, body: status === 304 ? undefined : answer.body });
      for (const problem of problems) this.violations.push(`response ${method} ${pathWithQuery} ${status}: ${problem}`);
    }
    res.writeHead(status, headers);
    res.end(status === 204 || status === 304 ? undefined : text);
  }

  /**
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   * @param {LoggedRequest} log @param {Fault} fault
   */
  #fail(req, res, log, fault) {
    if (fault.kind === "drop") {
      log.status = 0;
      req.socket.destroy();
      return;
    }
    /** @type {Record<string, string>} */
    const headers = { "content-type": "application/json; charset=utf-8", "x-github-request-id": `STANDIN:${this.requests.length}` };
    let message = "Server Error";
    if (fault.kind === "403") {
      // A primary rate limit: the reset is one second away (the tests keep waits short).
      headers["x-ratelimit-limit"] = "5000";
      headers["x-ratelimit-remaining"] = "0";
      headers["x-ratelimit-used"] = "5000";
      headers["x-ratelimit-reset"] = String(Math.ceil(Date.now() / 1000) + 1);
      message = "API rate limit exceeded for installation.";
    } else if (fault.kind === "429") {
      headers["retry-after"] = "1";
      message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
    } else if (fault.kind === "502") {
      message = "Bad Gateway";
    }
    const status = Number(fault.kind);
    log.status = status;
    res.writeHead(status, headers);
    res.end(JSON.stringify({ message, documentation_url: BASIC_DOCS }));
  }

  /** @param {import("node:http").IncomingMessage} req */
  #installationOf(req) {
    const auth = req.headers.authorization ?? "";
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
    if (!m) return null;
    return this.tokens.get(m[1] ?? "") ?? null;
  }

  /** The person whose token made a request (userToken), or null. @param {import("node:http").IncomingMessage} req */
  #userOf(req) {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    return this.userTokens.get(m?.[1] ?? "") ?? null;
  }

  /** @param {import("node:http").IncomingMessage} req */
  #isJwt(req) {
    const auth = req.headers.authorization ?? "";
    return /^bearer\s+ey/i.test(auth);
  }

  /**
   * The repository of a request, if the token's installation may see it (a person's token sees
   * every repository: they are public).
   * @param {string} owner @param {string} name @param {LoggedRequest} log
   */
  #repoFor(owner, name, log) {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    if (!repo || (log.installation !== null && repo.installation !== log.installation)) throw new HttpError(404, "Not Found");
    if (log.installation === null && !log.user) throw new HttpError(401, "Requires authentication");
    return repo;
  }

  /**
   * Pagination as GitHub does it: `per_page` (default 30, at most 100) and `page`, with a Link
   * header naming the next and last pages.
   * @template T
   * @param {T[]} items @param {URLSearchParams} query @param {string} pathname
   * @returns {{ page: T[], headers: Record<string, string> }}
   */
  #paginate(items, query, pathname) {
    const perPage = Math.min(Math.max(1, Number(query.get("per_page") ?? 30) || 30), 100, this.maxPerPage);
    const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    /** @type {Record<string, string>} */
    const headers = {};
    const link = (/** @type {number} */ n, /** @type {string} */ rel) => {
      const q = new URLSearchParams(query);
      q.set("page", String(n));
      return `<${this.baseUrl}${pathname}?${q.toString()}>; rel="${rel}"`;
    };
    const links = [];
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
    if (links.length > 0) headers.link = links.join(", ");
    return { page: items.slice((page - 1) * perPage, page * perPage), headers };
  }

  /**
   * @param {string} method @param {string} path @param {URLSearchParams} query @param {unknown} rawBody
   * @param {import("node:http").IncomingMessage} req @param {LoggedRequest} log
   * @returns {{ status: number, body?: unknown, headers?: Record<string, string> }}
   */
  #route(method, path, query, rawBody, req, log) {
    const body = /** @type {Record<string, any>} */ (rawBody && typeof rawBody === "object" ? rawBody : {});
    /** @type {RegExpExecArray | null} */
    let m;

    // Apps and installations
    if (method === "POST" && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path))) {
      if (!this.#isJwt(req)) throw new HttpError(401, "A JSON web token could not be decoded");
      const id = Number(m[1]);
      if (!this.installations.has(id)) throw new HttpError(404, "Not Found");
      const token = `ghs_standin_${id}_${this.tokens.size + 1}`;
      this.tokens.set(token, id);
      return {
        status: 201,
        body: {
          token,
          expires_at: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
          permissions: { ...this.permissions },
          repository_selection: "all",
        },
      };
    }
    if (method === "GET" && path === "/app/installations") {
      if (!this.#isJwt(req)) throw new HttpError(401, "A JSON web token could not be decoded");
      const list = [...this.installations.values()].map((i) => ({
        id: i.id,
        account: this.#user(i.account, "Organization"),
        repository_selection: "all",
        access_tokens_url: `${this.baseUrl}/app/installations/${i.id}/access_tokens`,
        repositories_url: `${this.baseUrl}/installation/repositories`,
        html_url: `https://github.com/organizations/${i.account}/settings/installations/${i.id}`,
        app_id: this.appId,
        app_slug: this.appSlug,
        target_id: userId(i.account),
        target_type: "Organization",
        permissions: { ...this.permissions },
        events: ["pull_request", "pull_request_review", "issue_comment", "push", "check_run"],
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
        single_file_name: null,
      }));
      const { page, headers } = this.#paginate(list, query, path);
      return { status: 200, body: page, headers };
    }
    if (method === "GET" && path === "/installation/repositories") {
      if (log.installation === null) throw new HttpError(401, "Requires authentication");
      const repos = [...this.repos.values()].filter((r) => r.installation === log.installation).map((r) => this.#repoJson(r));
      const { page, headers } = this.#paginate(repos, query, path);
      return { status: 200, body: { total_count: repos.length, repository_selection: "all", repositories: page }, headers };
    }

    if (method === "GET" && (m = /^\/user\/(\d+)$/.exec(path))) {
      const login = this.loginOfAccount(Number(m[1]));
      if (login === null) throw new HttpError(404, "Not Found");
      return { status: 200, body: { ...this.#user(login), user_view_type: "public", name: null, company: null, blog: "", location: null, email: null, hireable: null, bio: null, public_repos: 0, public_gists: 0, followers: 0, following: 0, created_at: "2020-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" } };
    }
    if (method === "GET" && (m = /^\/apps\/([^/]+)$/.exec(path))) {
      // Public: any token may look an app up by its slug.
      if (m[1] !== this.appSlug) throw new HttpError(404, "Not Found");
      return { status: 200, body: this.#appJson() };
    }

    m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (!m) return this.#unknown(method, path);
    const repo = this.#repoFor(/** @type {string} */ (m[1]), /** @type {string} */ (m[2]), log);
    const rest = m[3] ?? "";

    if (method === "GET" && rest === "") return { status: 200, body: this.#repoJson(repo) };

    // Contents and commits
    if (method === "GET" && (m = /^\/contents\/(.+)$/.exec(rest))) {
      const path = /** @type {string} */ (m[1]);
      const ref = query.get("ref") ?? repo.defaultBranch;
      const sha = this.#resolveRef(repo, ref);
      if (!sha) throw new HttpError(404, `No commit found for the ref ${ref}`);
      const content = this.#commit(repo, sha).tree.get(path);
      if (content === undefined) {
        const prefix = `${path}/`;
        const children = [...this.#commit(repo, sha).tree.keys()].filter((p) => p.startsWith(prefix));
        if (children.length === 0) throw new HttpError(404, "Not Found");
        return { status: 200, body: children.map((p) => ({ ...this.#contentJson(repo, p, /** @type {Buffer} */ (this.#commit(repo, sha).tree.get(p)), ref), content: undefined, encoding: undefined })) };
      }
      return { status: 200, body: this.#contentJson(repo, path, content, ref) };
    }
    if (method === "GET" && (m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest))) {
      const c = this.#commit(repo, /** @type {string} */ (m[1]));
      const full_name = `${repo.owner}/${repo.name}`;
      const person = { name: c.author, email: `${c.author}@example.org`, date: c.date };
      return {
        status: 200,
        body: {
          sha: c.sha,
          node_id: `C_${c.sha}`,
          url: `${this.baseUrl}/repos/${full_name}/git/commits/${c.sha}`,
          html_url: `https://github.com/${full_name}/commit/${c.sha}`,
          author: person,
          // A rebased commit keeps its author and author date; GitHub commits it anew.
          committer: { ...person, date: c.committedDate },
          message: c.message,
          tree: { sha: sha1(`tree ${c.sha}`), url: `${this.baseUrl}/repos/${full_name}/git/trees/${sha1(`tree ${c.sha}`)}` },
          parents: c.parents.map((p) => ({ sha: p, url: `${this.baseUrl}/repos/${full_name}/git/commits/${p}`, html_url: `https://github.com/${full_name}/commit/${p}` })),
          verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
        },
      };
    }
    if (method === "GET" && rest === "/commits") {
      const start = this.#resolveRef(repo, query.get("sha") ?? repo.defaultBranch);
      if (!start) throw new HttpError(404, "Not Found");
      const filePath = query.get("path");
      const until = query.get("until");
      const since = query.get("since");
      const list = this.#log(repo, start).filter(
        (c) =>
          !(filePath && !c.changed.includes(filePath)) &&
          !(until && Date.parse(c.committedDate) > Date.parse(until)) &&
          !(since && Date.parse(c.committedDate) < Date.parse(since)),
      );
      const { page, headers } = this.#paginate(list.map((c) => this.#commitJson(repo, c)), query, path);
      return { status: 200, body: page, headers };
    }
    if (method === "GET" && (m = /^\/branches\/(.+)$/.exec(rest))) {
      // "Get a branch": its head commit (a branch deleted, or never there: 404).
      const branch = decodeURIComponent(/** @type {string} */ (m[1]));
      const sha = repo.branches.get(branch);
      if (sha === undefined) throw new HttpError(404, "Branch not found");
      const full_name = `${repo.owner}/${repo.name}`;
      return {
        status: 200,
        body: {
          name: branch,
          commit: this.#commitJson(repo, this.#commit(repo, sha)),
          _links: { html: `https://github.com/${full_name}/tree/${branch}`, self: `${this.baseUrl}/repos/${full_name}/branches/${branch}` },
          protected: false,
          protection: { enabled: false, required_status_checks: { enforcement_level: "off", contexts: [], checks: [] } },
          protection_url: `${this.baseUrl}/repos/${full_name}/branches/${branch}/protection`,
        },
      };
    }
    if (method === "GET" && (m = /^\/compare\/(.+?)\.\.\.(.+)$/.exec(rest))) {
      // Each side a commit or a branch (GitHub takes any ref).
      const side = (/** @type {string} */ r) => this.#resolveRef(repo, decodeURIComponent(r)) ?? decodeURIComponent(r);
      // GitHub: without `page`/`per_page`, up to 250 commits; with them, the commits are paged
      // (`Link` header) and the changed files are shown on the first page only.
      const body = this.#comparison(repo, side(/** @type {string} */ (m[1])), side(/** @type {string} */ (m[2])));
      if (!query.has("page") && !query.has("per_page")) return { status: 200, body: { ...body, commits: body.commits.slice(0, 250) } };
      const { page, headers } = this.#paginate(body.commits, query, path);
      return { status: 200, body: { ...body, commits: page, files: (Number(query.get("page") ?? 1) || 1) > 1 ? [] : body.files }, headers };
    }
    if (method === "GET" && rest === "/activity") {
      // Newest first (direction=desc, the default), cursor pages (`after`), as GitHub pages it.
      const ref = query.get("ref");
      const type = query.get("activity_type");
      const actor = query.get("actor");
      const full = (/** @type {string} */ r) => (r.startsWith("refs/") ? r : `refs/heads/${r}`);
      // Only the moves GitHub still keeps (about 90 days).
      const kept = this.now().getTime() - this.activityRetentionDays * 86_400_000;
      let list = repo.activity.filter((a) => Date.parse(a.at) >= kept && (ref === null || a.ref === full(ref)) && (type === null || a.type === type) && (actor === null || a.actor.toLowerCase() === actor.toLowerCase()));
      list = query.get("direction") === "asc" ? [...list] : [...list].reverse();
      const perPage = Math.min(Math.max(1, Number(query.get("per_page") ?? 30) || 30), 100, this.maxPerPage);
      const after = query.get("after");
      const from = after === null ? 0 : list.findIndex((a) => String(a.id) === Buffer.from(after, "base64url").toString("utf8")) + 1;
      const page = list.slice(from, from + perPage);
      /** @type {Record<string, string>} */
      const headers = {};
      if (from + perPage < list.length && page.length > 0) {
        const q = new URLSearchParams(query);
        q.set("after", Buffer.from(String(page[page.length - 1]?.id)).toString("base64url"));
        headers.link = `<${this.baseUrl}${path}?${q.toString()}>; rel="next"`;
      }
      const body = page.map((a) => ({
        id: a.id,
        node_id: `RA_${a.id}`,
        before: a.before,
        after: a.after,
        ref: a.ref,
        timestamp: a.at,
        activity_type: a.type,
        actor: this.#user(a.actor),
      }));
      return { status: 200, body, headers };
    }
    if (method === "GET" && (m = /^\/commits\/([^/]+)\/pulls$/.exec(rest))) {
      const sha = /** @type {string} */ (m[1]);
      const pulls = [...repo.items.values()].filter((i) => i.kind === "pull" && (i.commits.includes(sha) || this.headSha(repo, i) === sha || i.mergeCommitSha === sha));
      const { page, headers } = this.#paginate(pulls.map((p) => this.#pullJson(repo, p, false)), query, path);
      return { status: 200, body: page, headers };
    }

    // Check runs
    if (method === "GET" && (m = /^\/commits\/([^/]+)\/check-runs$/.exec(rest))) {
      const sha = this.#resolveRef(repo, /** @type {string} */ (m[1])) ?? m[1];
      const name = query.get("check_name");
      const appId = query.get("app_id");
      let runs = repo.checkRuns.filter((r) => r.headSha === sha && (name === null || r.name === name) && (appId === null || r.appId === Number(appId)));
      if ((query.get("filter") ?? "latest") === "latest") {
        const latest = new Map();
        for (const r of runs) {
          const key = `${r.appId}\n${r.name}`;
          if (!latest.has(key) || latest.get(key).id < r.id) latest.set(key, r);
        }
        runs = [...latest.values()];
      }
      runs.sort((a, b) => b.id - a.id);
      const { page, headers } = this.#paginate(runs.map((r) => this.#checkRunJson(repo, r)), query, path);
      return { status: 200, body: { total_count: runs.length, check_runs: page }, headers };
    }
    if (method === "POST" && rest === "/check-runs") {
      if (typeof body.name !== "string" || typeof body.head_sha !== "string") throw new HttpError(422, "name and head_sha are required");
      if (!repo.commits.has(body.head_sha)) throw new HttpError(422, "No commit found for SHA: " + body.head_sha);
      /** @type {CheckRun} */
      const run = {
        id: this.#id(),
        headSha: body.head_sha,
        name: body.name,
        status: body.status ?? "queued",
        conclusion: body.conclusion ?? null,
        startedAt: iso(this.now()),
        completedAt: body.completed_at ?? null,
        detailsUrl: body.details_url ?? null,
        output: { title: body.output?.title ?? null, summary: body.output?.summary ?? null, text: body.output?.text ?? null },
        appId: this.appId,
        ...(typeof body.external_id === "string" ? { externalId: body.external_id } : {}),
      };
      this.#checkConclusion(run);
      repo.checkRuns.push(run);
      return { status: 201, body: this.#checkRunJson(repo, run) };
    }
    if (method === "PATCH" && (m = /^\/check-runs\/(\d+)$/.exec(rest))) {
      const run = repo.checkRuns.find((r) => r.id === Number(m?.[1]));
      if (!run) throw new HttpError(404, "Not Found");
      if (run.appId !== this.appId) throw new HttpError(403, "Invalid app_id `" + this.appId + "` - check run can only be modified by the GitHub App that created it.");
      if (body.status !== undefined) run.status = body.status;
      if (body.conclusion !== undefined) run.conclusion = body.conclusion;
      if (body.completed_at !== undefined) run.completedAt = body.completed_at;
      if (body.details_url !== undefined) run.detailsUrl = body.details_url;
      if (typeof body.external_id === "string") run.externalId = body.external_id;
      if (body.output) run.output = { title: body.output.title ?? null, summary: body.output.summary ?? null, text: body.output.text ?? null };
      this.#checkConclusion(run);
      return { status: 200, body: this.#checkRunJson(repo, run) };
    }

    // Pull requests
    if (method === "GET" && rest === "/pulls") {
      const state = query.get("state") ?? "open";
      const sort = query.get("sort") ?? "created";
      const direction = query.get("direction") ?? (sort === "created" ? "desc" : "desc");
      const pulls = [...repo.items.values()].filter((i) => i.kind === "pull" && (state === "all" || i.state === state));
      const key = (/** @type {Item} */ i) => Date.parse(sort === "updated" ? i.updatedAt : i.createdAt) * 1e6 + i.number;
      pulls.sort((a, b) => (direction === "asc" ? key(a) - key(b) : key(b) - key(a)));
      const { page, headers } = this.#paginate(pulls.map((p) => this.#pullJson(repo, p, false)), query, path);
      return { status: 200, body: page, headers };
    }
    if ((m = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(rest))) {
      const pull = repo.items.get(Number(m[1]));
      if (!pull || pull.kind !== "pull") throw new HttpError(404, "Not Found");
      if (method === "GET") return { status: 200, body: { users: (pull.requestedReviewers ?? []).map((l) => this.#user(l)), teams: [] } };
      if (method === "POST") {
        // An installation needs pull_requests: write to request reviews.
        if (this.permissions.pull_requests !== "write") throw new HttpError(403, "Resource not accessible by integration");
        const reviewers = Array.isArray(body.reviewers) ? body.reviewers.map(String) : [];
        this.requestReviews(repo, pull.number, reviewers, this.botLogin);
        return { status: 201, body: this.#pullJson(repo, pull, false) };
      }
      return this.#unknown(method, path);
    }
    if ((m = /^\/pulls\/(\d+)(\/[a-z]+)?$/.exec(rest)) && method === "GET") {
      const pull = repo.items.get(Number(m[1]));
      if (!pull || pull.kind !== "pull") throw new HttpError(404, "Not Found");
      const sub = m[2] ?? "";
      if (sub === "") return { status: 200, body: this.#pullJson(repo, pull, true) };
      if (sub === "/files") {
        const head = this.#commit(repo, this.headSha(repo, pull));
        const files = this.#fileChanges(repo, pull).map(({ path: filename, change }) => ({
          sha: sha1(`${filename}\n${head.sha}`),
          filename,
          status: change,
          additions: 1,
          deletions: 0,
          changes: 1,
          blob_url: `https://github.com/${repo.owner}/${repo.name}/blob/${head.sha}/${filename}`,
          raw_url: `https://github.com/${repo.owner}/${repo.name}/raw/${head.sha}/${filename}`,
          contents_url: `${this.baseUrl}/repos/${repo.owner}/${repo.name}/contents/${filename}?ref=${head.sha}`,
        }));
        const { page, headers } = this.#paginate(files, query, path);
        return { status: 200, body: page, headers };
      }
      if (sub === "/reviews") {
        const { page, headers } = this.#paginate(pull.reviews.map((r) => this.#reviewJson(repo, pull, r)), query, path);
        return { status: 200, body: page, headers };
      }
      if (sub === "/commits") {
        const list = pull.commits.map((sha) => this.#commitJson(repo, this.#commit(repo, sha)));
        const { page, headers } = this.#paginate(list, query, path);
        return { status: 200, body: page, headers };
      }
      return this.#unknown(method, path);
    }

    // Issues and comments
    if (method === "GET" && rest === "/issues") {
      const state = query.get("state") ?? "open";
      const labels = (query.get("labels") ?? "").split(",").map((l) => l.trim()).filter((l) => l !== "");
      // `creator`: the login that opened it, as GitHub compares logins (an app's is "slug[bot]").
      const creator = query.get("creator")?.toLowerCase() ?? null;
      const items = [...repo.items.values()]
        .filter((i) => (state === "all" || i.state === state) && labels.every((l) => i.labels.some((x) => x.toLowerCase() === l.toLowerCase())))
        .filter((i) => creator === null || i.user.toLowerCase() === creator)
        .sort((a, b) => b.number - a.number);
      const { page, headers } = this.#paginate(items.map((i) => this.#issueJson(repo, i)), query, path);
      return { status: 200, body: page, headers };
    }
    if (method === "POST" && rest === "/issues") {
      if (typeof body.title !== "string" || body.title === "") throw new HttpError(422, "Validation Failed");
      this.#checkBody(body.body);
      // The app opens it: its bot account is the author.
      const issue = this.openIssue(repo, {
        user: this.botLogin,
        userType: "Bot",
        title: body.title,
        body: body.body ?? "",
        labels: Array.isArray(body.labels) ? body.labels.map((/** @type {string | { name: string }} */ l) => (typeof l === "string" ? l : l.name)) : [],
      });
      return { status: 201, body: this.#issueJson(repo, issue) };
    }
    if (method === "GET" && (m = /^\/issues\/(\d+)$/.exec(rest))) {
      const item = repo.items.get(Number(m[1]));
      if (!item) throw new HttpError(404, "Not Found");
      return { status: 200, body: this.#issueJson(repo, item) };
    }
    // Locking and unlocking a conversation: an app needs issues: write (pull_requests: write on a PR).
    if ((method === "PUT" || method === "DELETE") && (m = /^\/issues\/(\d+)\/lock$/.exec(rest))) {
      const item = repo.items.get(Number(m[1]));
      if (!item) throw new HttpError(404, "Not Found");
      if (this.permissions[item.kind === "pull" ? "pull_requests" : "issues"] !== "write") throw new HttpError(403, "Resource not accessible by integration");
      item.locked = method === "PUT";
      item.lockReason = method === "PUT" && typeof body.lock_reason === "string" ? body.lock_reason : null;
      return { status: 204 };
    }
    if (method === "PATCH" && (m = /^\/issues\/(\d+)$/.exec(rest))) {
      const item = repo.items.get(Number(m[1]));
      if (!item) throw new HttpError(404, "Not Found");
      if (typeof body.title === "string") item.title = body.title;
      if (typeof body.body === "string") {
        this.#checkBody(body.body);
        item.body = body.body;
      }
      if (body.state === "closed" && item.state !== "closed") {
        item.state = "closed";
        item.closedAt = iso(this.now());
      } else if (body.state === "open") {
        item.state = "open";
        item.closedAt = null;
      }
      if (body.state_reason !== undefined) item.stateReason = body.state_reason;
      if (Array.isArray(body.labels)) item.labels = body.labels.map((l) => (typeof l === "string" ? l : l.name));
      item.updatedAt = iso(this.now());
      return { status: 200, body: this.#issueJson(repo, item) };
    }
    // REST's timeline (GET /issues/{n}/timeline): the same events as GraphQL's, oldest first, paged
    // by `page`. GitHub's REST names no branch of a base change (`base_ref_changed` has no from/to).
    if (method === "GET" && (m = /^\/issues\/(\d+)\/timeline$/.exec(rest))) {
      const item = repo.items.get(Number(m[1]));
      if (!item) throw new HttpError(404, "Not Found");
      const events = item.events.filter((e) => !("labelDeleted" in e && e.labelDeleted)).map((e, i) => this.#restEvent(repo, item, e, i));
      const { page, headers } = this.#paginate(events, query, path);
      return { status: 200, body: page, headers };
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const number = Number(m[1]);
      if (!repo.items.has(number)) throw new HttpError(404, "Not Found");
      if (method === "GET") {
        const { page, headers } = this.#paginate(this.commentsOn(repo, number).map((c) => this.#commentJson(repo, c)), query, path);
        return { status: 200, body: page, headers };
      }
      if (method === "POST") {
        if (typeof body.body !== "string") throw new HttpError(422, "Validation Failed");
        this.#checkBody(body.body);
        if (repo.items.get(number)?.locked) throw new HttpError(403, "Unable to create comment because issue is locked.");
        const comment = this.addComment(repo, number, { user: this.botLogin, userType: "Bot", body: body.body });
        return { status: 201, body: this.#commentJson(repo, comment) };
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = this.comments.get(Number(m[1]));
      if (!comment || comment.repo !== `${repo.owner}/${repo.name}`.toLowerCase()) throw new HttpError(404, "Not Found");
      if (method === "GET") return { status: 200, body: this.#commentJson(repo, comment) };
      if (log.user) {
        // A person: the comment's author, or anyone with write access (editComment, deleteComment).
        if (method === "PATCH") {
          if (typeof body.body !== "string") throw new HttpError(422, "Validation Failed");
          this.#checkBody(body.body);
          return { status: 200, body: this.#commentJson(repo, this.editComment(comment.id, body.body, this.now(), log.user)) };
        }
        if (method === "DELETE") {
          this.deleteComment(comment.id, log.user);
          return { status: 204 };
        }
      }
      if (comment.user !== this.botLogin) throw new HttpError(403, "Resource not accessible by integration");
      if (method === "PATCH") {
        if (typeof body.body !== "string") throw new HttpError(422, "Validation Failed");
        this.#checkBody(body.body);
        comment.edits.push({ editor: this.botLogin, at: iso(this.now()), body: comment.body });
        comment.body = body.body;
        comment.updatedAt = iso(this.now());
        comment.lastEditedAt = comment.updatedAt;
        return { status: 200, body: this.#commentJson(repo, comment) };
      }
      if (method === "DELETE") {
        this.comments.delete(comment.id);
        return { status: 204 };
      }
    }
    if (method === "POST" && (m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest))) {
      const id = Number(m[1]);
      const comment = this.comments.get(id);
      if (!comment || comment.repo !== `${repo.owner}/${repo.name}`.toLowerCase()) throw new HttpError(404, "Not Found");
      const existing = this.reactions.find((r) => r.commentId === id && r.user === this.botLogin && r.content === body.content);
      const reaction = existing ?? this.react(id, this.botLogin, String(body.content));
      return {
        status: existing ? 200 : 201,
        body: { id: reaction.id, node_id: `REA_${reaction.id}`, user: this.#user(this.botLogin, "Bot"), content: reaction.content, created_at: iso(this.now()) },
      };
    }
    return this.#unknown(method, path);
  }

  /** GitHub refuses bodies over 65,536 characters. @param {unknown} text */
  #checkBody(text) {
    if (typeof text === "string" && text.length > 65_536) throw new HttpError(422, "Validation Failed: body is too long (maximum is 65536 characters)");
  }

  /** GitHub requires a details_url with action_required, and caps the output. @param {CheckRun} run */
  #checkConclusion(run) {
    if (run.conclusion === "action_required" && !run.detailsUrl) throw new HttpError(422, "details_url is required for action_required");
    for (const part of [run.output.summary, run.output.text]) {
      if (part && part.length > 65_535) throw new HttpError(422, "Invalid request. Only 65535 characters are allowed.");
    }
  }

  /** @param {string} method @param {string} path @returns {never} */
  #unknown(method, path) {
    this.violations.push(`the stand-in does not serve ${method} ${path}`);
    throw new HttpError(404, "Not Found");
  }

  // -------------------------------------------------------------------------------------------
  // GraphQL, as GitHub answers it: the query is validated against GitHub's published schema (a
  // query GitHub would refuse is a violation), then executed against that schema with a root
  // value built from the state. graphql-js calls a function-valued property with the field's
  // arguments, so connections page by `first` and `after` as GitHub's do.

  /** @param {Record<string, any>} body @param {LoggedRequest} log @returns {Promise<{ status: number, body?: unknown }>} */
  async #graphql(body, log) {
    if (log.installation === null && !log.user) throw new HttpError(401, "This endpoint requires you to be authenticated.");
    const query = typeof body.query === "string" ? body.query : "";
    const schema = await githubSchema();
    const prepared = prepareQuery(schema, query);
    if (prepared.errors.length > 0) {
      this.violations.push(`GraphQL query GitHub would refuse: ${prepared.errors.join("; ")}: ${query.slice(0, 200)}`);
      return { status: 200, body: { errors: prepared.errors.map((message) => ({ message })) } };
    }
    const variables = body.variables && typeof body.variables === "object" ? body.variables : {};
    const result = /** @type {import("graphql").ExecutionResult} */ (
      execute({
        schema,
        document: /** @type {import("graphql").DocumentNode} */ (prepared.document),
        rootValue: this.#graphRoot(log),
        variableValues: variables,
        ...(typeof body.operationName === "string" ? { operationName: body.operationName } : {}),
      })
    );
    /** @type {Array<Record<string, unknown>>} */
    const errors = [];
    for (const error of result.errors ?? []) {
      const original = error.originalError;
      if (original instanceof GraphNotFound) {
        errors.push({ type: "NOT_FOUND", path: error.path, locations: error.locations, message: original.message });
      } else {
        // A resolver's failure, a wrong variable, or an answer the schema does not allow: the
        // stand-in's fault or the app's, and never what GitHub would answer.
        this.violations.push(`GraphQL error at ${(error.path ?? []).join(".")}: ${error.message}`);
        errors.push({ message: error.message, path: error.path, locations: error.locations });
      }
    }
    return { status: 200, body: errors.length > 0 ? { data: result.data ?? null, errors } : { data: result.data } };
  }

  /** The Query type's root. @param {LoggedRequest} log */
  #graphRoot(log) {
    return {
      /** @param {{ owner: string, name: string }} args */
      repository: ({ owner, name }) => {
        const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
        if (!repo || (!log.user && repo.installation !== log.installation)) throw new GraphNotFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
        return this.#graphRepo(repo);
      },
    };
  }

  /** @param {Repo} repo */
  #graphRepo(repo) {
    return {
      id: `R_${repo.id}`,
      name: repo.name,
      nameWithOwner: `${repo.owner}/${repo.name}`,
      createdAt: repo.createdAt,
      url: `https://github.com/${repo.owner}/${repo.name}`,
      isArchived: repo.archived,
      defaultBranchRef: { name: repo.defaultBranch, prefix: "refs/heads/", target: () => this.#graphCommit(repo, /** @type {string} */ (repo.branches.get(repo.defaultBranch))) },
      /** @param {{ oid: string }} args */
      object: ({ oid }) => (repo.commits.has(oid) ? this.#graphCommit(repo, oid) : null),
      /** @param {{ number: number }} args */
      issue: ({ number }) => {
        const issue = repo.items.get(number);
        if (!issue || issue.kind !== "issue") throw new GraphNotFound(`Could not resolve to an Issue with the number of ${number}.`);
        return {
          id: `I_${issue.number}`,
          number: issue.number,
          title: issue.title,
          url: `https://github.com/${repo.owner}/${repo.name}/issues/${issue.number}`,
          createdAt: issue.createdAt,
          updatedAt: issue.updatedAt,
          author: this.#graphActor(issue.user, issue.userType),
          /** @param {ConnectionArgs} args */
          comments: (args) => connection(this.commentsOn(repo, issue.number).map((c) => this.#graphComment(repo, c)), args, "comments"),
        };
      },
      /** @param {{ number: number }} args */
      pullRequest: ({ number }) => {
        const pull = repo.items.get(number);
        if (!pull || pull.kind !== "pull") throw new GraphNotFound(`Could not resolve to a PullRequest with the number of ${number}.`);
        return this.#graphPull(repo, pull);
      },
      /** @param {{ branch?: string | null }} args */
      mergeQueue: ({ branch }) => {
        const name = branch ?? repo.defaultBranch;
        const queue = repo.queues.get(name);
        if (!queue) return null;
        return {
          id: `MQ_${repo.id}_${name}`,
          /** @param {ConnectionArgs} args */
          entries: (args) => connection(queue.map((e, i) => this.#graphQueueEntry(repo, e, i)), args, "entries"),
        };
      },
      /** @param {ConnectionArgs & { states?: string[] | null, orderBy?: { field: string, direction: string } | null }} args */
      pullRequests: (args) => {
        const states = args.states ?? null;
        const order = args.orderBy ?? { field: "CREATED_AT", direction: "ASC" };
        const key = (/** @type {Item} */ i) => Date.parse(order.field === "UPDATED_AT" ? i.updatedAt : i.createdAt) * 1e6 + i.number;
        const pulls = [...repo.items.values()]
          .filter((i) => i.kind === "pull" && (states === null || states.includes(graphState(i))))
          .sort((a, b) => (order.direction === "DESC" ? key(b) - key(a) : key(a) - key(b)));
        return connection(pulls.map((p) => this.#graphPull(repo, p)), args, "pullRequests");
      },
    };
  }

  /** GraphQL's MergeQueueEntry of `queue[index]`. @param {Repo} repo @param {QueueEntry} e @param {number} index */
  #graphQueueEntry(repo, e, index) {
    return {
      id: `MQE_${repo.id}_${e.number}`,
      position: index + 1,
      state: index === 0 ? "AWAITING_CHECKS" : "QUEUED",
      enqueuedAt: e.enqueuedAt,
      enqueuer: this.#graphActor(e.enqueuer, "User"),
      jump: false,
      solo: false,
      headCommit: { oid: e.headSha },
      baseCommit: { oid: e.baseSha },
      pullRequest: () => this.#graphPull(repo, this.item(repo, e.number)),
    };
  }

  /** @param {Repo} repo @param {Item} pull */
  #graphPull(repo, pull) {
    const changes = this.#fileChanges(repo, pull);
    return {
      // The PR's entry in its base branch's merge queue, or null when it is in none.
      mergeQueueEntry: () => {
        const queue = repo.queues.get(pull.base) ?? [];
        const index = queue.findIndex((e) => e.number === pull.number);
        return index < 0 ? null : this.#graphQueueEntry(repo, /** @type {QueueEntry} */ (queue[index]), index);
      },
      id: `PR_${repo.id}_${pull.number}`,
      number: pull.number,
      title: pull.title,
      body: pull.body,
      url: `https://github.com/${repo.owner}/${repo.name}/pull/${pull.number}`,
      state: graphState(pull),
      isDraft: pull.draft,
      merged: pull.merged,
      createdAt: pull.createdAt,
      updatedAt: pull.updatedAt,
      closedAt: pull.closedAt,
      mergedAt: pull.merged ? pull.closedAt : null,
      headRefName: pull.headRef,
      headRefOid: this.headSha(repo, pull),
      baseRefName: pull.base,
      changedFiles: changes.length,
      mergeCommit: pull.merged && pull.mergeCommitSha ? this.#graphCommit(repo, pull.mergeCommitSha) : null,
      author: this.#graphActor(pull.user, pull.userType),
      /** @param {ConnectionArgs} args */
      labels: (args) => connection(pull.labels.map((name) => ({ name })), args, "labels"),
      /** @param {ConnectionArgs} args */
      reviewRequests: (args) =>
        connection(
          (pull.requestedReviewers ?? []).map((login) => ({
            id: `RR_${pull.number}_${login}`,
            databaseId: this.accountId(login),
            asCodeOwner: false,
            requestedReviewer: this.#graphActor(login, login.endsWith("[bot]") ? "Bot" : "User"),
          })),
          args,
          "reviewRequests",
        ),
      /** @param {ConnectionArgs} args */
      files: (args) => connection(changes.map((c) => ({ path: c.path, changeType: PATCH_STATUS[c.change], additions: 1, deletions: 0 })), args, "files"),
      /** @param {ConnectionArgs & { states?: string[] | null }} args */
      reviews: (args) =>
        connection(
          pull.reviews.filter((r) => !args.states || args.states.includes(r.state)).map((r) => ({
            id: `PRR_${r.id}`,
            databaseId: r.id,
            fullDatabaseId: String(r.id),
            state: r.state,
            body: r.body,
            submittedAt: r.submittedAt,
            author: this.#graphActor(r.user, r.userType),
            commit: repo.commits.has(r.commitId) ? { oid: r.commitId } : null,
          })),
          args,
          "reviews",
        ),
      /** @param {ConnectionArgs} args */
      commits: (args) =>
        connection(
          pull.commits.map((sha) => ({ id: `PRC_${sha}`, commit: this.#graphCommit(repo, sha) })),
          args,
          "commits",
        ),
      /** @param {ConnectionArgs} args */
      comments: (args) => connection(this.commentsOn(repo, pull.number).map((c) => this.#graphComment(repo, c)), args, "comments"),
      /** @param {ConnectionArgs & { since?: string | null, itemTypes?: string[] | null }} args */
      timelineItems: (args) => {
        const types = args.itemTypes ?? null;
        const since = args.since ? Date.parse(args.since) : -Infinity;
        const nodes = pull.events
          .filter((e) => Date.parse(e.at) >= since)
          // A label deleted from the repository: its events no longer name it. API users report
          // GitHub answering them with `label: null` (entrius/gittensor#553), which its schema
          // (Label!) does not allow; the stand-in leaves them out of the timeline instead.
          .filter((e) => !("labelDeleted" in e && e.labelDeleted))
          .map((e) => this.#graphEvent(repo, pull, e))
          .filter((n) => types === null || types.includes(TIMELINE_TYPE[n.__typename] ?? ""));
        return connection(nodes, args, "timelineItems");
      },
    };
  }

  /**
   * A comment as GitHub's GraphQL gives it (an IssueComment). `updatedAt` moves with any change (a
   * reaction too); `lastEditedAt`, `editor` and `userContentEdits` only with an edit of its body.
   * The edit history, as GitHub shows it once a comment was edited: newest first, each edit with
   * who made it and the body it left (`diff`), then the version it was created with, by its author
   * at its creation (`includesCreatedEdit`); empty for a comment never edited.
   * @param {Repo} repo @param {Comment} c
   */
  #graphComment(repo, c) {
    const actor = (/** @type {string} */ login) => this.#graphActor(login, login.endsWith("[bot]") ? "Bot" : "User");
    const item = repo.items?.get(c.number);
    // c.edits holds the versions each edit replaced, oldest first: version i+1 is what edit i left.
    const versions = c.edits.length === 0 ? [] : [
      { editor: c.user, at: c.createdAt, body: c.edits[0].body },
      ...c.edits.map((e, i) => ({ editor: e.editor, at: e.at, body: c.edits[i + 1]?.body ?? c.body })),
    ];
    const last = c.edits[c.edits.length - 1];
    return {
      id: `IC_${c.id}`,
      databaseId: c.id,
      fullDatabaseId: String(c.id),
      url: `https://github.com/${repo.owner}/${repo.name}/${item?.kind === "pull" ? "pull" : "issues"}/${c.number}#issuecomment-${c.id}`,
      body: c.body,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      lastEditedAt: c.lastEditedAt ?? null,
      includesCreatedEdit: versions.length > 0,
      editor: last ? actor(last.editor) : null,
      author: this.#graphActor(c.user, c.userType),
      /** @param {ConnectionArgs} a */
      userContentEdits: (a) =>
        connection(
          versions
            .map((v, i) => ({ id: `UCE_${c.id}_${i}`, editedAt: v.at, createdAt: v.at, updatedAt: v.at, deletedAt: null, diff: v.body, editor: actor(v.editor) }))
            .reverse(),
          a,
          "userContentEdits",
        ),
    };
  }

  /** One event of a PR's timeline, as GitHub's REST gives it. @param {Repo} repo @param {Item} item @param {TimelineEvent} e @param {number} i */
  #restEvent(repo, item, e, i) {
    const id = item.number * 100_000 + i;
    const common = {
      id,
      node_id: `IE_${id}`,
      url: `${this.baseUrl}/repos/${repo.owner}/${repo.name}/issues/events/${id}`,
      actor: this.userJson(e.actor),
      event: e.type,
      commit_id: null,
      commit_url: null,
      created_at: e.at,
      performed_via_github_app: null,
    };
    switch (e.type) {
      case "labeled":
      case "unlabeled":
        return { ...common, label: { name: e.label, color: "ededed" } };
      case "review_dismissed":
        return { ...common, dismissed_review: { state: e.previousState.toLowerCase(), review_id: e.reviewId, dismissal_message: null, dismissal_commit_id: null } };
      case "head_ref_force_pushed":
        return { ...common, commit_id: e.after, commit_url: `${this.baseUrl}/repos/${repo.owner}/${repo.name}/commits/${e.after}` };
      case "review_requested":
        return { ...common, review_requester: this.userJson(e.actor), requested_reviewer: this.userJson(e.reviewer) };
      default:
        return common;
    }
  }

  /** One event of a PR's timeline, as GitHub's GraphQL gives it. @param {Repo} repo @param {Item} pull @param {TimelineEvent} e */
  #graphEvent(repo, pull, e) {
    const common = { id: `E_${pull.number}_${e.at}_${e.type}`, createdAt: e.at, actor: this.#graphActor(e.actor, e.actor.endsWith("[bot]") ? "Bot" : "User") };
    switch (e.type) {
      case "labeled":
      case "unlabeled":
        return { __typename: e.type === "labeled" ? "LabeledEvent" : "UnlabeledEvent", ...common, label: { name: e.label, color: "ededed" } };
      case "review_dismissed": {
        const review = pull.reviews.find((r) => r.id === e.reviewId);
        return {
          __typename: "ReviewDismissedEvent",
          ...common,
          previousReviewState: e.previousState,
          review: review ? { id: `PRR_${review.id}`, databaseId: review.id, fullDatabaseId: String(review.id), state: review.state, author: this.#graphActor(review.user, review.userType) } : null,
        };
      }
      case "base_ref_changed":
        return { __typename: "BaseRefChangedEvent", ...common, previousRefName: e.from, currentRefName: e.to };
      case "head_ref_force_pushed":
        return { __typename: "HeadRefForcePushedEvent", ...common, beforeCommit: repo.commits.has(e.before) ? this.#graphCommit(repo, e.before) : null, afterCommit: this.#graphCommit(repo, e.after) };
      case "comment_deleted":
        return { __typename: "CommentDeletedEvent", ...common, deletedCommentAuthor: this.#graphActor(e.author, e.author.endsWith("[bot]") ? "Bot" : "User") };
      case "review_requested":
        return { __typename: "ReviewRequestedEvent", ...common, requestedReviewer: this.#graphActor(e.reviewer, e.reviewer.endsWith("[bot]") ? "Bot" : "User") };
      default:
        throw new Error(`no GraphQL type for the timeline event ${JSON.stringify(e)}`);
    }
  }

  /**
   * `sha` and every commit before it, newest first, as `git log` lists them: by commit date, the
   * later written first when two share a second (the stand-in's clock often stands still).
   * @param {Repo} repo @param {string} sha @returns {Commit[]}
   */
  #log(repo, sha) {
    const seen = new Set();
    const list = [];
    const stack = [sha];
    while (stack.length > 0) {
      const at = /** @type {string} */ (stack.pop());
      if (seen.has(at)) continue;
      seen.add(at);
      const commit = this.#commit(repo, at);
      stack.push(...commit.parents);
      list.push(commit);
    }
    const order = new Map([...repo.commits.keys()].map((c, i) => [c, i]));
    return list.sort((a, b) => Date.parse(b.committedDate) - Date.parse(a.committedDate) || (order.get(b.sha) ?? 0) - (order.get(a.sha) ?? 0));
  }

  /**
   * A commit with its check suites: GitHub keeps one suite per app on a commit; `filterBy`
   * narrows them to one app's, and their runs to a name or to the latest run of each name. Its
   * history: every ancestor, newest first, as `git log`.
   * @param {Repo} repo @param {string} sha
   */
  #graphCommit(repo, sha) {
    const c = this.#commit(repo, sha);
    return {
      __typename: "Commit",
      oid: sha,
      message: c.message,
      committedDate: c.committedDate,
      /** @param {ConnectionArgs & { filterBy?: { appId?: number | null } | null }} args */
      checkSuites: (args) => {
        const apps = [...new Set(repo.checkRuns.filter((r) => r.headSha === sha).map((r) => r.appId))]
          .filter((appId) => args.filterBy?.appId === undefined || args.filterBy?.appId === null || args.filterBy.appId === appId)
          .sort((a, b) => a - b);
        const suites = apps.map((appId) => ({
          id: `CS_${sha}_${appId}`,
          app: { id: `A_${appId}`, databaseId: appId, slug: appId === this.appId ? this.appSlug : `app-${appId}` },
          /** @param {ConnectionArgs & { filterBy?: { checkName?: string | null, checkType?: string | null } | null }} runArgs */
          checkRuns: (runArgs) => {
            let runs = repo.checkRuns.filter((r) => r.headSha === sha && r.appId === appId && (!runArgs.filterBy?.checkName || r.name === runArgs.filterBy.checkName));
            if (runArgs.filterBy?.checkType === "LATEST") {
              /** @type {Map<string, CheckRun>} */
              const latest = new Map();
              for (const r of runs) if ((latest.get(r.name)?.id ?? -1) < r.id) latest.set(r.name, r);
              runs = [...latest.values()];
            }
            runs.sort((a, b) => a.id - b.id);
            return connection(
              runs.map((r) => ({
                id: `CR_${r.id}`,
                databaseId: r.id,
                name: r.name,
                status: r.status.toUpperCase(),
                conclusion: r.conclusion ? r.conclusion.toUpperCase() : null,
                externalId: r.externalId ?? null,
                title: r.output.title,
                summary: r.output.summary,
                text: r.output.text,
                permalink: `https://github.com/${repo.owner}/${repo.name}/runs/${r.id}`,
                completedAt: r.completedAt,
              })),
              runArgs,
              "checkRuns",
            );
          },
        }));
        return connection(suites, args, "checkSuites");
      },
      /** @param {ConnectionArgs} args */
      history: (args) => {
        const list = this.#log(repo, sha);
        return connection(list.map((x) => this.#graphCommit(repo, x.sha)), args, "history");
      },
    };
  }

  /** GitHub's GraphQL names an app's account by its slug, without "[bot]". @param {string} login @param {string} type */
  #graphActor(login, type) {
    // `databaseId` is the account's id, as REST's `user.id` gives it (User, Bot and Organization have it).
    const databaseId = this.accountId(login);
    if (type === "Bot") return { __typename: "Bot", login: login.replace(/\[bot\]$/, ""), databaseId, url: `https://github.com/apps/${login.replace(/\[bot\]$/, "")}` };
    return { __typename: type === "Organization" ? "Organization" : "User", login, databaseId, url: `https://github.com/${login}` };
  }
}

/** The `before` of a branch's creation. */
const ZERO_SHA = "0".repeat(40);

/** The PullRequestTimelineItemsItemType of each timeline item type the stand-in records. */
const TIMELINE_TYPE = /** @type {Record<string, string>} */ ({
  LabeledEvent: "LABELED_EVENT",
  UnlabeledEvent: "UNLABELED_EVENT",
  ReviewDismissedEvent: "REVIEW_DISMISSED_EVENT",
  BaseRefChangedEvent: "BASE_REF_CHANGED_EVENT",
  HeadRefForcePushedEvent: "HEAD_REF_FORCE_PUSHED_EVENT",
  ReviewRequestedEvent: "REVIEW_REQUESTED_EVENT",
  CommentDeletedEvent: "COMMENT_DELETED_EVENT",
});

/** GraphQL's PatchStatus of a file's REST status. */
const PATCH_STATUS = /** @type {const} */ ({ added: "ADDED", removed: "DELETED", modified: "MODIFIED" });

/** A GraphQL NOT_FOUND error, as GitHub gives it (the field is null, the error says why). */
class GraphNotFound extends Error {}

/** @typedef {{ first?: number | null, after?: string | null, last?: number | null, before?: string | null }} ConnectionArgs */

/** @param {Item} pull @returns {"OPEN" | "CLOSED" | "MERGED"} */
function graphState(pull) {
  return pull.merged ? "MERGED" : pull.state === "open" ? "OPEN" : "CLOSED";
}

/**
 * One page of a connection, as GitHub pages them: `first` (at most 100) items after the cursor
 * `after`; one of `first` and `last` is required.
 * @template T
 * @param {T[]} items @param {ConnectionArgs} args @param {string} name
 */
function connection(items, args, name) {
  const { first, last } = args;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw new Error(`You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`);
  }
  for (const [arg, n] of /** @type {const} */ ([["first", first], ["last", last]])) {
    if (n !== undefined && n !== null && (n < 0 || n > 100)) throw new Error(`Requesting ${n} records on the \`${name}\` connection exceeds the \`${arg}\` limit of 100 records.`);
  }
  const cursorOf = (/** @type {number} */ i) => Buffer.from(`cursor:${i}`).toString("base64");
  const indexOf = (/** @type {string | null | undefined} */ c) => {
    if (c === undefined || c === null) return null;
    const m = /^cursor:(\d+)$/.exec(Buffer.from(c, "base64").toString("utf8"));
    if (!m) throw new Error(`\`${c}\` does not appear to be a valid cursor.`);
    return Number(m[1]);
  };
  const after = indexOf(args.after);
  const before = indexOf(args.before);
  let from = after === null ? 0 : after + 1;
  let to = before === null ? items.length : Math.min(before, items.length);
  if (first !== undefined && first !== null) to = Math.min(to, from + first);
  else if (last !== undefined && last !== null) from = Math.max(from, to - last);
  const nodes = items.slice(from, to);
  return {
    totalCount: items.length,
    nodes,
    edges: nodes.map((node, i) => ({ node, cursor: cursorOf(from + i) })),
    pageInfo: {
      hasNextPage: to < (before === null ? items.length : Math.min(before, items.length)),
      hasPreviousPage: from > 0,
      startCursor: nodes.length > 0 ? cursorOf(from) : null,
      endCursor: nodes.length > 0 ? cursorOf(to - 1) : null,
    },
  };
}

/** @type {Promise<import("graphql").GraphQLSchema> | null} */
let schemaLoading = null;

/** GitHub's public GraphQL schema (@octokit/graphql-schema), built once per process, on first use. */
function githubSchema() {
  schemaLoading ??= import("@octokit/graphql-schema").then(({ schema }) => buildClientSchema(/** @type {import("graphql").IntrospectionQuery} */ (schema.json)));
  return schemaLoading;
}

/** @type {Map<string, { document: import("graphql").DocumentNode | null, errors: string[] }>} */
const preparedQueries = new Map();

/**
 * A query parsed and validated against the schema (remembered: the app sends a few queries over
 * and over).
 * @param {import("graphql").GraphQLSchema} schema @param {string} query
 */
function prepareQuery(schema, query) {
  let prepared = preparedQueries.get(query);
  if (prepared) return prepared;
  try {
    const document = parse(query);
    prepared = { document, errors: validate(schema, document).map((e) => e.message) };
  } catch (error) {
    prepared = { document: null, errors: [error instanceof Error ? error.message : String(error)] };
  }
  if (preparedQueries.size >= 500) preparedQueries.clear();
  preparedQueries.set(query, prepared);
  return prepared;
}

/** @param {number} ms */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

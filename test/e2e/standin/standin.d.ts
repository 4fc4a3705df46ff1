// Generated from standin.js (its JSDoc types) so that TypeScript tests can import it; regenerate after
// changing it: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --strict --skipLibCheck
//   --target ES2022 --module NodeNext --moduleResolution NodeNext --types node --outDir test/e2e/standin
//   test/e2e/standin/standin.js test/e2e/standin/faults.js   (test/e2e/standin.test.ts checks they agree)
/**
 * The id GitHub gives the first account of a login, stable for a login (case-insensitively, as
 * GitHub compares logins), so that fixtures can name it: a whole number of the size of a real
 * user id. A login that changes hands gets a new account, with another id (GitHubStandin.accountId).
 * @param {string} login
 */
export function userId(login: string): number;
export class GitHubStandin {
    /** @param {StandinOptions} [options] */
    constructor(options?: StandinOptions);
    appId: number;
    appSlug: string;
    botLogin: string;
    now: () => Date;
    validator: Validator | undefined;
    maxPerPage: number;
    activityRetentionDays: number;
    latencyMs: number;
    port: number;
    /** @type {Record<string, "read" | "write">} */
    permissions: Record<string, "read" | "write">;
    faults: FaultPlan;
    /** @type {string[]} problems the validator found, and requests the stand-in cannot serve */
    violations: string[];
    /** @type {LoggedRequest[]} */
    requests: LoggedRequest[];
    /** @type {Map<number, { id: number, account: string }>} */
    installations: Map<number, {
        id: number;
        account: string;
    }>;
    /** @type {Map<string, Repo>} by "owner/name", lowercase */
    repos: Map<string, Repo>;
    /** @type {Map<string, number>} installation tokens */
    tokens: Map<string, number>;
    /** @type {Map<string, string>} people's tokens (a personal access token): token to login */
    userTokens: Map<string, string>;
    /** @type {Map<number, Comment & { repo: string }>} every issue comment by id */
    comments: Map<number, Comment & {
        repo: string;
    }>;
    /** @type {Array<{ id: number, commentId: number, user: string, content: string }>} */
    reactions: Array<{
        id: number;
        commentId: number;
        user: string;
        content: string;
    }>;
    nextId: number;
    baseUrl: string;
    /** @type {import("node:http").Server | null} */
    server: import("node:http").Server | null;
    /** @type {Set<import("node:net").Socket>} */
    sockets: Set<import("node:net").Socket>;
    /** Listens on 127.0.0.1, on `port` (default a free one); returns the base URL (for Probot's `baseUrl`). */
    start(): Promise<string>;
    stop(): Promise<void>;
    /** @param {number} id @param {string} account */
    addInstallation(id: number, account: string): void;
    /**
     * A repository with one commit on its default branch holding `files`.
     * @param {{ owner: string, name: string, installation: number, defaultBranch?: string, files?: Record<string, string | Buffer>, at?: Date }} spec
     * @returns {Repo}
     */
    addRepo(spec: {
        owner: string;
        name: string;
        installation: number;
        defaultBranch?: string;
        files?: Record<string, string | Buffer>;
        at?: Date;
    }): Repo;
    /** @param {string} owner @param {string} name @returns {Repo} */
    repo(owner: string, name: string): Repo;
    /**
     * A commit on `branch` changing `files` (null deletes a file), pushed by `pusher` (default: its
     * author); returns its sha.
     * @param {Repo} repo @param {string} branch
     * @param {Record<string, string | Buffer | null>} files
     * @param {{ at?: Date, message?: string, author?: string, pusher?: string }} [opts]
     */
    commit(repo: Repo, branch: string, files: Record<string, string | Buffer | null>, opts?: {
        at?: Date;
        message?: string;
        author?: string;
        pusher?: string;
    }): string;
    /**
     * Opens a pull request from a new branch with one commit changing `files`.
     * @param {Repo} repo
     * @param {{ author: string, authorType?: "User" | "Bot", title: string, body?: string, files: Record<string, string | Buffer | null>, labels?: string[], draft?: boolean, at?: Date, base?: string }} spec
     * @returns {Item}
     */
    openPull(repo: Repo, spec: {
        author: string;
        authorType?: "User" | "Bot";
        title: string;
        body?: string;
        files: Record<string, string | Buffer | null>;
        labels?: string[];
        draft?: boolean;
        at?: Date;
        base?: string;
    }): Item;
    /** @param {Repo} repo @param {number} number @returns {Item} */
    item(repo: Repo, number: number): Item;
    /** @param {Repo} repo @param {Item} pull */
    headSha(repo: Repo, pull: Item): string;
    /**
     * A push to the PR's branch; returns the new head.
     * @param {Repo} repo @param {number} number @param {Record<string, string | Buffer | null>} files @param {Date} [at]
     */
    pushToPull(repo: Repo, number: number, files: Record<string, string | Buffer | null>, at?: Date): string;
    /**
     * A review; `commitId` defaults to the PR's head.
     * @param {Repo} repo @param {number} number
     * @param {{ user: string, userType?: "User" | "Bot", state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED", commitId?: string, at?: Date, body?: string }} spec
     * @returns {Review}
     */
    review(repo: Repo, number: number, spec: {
        user: string;
        userType?: "User" | "Bot";
        state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";
        commitId?: string;
        at?: Date;
        body?: string;
    }): Review;
    /**
     * `by` requests reviews of `reviewers` on a PR, as GitHub's "Reviewers" menu or the REST endpoint
     * does: each must be a collaborator (someone given access) and not the PR's author, else nobody
     * is requested (422); one already pending is left as it is; every other one becomes pending,
     * with a ReviewRequestedEvent in the timeline.
     * @param {Repo} repo @param {number} number @param {string[]} reviewers @param {string} by @param {Date} [at]
     */
    requestReviews(repo: Repo, number: number, reviewers: string[], by: string, at?: Date): void;
    /**
     * The login the account `id` has now, as `GET /user/{account_id}` finds it, among the accounts
     * the stand-in knows (anyone it showed, every collaborator). @param {number} id
     */
    loginOfAccount(id: number): string | null;
    /** Everyone requested on a PR, ever (the reviewers of its ReviewRequestedEvents), in order. @param {Repo} repo @param {number} number */
    reviewRequests(repo: Repo, number: number): {
        reviewer: string;
        by: string;
        at: string;
    }[];
    /**
     * What GitHub lets `login` do in `repo`: "admin" and "write" (a collaborator or team member),
     * "read" (anyone else, on a public repository: comment, and edit or delete their own comments).
     * @param {Repo} repo @param {string} login @param {"read" | "write" | "admin"} level
     */
    grant(repo: Repo, login: string, level: "read" | "write" | "admin"): void;
    /**
     * A person's own token (a personal access token), for what people do through the API rather
     * than through the stand-in's methods: read every repository (they are public), and edit or
     * delete comments as GitHub lets them (their own; anyone's with write access). Other writes
     * with it are not served.
     * @param {string} login @returns {string}
     */
    userToken(login: string): string;
    /** @param {Repo} repo @param {string} login @returns {"read" | "write" | "admin"} */
    permission(repo: Repo, login: string): "read" | "write" | "admin";
    /**
     * Dismisses a review, as `by` (a writer: GitHub asks write access to dismiss a review, anyone's),
     * recorded in the PR's timeline with its actor and the review's state before (ReviewDismissedEvent).
     * @param {Repo} repo @param {number} number @param {number} reviewId @param {string} [by] @param {Date} [at]
     */
    dismissReview(repo: Repo, number: number, reviewId: number, by?: string, at?: Date): Review;
    /**
     * Locks an issue's conversation, as `by` (GitHub lets anyone with write access lock one). Then
     * only collaborators with write access can comment: a GitHub App is answered 403 "Unable to
     * create comment because issue is locked." (as GitHub answers Probot apps and Renovate).
     * @param {Repo} repo @param {number} number @param {string} by @param {string | null} [reason]
     */
    lockIssue(repo: Repo, number: number, by: string, reason?: string | null): Item;
    /**
     * Deletes a label from the repository, as `by` (GitHub lets anyone with write access manage
     * labels): it leaves every issue and PR that carries it, and the events that added or removed
     * it no longer name it.
     * @param {Repo} repo @param {string} name @param {string} by
     */
    deleteLabel(repo: Repo, name: string, by: string): void;
    /**
     * A person's comment on an issue or PR.
     * @param {Repo} repo @param {number} number
     * @param {{ user: string, userType?: "User" | "Bot", body: string, at?: Date }} spec
     */
    addComment(repo: Repo, number: number, spec: {
        user: string;
        userType?: "User" | "Bot";
        body: string;
        at?: Date;
    }): {
        id: number;
        number: number;
        user: string;
        userType: "User" | "Bot";
        body: string;
        createdAt: string;
        updatedAt: string;
        repo: string;
        edits: never[];
    };
    /**
     * Someone reacts to a comment (anyone who can read it may). GitHub moves the comment's
     * `updated_at` / `updatedAt` with it, but not `lastEditedAt`: a reaction is no edit.
     * @param {number} id @param {string} user @param {string} content @param {Date} [at]
     */
    react(id: number, user: string, content: string, at?: Date): {
        id: number;
        commentId: number;
        user: string;
        content: string;
    };
    /**
     * Edits a comment as `editor` (default its author): its author may, and so may anyone with
     * write access, whoever wrote it. The version it replaces is kept in its edit history
     * (GraphQL `userContentEdits`), which a writer can still delete revisions of.
     * @param {number} id @param {string} body @param {Date} [at] @param {string} [editor]
     */
    editComment(id: number, body: string, at?: Date, editor?: string): Comment & {
        repo: string;
    };
    /**
     * Deletes a comment as `by` (its author, or anyone with write access); returns it as it was,
     * for the `issue_comment.deleted` webhook. A comment deleted by someone else than its author
     * leaves "<by> deleted a comment from <author>" in the timeline (CommentDeletedEvent), as on GitHub.
     * @param {number} id @param {string} by @param {Date} [at]
     */
    deleteComment(id: number, by: string, at?: Date): {
        id: number;
        node_id: string;
        url: string;
        html_url: string;
        issue_url: string;
        body: string;
        user: {
            login: string;
            id: number;
            node_id: string;
            type: string;
            site_admin: boolean;
        };
        created_at: string;
        updated_at: string;
        author_association: string;
    };
    /**
     * Deletes an issue as `by`: GitHub lets only an administrator of the repository delete one (not
     * a writer, not its author). Its comments go with it. @param {Repo} repo @param {number} number @param {string} by
     */
    deleteIssue(repo: Repo, number: number, by: string): void;
    /** @param {number} id */
    removeComment(id: number): void;
    /**
     * Sets the labels, as `by` (a writer: GitHub asks triage or write access to label), each added or
     * removed one recorded in the PR's timeline (LabeledEvent, UnlabeledEvent).
     * @param {Repo} repo @param {number} number @param {string[]} labels @param {string} [by] @param {Date} [at]
     */
    setLabels(repo: Repo, number: number, labels: string[], by?: string, at?: Date): void;
    /**
     * Changes the PR's base branch, as `by` (its author or a writer), recorded in its timeline
     * (BaseRefChangedEvent). @param {Repo} repo @param {number} number @param {string} base @param {string} by @param {Date} [at]
     */
    retarget(repo: Repo, number: number, base: string, by: string, at?: Date): void;
    /**
     * A force-push to the PR's branch: one new commit on the base replaces all of the PR's commits
     * (HeadRefForcePushedEvent, with the head before and after). Returns the new head.
     * @param {Repo} repo @param {number} number @param {Record<string, string | Buffer | null>} files @param {Date} [at]
     */
    forcePushToPull(repo: Repo, number: number, files: Record<string, string | Buffer | null>, at?: Date): string;
    /**
     * An issue opened by someone other than the app (a person, a workflow as `github-actions[bot]`,
     * another app as `<slug>[bot]`): GitHub shows who opened it.
     * @param {Repo} repo
     * @param {{ user: string, userType?: "User" | "Bot", title: string, body?: string, labels?: string[], at?: Date }} spec
     * @returns {Item}
     */
    openIssue(repo: Repo, spec: {
        user: string;
        userType?: "User" | "Bot";
        title: string;
        body?: string;
        labels?: string[];
        at?: Date;
    }): Item;
    /**
     * A completed check run of this app, as if it had written it through the API (to set up many of
     * them at once). @param {Repo} repo @param {{ sha: string, name: string, text?: string }} spec
     */
    addAppCheckRun(repo: Repo, spec: {
        sha: string;
        name: string;
        text?: string;
    }): CheckRun;
    /**
     * A check run written by another app (a writer's own app, or the workflows' "GitHub Actions"
     * app): it may bear any name, but it is that app's, never this app's.
     * @param {Repo} repo @param {{ appId: number, sha: string, name: string, text?: string }} spec
     */
    addForeignCheckRun(repo: Repo, spec: {
        appId: number;
        sha: string;
        name: string;
        text?: string;
    }): CheckRun;
    /**
     * A check run written by any app (`appId`): a workflow's token writes as GitHub Actions, and a
     * writer can install an app of their own; GitHub lets any app name its run as it likes.
     * @param {Repo} repo
     * @param {{ appId: number, headSha: string, name: string, conclusion: string, output: { title: string | null, summary: string | null, text: string | null } }} spec
     */
    addCheckRun(repo: Repo, spec: {
        appId: number;
        headSha: string;
        name: string;
        conclusion: string;
        output: {
            title: string | null;
            summary: string | null;
            text: string | null;
        };
    }): CheckRun;
    /** @param {Repo} repo @param {number} number @param {boolean} draft */
    setDraft(repo: Repo, number: number, draft: boolean): void;
    /** @param {Repo} repo @param {number} number @param {string} title */
    setTitle(repo: Repo, number: number, title: string): void;
    /**
     * Merges the PR as GitHub's three merge methods do, and returns the merge commit's sha (the PR's
     * `merge_commit_sha`):
     * - "merge": a merge commit on the base (first parent: the base's head, second: the PR's head);
     * - "squash": one commit on the base's head with all of the PR's changes;
     * - "rebase": one new commit per commit of the PR, in order, on the base's head (same message,
     *   author and author date; a new committer date); the last one is the merge commit.
     * @param {Repo} repo @param {number} number @param {Date} [at] @param {"merge" | "squash" | "rebase"} [method]
     */
    merge(repo: Repo, number: number, at?: Date, method?: "merge" | "squash" | "rebase"): string;
    /** Turns on the merge queue of `branch` (default: the default branch). @param {Repo} repo @param {string} [branch] */
    enableMergeQueue(repo: Repo, branch?: string): string;
    /** @param {Repo} repo @param {string} [branch] @returns {QueueEntry[]} */
    queueOf(repo: Repo, branch?: string): QueueEntry[];
    /**
     * Adds an open PR to its base branch's queue and builds its group commit; returns the entry.
     * @param {Repo} repo @param {number} number @param {{ at?: Date, by?: string }} [opts]
     */
    enqueue(repo: Repo, number: number, opts?: {
        at?: Date;
        by?: string;
    }): {
        baseSha: string;
        headSha: string;
        ref: string;
        /**
         * the PR
         */
        number: number;
        /**
         * the branch whose queue it is in
         */
        branch: string;
        enqueuedAt: string;
        enqueuer: string;
    };
    /**
     * Removes a PR from its queue (a failing check, or by hand). Every group behind it is destroyed
     * and built again without it: returns the removed entry, the entries whose groups were destroyed
     * (as they were), and those entries rebuilt.
     * @param {Repo} repo @param {number} number @param {Date} [at]
     */
    dequeue(repo: Repo, number: number, at?: Date): {
        removed: QueueEntry;
        invalidated: QueueEntry[];
        rebuilt: QueueEntry[];
    };
    /**
     * The queue merges every entry up to `number`'s: the branch moves to that entry's commit, and
     * each of those PRs is closed as merged with its own entry's commit. Returns the landed entries.
     * @param {Repo} repo @param {number} number @param {Date} [at]
     */
    landQueue(repo: Repo, number: number, at?: Date): QueueEntry[];
    /** The webhook's "Merge Group" object of a queue entry. @param {Repo} repo @param {QueueEntry} entry @returns {MergeGroupJson} */
    mergeGroupJson(repo: Repo, entry: QueueEntry): MergeGroupJson;
    /** The paths a PR changes. @param {Repo} repo @param {number} number */
    changedFiles(repo: Repo, number: number): string[];
    /** Changes a PR's base branch (GitHub keeps it in no queue: tests of races only). @param {Repo} repo @param {number} number @param {string} base */
    setBase(repo: Repo, number: number, base: string): void;
    /** Closes the PR (or issue) without merging. @param {Repo} repo @param {number} number @param {Date} [at] */
    close(repo: Repo, number: number, at?: Date): void;
    /** @param {Repo} repo @param {number} number @param {Date} [at] */
    reopen(repo: Repo, number: number, at?: Date): void;
    /** The file at the head of `branch` (default: the default branch), as text. @param {Repo} repo @param {string} path @param {string} [branch] */
    readFile(repo: Repo, path: string, branch?: string): string | undefined;
    /** This app's latest check run of `name` on `sha`. @param {Repo} repo @param {string} sha @param {string} name */
    latestCheck(repo: Repo, sha: string, name: string): CheckRun;
    /** The comments of an issue or PR, oldest first. @param {Repo} repo @param {number} number */
    commentsOn(repo: Repo, number: number): (Comment & {
        repo: string;
    })[];
    /** @param {Repo} repo */
    issues(repo: Repo): Item[];
    /** The API's JSON of a pull request (for webhook payloads). @param {Repo} repo @param {number} number */
    pullJson(repo: Repo, number: number): {
        url: string;
        id: number;
        node_id: string;
        html_url: string;
        number: number;
        state: "open" | "closed";
        locked: boolean;
        title: string;
        user: {
            login: string;
            id: number;
            node_id: string;
            type: string;
            site_admin: boolean;
        };
        body: string;
        labels: {
            id: number;
            node_id: string;
            url: string;
            name: string;
            description: string;
            color: string;
            default: boolean;
        }[];
        created_at: string;
        updated_at: string;
        closed_at: string | null;
        merged_at: string | null;
        merge_commit_sha: string | null;
        draft: boolean;
        head: {
            label: string;
            ref: string;
            sha: string;
            user: {
                login: string;
                id: number;
                node_id: string;
                type: string;
                site_admin: boolean;
            };
            repo: {
                id: number;
                node_id: string;
                name: string;
                full_name: string;
                owner: {
                    login: string;
                    id: number;
                    node_id: string;
                    type: string;
                    site_admin: boolean;
                };
                private: boolean;
                html_url: string;
                description: null;
                fork: boolean;
                url: string;
                archived: boolean;
                disabled: boolean;
                default_branch: string;
                visibility: string;
            };
        };
        base: {
            label: string;
            ref: string;
            sha: string;
            user: {
                login: string;
                id: number;
                node_id: string;
                type: string;
                site_admin: boolean;
            };
            repo: {
                id: number;
                node_id: string;
                name: string;
                full_name: string;
                owner: {
                    login: string;
                    id: number;
                    node_id: string;
                    type: string;
                    site_admin: boolean;
                };
                private: boolean;
                html_url: string;
                description: null;
                fork: boolean;
                url: string;
                archived: boolean;
                disabled: boolean;
                default_branch: string;
                visibility: string;
            };
        };
        author_association: string;
        requested_reviewers: {
            login: string;
            id: number;
            node_id: string;
            type: string;
            site_admin: boolean;
        }[];
        requested_teams: never[];
    } | {
        merged: boolean;
        mergeable: boolean | null;
        mergeable_state: string;
        comments: number;
        review_comments: number;
        commits: number;
        additions: number;
        deletions: number;
        changed_files: number;
        url: string;
        id: number;
        node_id: string;
        html_url: string;
        number: number;
        state: "open" | "closed";
        locked: boolean;
        title: string;
        user: {
            login: string;
            id: number;
            node_id: string;
            type: string;
            site_admin: boolean;
        };
        body: string;
        labels: {
            id: number;
            node_id: string;
            url: string;
            name: string;
            description: string;
            color: string;
            default: boolean;
        }[];
        created_at: string;
        updated_at: string;
        closed_at: string | null;
        merged_at: string | null;
        merge_commit_sha: string | null;
        draft: boolean;
        head: {
            label: string;
            ref: string;
            sha: string;
            user: {
                login: string;
                id: number;
                node_id: string;
                type: string;
                site_admin: boolean;
            };
            repo: {
                id: number;
                node_id: string;
                name: string;
                full_name: string;
                owner: {
                    login: string;
                    id: number;
                    node_id: string;
                    type: string;
                    site_admin: boolean;
                };
                private: boolean;
                html_url: string;
                description: null;
                fork: boolean;
                url: string;
                archived: boolean;
                disabled: boolean;
                default_branch: string;
                visibility: string;
            };
        };
        base: {
            label: string;
            ref: string;
            sha: string;
            user: {
                login: string;
                id: number;
                node_id: string;
                type: string;
                site_admin: boolean;
            };
            repo: {
                id: number;
                node_id: string;
                name: string;
                full_name: string;
                owner: {
                    login: string;
                    id: number;
                    node_id: string;
                    type: string;
                    site_admin: boolean;
                };
                private: boolean;
                html_url: string;
                description: null;
                fork: boolean;
                url: string;
                archived: boolean;
                disabled: boolean;
                default_branch: string;
                visibility: string;
            };
        };
        author_association: string;
        requested_reviewers: {
            login: string;
            id: number;
            node_id: string;
            type: string;
            site_admin: boolean;
        }[];
        requested_teams: never[];
    };
    /** The API's JSON of a repository (for webhook payloads). @param {Repo} repo */
    repoJson(repo: Repo): {
        id: number;
        node_id: string;
        name: string;
        full_name: string;
        owner: {
            login: string;
            id: number;
            node_id: string;
            type: string;
            site_admin: boolean;
        };
        private: boolean;
        html_url: string;
        description: null;
        fork: boolean;
        url: string;
        archived: boolean;
        disabled: boolean;
        default_branch: string;
        visibility: string;
    };
    /** The API's JSON of a user (a webhook's `sender`). @param {string} login */
    userJson(login: string): {
        login: string;
        id: number;
        node_id: string;
        type: string;
        site_admin: boolean;
    };
    /** The API's JSON of an issue comment. @param {number} id */
    commentJson(id: number): {
        id: number;
        node_id: string;
        url: string;
        html_url: string;
        issue_url: string;
        body: string;
        user: {
            login: string;
            id: number;
            node_id: string;
            type: string;
            site_admin: boolean;
        };
        created_at: string;
        updated_at: string;
        author_association: string;
    };
    /** The API's JSON of a review. @param {Repo} repo @param {number} number @param {number} reviewId */
    reviewJson(repo: Repo, number: number, reviewId: number): {
        id: number;
        node_id: string;
        user: {
            login: string;
            id: number;
            node_id: string;
            type: string;
            site_admin: boolean;
        };
        body: string;
        state: string;
        html_url: string;
        pull_request_url: string;
        submitted_at: string;
        commit_id: string;
        author_association: string;
        _links: {
            html: {
                href: string;
            };
            pull_request: {
                href: string;
            };
        };
    };
    /** Every body the app wrote (issues, comments, check outputs), with where. */
    writtenTexts(): {
        where: string;
        text: string;
    }[];
    /** The id of the account that holds `login` now (its first account's, userId(), by default). @param {string} login */
    accountId(login: string): number;
    /**
     * The account of `from` renames itself `to` (a login no account holds): it keeps its id, and
     * its PRs, reviews, comments and commits show the new login; `from` is free to be taken.
     * @param {string} from @param {string} to
     */
    renameUser(from: string, to: string): void;
    /**
     * A new account signs up with `login`, which an account gave up (renamed away from): it gets a
     * new id, and nothing of the earlier holder.
     * @param {string} login
     */
    createUser(login: string): number;
    #private;
}
export type ConnectionArgs = {
    first?: number | null;
    after?: string | null;
    last?: number | null;
    before?: string | null;
};
export type Fault = import("./faults.js").Fault;
export type ValidatedRequest = {
    method: string;
    path: string;
    body?: unknown;
};
export type ValidatedResponse = {
    method: string;
    path: string;
    status: number;
    body?: unknown;
};
export type Validator = {
    request: (req: ValidatedRequest) => string[];
    response: (res: ValidatedResponse) => string[];
};
export type StandinOptions = {
    /**
     * the app's id (default 1)
     */
    appId?: number | undefined;
    /**
     * the app's slug (default "partnership-governance"); it writes as "<slug>[bot]"
     */
    appSlug?: string | undefined;
    /**
     * the clock of what the stand-in stamps (default the real one)
     */
    now?: (() => Date) | undefined;
    /**
     * checks each request and answer (GitHub's OpenAPI description)
     */
    validate?: Validator | undefined;
    /**
     * the most items per page whatever `per_page` asks (GitHub: 100)
     */
    maxPerPage?: number | undefined;
    /**
     * how long the repository activity lists a move of a branch
     * (GitHub keeps about 90 days of it; default 90)
     */
    activityRetentionDays?: number | undefined;
    /**
     * every answer waits this long (the benchmark's 50 ms)
     */
    latencyMs?: number | undefined;
    /**
     * the loopback port to listen on (default 0: a free one)
     */
    port?: number | undefined;
    /**
     * the app's permissions (default: app.yml's without
     * the opt-in `pull_requests: write`); a write they do not allow is refused (403), as GitHub refuses it
     */
    permissions?: Record<string, "read" | "write"> | undefined;
};
export type LoggedRequest = {
    method: string;
    /**
     * path and query, without the `/api/v3` prefix
     */
    path: string;
    /**
     * 0 when the connection was dropped
     */
    status: number;
    /**
     * the parsed request body
     */
    body?: unknown;
    /**
     * the installation whose token made it
     */
    installation: number | null;
    /**
     * the person whose token made it (userToken)
     */
    user?: string | null | undefined;
    fault: Fault | null;
    /**
     * whether a write was applied
     */
    applied: boolean;
    /**
     * when the request arrived (performance.now(), ms)
     */
    receivedAt: number;
    /**
     * how long the stand-in took to answer
     */
    ms: number;
};
export type Commit = {
    sha: string;
    parents: string[];
    tree: Map<string, Buffer>;
    changed: string[];
    date: string;
    committedDate: string;
    message: string;
    author: string;
};
export type Review = {
    id: number;
    user: string;
    userType: string;
    state: string;
    commitId: string;
    submittedAt: string;
    body: string;
};
/**
 * (edits: the versions it replaced, oldest first)
 */
export type Comment = {
    id: number;
    number: number;
    user: string;
    userType: string;
    body: string;
    createdAt: string;
    updatedAt: string;
    edits: Array<{
        editor: string;
        at: string;
        body: string;
    }>;
    lastEditedAt?: string | null;
};
export type TimelineEvent = {
    type: "labeled" | "unlabeled";
    actor: string;
    at: string;
    label: string;
    labelDeleted?: boolean;
} | {
    type: "review_dismissed";
    actor: string;
    at: string;
    reviewId: number;
    previousState: string;
} | {
    type: "base_ref_changed";
    actor: string;
    at: string;
    from: string;
    to: string;
} | {
    type: "head_ref_force_pushed";
    actor: string;
    at: string;
    before: string;
    after: string;
} | {
    type: "review_requested";
    actor: string;
    at: string;
    reviewer: string;
} | {
    type: "comment_deleted";
    actor: string;
    at: string;
    author: string;
};
/**
 * an issue or a pull request (they share one sequence of numbers)
 */
export type Item = {
    number: number;
    kind: "issue" | "pull";
    title: string;
    body: string;
    user: string;
    userType: string;
    state: "open" | "closed";
    stateReason: string | null;
    labels: string[];
    createdAt: string;
    updatedAt: string;
    closedAt: string | null;
    draft: boolean;
    merged: boolean;
    mergeCommitSha: string | null;
    /**
     * base branch
     */
    base: string;
    /**
     * head branch
     */
    headRef: string;
    /**
     * the PR's commits, oldest first
     */
    commits: string[];
    reviews: Review[];
    /**
     * its timeline: labels, review dismissals, base changes, force-pushes, review requests, comments deleted by others
     */
    events: TimelineEvent[];
    /**
     * the reviewers requested and yet to review (GitHub's "Reviewers" list)
     */
    requestedReviewers?: string[] | undefined;
    /**
     * its conversation is locked (anyone with write access can lock one)
     */
    locked?: boolean | undefined;
    /**
     * why ("off-topic", "too heated", "resolved", "spam"), or null
     */
    lockReason?: string | null | undefined;
};
export type CheckRun = {
    id: number;
    headSha: string;
    name: string;
    status: string;
    conclusion: string | null;
    startedAt: string;
    completedAt: string | null;
    detailsUrl: string | null;
    output: {
        title: string | null;
        summary: string | null;
        text: string | null;
    };
    appId: number;
    externalId?: string;
};
export type Repo = {
    id: number;
    owner: string;
    name: string;
    installation: number;
    defaultBranch: string;
    archived: boolean;
    /**
     * branch name to head commit
     */
    branches: Map<string, string>;
    commits: Map<string, Commit>;
    items: Map<number, Item>;
    nextNumber: number;
    checkRuns: CheckRun[];
    /**
     * the merge queue of each branch that has one, front first
     */
    queues: Map<string, QueueEntry[]>;
    /**
     * by lowercased login; anyone else can read (and comment)
     */
    permissions: Map<string, "read" | "write" | "admin">;
    /**
     * every move of a branch, oldest first (REST "List repository activities")
     */
    activity: Activity[];
    /**
     * when it was created (REST `created_at`, GraphQL `createdAt`)
     */
    createdAt: string;
};
export type Activity = {
    id: number;
    type: "push" | "force_push" | "branch_creation" | "pr_merge" | "merge_queue_merge";
    ref: string;
    before: string;
    after: string;
    actor: string;
    at: string;
};
/**
 * one PR in a merge queue, with the commit GitHub built for it
 */
export type QueueEntry = {
    /**
     * the PR
     */
    number: number;
    /**
     * the branch whose queue it is in
     */
    branch: string;
    enqueuedAt: string;
    enqueuer: string;
    /**
     * the commit the entry's group commit was built on (the entry before's, or the branch's head)
     */
    baseSha: string;
    /**
     * the group commit: the branch with every entry up to this one merged
     */
    headSha: string;
    /**
     * the queue branch, `gh-readonly-queue/<branch>/pr-<N>-<baseSha>`
     */
    ref: string;
};
/**
 * GitHub's "Merge Group" object of the merge_group webhook
 */
export type MergeGroupJson = {
    head_sha: string;
    head_ref: string;
    base_sha: string;
    base_ref: string;
    head_commit: {
        id: string;
        tree_id: string;
        message: string;
        timestamp: string;
        author: {
            name: string;
            email: string;
        };
        committer: {
            name: string;
            email: string;
        };
    };
};
import { FaultPlan } from "./faults.js";

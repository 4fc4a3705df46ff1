// Courtesy writes: what the app writes to be polite rather than to decide: the reaction that
// answers `/governance check`, and the review requests of `declarations.request_reviews`. SPEC.md "Merge queues": they never delay a check; they are
// bounded per PR and per person, and come after the checks. Anyone can comment on a public
// repository, as often as they like, from as many accounts as they like: a flood of commands
// must not turn into a flood of writes, each spaced like the installation's check writes.
//
//  - Bounded: in any window of `windowMs`, at most `perPerson` courtesy writes answer one person
//    and at most `perPr` answer one PR; at most `maxPending` wait per installation. Beyond, the
//    write is dropped (the check itself answers: a reaction is only a courtesy).
//  - After the checks: queued, a courtesy write waits until the installation has no evaluation
//    waiting or running, and they go one at a time, so a check written later waits behind at most
//    one of them. Inline (the Action, serverless hosts), it runs after the evaluation it follows.

export interface CourtesyOptions {
  /** The app's clock (the window is measured on it, never on a timer). */
  now: () => Date;
  /** Resolves when the installation has no evaluation waiting or running; absent: inline. */
  whenIdle?: (installationId: number) => Promise<void>;
  perPerson?: number;
  perPr?: number;
  maxPending?: number;
  windowMs?: number;
  log?: { warn: (obj: unknown, msg?: string) => void };
}

export interface CourtesyTicket {
  /** The PR answered ("owner/repo#12"). */
  pr: string;
  /** Who is answered (or asked, for a review request): their login (compared lowercased). */
  person: string;
}

export const COURTESY_DEFAULTS = { perPerson: 3, perPr: 5, maxPending: 20, windowMs: 10 * 60 * 1000 } as const;

interface Pending {
  /** The PR of the write, for logs. */
  pr: string;
  write: () => Promise<unknown>;
}

export class CourtesyWrites {
  readonly #options: CourtesyOptions & { perPerson: number; perPr: number; maxPending: number; windowMs: number };
  /** When each granted write was granted, by person and by PR (pruned to the window). */
  readonly #byPerson = new Map<string, number[]>();
  readonly #byPr = new Map<string, number[]>();
  readonly #pending = new Map<number, Pending[]>();
  readonly #workers = new Map<number, Promise<void>>();
  /** Writes dropped, for logs and tests. */
  dropped = 0;

  constructor(options: CourtesyOptions) {
    this.#options = { ...COURTESY_DEFAULTS, ...options };
  }

  /**
   * Offers one courtesy write. Returns whether it was accepted; queued, it runs later (the promise
   * resolves at once), inline it has run when the promise resolves. Never rejects.
   */
  async offer(installationId: number, ticket: CourtesyTicket, write: () => Promise<unknown>): Promise<boolean> {
    return (await this.offerEach(installationId, [ticket], write)).length > 0;
  }

  /**
   * Offers one write that answers (or asks) several people of one PR: each ticket takes its own
   * place in its person's and its PR's window, and the write, given the tickets that got one,
   * runs once (when any did). Returns the tickets granted. Never rejects.
   */
  async offerEach<T extends CourtesyTicket>(installationId: number, tickets: T[], write: (granted: T[]) => Promise<unknown>): Promise<T[]> {
    const queue = this.#pending.get(installationId) ?? [];
    if (queue.length >= this.#options.maxPending) {
      this.dropped += tickets.length;
      return [];
    }
    const granted = tickets.filter((ticket) => this.#grant({ pr: ticket.pr.toLowerCase(), person: ticket.person.toLowerCase() }));
    this.dropped += tickets.length - granted.length;
    if (granted.length === 0) return [];
    const pending: Pending = { pr: granted[0]!.pr.toLowerCase(), write: () => write(granted) };
    if (!this.#options.whenIdle) {
      await this.#run(pending);
      return granted;
    }
    queue.push(pending);
    this.#pending.set(installationId, queue);
    if (!this.#workers.has(installationId)) {
      const worker = this.#drain(installationId).finally(() => this.#workers.delete(installationId));
      this.#workers.set(installationId, worker);
    }
    return granted;
  }

  /** Resolves when no courtesy write is waiting or running (tests, shutdown). */
  async onIdle(): Promise<void> {
    while (this.#workers.size > 0) await Promise.all([...this.#workers.values()]);
  }

  /** Takes one place in the person's and the PR's window, if both have one left. */
  #grant(ticket: CourtesyTicket): boolean {
    const now = this.#options.now().getTime();
    const recent = (map: Map<string, number[]>, key: string) => (map.get(key) ?? []).filter((at) => at > now - this.#options.windowMs && at <= now);
    const person = recent(this.#byPerson, ticket.person);
    const pr = recent(this.#byPr, ticket.pr);
    if (person.length >= this.#options.perPerson || pr.length >= this.#options.perPr) return false;
    this.#byPerson.set(ticket.person, [...person, now]);
    this.#byPr.set(ticket.pr, [...pr, now]);
    // Keep the maps bounded by the people and PRs of the window.
    if (this.#byPerson.size > 10_000 || this.#byPr.size > 10_000) this.#prune(now);
    return true;
  }

  #prune(now: number): void {
    for (const map of [this.#byPerson, this.#byPr]) {
      for (const [key, times] of map) if (!times.some((at) => at > now - this.#options.windowMs)) map.delete(key);
    }
  }

  async #drain(installationId: number): Promise<void> {
    const whenIdle = this.#options.whenIdle!;
    for (;;) {
      // After the checks: nothing of this installation waits for an evaluation.
      await whenIdle(installationId);
      const queue = this.#pending.get(installationId) ?? [];
      const next = queue.shift();
      if (queue.length === 0) this.#pending.delete(installationId);
      if (!next) return;
      await this.#run(next);
    }
  }

  async #run(pending: Pending): Promise<void> {
    try {
      await pending.write();
    } catch (error) {
      this.#options.log?.warn({ err: error, pr: pending.pr }, "a courtesy write failed (nothing depends on it)");
    }
  }
}

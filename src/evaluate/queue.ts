// Evaluations, queued per installation. A handler says which PR needs evaluating and returns; the
// evaluation runs in the background. Evaluation is level-triggered (it re-derives everything from
// GitHub), so all pending events of one PR are one evaluation: the pending set is bounded by the
// number of PRs, never by the number of events. Evaluations of one PR never overlap, so the check
// always ends showing the latest state; installations never wait on each other.
//
// Memory is bounded by keys, not events: an event for a key already waiting or running replaces
// the task to run and adds nothing else. `push` (the server's background mode, where nobody awaits)
// allocates no promise at all; `enqueue` callers of one entry share one promise.

export interface QueueLogger {
  error(obj: object, msg?: string): void;
}

export interface EvaluationQueueOptions {
  /** Most evaluations running at once for one installation (default 4; at least 1). */
  concurrency?: number;
  /**
   * Run each task inline: `enqueue` resolves once it has run and rejects with its error. For the
   * Action and serverless hosts, where nothing may outlive the invocation.
   */
  runNow?: boolean;
  log?: QueueLogger;
}

export const DEFAULT_QUEUE_CONCURRENCY = 4;

type Task = () => Promise<void>;

/** One settlement shared by every caller that awaits the same entry. */
interface Settlement {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Entry {
  task: Task;
  /** Made only when a caller awaits the entry (`enqueue`); never in the background mode. */
  settlement?: Settlement;
}

interface InstallationState {
  /** Keys waiting to start, in arrival order (never a key that is running). */
  pending: Map<string, Entry>;
  /** Keys running; `again` is set when the key was enqueued while it ran. */
  running: Map<string, { again?: Entry }>;
}

function settlement(): Settlement {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const consoleLogger: QueueLogger = {
  error: (obj, msg) => console.error(msg ?? "evaluation failed", obj),
};

export class EvaluationQueue {
  readonly concurrency: number;
  readonly runNow: boolean;
  readonly #log: QueueLogger;
  readonly #installations = new Map<string, InstallationState>();
  #idleWaiters: Array<() => void> = [];
  readonly #installationWaiters = new Map<string, Array<() => void>>();

  constructor(options: EvaluationQueueOptions = {}) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_QUEUE_CONCURRENCY));
    this.runNow = options.runNow ?? false;
    this.#log = options.log ?? consoleLogger;
  }

  /**
   * Asks for `task` to run for `key` (e.g. "owner/repo#12") of an installation. A key already
   * waiting runs once, with the latest task; a key running runs once more after it finishes.
   * The promise resolves when a run that started after this call has finished; in the background
   * mode it never rejects (errors are logged), with `runNow` it rejects with the task's error.
   * Every caller of one entry gets the same promise.
   */
  enqueue(installationId: number | string, key: string, task: Task): Promise<void> {
    const entry = this.#put(String(installationId), key, task);
    entry.settlement ??= settlement();
    const { promise } = entry.settlement;
    this.#pump(String(installationId));
    return promise;
  }

  /**
   * `enqueue` for a caller that does not wait: the same coalescing, and no promise is made, so
   * an event for a key already waiting or running costs no memory at all.
   */
  push(installationId: number | string, key: string, task: Task): void {
    this.#put(String(installationId), key, task);
    this.#pump(String(installationId));
  }

  /** The entry that will run `task` for `key`: the waiting one, the running one's next, or a new one. */
  #put(id: string, key: string, task: Task): Entry {
    const inst = this.#state(id);
    const running = inst.running.get(key);
    if (running) {
      running.again ??= { task };
      running.again.task = task;
      return running.again;
    }
    const waiting = inst.pending.get(key);
    if (waiting) {
      waiting.task = task;
      return waiting;
    }
    const entry: Entry = { task };
    inst.pending.set(key, entry);
    return entry;
  }

  /** Keys waiting or running, over all installations (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const inst of this.#installations.values()) n += inst.pending.size + inst.running.size;
    return n;
  }

  /** Resolves when nothing is waiting or running. */
  onIdle(): Promise<void> {
    if (this.#installations.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Resolves when nothing of this installation is waiting or running (at once if nothing is). */
  whenIdle(installationId: number | string): Promise<void> {
    const id = String(installationId);
    if (!this.#installations.has(id)) return Promise.resolve();
    return new Promise((resolve) => this.#installationWaiters.set(id, [...(this.#installationWaiters.get(id) ?? []), resolve]));
  }

  #state(id: string): InstallationState {
    let inst = this.#installations.get(id);
    if (!inst) {
      inst = { pending: new Map(), running: new Map() };
      this.#installations.set(id, inst);
    }
    return inst;
  }

  #pump(id: string): void {
    const inst = this.#installations.get(id);
    if (!inst) return;
    // With runNow, nothing waits for a slot: the caller is the one waiting.
    while (inst.pending.size > 0 && (this.runNow || inst.running.size < this.concurrency)) {
      const next = inst.pending.entries().next();
      if (next.done) break;
      const [key, entry] = next.value;
      inst.pending.delete(key);
      inst.running.set(key, {});
      void this.#run(id, inst, key, entry);
    }
    if (inst.pending.size === 0 && inst.running.size === 0) {
      this.#installations.delete(id);
      const mine = this.#installationWaiters.get(id) ?? [];
      this.#installationWaiters.delete(id);
      for (const resolve of mine) resolve();
      if (this.#installations.size === 0) {
        const waiters = this.#idleWaiters;
        this.#idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }

  async #run(id: string, inst: InstallationState, key: string, entry: Entry): Promise<void> {
    let failure: { error: unknown } | undefined;
    try {
      // Started on a later tick, so a handler that enqueues returns before the work begins.
      await Promise.resolve();
      await entry.task();
    } catch (error) {
      failure = { error };
      this.#log.error({ err: error, installation: id, key }, "evaluation failed");
    }
    if (entry.settlement) {
      if (failure && this.runNow) entry.settlement.reject(failure.error);
      else entry.settlement.resolve();
    }
    const again = inst.running.get(key)?.again;
    inst.running.delete(key);
    if (again) inst.pending.set(key, again);
    this.#pump(id);
  }
}

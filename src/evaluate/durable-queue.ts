// The durable queue, when a backend is configured (REDIS_URL): BullMQ on Redis. The queue itself
// is BullMQ's: jobs are stored in Redis before a webhook is answered, survive every restart, are
// taken over from a replica that died (BullMQ's stalled-job check), and are retried with back-off.
// On top of it, two guarantees BullMQ's open-source edition does not give by itself:
//
//  - Evaluations of one key (one PR) coalesce: BullMQ's deduplication with `keepLastIfActive`
//    keeps at most one job waiting per key, and an event that arrives while its key runs leaves
//    exactly one more job, created when the running one ends.
//  - An installation's work runs one at a time across all replicas: a job first takes its
//    installation's lock in Redis (SET NX PX, renewed while it runs, so a replica that dies
//    holds it no longer than `lockMs`). A job that finds the lock taken is parked: it goes back
//    to BullMQ's delayed set, its id on the installation's parked list, and the job that holds
//    the lock promotes the first parked job when it ends. The delay is only a safety net (a lock
//    holder that died wakes nobody). Parked jobs take no worker slot, so a busy installation
//    never starves the others.
//
// BullMQ and ioredis are loaded when a queue starts (a dynamic import), so that a host without
// REDIS_URL never loads them, and the Action's bundle, which leaves them out, never needs them.
import type { Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { HintStore } from "./sweep-hint.js";
import type { Work } from "./work.js";

export interface DurableJobData {
  installationId: number;
  key: string;
  work: Work;
}

export interface DurableQueueLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DurableQueueOptions {
  /** The Redis URL (REDIS_URL). */
  url: string;
  /** BullMQ's queue name; also the prefix of the installation locks (default "partnership-governance"). */
  name?: string;
  /** Jobs one process runs at once, over all installations (default 8). */
  concurrency?: number;
  /**
   * How long a job's lock and an installation's lock last without renewal (default 30 s): after a
   * replica dies, its work is taken over within about this long.
   */
  lockMs?: number;
  /** How often BullMQ looks for jobs whose replica died (default lockMs / 2). */
  stalledIntervalMs?: number;
  /** Runs one job's work (the app builds the installation's client). */
  perform(installationId: number, work: Work): Promise<void>;
  /** Runs the scheduled sweep (a job of its own, so one replica runs each tick). */
  sweep?: () => Promise<void>;
  /**
   * Hears when a job's work starts and ends (tests and the benchmark), with BullMQ's id of the job
   * (a sweep's names its tick: "repeat:sweep:<ms>").
   */
  onWork?: (phase: "start" | "end", data: DurableJobData, jobId: string) => void;
  log: DurableQueueLogger;
}

export const DEFAULT_DURABLE_CONCURRENCY = 8;
export const DEFAULT_LOCK_MS = 30_000;
/** How long the sweep's hint of a PR is kept in Redis without being written again. */
const HINT_TTL_S = 30 * 24 * 3600;
/** A parked job's delay (the safety net) never exceeds this. */
const MAX_PARK_MS = 60_000;

const SWEEP_JOB = "sweep";

/** Takes the lock, or parks the job: returns 1, or its place on the parked list (> 1). */
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
redis.call('LREM', KEYS[2], 0, ARGV[3])
return redis.call('RPUSH', KEYS[2], ARGV[3]) + 1`;
/** Renews the lock if this job still holds it. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
/** Releases the lock if this job holds it; returns the first parked job, to wake. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return redis.call('LPOP', KEYS[2])`;

type Scripts = Redis & {
  governanceAcquire(lock: string, parked: string, value: string, ms: number, jobId: string): Promise<number>;
  governanceRenew(lock: string, value: string, ms: number): Promise<number>;
  governanceRelease(lock: string, parked: string, value: string): Promise<string | null>;
};

type BullMQ = typeof import("bullmq");
type RedisClass = typeof import("ioredis").Redis;

function connect(Redis: RedisClass, url: string, forWorker: boolean): Scripts {
  // A worker's blocking connection must retry for ever (BullMQ asks for maxRetriesPerRequest:
  // null); the producer's fails fast, so that a webhook is answered 500 when Redis is down
  // rather than hanging (GitHub then shows the delivery as failed, to redeliver).
  const redis = new Redis(url, forWorker ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.defineCommand("governanceAcquire", { numberOfKeys: 2, lua: ACQUIRE });
  redis.defineCommand("governanceRenew", { numberOfKeys: 1, lua: RENEW });
  redis.defineCommand("governanceRelease", { numberOfKeys: 2, lua: RELEASE });
  return redis as Scripts;
}

const dedupId = (installationId: number, key: string): string => `${installationId}:${key}`;

export class DurableQueue {
  readonly #queue: Queue<DurableJobData>;
  readonly #worker: Worker<DurableJobData>;
  readonly #producer: Scripts;
  readonly #workerRedis: Scripts;
  readonly #name: string;
  readonly #lockMs: number;
  readonly #options: DurableQueueOptions;
  readonly #bullmq: BullMQ;
  /** How long a job's and an installation's lock last without renewal. */
  get lockMs(): number {
    return this.#lockMs;
  }

  private constructor(options: DurableQueueOptions, bullmq: BullMQ, Redis: RedisClass) {
    const { Queue, Worker } = bullmq;
    this.#options = options;
    this.#bullmq = bullmq;
    this.#name = options.name ?? "partnership-governance";
    this.#lockMs = Math.max(1000, options.lockMs ?? DEFAULT_LOCK_MS);
    this.#producer = connect(Redis, options.url, false);
    this.#workerRedis = connect(Redis, options.url, true);
    this.#queue = new Queue<DurableJobData>(this.#name, { connection: this.#producer });
    this.#worker = new Worker<DurableJobData>(this.#name, (job, token) => this.#process(job, token), {
      connection: this.#workerRedis,
      concurrency: Math.max(1, options.concurrency ?? DEFAULT_DURABLE_CONCURRENCY),
      lockDuration: this.#lockMs,
      stalledInterval: Math.max(500, options.stalledIntervalMs ?? Math.floor(this.#lockMs / 2)),
      // A job whose replica died is taken over, however many times that happens.
      maxStalledCount: 100,
      autorun: false,
    });
    this.#worker.on("failed", (job, error) => {
      options.log.warn({ err: error, job: job?.data.key, attempts: job?.attemptsMade }, "durable queue: a job failed");
    });
    this.#worker.on("error", (error) => options.log.error({ err: error }, "durable queue: worker error"));
    this.#queue.on("error", (error) => options.log.error({ err: error }, "durable queue: queue error"));
  }

  /** Connects and starts this process's worker. */
  static async start(options: DurableQueueOptions): Promise<DurableQueue> {
    const [bullmq, { Redis }] = await Promise.all([import("bullmq"), import("ioredis")]);
    const queue = new DurableQueue(options, bullmq, Redis);
    await queue.#queue.waitUntilReady();
    void queue.#worker.run();
    await queue.#worker.waitUntilReady();
    return queue;
  }

  /**
   * Stores the work durably (resolves once Redis has it; rejects when it cannot). One key has at
   * most one job waiting, plus one running.
   */
  async add(installationId: number, key: string, work: Work): Promise<void> {
    await this.#queue.add(
      work.kind,
      { installationId, key, work },
      {
        deduplication: { id: dedupId(installationId, key), keepLastIfActive: true },
        attempts: 5,
        backoff: { type: "exponential", delay: 2000 },
        removeOnComplete: true,
        removeOnFail: { count: 1000 },
      },
    );
  }

  /** The sweep's hints, shared by every replica (src/evaluate/sweep-hint.ts). */
  readonly hints: HintStore = {
    get: async (keys) => (keys.length === 0 ? [] : await this.#producer.mget(...keys.map((k) => this.#hintKey(k)))),
    set: async (key, hint) => {
      await this.#producer.set(this.#hintKey(key), hint, "EX", HINT_TTL_S);
    },
  };

  #hintKey(key: string): string {
    return `${this.#name}:hint:${key}`;
  }

  /** Runs the sweep on `pattern` (cron, UTC) from one replica at each tick; null: never. */
  async schedule(pattern: string | null): Promise<void> {
    if (pattern === null) {
      await this.#queue.removeJobScheduler(SWEEP_JOB);
      return;
    }
    await this.#queue.upsertJobScheduler(
      SWEEP_JOB,
      { pattern, tz: "UTC" },
      { name: SWEEP_JOB, data: { installationId: 0, key: SWEEP_JOB, work: { kind: "sweep" } } },
    );
  }

  /** Jobs not finished: waiting, parked (delayed), running (tests, the benchmark, metrics). */
  async pending(): Promise<number> {
    const counts = await this.#queue.getJobCounts("wait", "active", "delayed", "prioritized", "waiting-children");
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  /** Stops taking jobs, lets the running ones end, and disconnects. */
  async close(): Promise<void> {
    await this.#worker.close();
    await this.#queue.close();
    this.#producer.disconnect();
    this.#workerRedis.disconnect();
  }

  async #process(job: Job<DurableJobData>, token: string | undefined): Promise<void> {
    const data = job.data;
    if (data.work.kind === "sweep") {
      this.#options.onWork?.("start", data, String(job.id));
      await this.#options.sweep?.();
      this.#options.onWork?.("end", data, String(job.id));
      return;
    }
    const lock = `${this.#name}:installation:${data.installationId}:lock`;
    const parked = `${this.#name}:installation:${data.installationId}:parked`;
    const holder = `${job.id}:${token ?? ""}`;
    const place = await this.#workerRedis.governanceAcquire(lock, parked, holder, this.#lockMs, String(job.id));
    if (place !== 1) {
      // Another job of this installation runs (here or on another replica): wait to be woken.
      const delay = Math.min(MAX_PARK_MS, this.#lockMs * place);
      await job.moveToDelayed(Date.now() + delay, token);
      // Events that came while this job was active (for this instant) left BullMQ a "next job" to
      // create when it ends; but it has not run yet, and it will read GitHub's state when it does:
      // that next job would be a second run for the same events. Now that the job is delayed, new
      // events coalesce into it, so the stored next job can go.
      await this.#workerRedis.del(`${this.#queue.qualifiedName}:dn:${dedupId(data.installationId, data.key)}`);
      throw new this.#bullmq.DelayedError();
    }
    const renew = setInterval(() => {
      this.#workerRedis.governanceRenew(lock, holder, this.#lockMs).catch(() => undefined);
    }, Math.floor(this.#lockMs / 3));
    try {
      this.#options.onWork?.("start", data, String(job.id));
      await this.#options.perform(data.installationId, data.work);
      this.#options.onWork?.("end", data, String(job.id));
    } finally {
      clearInterval(renew);
      await this.#wake(parked, await this.#workerRedis.governanceRelease(lock, parked, holder));
    }
  }

  /**
   * Promotes the first parked job that is still delayed. One that is not (gone, or not parked yet:
   * it has joined the list but not yet moved to the delayed set) comes back by its own delay.
   */
  async #wake(parked: string, first: string | null): Promise<void> {
    for (let id = first, tries = 0; id !== null && tries < 8; id = await this.#workerRedis.lpop(parked), tries++) {
      try {
        const job = await this.#bullmq.Job.fromId(this.#queue, id);
        if (job && (await job.isDelayed())) {
          await job.promote();
          return;
        }
      } catch {
        // Promoted meanwhile by its own delay, or removed: wake the next.
      }
    }
  }
}

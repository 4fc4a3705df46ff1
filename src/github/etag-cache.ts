// Conditional requests: GET responses are kept with their ETags in a bounded LRU per installation,
// each repeated GET carries `If-None-Match`, and a `304 Not Modified` answer is served from the
// cache. GitHub does not count a 304 against the rate limit ("Conditional requests",
// docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api), which is how
// repeated evaluations of the same pull request stay cheap.
import { Buffer } from "node:buffer";

export interface CachedResponse {
  etag: string;
  status: number;
  url: string;
  headers: Record<string, string | number | undefined>;
  data: unknown;
  bytes: number;
}

export interface EtagCacheOptions {
  /** Most responses kept (per installation). Default 1000. */
  maxEntries?: number;
  /** Most bytes of response bodies kept (per installation, as serialised JSON). Default 8 MiB. */
  maxBytes?: number;
}

export const DEFAULT_ETAG_MAX_ENTRIES = 1000;
export const DEFAULT_ETAG_MAX_BYTES = 8 * 1024 * 1024;

/** A least-recently-used map bounded both in entries and in bytes. */
export class EtagCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  #entries = new Map<string, CachedResponse>();
  #bytes = 0;

  constructor(options: EtagCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_ETAG_MAX_ENTRIES);
    this.maxBytes = Math.max(1, options.maxBytes ?? DEFAULT_ETAG_MAX_BYTES);
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      // Refresh its place: a Map iterates in insertion order, so the first key is the oldest.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return; // never worth evicting everything for one response
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }
}

/** One cache per installation (never shared: another installation may not see the data), bounded too. */
export class EtagStore {
  readonly options: EtagCacheOptions;
  readonly maxInstallations: number;
  #caches = new Map<string, EtagCache>();

  constructor(options: EtagCacheOptions & { maxInstallations?: number } = {}) {
    this.options = { maxEntries: options.maxEntries, maxBytes: options.maxBytes };
    this.maxInstallations = Math.max(1, options.maxInstallations ?? 1000);
  }

  forInstallation(installationId: number | string): EtagCache {
    const key = String(installationId);
    let cache = this.#caches.get(key);
    if (cache) {
      this.#caches.delete(key);
    } else {
      cache = new EtagCache(this.options);
    }
    this.#caches.set(key, cache);
    while (this.#caches.size > this.maxInstallations) {
      const oldest = this.#caches.keys().next();
      if (oldest.done) break;
      this.#caches.delete(oldest.value);
    }
    return cache;
  }
}

/** What the optional request counter hears about each request (for the benchmark). */
export interface RequestEvent {
  method: string;
  url: string;
  status: number;
  /** Counted against the rate limit: every answer but `304 Not Modified`. */
  counted: boolean;
  installationId?: number;
}

export type RequestCounter = (event: RequestEvent) => void;

interface HookOptions {
  method?: string;
  url?: string;
  headers?: Record<string, string | undefined>;
  [key: string]: unknown;
}

interface HookResponse {
  status: number;
  url: string;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

type RequestFn = (options: HookOptions) => Promise<HookResponse>;

/** The part of an Octokit instance the cache needs. */
export interface HookableOctokit {
  hook: { wrap(name: "request", wrapper: (request: RequestFn, options: HookOptions) => Promise<HookResponse>): void };
  request: { endpoint: { parse(options: HookOptions): { method: string; url: string; headers: Record<string, string | undefined> } } };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/**
 * Wraps every request of `octokit`: GETs are answered from `cache` when GitHub says `304`, and
 * every request is reported to `counter`. Sits outside retry and throttling, so a request retried
 * by them is reported once.
 */
export function withEtagCache<T extends HookableOctokit>(
  octokit: T,
  cache: EtagCache | undefined,
  counter?: RequestCounter,
  installationId?: number,
): T {
  const report = (method: string, url: string, status: number) => {
    if (!counter) return;
    const event: RequestEvent = { method, url, status, counted: status !== 304 };
    if (installationId !== undefined) event.installationId = installationId;
    counter(event);
  };

  octokit.hook.wrap("request", async (request, options) => {
    const parsed = octokit.request.endpoint.parse(options);
    const method = parsed.method.toUpperCase();
    const callerConditional = Object.keys(options.headers ?? {}).some((h) => h.toLowerCase() === "if-none-match");
    if (method !== "GET" || !cache || callerConditional) {
      try {
        const response = await request(options);
        report(method, parsed.url, response.status);
        return response;
      } catch (error) {
        report(method, parsed.url, statusOf(error) ?? 0);
        throw error;
      }
    }

    // The representation depends on the media type asked for (json, raw...), so it is in the key.
    const key = `${parsed.url}\n${parsed.headers.accept ?? ""}`;
    const cached = cache.get(key);
    // The hooks of one request share its options object and ignore what an outer hook passes on
    // (before-after-hook binds each to the original options), so the header is set in place.
    if (cached) options.headers = { ...options.headers, "if-none-match": cached.etag };
    try {
      const response = await request(options);
      report(method, parsed.url, response.status);
      const etag = response.headers.etag;
      if (typeof etag === "string" && response.status === 200) {
        const bytes = Buffer.byteLength(JSON.stringify(response.data) ?? "");
        cache.set(key, { etag, status: response.status, url: response.url, headers: { ...response.headers }, data: response.data, bytes });
        // Callers (pagination) may rewrite `data`; the cache keeps its own copy.
        return { ...response, data: structuredClone(response.data) };
      }
      return response;
    } catch (error) {
      const status = statusOf(error);
      report(method, parsed.url, status ?? 0);
      if (status === 304 && cached) {
        return { status: cached.status, url: cached.url, headers: { ...cached.headers }, data: structuredClone(cached.data) };
      }
      throw error;
    }
  });
  return octokit;
}

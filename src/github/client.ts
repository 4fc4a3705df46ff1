// The app's GitHub client: Probot's Octokit (its retry and rate-limit handling kept), with
//  - a throttle id per installation: plugin-throttling keys its limiters (and the spacing of
//    mutating requests GitHub asks for) by this id, and Probot's webhook clients all share
//    "no-id", so one installation's writes would otherwise delay every other installation's;
//  - ETag-cached GETs per installation (etag-cache.ts);
//  - an optional counter of requests, for the benchmark;
//  - GraphQL queries that are not spaced like writes (graphqlQuery below).
import { ProbotOctokit } from "probot";
import { EtagStore, withEtagCache, type EtagCacheOptions, type HookableOctokit, type RequestCounter } from "./etag-cache.js";

export interface AppOctokitOptions {
  /** The ETag cache: a store to share, options for a new one, or false for none. */
  etag?: EtagStore | (EtagCacheOptions & { maxInstallations?: number }) | false;
  /** Hears about every request (counted = not answered 304). */
  onRequest?: RequestCounter;
}

/**
 * plugin-throttling spaces every GraphQL request a second apart per installation, as it does
 * mutating REST requests, because it cannot tell a query from a mutation. GitHub asks that
 * spacing of mutations only; the app's GraphQL requests are all queries (reads). A query sent
 * through `graphqlQuery(octokit)` goes through a sibling client of the same installation (same
 * auth and token cache, same retries and rate-limit handling, same throttle id for concurrency)
 * whose write limiter lets it through at once. Writes keep the spacing.
 */
const UNSPACED = { key: () => ({ schedule: <T>(_options: unknown, task: (...args: unknown[]) => Promise<T>, ...args: unknown[]) => task(...args) }) };

type GraphQLQuery = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

const readers = new WeakMap<object, () => GraphQLQuery>();

/**
 * The GraphQL function for queries (reads only) of `octokit`: not spaced like writes when the
 * app's plugin made the client with throttling on; `octokit.graphql` otherwise.
 */
export function graphqlQuery(octokit: { graphql: GraphQLQuery }): GraphQLQuery {
  const reader = readers.get(octokit)?.() ?? octokit.graphql;
  return (query, variables) => {
    if (!/^\s*query\b/.test(query)) throw new Error("graphqlQuery: only queries (reads) may skip the write spacing");
    return reader(query, variables);
  };
}

/** The options key under which the defaults hand the cache and counter to the plugin. */
const KEY = "partnershipGovernance";

interface PluginSettings {
  etag?: EtagStore;
  onRequest?: RequestCounter;
}

type OctokitOptions = Record<string, unknown> & {
  auth?: unknown;
  throttle?: Record<string, unknown>;
};

/** The installation a client is built for, from its auth options (Probot puts it there). */
export function installationIdOf(options: OctokitOptions): number | undefined {
  const auth = options.auth as { installationId?: unknown } | undefined;
  const id = auth?.installationId;
  if (typeof id === "number") return id;
  if (typeof id === "string" && /^\d+$/.test(id)) return Number(id);
  return undefined;
}

export function throttleIdFor(installationId: number): string {
  return `installation-${installationId}`;
}

/**
 * The function-form Octokit defaults the app gives Probot (the object form would be overridden
 * by Probot's own defaults: probot/probot#2039). Only `throttle.id` is changed in the throttle
 * options, so Probot's rate-limit handlers and Redis connection stay as they are.
 */
export function appOctokitDefaults(options: AppOctokitOptions = {}): (o: OctokitOptions) => OctokitOptions {
  const etag =
    options.etag === false ? undefined : options.etag instanceof EtagStore ? options.etag : new EtagStore(options.etag ?? {});
  const settings: PluginSettings = {};
  if (etag) settings.etag = etag;
  if (options.onRequest) settings.onRequest = options.onRequest;
  return (o) => {
    const installationId = installationIdOf(o);
    const next: OctokitOptions = { ...o, [KEY]: settings };
    if (installationId !== undefined && o.throttle?.enabled !== false) {
      next.throttle = { ...o.throttle, id: throttleIdFor(installationId) };
    }
    return next;
  };
}

/** The Octokit plugin that installs the ETag cache and the counter on each client. */
export function governanceClientPlugin(octokit: unknown, octokitOptions: OctokitOptions): Record<string, never> {
  const settings = octokitOptions[KEY] as PluginSettings | undefined;
  if (!settings) return {};
  const installationId = installationIdOf(octokitOptions);
  // Only installation clients cache: the app's own (JWT) client reads nothing worth caching.
  const cache = installationId !== undefined ? settings.etag?.forInstallation(installationId) : undefined;
  if (cache || settings.onRequest) withEtagCache(octokit as HookableOctokit, cache, settings.onRequest, installationId);
  const throttle = octokitOptions.throttle;
  // (The sibling itself, built with UNSPACED, builds none.)
  if (throttle && throttle.enabled !== false && throttle.write !== UNSPACED) {
    let reader: GraphQLQuery | undefined;
    readers.set(octokit as object, () => {
      if (!reader) {
        // The same class and options, so the same auth (and token cache), retries and handlers.
        const Sibling = (octokit as { constructor: new (o: OctokitOptions) => { graphql: GraphQLQuery } }).constructor;
        reader = new Sibling({ ...octokitOptions, throttle: { ...throttle, write: UNSPACED } }).graphql;
      }
      return reader;
    });
  }
  return {};
}

/**
 * The Octokit class the app's entry passes to Probot (`new Probot({ Octokit })` or
 * `run(app, { Octokit })`).
 */
export function createAppOctokit(options: AppOctokitOptions = {}): typeof ProbotOctokit {
  return ProbotOctokit.plugin(governanceClientPlugin).defaults(appOctokitDefaults(options)) as typeof ProbotOctokit;
}

/** The Octokit type every function of src/github takes. */
export type GitHub = InstanceType<typeof ProbotOctokit>;

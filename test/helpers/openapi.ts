// Checks mocked GitHub requests and responses against GitHub's own OpenAPI description, so that
// no test can pass against an endpoint, a parameter or a field that GitHub does not have.
// Only the non-dereferenced description is loaded (13 MB, once per test file); the package's
// main export and the `.deref` variants are far larger.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: unknown };

interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

let doc: OpenApiDoc | undefined;
let templates: Array<{ template: string; regex: RegExp; literals: number }> | undefined;

function loadDoc(): OpenApiDoc {
  if (doc) return doc;
  const require = createRequire(import.meta.url);
  // Resolve the package folder through its package.json, then read only the one file we need.
  const pkgDir = dirname(require.resolve("@octokit/openapi/package.json"));
  const file = join(pkgDir, "generated", "api.github.com.json");
  doc = JSON.parse(readFileSync(file, "utf8")) as OpenApiDoc;
  return doc;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function pathTemplates(): NonNullable<typeof templates> {
  if (templates) return templates;
  const d = loadDoc();
  templates = Object.keys(d.paths).map((template) => {
    const item = d.paths[template] ?? {};
    const multi = new Set<string>();
    for (const op of Object.values(item)) {
      const params = (op as { parameters?: unknown[] }).parameters ?? [];
      for (const p of params) {
        const param = p as Schema;
        if (param["x-multi-segment"] === true && typeof param.name === "string") multi.add(param.name);
      }
    }
    let literals = 0;
    const source = template
      .split("/")
      .map((segment) => {
        const m = /^\{(.+)\}$/.exec(segment);
        if (!m) {
          literals += 1;
          return escapeRegex(segment);
        }
        return multi.has(m[1] ?? "") ? "(.+)" : "([^/]+)";
      })
      .join("/");
    return { template, regex: new RegExp(`^${source}$`), literals };
  });
  return templates;
}

export interface OperationMatch {
  template: string;
  method: string;
  operation: Schema;
}

/** The operation of GitHub's API that serves `method path` (path without query), if any. */
export function findOperation(method: string, path: string): OperationMatch | undefined {
  const d = loadDoc();
  const lower = method.toLowerCase();
  const decoded = decodeURIComponent(path.split("?")[0] ?? path);
  const candidates = pathTemplates()
    .filter((t) => t.regex.test(decoded) && d.paths[t.template]?.[lower] !== undefined)
    .sort((a, b) => b.literals - a.literals);
  const best = candidates[0];
  if (!best) return undefined;
  return { template: best.template, method: lower, operation: d.paths[best.template]?.[lower] as Schema };
}

function resolve<T = Schema>(node: unknown): T {
  let current = node as Schema;
  const seen = new Set<string>();
  while (current && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
    seen.add(ref);
    const parts = ref.replace(/^#\//, "").split("/");
    let target: unknown = loadDoc();
    for (const part of parts) target = (target as Record<string, unknown>)[part];
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    current = target as Schema;
  }
  return current as T;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Validates `value` against `schema` loosely: the keys and types GitHub describes, recursively,
 * enums, nullable; required members are not enforced (mocks answer with the fields a test needs).
 * Returns the problems found, each prefixed with where it is.
 */
export function validateValue(value: unknown, schemaNode: unknown, where = "$"): string[] {
  const schema = resolve(schemaNode);
  if (!schema || Object.keys(schema).length === 0) return [];

  if (Array.isArray(schema.allOf)) {
    // Merge the parts: an object described by allOf may spread its properties across them.
    const merged = mergeAllOf(schema);
    return validateValue(value, merged, where);
  }
  const alternatives = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) {
    if (value === null && schema.nullable === true) return [];
    let bestErrors: string[] | undefined;
    for (const alt of alternatives) {
      const errors = validateValue(value, alt, where);
      if (errors.length === 0) return [];
      if (!bestErrors || errors.length < bestErrors.length) bestErrors = errors;
    }
    return bestErrors ?? [];
  }

  if (value === null) {
    return schema.nullable === true || schema.type === undefined ? [] : [`${where}: null is not allowed`];
  }
  const type = schema.type as string | undefined;
  const actual = typeOf(value);
  const isObjectSchema = type === "object" || (type === undefined && schema.properties !== undefined);
  if (type === "integer") {
    if (typeof value !== "number" || !Number.isInteger(value)) return [`${where}: expected integer, got ${actual}`];
  } else if (type === "number") {
    if (typeof value !== "number") return [`${where}: expected number, got ${actual}`];
  } else if (type === "string" || type === "boolean") {
    if (actual !== type) return [`${where}: expected ${type}, got ${actual}`];
  } else if (type === "array") {
    if (!Array.isArray(value)) return [`${where}: expected array, got ${actual}`];
    return value.flatMap((item, i) => (schema.items ? validateValue(item, schema.items, `${where}[${i}]`) : []));
  } else if (isObjectSchema) {
    if (actual !== "object") return [`${where}: expected object, got ${actual}`];
    return validateObject(value as Record<string, unknown>, schema, where);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    return [`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  }
  return [];
}

function mergeAllOf(schema: Schema): Schema {
  const properties: Record<string, unknown> = {};
  let additional: unknown = undefined;
  let type: unknown = undefined;
  let nullable = schema.nullable === true;
  const parts = [...(schema.allOf as unknown[])];
  for (const partNode of parts) {
    let part = resolve(partNode);
    if (Array.isArray(part.allOf)) part = mergeAllOf(part);
    Object.assign(properties, (part.properties as Record<string, unknown>) ?? {});
    if (part.additionalProperties !== undefined) additional = part.additionalProperties;
    type ??= part.type;
    if (part.nullable === true) nullable = true;
  }
  const merged: Schema = { type: type ?? "object", properties, nullable };
  if (additional !== undefined) merged.additionalProperties = additional;
  return merged;
}

function validateObject(value: Record<string, unknown>, schema: Schema, where: string): string[] {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const additional = schema.additionalProperties;
  const hasProperties = Object.keys(properties).length > 0;
  const errors: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    const path = `${where}.${key}`;
    if (key in properties) {
      errors.push(...validateValue(member, properties[key], path));
    } else if (additional !== undefined && additional !== false) {
      if (typeof additional === "object") errors.push(...validateValue(member, additional, path));
    } else if (hasProperties || additional === false) {
      // GitHub's schemas list their fields; a field they do not list does not exist.
      errors.push(`${path}: no such field in GitHub's description`);
    }
  }
  return errors;
}

function parameters(match: OperationMatch): Schema[] {
  const item = loadDoc().paths[match.template] ?? {};
  const own = (match.operation.parameters as unknown[] | undefined) ?? [];
  const shared = (item.parameters as unknown[] | undefined) ?? [];
  return [...shared, ...own].map((p) => resolve(p));
}

export interface RequestShape {
  method: string;
  /** The path, optionally with a query string. */
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** The problems of a request: unknown endpoint, unknown query parameters, body fields or types. */
export function validateRequest(req: RequestShape): string[] {
  const match = findOperation(req.method, req.path);
  if (!match) return [`${req.method.toUpperCase()} ${req.path}: no such endpoint in GitHub's description`];
  const errors: string[] = [];
  const queryNames = new Set(parameters(match).filter((p) => p.in === "query").map((p) => p.name as string));
  const query = { ...Object.fromEntries(new URLSearchParams(req.path.split("?")[1] ?? "")), ...(req.query ?? {}) };
  for (const name of Object.keys(query)) {
    if (!queryNames.has(name)) errors.push(`${match.template}: no query parameter "${name}"`);
  }
  if (req.body !== undefined && req.body !== null && !(typeof req.body === "string" && req.body === "")) {
    const requestBody = resolve(match.operation.requestBody);
    const content = (requestBody?.content ?? {}) as Record<string, { schema?: unknown }>;
    const schema = content["application/json"]?.schema;
    if (!schema) errors.push(`${req.method.toUpperCase()} ${match.template}: takes no JSON body`);
    else errors.push(...validateValue(req.body, schema, "body"));
  }
  return errors;
}

export interface ResponseShape {
  method: string;
  path: string;
  status: number;
  body?: unknown;
}

/** Statuses GitHub may answer on any endpoint, documented there or not. */
const GENERIC_ERRORS = new Set([401, 403, 404, 410, 422, 429]);

/**
 * The problems of a response. A 304 is allowed on every GET (conditional requests), and 5xx on
 * every endpoint (fault injection), GitHub's generic errors (GENERIC_ERRORS) as its basic error
 * body; any other status must be one GitHub documents for that endpoint.
 */
export function validateResponse(res: ResponseShape): string[] {
  const match = findOperation(res.method, res.path);
  if (!match) return [`${res.method.toUpperCase()} ${res.path}: no such endpoint in GitHub's description`];
  if (res.status >= 500 || (res.status === 304 && match.method === "get")) return [];
  const responses = (match.operation.responses ?? {}) as Record<string, unknown>;
  const documented = responses[String(res.status)] ?? responses.default;
  if (documented === undefined && GENERIC_ERRORS.has(res.status)) {
    // GitHub answers these on any endpoint (no permission, gone, rate limited) with its basic error.
    return validateValue(res.body ?? {}, { $ref: "#/components/schemas/basic-error" }, "response");
  }
  if (documented === undefined) {
    return [`${res.method.toUpperCase()} ${match.template}: GitHub does not document status ${res.status}`];
  }
  const response = resolve(documented);
  const content = (response.content ?? {}) as Record<string, { schema?: unknown }>;
  const schema =
    content["application/json"]?.schema ??
    Object.entries(content).find(([type]) => type.includes("json"))?.[1]?.schema;
  if (res.body === undefined || res.body === "" || res.body === null) return [];
  if (!schema) return [`${res.method.toUpperCase()} ${match.template} ${res.status}: GitHub returns no JSON body`];
  return validateValue(res.body as Json, schema, "response");
}

/**
 * The problems of a webhook payload against GitHub's schema of that webhook in the OpenAPI
 * description (`webhook-merge-group-checks-requested`, `webhook-pull-request-dequeued`, ...).
 */
export function validateWebhook(schema: string, payload: unknown): string[] {
  if (loadDoc().components.schemas?.[schema] === undefined) return [`no webhook schema ${schema} in GitHub's description`];
  return validateValue(payload, { $ref: `#/components/schemas/${schema}` }, "payload");
}

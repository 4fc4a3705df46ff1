// Checks GraphQL requests and answers against GitHub's own GraphQL schema (@octokit/graphql-schema),
// as test/helpers/openapi.ts does for REST: a query asking for a field GitHub does not have, or an
// answer GitHub could not give (a missing non-null field, a wrong enum value, a wrong type), fails
// the test that serves it.
import { schema as published } from "@octokit/graphql-schema";
import { buildClientSchema, execute, parse, validate, type GraphQLSchema } from "graphql";

let schema: GraphQLSchema | undefined;

/** GitHub's public GraphQL schema, loaded once per test file. */
export function githubSchema(): GraphQLSchema {
  if (schema) return schema;
  schema = buildClientSchema(published.json as Parameters<typeof buildClientSchema>[0]);
  return schema;
}

/** The problems of a query document against GitHub's schema (empty when it is valid). */
export function validateQuery(query: string): string[] {
  try {
    return validate(githubSchema(), parse(query)).map((e) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

/**
 * The problems of `data` as the answer to `query`: the query is run against GitHub's schema with
 * `data` as the root value, so every field is type-checked (abstract types by `__typename`), and
 * each field the query asks for must be present (null only where the schema allows it).
 */
export function validateAnswer(query: string, variables: Record<string, unknown>, data: unknown): string[] {
  const problems = validateQuery(query);
  if (problems.length > 0) return problems;
  const missing: string[] = [];
  const result = execute({
    schema: githubSchema(),
    document: parse(query),
    rootValue: data,
    variableValues: variables,
    fieldResolver: (source, _args, _ctx, info) => {
      const record = source as Record<string, unknown>;
      const key = info.path.key;
      const name = typeof key === "string" ? key : info.fieldName;
      if (!(name in record)) missing.push(pathOf(info.path));
      return record[name];
    },
  }) as { errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number> }> };
  const errors = (result.errors ?? []).map((e) => `${(e.path ?? []).join(".")}: ${e.message}`);
  return [...missing.map((p) => `${p}: absent from the answer`), ...errors];
}

function pathOf(path: { key: string | number; prev: unknown }): string {
  const parts: Array<string | number> = [];
  let at: { key: string | number; prev: unknown } | undefined = path;
  while (at) {
    parts.unshift(at.key);
    at = at.prev as typeof at;
  }
  return parts.join(".");
}

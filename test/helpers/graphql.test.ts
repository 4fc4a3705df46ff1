// The GraphQL checker of the mocks (test/helpers/graphql.ts) must itself catch what GitHub could
// never answer, or every test that serves a GraphQL answer proves less than it says.
import { describe, expect, it } from "vitest";
import { PULL_REQUEST_QUERY } from "../../src/github/facts.js";
import { githubSchema, validateAnswer, validateQuery } from "./graphql.js";

const QUERY = `query Review($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      state
      changedFiles
      author { __typename login }
      reviews(first: 10) { nodes { state submittedAt } }
    }
  }
}`;
const VARIABLES = { owner: "org", repo: "charter", number: 12 };

function answer(pr: Record<string, unknown> = {}) {
  return {
    repository: {
      pullRequest: {
        state: "OPEN",
        changedFiles: 3,
        author: { __typename: "User", login: "alice" },
        reviews: { nodes: [{ state: "APPROVED", submittedAt: "2026-11-21T09:00:00Z" }] },
        ...pr,
      },
    },
  };
}

describe("validateQuery", () => {
  it("loads GitHub's schema", () => {
    expect(githubSchema().getQueryType()?.getFields().repository).toBeDefined();
  });

  it("accepts a query GitHub can answer", () => {
    expect(validateQuery(QUERY)).toEqual([]);
    expect(validateQuery(PULL_REQUEST_QUERY)).toEqual([]);
  });

  it("refuses a field GitHub does not have", () => {
    const problems = validateQuery(QUERY.replace("changedFiles", "changedFiles approvals"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/approvals/);
  });

  it("refuses a query that is not GraphQL", () => {
    expect(validateQuery("query { repository(")).toHaveLength(1);
  });
});

describe("validateAnswer", () => {
  it("accepts a correct answer", () => {
    expect(validateAnswer(QUERY, VARIABLES, answer())).toEqual([]);
  });

  it("accepts null where the schema allows it (a deleted account, a review not submitted)", () => {
    expect(validateAnswer(QUERY, VARIABLES, answer({ author: null, reviews: { nodes: [{ state: "PENDING", submittedAt: null }] } }))).toEqual([]);
  });

  it("catches a wrong enum value", () => {
    const problems = validateAnswer(QUERY, VARIABLES, answer({ state: "open" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^repository\.pullRequest\.state: .*PullRequestState/);
  });

  it("catches a wrong enum value deep in a list", () => {
    const problems = validateAnswer(QUERY, VARIABLES, answer({ reviews: { nodes: [{ state: "APPROVE", submittedAt: null }] } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^repository\.pullRequest\.reviews\.nodes\.0\.state: /);
  });

  it("catches a non-null field given as null", () => {
    const problems = validateAnswer(QUERY, VARIABLES, answer({ changedFiles: null }));
    expect(problems).toEqual([expect.stringMatching(/^repository\.pullRequest\.changedFiles: .*non-nullable/)]);
  });

  it("catches a field the query asks for that the answer leaves out", () => {
    const { changedFiles: _left, ...pr } = answer().repository.pullRequest;
    const problems = validateAnswer(QUERY, VARIABLES, { repository: { pullRequest: pr } });
    expect(problems).toContain("repository.pullRequest.changedFiles: absent from the answer");
  });

  it("catches a value of the wrong type", () => {
    const problems = validateAnswer(QUERY, VARIABLES, answer({ changedFiles: "three" }));
    expect(problems).toEqual([expect.stringMatching(/^repository\.pullRequest\.changedFiles: .*Int/)]);
  });

  it("catches an actor of a type that is no Actor", () => {
    const problems = validateAnswer(QUERY, VARIABLES, answer({ author: { __typename: "Repository", login: "alice" } }));
    expect(problems).toEqual([expect.stringMatching(/^repository\.pullRequest\.author: /)]);
  });

  it("catches a field GitHub does not have in the query before looking at the answer", () => {
    const problems = validateAnswer(QUERY.replace("state\n", "state\n      approvals\n"), VARIABLES, answer({ approvals: 3 }));
    expect(problems).toEqual([expect.stringMatching(/approvals/)]);
  });
});

// GraphQL queries are reads: the app's client sends them past the write limiter, where
// plugin-throttling would space them a second apart like writes (it cannot tell a query from a
// mutation). Writes keep their spacing. The write limiter is replaced by one that records what
// goes through it (and lets it through at once), so nothing waits on the clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAppOctokit, graphqlQuery } from "../../src/github/client.js";
import { mockGitHub } from "../helpers/github-mocks.js";
import { setupNock, silentLog, teardownNock } from "../helpers/probot.js";

const QUERY = "query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { defaultBranchRef { name } } }";
const answer = { repository: { defaultBranchRef: { name: "main" } } };
const handlers = { onRateLimit: () => false, onSecondaryRateLimit: () => false };

/** A write limiter (Bottleneck.Group's shape) that counts the requests it is asked to space. */
function recordingLimiter() {
  const spaced: string[] = [];
  return {
    spaced,
    key: (id: string) => ({
      schedule: <T>(_options: unknown, task: (...args: unknown[]) => Promise<T>, ...args: unknown[]) => {
        spaced.push(id);
        return task(...args);
      },
    }),
  };
}

describe("graphqlQuery", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  function client(write?: unknown) {
    const Octokit = createAppOctokit({ etag: false });
    return new Octokit({
      auth: { token: "ghs_test" },
      log: silentLog,
      retry: { enabled: false },
      throttle: { ...handlers, id: "installation-9", ...(write ? { write } : {}) },
    });
  }

  it("sends queries past the write limiter; writes and octokit.graphql still go through it", async () => {
    const mock = mockGitHub();
    mock.post("/repos/o/r/issues/1/comments", undefined, { status: 201, body: { id: 1 } });
    mock.graphql(() => answer, { times: 3 });
    const limiter = recordingLimiter();
    const octokit = client(limiter);

    await octokit.rest.issues.createComment({ owner: "o", repo: "r", issue_number: 1, body: "a write" });
    expect(limiter.spaced).toEqual(["installation-9"]);
    await octokit.graphql(QUERY, { owner: "o", repo: "r" });
    expect(limiter.spaced).toEqual(["installation-9", "installation-9"]);
    await expect(graphqlQuery(octokit)(QUERY, { owner: "o", repo: "r" })).resolves.toEqual(answer);
    await expect(graphqlQuery(octokit)(QUERY, { owner: "o", repo: "r" })).resolves.toEqual(answer);
    expect(limiter.spaced).toEqual(["installation-9", "installation-9"]);
    // The query went with the client's own token.
    expect(mock.sent("POST", "/graphql").map((r) => r.headers.authorization)).toEqual(["token ghs_test", "token ghs_test", "token ghs_test"]);
    mock.assertAllDone();
  });

  it("refuses a mutation: only reads may skip the spacing", () => {
    expect(() => graphqlQuery(client())('mutation { addStar(input: { starrableId: "x" }) { clientMutationId } }')).toThrow(/only queries/);
  });

  it("is octokit.graphql itself when throttling is off (nothing to skip)", async () => {
    const mock = mockGitHub();
    mock.graphql(() => answer);
    const Octokit = createAppOctokit({ etag: false });
    const octokit = new Octokit({ auth: { token: "ghs_test" }, log: silentLog, throttle: { enabled: false } });
    await expect(graphqlQuery(octokit)(QUERY, { owner: "o", repo: "r" })).resolves.toEqual(answer);
    mock.assertAllDone();
  });
});

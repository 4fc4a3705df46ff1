// The batched query of changed files: a PR GitHub cannot resolve comes back as a NOT_FOUND error
// beside the others' data (HTTP 200), which must not cost the others their answer.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listChangedFilesOf } from "../../src/transparency/sources.js";
import { GraphQLReply, mockGitHub } from "../helpers/github-mocks.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";

const ref = { owner: "org", repo: "charter" };
const files = (paths: string[]) => ({ totalCount: paths.length, nodes: paths.map((path) => ({ path, changeType: "MODIFIED" })) });

describe("listChangedFilesOf", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("keeps the found PRs' files when GitHub cannot resolve one of them, and takes that one as incomplete", async () => {
    const mock = mockGitHub();
    mock.graphql(
      () =>
        new GraphQLReply({
          body: {
            data: { repository: { pr12: { files: files(["CHARTER.md"]) }, pr13: null } },
            errors: [{ type: "NOT_FOUND", path: ["repository", "pr13"], message: "Could not resolve to a PullRequest with the number of 13." }],
          },
        }),
    );
    const out = await listChangedFilesOf(createTestOctokit(), ref, [12, 13]);
    expect(Object.fromEntries(out)).toEqual({
      12: { files: [{ filename: "CHARTER.md" }], incomplete: false },
      13: { files: [], incomplete: true },
    });
    mock.assertAllDone();
  });

  it("throws any other GraphQL error (nothing is taken as read)", async () => {
    const mock = mockGitHub();
    mock.graphql(
      () =>
        new GraphQLReply({
          body: {
            data: { repository: { pr12: { files: files(["CHARTER.md"]) }, pr13: null } },
            errors: [{ type: "FORBIDDEN", path: ["repository", "pr13"], message: "Resource not accessible by integration" }],
          },
        }),
    );
    await expect(listChangedFilesOf(createTestOctokit(), ref, [12, 13])).rejects.toThrow(/not accessible/);
    mock.assertAllDone();
  });
});

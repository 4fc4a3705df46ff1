// `declarations.request_reviews` through a real Probot (issue 16 item 4): once both checks are
// written, the voters of the sectors still missing are asked for a review, each one after GitHub
// was asked whom the PR already requested; never the author, never anyone twice, at most five
// people per PR in a window (the courtesy writes' bound), nothing at all with the policy's default.
import { describe, expect, it } from "vitest";
import { userId } from "../e2e/standin/standin.js";
import { mockGitHub, type GitHubMock, type GraphQLRequest } from "../helpers/github-mocks.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { assertDone, graphActor, INSTALLATION, NUMBER, OWNER, POLICY, REGISTRY, REPO, review, serveEvaluation, setupHandlerTest, startApp, TARGET as target } from "./harness.js";

const SIGNOFF = "Multi-sector sign-off";
const ON = POLICY.replace("declarations:\n", "declarations:\n  request_reviews: true\n");
// A consultation needs two sectors; alice (civil society) opens it, bob (government) approved.
const CONSULTATION = { author: "alice", labels: ["consultation"], reviews: [review("bob", "APPROVED", "2026-11-21T09:00:00Z")] };
const REQUESTS = `/repos/${OWNER}/${REPO}/pulls/${NUMBER}/requested_reviewers`;

/** Business voters beyond carol: enough for the per-PR bound to show. */
const MORE_BUSINESS = ["bia", "bo", "bruno", "bette", "blaise", "bram"];
const BIG_REGISTRY = `${REGISTRY}${MORE_BUSINESS.map((login) => `  - { login: ${login}, id: ${userId(login)}, sector: business, organisation: Guild, declared: 2026-09-01, interests: none }\n`).join("")}`;

const isRequestsQuery = (req: GraphQLRequest) => req.query.includes("query ReviewRequests");

/** GitHub's answer to the app's read of a PR's review requests: `before` were requested earlier. */
function serveRequests(mock: GitHubMock, before: string[], pending: string[] = []): void {
  mock.graphql(
    () => ({
      repository: {
        pullRequest: {
          state: "OPEN",
          isDraft: false,
          author: graphActor("alice"),
          reviewRequests: { pageInfo: { hasNextPage: false }, nodes: pending.map((login) => ({ requestedReviewer: graphActor(login) })) },
          timelineItems: {
            pageInfo: { hasNextPage: false, endCursor: null },
            nodes: before.map((login) => ({ __typename: "ReviewRequestedEvent", requestedReviewer: graphActor(login) })),
          },
        },
      },
    }),
    { match: isRequestsQuery },
  );
}

/** The account behind an id, as GET /user/{account_id} gives it, and its review request. */
function serveAsk(mock: GitHubMock, login: string): void {
  mock.get(`/user/${userId(login)}`, { body: { login, id: userId(login), node_id: `U_${userId(login)}`, type: "User", site_admin: false } });
  mock.post(REQUESTS, { reviewers: [login] }, { status: 201, body: { number: NUMBER, state: "open", requested_reviewers: [{ login, id: userId(login) }] } });
}

const asked = (mock: GitHubMock): string[] => mock.sent("POST", REQUESTS).map((r) => (r.body as { reviewers: string[] }).reviewers.join(","));

const { opened } = setupHandlerTest();

describe("declarations.request_reviews", () => {
  it("asks the voters of the sectors still missing, after both checks, leaving out whoever was requested before", async () => {
    const { mock, checks } = await opened({ policy: ON, pr: CONSULTATION }, (m) => {
      // Missing: business (carol; zoe is an observer) and civil society (dan; alice is the author).
      // dan was requested before (by someone else): GitHub's timeline shows it.
      serveRequests(m, ["dan"]);
      serveAsk(m, "carol");
    });

    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "action_required" });
    expect(asked(mock)).toEqual(["carol"]);
    // After the checks: both check runs were written before the first read of the requests.
    const order = mock.requests.map((r) => (r.path === "/graphql" ? (isRequestsQuery(r.body as GraphQLRequest) ? "requests" : "facts") : `${r.method} ${r.path}`));
    const lastCheck = order.findLastIndex((o) => o === `POST /repos/${OWNER}/${REPO}/check-runs`);
    expect(lastCheck).toBeGreaterThan(0);
    expect(order.indexOf("requests")).toBeGreaterThan(lastCheck);
    expect(order.findIndex((o) => o.endsWith("/requested_reviewers"))).toBeGreaterThan(order.indexOf("requests"));
  });

  it("asks nobody already pending, nor anyone twice when the PR is evaluated again", async () => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    serveEvaluation(mock, { policy: ON, pr: CONSULTATION });
    serveRequests(mock, [], ["carol"]);
    serveAsk(mock, "dan");
    const app = await startApp();
    await app.receive("pull_request", pullRequestPayload("pull_request.opened", target));
    // A second event: the PR is evaluated again, the same two are still missing, nobody is asked.
    serveEvaluation(mock, { policy: ON, pr: CONSULTATION });
    await app.receive("pull_request", pullRequestPayload("pull_request.synchronize", target));
    assertDone(mock);
    expect(asked(mock)).toEqual(["dan"]);
    expect(mock.requests.filter((r) => r.path === "/graphql" && isRequestsQuery(r.body as GraphQLRequest))).toHaveLength(1);
  });

  it("is bounded: at most five people asked on one PR in a window, in the policy's order of sectors", async () => {
    const { mock } = await opened({ policy: ON, registry: BIG_REGISTRY, pr: { ...CONSULTATION, reviews: [] } }, (m) => {
      serveRequests(m, []);
      // Missing: government (bob; erin's declaration expired), business (carol and six more), civil society (dan).
      for (const login of ["bob", "carol", "bia", "bo", "bruno"]) serveAsk(m, login);
    });
    expect(asked(mock)).toEqual(["bob", "carol", "bia", "bo", "bruno"]);
  });

  it("asks nobody with the policy's default (request_reviews off), nor once the sign-off holds", async () => {
    for (const spec of [
      { policy: POLICY, pr: CONSULTATION },
      { policy: ON, pr: { ...CONSULTATION, reviews: [review("bob", "APPROVED", "2026-11-21T09:00:00Z"), review("carol", "APPROVED", "2026-11-21T10:00:00Z")] } },
    ]) {
      // Any read of the requests or any request would be unexpected.
      const { mock } = await opened(spec);
      expect(asked(mock)).toEqual([]);
    }
  });

  it("a request GitHub refuses (not a collaborator) costs only itself", async () => {
    const { mock, checks } = await opened({ policy: ON, pr: CONSULTATION }, (m) => {
      serveRequests(m, []);
      m.get(`/user/${userId("carol")}`, { body: { login: "carol", id: userId("carol"), node_id: "U_1", type: "User", site_admin: false } });
      m.post(REQUESTS, { reviewers: ["carol"] }, { status: 422 });
      serveAsk(m, "dan");
    });
    expect(asked(mock)).toEqual(["carol", "dan"]);
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "action_required" });
  });
});

// Issue 8: the serverless example (examples/serverless.js), as a host runs it: the built package
// behind Probot's createNodeMiddleware, served by Node's http. A signed webhook is answered 200
// only once its evaluation is done (inline): the check runs are written before the answer.
import { createHmac, randomUUID } from "node:crypto";
import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import nock from "nock";
import { Probot } from "probot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../../src/constants.js";
import { mockGitHub, serveApp, type GitHubMock } from "../helpers/github-mocks.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { setupNock, silentLog, teardownNock, TEST_APP_ID, TEST_PRIVATE_KEY, withoutRetryAndThrottle } from "../helpers/probot.js";
import { assertDone, HEAD, INSTALLATION, NUMBER, OWNER, REPO, requestLine, serveEvaluation, watchUnexpected } from "../handlers/harness.js";

const SECRET = "a-long-random-webhook-secret";
const PATH = "/api/github/webhooks";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
interface Example {
  default: Handler;
  getMiddleware(probot?: Probot): Promise<unknown>;
}

let server: Server;
let port: number;

interface Answer {
  status: number;
  body: string;
  /** The check runs the app had written when the answer arrived. */
  checksWhenAnswered: number;
}

function post(path: string, event: string, body: string, signature: string, mock: GitHubMock): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": signature,
        },
      },
      (res) => {
        const checksWhenAnswered = mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`).length;
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, body: text, checksWhenAnswered }));
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

const sign = (body: string, secret = SECRET): string => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

describe("examples/serverless.js", () => {
  // A host gives the app its credentials in the environment (the example's header): the app reads
  // its own id there, to list only its own check runs (`app_id`).
  let appIdBefore: string | undefined;
  beforeAll(async () => {
    appIdBefore = process.env.APP_ID;
    process.env.APP_ID = String(TEST_APP_ID);
    const example = (await import(pathToFileURL(resolve(import.meta.dirname, "../../examples/serverless.js")).href)) as Example;
    // The example's own Probot reads APP_ID, PRIVATE_KEY and WEBHOOK_SECRET; this one has the
    // test's credentials, and no retries or throttling (no waiting in tests).
    await example.getMiddleware(
      new Probot({ appId: TEST_APP_ID, privateKey: TEST_PRIVATE_KEY, secret: SECRET, log: silentLog, Octokit: withoutRetryAndThrottle() }),
    );
    server = createServer((req, res) => void example.default(req, res));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    if (appIdBefore === undefined) delete process.env.APP_ID;
    else process.env.APP_ID = appIdBefore;
  });
  beforeEach(() => {
    setupNock();
    nock.enableNetConnect("127.0.0.1");
    watchUnexpected();
  });
  afterAll(teardownNock);

  it("answers a signed webhook 200 after evaluating it inline: both checks are written first", async () => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    // The exempt secretariat's PR that is no decision: an outcome that does not depend on the day.
    // The app first asks its own login (as the app, once per process).
    serveApp(mock, { id: TEST_APP_ID, slug: "partnership-governance" });
    serveEvaluation(mock, { pr: { author: "secretariat" } });
    const body = JSON.stringify(
      pullRequestPayload("pull_request.opened", { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: NUMBER, headSha: HEAD, author: "secretariat" }),
    );

    const answer = await post(PATH, "pull_request", body, sign(body), mock);

    expect(answer.status).toBe(200);
    assertDone(mock);
    expect(answer.checksWhenAnswered).toBe(2);
    const checks = mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`).map((r) => r.body as { name: string; conclusion: string; output: { title: string } });
    expect(checks.map((c) => [c.name, c.conclusion, c.output.title])).toEqual([
      [CHECK_DECLARATION, "success", "All contributors have declared"],
      [CHECK_SIGNOFF, "success", "Not a decision"],
    ]);
    // The requests of one evaluation: the rules without a default-branch lookup, the PR in one
    // GraphQL query, this app's check runs in one listing, then the writes.
    expect(mock.requests.filter((r) => !r.path.endsWith("/access_tokens")).map(requestLine)).toEqual([
      "GET /app",
      `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml`,
      `GET /repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml`,
      "POST /graphql",
      `GET /repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs?app_id=${TEST_APP_ID}&filter=latest&per_page=100`,
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      `POST /repos/${OWNER}/${REPO}/check-runs`,
    ]);
  });

  it.each([
    ["a wrong signature", PATH, sign("{}", "not-the-secret"), 400],
    ["another path", "/elsewhere", undefined, 404],
  ])("refuses %s without asking GitHub anything", async (_case, path, signature, status) => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    const body = JSON.stringify(pullRequestPayload("pull_request.opened", { owner: OWNER, repo: REPO, installationId: INSTALLATION }));

    const answer = await post(path, "pull_request", body, signature ?? sign(body), mock);

    expect(answer.status).toBe(status);
    expect(mock.requests).toEqual([]);
  });
});

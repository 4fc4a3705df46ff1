// SPEC.md's performance contract, asserted on the requests themselves: the first evaluation of a
// PR with 100 files, 100 reviews and 100 comments reads the policy, the registry, the PR (one
// GraphQL query) and this app's check runs (one list): 4 reads, then its writes. A list longer
// than one GraphQL page is read to its end through REST.
import { describe, expect, it } from "vitest";
import {
  APP_ID,
  appReads,
  appWrites,
  checkBodies,
  HEAD,
  lines,
  NUMBER,
  OWNER,
  REPO,
  requestLine,
  review,
  setupHandlerTest,
  type CommentSpec,
  type PullSpec,
  type ReviewSpec,
} from "./harness.js";

const SIGNOFF = "Multi-sector sign-off";
const DECLARATION = "Stakeholder declaration";
const at = (minutes: number) => new Date(Date.parse("2026-11-21T00:00:00Z") + minutes * 60_000).toISOString();

/**
 * `count` reviews: comments of people outside the registry, then the approvals of bob, carol and
 * dan (one per sector) last, so that the charter amendment is signed off only if the list was
 * read to its end.
 */
function reviews(count: number): ReviewSpec[] {
  const observers = Array.from({ length: count - 3 }, (_, i) => review(`observer-${i + 1}`, "COMMENTED", at(i)));
  return [...observers, ...["bob", "carol", "dan"].map((login, i) => review(login, "APPROVED", at(count + i)))];
}

const comments = (count: number): CommentSpec[] =>
  Array.from({ length: count }, (_, i) => ({ id: 7000 + i, user: `observer-${(i % 7) + 1}`, body: `Remark ${i + 1} on article 4.`, at: at(i) }));

/** A charter amendment of 100 files (the charter and 99 others). */
const files = (count: number): string[] => ["CHARTER.md", ...Array.from({ length: count - 1 }, (_, i) => `docs/annex-${i + 1}.md`)];

const POLICY_READ = `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml`;
const REGISTRY_READ = `GET /repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml`;
const CHECKS_READ = `GET /repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs?app_id=${APP_ID}&filter=latest&per_page=100`;
const CHECK_CREATE = `POST /repos/${OWNER}/${REPO}/check-runs`;

const { opened } = setupHandlerTest();
const evaluateOnce = async (pr: PullSpec) => (await opened({ pr })).mock;

describe("the requests of one evaluation (SPEC.md's performance contract)", () => {
  it("reads a PR of 100 files, 100 reviews and 100 comments with 4 requests: policy, registry, one GraphQL query, one list of check runs", async () => {
    const pr: PullSpec = { author: "alice", labels: ["decision:charter"], files: files(100), reviews: reviews(100), comments: comments(100) };
    const mock = await evaluateOnce(pr);

    expect(appReads(mock).map(requestLine)).toEqual([POLICY_READ, REGISTRY_READ, "POST /graphql", CHECKS_READ]);
    // None of them answered 304 (a first evaluation has no ETag to send): all 4 are counted.
    expect(mock.requests.filter((r) => r.headers["if-none-match"] !== undefined)).toEqual([]);
    expect(appWrites(mock).map(requestLine)).toEqual([CHECK_CREATE, CHECK_CREATE]);
    // Nothing else was asked: no REST page of files, reviews, comments, no default-branch lookup.
    expect(mock.requests.map(requestLine).filter((l) => !l.endsWith("/access_tokens"))).toEqual([
      POLICY_READ,
      REGISTRY_READ,
      "POST /graphql",
      CHECKS_READ,
      CHECK_CREATE,
      CHECK_CREATE,
    ]);
    // The one query asked for this PR, and its answer held all of it: the approvals that sign it
    // off are the 98th to 100th reviews.
    expect(mock.sent("POST", "/graphql").map((r) => (r.body as { variables: unknown }).variables)).toEqual([{ owner: OWNER, repo: REPO, number: NUMBER, appId: APP_ID }]);
    const checks = checkBodies(mock);
    expect(checks[SIGNOFF]).toMatchObject({ head_sha: HEAD, conclusion: "success", output: { title: "Signed off by 3 sectors" } });
    expect(checks[DECLARATION]).toMatchObject({ head_sha: HEAD, conclusion: "success", output: { title: "All contributors have declared" } });
  });

  it("reads a reviews list longer than one page to its end through REST, every page", async () => {
    const pr: PullSpec = { author: "alice", labels: ["decision:charter"], files: ["CHARTER.md"], reviews: reviews(150) };
    const mock = await evaluateOnce(pr);

    const REVIEWS = `GET /repos/${OWNER}/${REPO}/pulls/${NUMBER}/reviews?per_page=100`;
    expect(mock.requests.map(requestLine).filter((l) => !l.endsWith("/access_tokens"))).toEqual([
      POLICY_READ,
      REGISTRY_READ,
      "POST /graphql",
      REVIEWS,
      `${REVIEWS}&page=2`,
      CHECKS_READ,
      CHECK_CREATE,
      CHECK_CREATE,
    ]);
    // The approvals are on the second REST page only (reviews 148 to 150): they count.
    const signoff = checkBodies(mock)[SIGNOFF];
    expect(signoff).toMatchObject({ head_sha: HEAD, conclusion: "success", output: { title: "Signed off by 3 sectors" } });
    const text = lines(signoff?.output.text);
    expect(text).toContain("| Government | bob | – | – | – | 1 |");
    expect(text).toContain("| Civil society | dan | – | – | – | 1 |");
  });

  it("reads the files through REST when one is renamed (GraphQL lacks the old path), and judges the old path too", async () => {
    // The PR moves the charter: by its new path alone it would be no decision.
    const pr: PullSpec = { author: "alice", files: [{ filename: "docs/charter-2027.md", previous: "CHARTER.md" }], reviews: reviews(3) };
    const mock = await evaluateOnce(pr);

    expect(mock.requests.map(requestLine).filter((l) => !l.endsWith("/access_tokens"))).toEqual([
      POLICY_READ,
      REGISTRY_READ,
      "POST /graphql",
      `GET /repos/${OWNER}/${REPO}/pulls/${NUMBER}/files?per_page=100`,
      CHECKS_READ,
      CHECK_CREATE,
      CHECK_CREATE,
    ]);
    const signoff = checkBodies(mock)[SIGNOFF];
    expect(signoff).toMatchObject({ conclusion: "success", output: { title: "Signed off by 3 sectors" } });
    expect(lines(signoff?.output.summary)[0]).toBe("- **Charter amendment**: signed off ✓");
  });
});

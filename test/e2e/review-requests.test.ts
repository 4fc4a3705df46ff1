// `declarations.request_reviews` end to end on the stand-in (issue 16 item 4): the real app asks
// the voters of the sectors still missing for a review through GitHub's REST endpoint, after the
// checks; the stand-in keeps GitHub's "Reviewers" list and the PR's ReviewRequestedEvents, refuses
// a request without `pull_requests: write`, from the author, or of someone who is no collaborator.
import { describe, expect, it } from "vitest";
import { HOUR } from "./harness.js";
import { POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, worldPerTest, type World } from "./world.js";

const ON = POLICY.replace("declarations:\n", "declarations:\n  request_reviews: true\n");
const WRITE = { checks: "write", contents: "read", issues: "write", pull_requests: "write", metadata: "read" } as const;
const FILES = (policy: string) => ({ [POLICY_PATH]: policy, [REGISTRY_PATH]: REGISTRY, "CHARTER.md": "# Charter\n" });
const AMEND = { "CHARTER.md": "# Charter\n\nArticle 4, amended.\n" };

const createWorld = worldPerTest();

/** Who was requested on the PR, by whom, in order (its ReviewRequestedEvents). */
const requests = (w: World, pr: number) => w.standin.reviewRequests(w.repo, pr).map((r) => `${r.reviewer} by ${r.by}`);
const writesTo = (w: World, suffix: string) => w.standin.requests.filter((r) => r.method === "POST" && r.path.endsWith(suffix));

describe("declarations.request_reviews on the stand-in", () => {
  it("asks each missing sector's voters once, after the checks, and nobody again as the decision goes on", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: FILES(ON), standin: { permissions: WRITE } });
    const bot = w.standin.botLogin;
    // A charter amendment by alice (civil society): three sectors, civil society among them.
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: AMEND });
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });
    // bob (government), carol (business), dan (civil society); not alice (the author), erin
    // (expired), zoe (an observer), mallory (never declared).
    expect(requests(w, pr)).toEqual([`bob by ${bot}`, `carol by ${bot}`, `dan by ${bot}`]);
    expect(w.standin.item(w.repo, pr).requestedReviewers).toEqual(["bob", "carol", "dan"]);
    // The checks were written before the first request.
    const firstCheck = w.standin.requests.findIndex((r) => r.method === "POST" && r.path.endsWith("/check-runs"));
    const firstRequest = w.standin.requests.findIndex((r) => r.path.endsWith("/requested_reviewers"));
    expect(firstCheck).toBeGreaterThanOrEqual(0);
    expect(firstRequest).toBeGreaterThan(firstCheck);

    // bob approves (GitHub takes him off the list), dan objects, then withdraws: evaluation after
    // evaluation, sectors still missing, and nobody asked a second time.
    w.clock.advance(HOUR);
    await w.approve(pr, "bob");
    const objection = await w.review(pr, "dan", "CHANGES_REQUESTED");
    await w.settle();
    await w.dismiss(pr, objection);
    await w.push(pr, { "CHARTER.md": "# Charter\n\nArticle 4, amended again.\n" });
    await w.settle();
    expect(w.standin.item(w.repo, pr).requestedReviewers).toEqual(["carol"]);
    expect(requests(w, pr)).toEqual([`bob by ${bot}`, `carol by ${bot}`, `dan by ${bot}`]);
    expect(writesTo(w, "/requested_reviewers")).toHaveLength(3);
  });

  it("leaves out whoever someone else requested before, and an account under the login it has now", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: FILES(ON), standin: { permissions: WRITE } });
    // carol renamed her account: the registry's id finds it as carol-new.
    w.standin.renameUser("carol", "carol-new");
    w.standin.grant(w.repo, "carol-new", "write");
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: AMEND });
    w.standin.requestReviews(w.repo, pr, ["dan"], "secretariat");
    await w.settle();
    expect(requests(w, pr)).toEqual(["dan by secretariat", `bob by ${w.standin.botLogin}`, `carol-new by ${w.standin.botLogin}`]);
    // dan was not even asked again (GitHub would take it as a no-op, but a request is a write).
    expect(writesTo(w, "/requested_reviewers").map((r) => (r.body as { reviewers: string[] }).reviewers)).toEqual([["bob"], ["carol-new"]]);
  });

  it("two app processes: the second one reads the requests the first made and asks nobody twice", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: FILES(ON), standin: { permissions: WRITE }, processes: 2 });
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: AMEND });
    await w.settle();
    // The next webhook goes to the other process, which has asked nobody yet: it evaluates the
    // PR, finds the same three missing, reads the PR's requests and asks none of them again.
    w.clock.advance(HOUR);
    await w.comment(pr, "mallory", "/governance check");
    await w.settle();
    expect(w.standin.requests.filter((r) => r.path === "/graphql" && JSON.stringify(r.body).includes("query ReviewRequests"))).toHaveLength(2);
    expect(requests(w, pr).map((r) => r.split(" ")[0])).toEqual(["bob", "carol", "dan"]);
    expect(writesTo(w, "/requested_reviewers")).toHaveLength(3);
  });

  it("the default policy asks nobody, and reads nothing for it", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: FILES(POLICY), standin: { permissions: WRITE } });
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: AMEND });
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("action_required");
    expect(requests(w, pr)).toEqual([]);
    expect(w.standin.requests.some((r) => r.path.endsWith("/requested_reviewers") || JSON.stringify(r.body ?? "").includes("ReviewRequests"))).toBe(false);
  });

  it("without pull_requests: write GitHub refuses the requests, and the checks are as they would be", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: FILES(ON) });
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: AMEND });
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });
    expect(writesTo(w, "/requested_reviewers").map((r) => r.status)).toEqual([403, 403, 403]);
    expect(requests(w, pr)).toEqual([]);
    await w.approve(pr, "bob");
    await w.approve(pr, "carol");
    await w.approve(pr, "dan");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });
  });
});

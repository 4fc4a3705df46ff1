// Promise 2 through the sweep: a direct push to the default branch whose webhook never reached the
// app (the app down, a delivery lost) is still recorded, by the next sweep, from GitHub's
// repository activity: once, oldest first, in order with the closes it missed, judged by the rules
// before it, and `verify` finds the chain intact.
import { describe, expect, it } from "vitest";
import { HOUR } from "./harness.js";
import { INSTALLATION, OWNER, POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH } from "./world.js";
import { worldPerTest } from "./world.js";

const createWorld = worldPerTest();

describe("promise 2 through the sweep: a direct push missed while the app was down is recorded", () => {
  it("an administrator's push deleting the policy: the sweep records it by the rules before it; a second sweep adds nothing", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    // The app is down: the push happens on GitHub and its webhook is never delivered.
    const sha = w.standin.commit(w.repo, w.repo.defaultBranch, { [POLICY_PATH]: null }, { at: w.clock.now(), author: "bob", pusher: "bob", message: "Drop governance" });
    w.clock.advance(HOUR);
    await w.app.sweep();
    await w.settle();
    expect(w.records().map((r) => r.record)).toEqual([
      expect.objectContaining({ v: 2, pr: null, outcome: "pushed", signed_off: false, merge_commit: sha, pusher: "bob", author_sector: "government", kinds: ["governance"], title: "Drop governance" }),
    ]);
    expect(w.anchors(sha)).toHaveLength(1);
    expect(await w.verify()).toMatchObject({ code: 0, ok: true, count: 1 });

    await w.app.sweep();
    await w.settle();
    expect(w.records()).toHaveLength(1);
  });

  it("pushes changing a governed path and the policy, a push changing nothing governed, a PR's merge: each push recorded once, in order, the merge as the PR's close", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const charter = w.standin.commit(w.repo, w.repo.defaultBranch, { "CHARTER.md": "# Charter, pushed by one sector\n" }, { at: w.clock.now(), author: "carol", pusher: "carol" });
    w.clock.advance(HOUR);
    w.standin.commit(w.repo, w.repo.defaultBranch, { "README.md": "# Not governed\n" }, { at: w.clock.now(), author: "carol", pusher: "carol" });
    w.clock.advance(HOUR);
    // A PR merged by an administrator while the app is down (its webhooks lost too).
    const pull = w.standin.openPull(w.repo, { author: "alice", title: "Amend article 2", files: { "CHARTER.md": "# Charter, article 2\n" }, at: w.clock.now() });
    w.clock.advance(HOUR);
    w.standin.merge(w.repo, pull.number, w.clock.now());
    w.clock.advance(HOUR);
    const policy = (w.standin.readFile(w.repo, POLICY_PATH) ?? "").replace("sectors: 3", "sectors: 1");
    const weakened = w.standin.commit(w.repo, w.repo.defaultBranch, { [POLICY_PATH]: policy }, { at: w.clock.now(), author: "carol", pusher: "carol" });
    w.clock.advance(HOUR);

    await w.app.sweep();
    await w.settle();
    const view = () => w.records().map((r) => [r.record?.pr, r.record?.outcome, r.record?.merge_commit]);
    expect(view()).toEqual([
      [null, "pushed", charter],
      [pull.number, "adopted", pull.mergeCommitSha],
      [null, "pushed", weakened],
    ]);
    expect(await w.verify()).toMatchObject({ code: 0, ok: true, count: 3 });
    await w.app.sweep();
    await w.settle();
    expect(view()).toHaveLength(3);
  });

  it("a push whose webhook did arrive is not recorded again by the sweep", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const sha = await w.pushDefault({ "CHARTER.md": "# Pushed\n" }, { pusher: "carol" });
    await w.settle();
    expect(w.records()).toHaveLength(1);
    w.clock.advance(HOUR);
    await w.app.sweep();
    await w.settle();
    expect(w.records().map((r) => r.record?.merge_commit)).toEqual([sha]);
  });

  it("pushes missed longer ago than GitHub keeps the activity (90 days): found in the default branch's history from the last record; a sweep with nothing to do then costs no counted comparison", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const recorded = await w.pushDefault({ "CHARTER.md": "# Pushed\n" }, { pusher: "carol" });
    await w.settle();
    expect(w.records()).toHaveLength(1);
    // The app goes down for good; a charter push and a README push happen the next day.
    w.clock.advance(24 * HOUR);
    const charter = w.standin.commit(w.repo, w.repo.defaultBranch, { "CHARTER.md": "# Charter, pushed by one sector\n" }, { at: w.clock.now(), author: "carol", pusher: "carol" });
    w.clock.advance(HOUR);
    w.standin.commit(w.repo, w.repo.defaultBranch, { "README.md": "# Not governed\n" }, { at: w.clock.now(), author: "carol", pusher: "carol" });
    // A hundred days later GitHub's activity no longer lists them.
    w.clock.advance(100 * 24 * HOUR);
    await w.app.sweep();
    await w.settle();
    expect(w.records().map((r) => [r.record?.outcome, r.record?.merge_commit, r.record?.rules, r.record?.kinds]), "a push older than the activity went off the record").toEqual([
      ["pushed", recorded, expect.any(String), ["charter"]],
      ["pushed", charter, recorded, ["charter"]],
    ]);
    expect(await w.verify()).toMatchObject({ code: 0, ok: true, count: 2 });

    // The next sweep walks from the new last record (one comparison); then nothing to do.
    await w.app.sweep();
    await w.settle();
    const from = w.standin.requests.length;
    await w.app.sweep();
    await w.settle();
    expect(w.records()).toHaveLength(2);
    const compares = w.standin.requests.slice(from).filter((r) => r.path.includes("/compare/"));
    expect(compares.filter((r) => r.status !== 304), "a sweep with nothing to do compares again").toEqual([]);
  });

  it("the organisation's `.github` policy deleted while the app is down, after a decision merged unseen: the sweep records the merge by the organisation's rules before", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: { [REGISTRY_PATH]: REGISTRY, "CHARTER.md": "# Charter\n" } });
    const org = w.standin.addRepo({ owner: OWNER, name: ".github", installation: INSTALLATION, files: { [POLICY_PATH]: POLICY } });
    const pr = await w.openPull({ author: "alice", title: "Amend article 1", files: { "CHARTER.md": "# Charter v2\n" } });
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("action_required");
    // The app is down: an administrator merges without sign-off, then the organisation's policy
    // is deleted by a push to its `.github` repository; neither webhook arrives.
    w.clock.advance(HOUR);
    const merge = w.standin.merge(w.repo, pr, w.clock.now());
    w.clock.advance(HOUR);
    w.standin.commit(org, org.defaultBranch, { [POLICY_PATH]: null }, { at: w.clock.now(), author: "secretariat", pusher: "secretariat" });
    w.clock.advance(HOUR);
    await w.sweepUntilQuiet();
    expect(w.records().map((r) => [r.record?.pr, r.record?.outcome, r.record?.signed_off, r.record?.merge_commit]), "the merge went off the record with the organisation's policy").toEqual([[pr, "adopted", false, merge]]);
  });
});

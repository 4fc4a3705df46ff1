// Promise 1 (a writer): a decision label sticks until the PR closes, even when a writer deletes the
// label from the repository (Issues > Labels > Delete), which takes it off every PR and out of their
// timelines: the app remembers the decision labels it saw in its own check runs (found by the
// second red team).
import { describe, expect, it } from "vitest";
import { HOUR } from "./harness.js";
import { worldPerTest } from "./world.js";

const createWorld = worldPerTest();

describe("promise 1 (a writer): deleting a decision label from the repository", () => {
  it("a writer deletes the `consultation` label while a consultation is open: it stays a consultation, and is signed off once its period ends", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await w.openPull({ author: "alice", title: "Consultation on the budget", files: { "budget.md": "# Budget 2027\n" }, labels: ["consultation"] });
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("action_required");

    // mallory (a writer) deletes the label from the repository.
    w.clock.advance(HOUR);
    w.standin.deleteLabel(w.repo, "consultation", "mallory");
    await w.approve(pr, "bob");
    await w.settle();
    const during = w.signoff(pr);
    expect(during?.title, "the consultation became no decision").not.toBe("Not a decision");
    expect(during?.conclusion, `the consultation can no longer be judged: ${during?.title ?? ""}`).toBe("action_required");

    await w.approve(pr, "carol");
    w.clock.advance(72 * HOUR);
    await w.app.sweep();
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 2 sectors" });
  });
});

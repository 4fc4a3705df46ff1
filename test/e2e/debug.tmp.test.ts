import { it } from "vitest";
import { playScenario } from "./scenario.js";
import { World } from "./world.js";

it.each([1, 2, 3])("clean %s", async () => {
  const w = await World.create({ start: "2026-11-02T08:00:00Z", standin: { validate: undefined } });
  await playScenario(w, 2026, 200);
  w.clock.set("2026-12-01T06:00:00Z");
  await w.sweepUntilQuiet(12);
  for (const item of w.repo.items.values()) {
    const bodies = w.standin.commentsOn(w.repo, item.number).filter((c) => c.user === w.standin.botLogin).map((c) => c.body);
    if (bodies.length !== new Set(bodies).size) console.log("DUP", `#${item.number} ${item.kind} ${item.title}`, bodies.map((b) => b.slice(0, 200)));
  }
  const reports = w.reportIssues();
  console.log("reports", reports.map((r) => [r.number, r.state, r.stateReason]), "logs", w.logIssues().map((r) => [r.number, r.state, r.stateReason]));
  await w.stop();
}, 200000);

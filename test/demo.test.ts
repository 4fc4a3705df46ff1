// `npm run demo` plays its whole story and shows what a user would see at each step.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

describe("npm run demo", () => {
  it("plays the story from the founding act to the monthly report", () => {
    const r = spawnSync("npm", ["run", "--silent", "demo"], { cwd: ROOT, encoding: "utf8", timeout: 110_000, env: { ...process.env, FORCE_COLOR: "0" } });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/2 of 3 sectors: waiting for Civil society \[action_required\]/);
    expect(out).toMatch(/✗ Multi-sector sign-off\s+Blocked by an objection from International organisations \[failure\]/);
    expect(out).toMatch(/Comment period ends 2026-11-05 11:00 UTC/);
    expect(out).toMatch(/✓ Multi-sector sign-off\s+Signed off by 4 sectors \[success\]/);
    expect(out).toMatch(/Issue #\d+: "Transparency log: 2026-11"/);
    expect(out).toMatch(/"signed_off": true/);
    // The founding act, the secretariat's direct push of the rules, is on the record too.
    expect(out).toMatch(/Pushed by secretariat/);
    expect(out).toMatch(/Hash chain: intact, 3 records/);
    expect(out).toMatch(/Issue #\d+: "Transparency report: 2026-11"; log issue now closed/);
    expect(out).toMatch(/Merged without sign-off/);
  }, 120_000);
});

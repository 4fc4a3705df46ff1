// The in-process scheduler and the production guard: how the server starts.
import { describe, expect, it, vi } from "vitest";
import { checkProductionEnv } from "../src/production.js";
import { startScheduler } from "../src/scheduler.js";
import { TEST_PRIVATE_KEY } from "./helpers/probot.js";

describe("startScheduler", () => {
  it("schedules sweeps by the cron expression, in UTC, without running one at start", () => {
    const sweep = vi.fn(async () => {});
    const log = { info: vi.fn(), error: vi.fn() };
    const job = startScheduler("0 * * * *", sweep, log);
    try {
      const next = job.nextRun(new Date("2026-11-28T10:15:00Z"));
      expect(next?.toISOString()).toBe("2026-11-28T11:00:00.000Z");
      expect(sweep).not.toHaveBeenCalled();
      expect(log.info).toHaveBeenCalledWith(expect.objectContaining({ schedule: "0 * * * *" }), "scheduler started");
    } finally {
      job.stop();
    }
  });

  it("refuses an expression that is not cron", () => {
    expect(() => startScheduler("every hour", async () => {}, { info: () => {}, error: () => {} })).toThrow();
  });

  it("a failed sweep is logged, never thrown out of the timer", async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const job = startScheduler("0 * * * *", async () => {
      throw new Error("GitHub is down");
    }, log);
    try {
      await job.trigger();
      expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.stringMatching(/next one tries again/));
    } finally {
      job.stop();
    }
  });
});

describe("checkProductionEnv", () => {
  const good = { NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: "key", WEBHOOK_SECRET: "a-long-random-secret" };
  it.each([
    ["development is not checked", { NODE_ENV: "development" }, []],
    ["production with everything set", good, []],
    ["no webhook secret", { ...good, WEBHOOK_SECRET: undefined }, [/WEBHOOK_SECRET is missing or is the development default/]],
    ["Probot's development secret", { ...good, WEBHOOK_SECRET: "development" }, [/WEBHOOK_SECRET/]],
    ["a blank secret", { ...good, WEBHOOK_SECRET: "  " }, [/WEBHOOK_SECRET/]],
    ["no app id", { ...good, APP_ID: undefined }, [/APP_ID is missing/]],
    ["no key", { ...good, PRIVATE_KEY: undefined }, [/PRIVATE_KEY \(or PRIVATE_KEY_PATH\) is missing/]],
    ["a key file instead", { ...good, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "/run/key.pem" }, []],
  ])("%s", (_name, env, expected) => {
    const problems = checkProductionEnv(env as NodeJS.ProcessEnv);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(problems[i]).toMatch(re));
  });
});

describe("the server refuses to start in production without a real webhook secret", () => {
  it("exits 1 and says what to set", async () => {
    const { spawnSync } = await import("node:child_process");
    const { resolve } = await import("node:path");
    const r = spawnSync(process.execPath, [resolve(import.meta.dirname, "../lib/server.js")], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: TEST_PRIVATE_KEY, WEBHOOK_SECRET: "development", PORT: "0" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/will not start in production/);
    expect(r.stderr).toMatch(/WEBHOOK_SECRET is missing or is the development default/);
  });
});

describe("createApp in production", () => {
  it("refuses to load without a real webhook secret, unless no webhook can reach it (the Action)", async () => {
    const { createApp } = await import("../src/app.js");
    const { createTestProbot } = await import("./helpers/probot.js");
    const saved = { ...process.env };
    process.env.NODE_ENV = "production";
    process.env.WEBHOOK_SECRET = "development";
    process.env.APP_ID = "1";
    process.env.PRIVATE_KEY = "set";
    try {
      await expect(createTestProbot(createApp({ mode: "inline", schedule: "off" }))).rejects.toThrow(/WEBHOOK_SECRET is missing or is the development default/);
      await expect(createTestProbot(createApp({ mode: "inline", schedule: "off", productionGuard: false }))).resolves.toBeDefined();
    } finally {
      process.env = saved;
    }
  });
});

describe("createApp without its GitHub App id", () => {
  it("refuses to load (it could not tell its own check runs from anyone else's), and loads with one", async () => {
    const { createApp } = await import("../src/app.js");
    const { createTestProbot } = await import("./helpers/probot.js");
    const saved = { ...process.env };
    delete process.env.APP_ID;
    try {
      await expect(createTestProbot(createApp({ mode: "inline", schedule: "off" }))).rejects.toThrow(/needs its GitHub App id: set APP_ID/);
      process.env.APP_ID = "0";
      await expect(createTestProbot(createApp({ mode: "inline", schedule: "off" }))).rejects.toThrow(/set APP_ID/);
      process.env.APP_ID = "12345";
      await expect(createTestProbot(createApp({ mode: "inline", schedule: "off" }))).resolves.toBeDefined();
      delete process.env.APP_ID;
      await expect(createTestProbot(createApp({ mode: "inline", schedule: "off", appId: 7 }))).resolves.toBeDefined();
    } finally {
      process.env = saved;
    }
  });
});

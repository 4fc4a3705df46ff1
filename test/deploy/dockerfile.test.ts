// Issue 8: the Dockerfile. Docker cannot run in the test environment, so the file is parsed and
// what matters is asserted: a build stage (npm ci, npm run build), a runtime stage with production
// dependencies only, not root, NODE_ENV=production, the server as CMD; and the runtime's own
// environment and command, run here on the built lib/, refuse to start without real credentials.
import { waitUntilListening } from "../helpers/listening.js";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { minimatch } from "minimatch";
import { describe, expect, it } from "vitest";
import { TEST_PRIVATE_KEY } from "../helpers/probot.js";

const ROOT = resolve(import.meta.dirname, "../..");

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** The Dockerfile's stages: comments dropped, continued lines joined, one instruction a line. */
function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of logical) {
    const m = /^(\S+)\s*(.*)$/.exec(line)!;
    const keyword = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    if (keyword === "FROM") {
      const from = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ from: from?.[1] ?? args, name: from?.[2], instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${keyword} before FROM`);
      stages.at(-1)!.instructions.push({ keyword, args });
    }
  }
  return stages;
}

/** `ENV A=1 B=2` (and the legacy `ENV A 1`) as a map. */
function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of stage.instructions.filter((i) => i.keyword === "ENV")) {
    if (!args.includes("=")) {
      const [k, ...v] = args.split(/\s+/);
      env[k!] = v.join(" ");
      continue;
    }
    for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1]!] = m[2]!.replace(/^"|"$/g, "");
  }
  return env;
}

const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const indexOf = (stage: Stage, pred: (i: Instruction) => boolean) => stage.instructions.findIndex(pred);

const stages = parseDockerfile(readFileSync(resolve(ROOT, "Dockerfile"), "utf8"));
const build = stages[0]!;
const runtime = stages.at(-1)!;
const cmd = JSON.parse(all(runtime, "CMD").at(-1)?.args ?? "null") as string[] | null;
const dockerignore = readFileSync(resolve(ROOT, ".dockerignore"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("#"));

describe("the Dockerfile", () => {
  it("parses continued lines and stages (the parser this test relies on)", () => {
    expect(parseDockerfile("# c\nFROM a AS b\nRUN x \\\n  y\nFROM --platform=p c\nUSER node\n")).toEqual([
      { from: "a", name: "b", instructions: [{ keyword: "RUN", args: "x    y" }] },
      { from: "c", name: undefined, instructions: [{ keyword: "USER", args: "node" }] },
    ]);
  });

  it("has a build stage and a separate runtime stage on a Node.js 20+ image", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.name).toBeDefined();
    for (const stage of [build, runtime]) {
      const version = /^node:(\d+)/.exec(stage.from);
      expect(Number(version?.[1])).toBeGreaterThanOrEqual(20);
    }
  });

  it("builds with npm ci and npm run build", () => {
    const ci = indexOf(build, (i) => i.keyword === "RUN" && /\bnpm ci\b/.test(i.args) && !/--omit=dev/.test(i.args));
    const compile = indexOf(build, (i) => i.keyword === "RUN" && /\bnpm run build\b/.test(i.args));
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(compile).toBeGreaterThan(ci);
  });

  it("installs production dependencies only in the runtime, from the lockfile, and takes only the compiled app from the build", () => {
    const installs = all(runtime, "RUN").filter((i) => /\bnpm (ci|install|i)\b/.test(i.args));
    expect(installs).toHaveLength(1);
    expect(installs[0]!.args).toMatch(/\bnpm ci\b/);
    expect(installs[0]!.args).toMatch(/--omit=dev\b/);
    const copies = all(runtime, "COPY").map((i) => i.args);
    expect(copies).toContain(`--from=${build.name} /app/lib ./lib`);
    // No source, tests or whole build context in the runtime image.
    const fromContext = copies.filter((c) => !c.startsWith("--from")).flatMap((c) => c.split(/\s+/).slice(0, -1));
    expect(fromContext.filter((source) => /^(\.\/?|src|test|node_modules)(\/|$)/.test(source))).toEqual([]);
  });

  it("runs as the unprivileged node user, in production, the server on port 3000", () => {
    const users = all(runtime, "USER").map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).toBe("node");
    expect(indexOf(runtime, (i) => i.keyword === "USER")).toBeLessThan(indexOf(runtime, (i) => i.keyword === "CMD"));
    expect(envOf(runtime).NODE_ENV).toBe("production");
    expect(cmd).toEqual(["node", "lib/server.js"]);
    expect(all(runtime, "EXPOSE").map((i) => i.args)).toEqual(["3000"]);
    // The server is built from src/server.ts.
    expect(existsSync(resolve(ROOT, "src/server.ts"))).toBe(true);
  });

  it("copies only files that exist and that .dockerignore lets into the build context", () => {
    const sources = stages
      .flatMap((s) => all(s, "COPY"))
      .filter((i) => !i.args.startsWith("--from"))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(resolve(ROOT, source)), source).toBe(true);
      expect(dockerignore.filter((pattern) => minimatch(source, pattern) || minimatch(source, `${pattern}/**`)), source).toEqual([]);
    }
  });

  it("keeps secrets, dependencies and history out of the build context (.dockerignore)", () => {
    for (const path of [".env", "key.pem", "node_modules", ".git", "lib"]) {
      expect(dockerignore.some((pattern) => minimatch(path, pattern)), path).toBe(true);
    }
  });

  it("starts a runtime that refuses to serve without a real webhook secret, saying what to set", () => {
    // The runtime's environment and command, on the lib/ the global setup built; credentials
    // given but the webhook secret left out.
    const result = spawnSync(process.execPath, cmd!.slice(1), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...envOf(runtime), HOST: "127.0.0.1", PORT: "0", APP_ID: "1", PRIVATE_KEY: TEST_PRIVATE_KEY },
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(cmd![0]).toBe("node");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Partnership Governance will not start in production");
    expect(result.stderr).toContain("WEBHOOK_SECRET is missing or is the development default");
  });

  it("stops at docker stop: as PID 1 (where Node has no default for SIGTERM) the server exits on SIGTERM, and the health check asks the port it listens on", async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: p } = probe.address() as AddressInfo;
        probe.close(() => done(p));
      });
    });
    const health = all(runtime, "HEALTHCHECK").at(-1)!.args.replace(/^(--\S+\s+)*CMD\s+/, "");
    const healthy = () => spawnSync("sh", ["-c", health], { env: { PATH: process.env.PATH ?? "", PORT: String(port) }, timeout: 10_000 }).status;
    // unshare -fp: a new PID namespace whose first process is the server, PID 1 as in a container.
    const child = spawn("unshare", ["-fp", "--kill-child", process.execPath, ...cmd!.slice(1)], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        ...envOf(runtime),
        HOST: "127.0.0.1",
        PORT: String(port),
        APP_ID: "1",
        PRIVATE_KEY: TEST_PRIVATE_KEY,
        WEBHOOK_SECRET: "a-long-random-webhook-secret",
        GOVERNANCE_SCHEDULE: "off",
      },
    });
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    const output = await waitUntilListening(child);
    try {
      const server = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim());
      // The premise: inside its namespace the server is PID 1.
      expect(/^NSpid:\s+\d+\s+1$/m.test(readFileSync(`/proc/${server}/status`, "utf8"))).toBe(true);
      expect(healthy()).toBe(0);
      process.kill(server, "SIGTERM");
      expect(await exited).toBe(0);
      expect(output()).toContain("SIGTERM: stopping the server");
      expect(healthy()).not.toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

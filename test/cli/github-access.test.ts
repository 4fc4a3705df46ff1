// Issue 16, item 6: the GitHub commands of the command line (verify, report, sweep) take their
// settings as the server does (.env, PRIVATE_KEY_PATH), and a GitHub that cannot be reached
// stops them at once with a message that says so, instead of retrying for a minute in silence.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { appPrivateKey } from "../../src/cli/github-auth.js";
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { TEST_PRIVATE_KEY } from "../helpers/probot.js";

let folder: string;
let closedUrl: string;
let silent: Server;
let silentUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "pg-cli-"));
  // A port nobody listens on: the connection is refused, as with no network or a wrong address.
  const probe = createServer().listen(0, "127.0.0.1");
  await new Promise((done) => probe.once("listening", done));
  closedUrl = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
  await new Promise((done) => probe.close(done));
  // A server that accepts connections and never answers.
  silent = createServer((socket) => void sockets.push(socket)).listen(0, "127.0.0.1");
  await new Promise((done) => silent.once("listening", done));
  silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((done) => silent.close(done));
  rmSync(folder, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(join(folder, ".env"), { force: true });
});

function cli(env: Record<string, string | undefined>): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { stdout: (s) => void (out += s), stderr: (s) => void (err += s), cwd: folder, env, out: () => out, err: () => err };
}

describe("a GitHub that cannot be reached", () => {
  it("stops verify at its first request, exit 2, naming the address and what to check", async () => {
    const fetches = vi.spyOn(globalThis, "fetch");
    const io = cli({ GITHUB_TOKEN: "ghp_test", GITHUB_API_URL: closedUrl });
    expect(await main(["verify", "--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(2);
    expect(fetches).toHaveBeenCalledTimes(1);
    expect(io.err()).toMatch(new RegExp(`^Cannot reach GitHub at ${closedUrl} \\(connect ECONNREFUSED [^)]+\\)\\. Check this machine's network connection, or GITHUB_API_URL for GitHub Enterprise\\.\\n$`));
    expect(io.out()).toBe("");
  });

  it.each([
    ["report", ["report", "--repo", "org/charter", "--dry-run"], 1],
    ["sweep", ["sweep", "--repo", "org/charter"], 1],
  ])("stops %s too", async (_name, argv, status) => {
    const fetches = vi.spyOn(globalThis, "fetch");
    const io = cli({ GITHUB_TOKEN: "ghp_test", GITHUB_API_URL: closedUrl });
    expect(await main(argv, io)).toBe(status);
    expect(fetches).toHaveBeenCalledTimes(1);
    expect(io.err()).toMatch(/^(sweep: repository skipped after an error; the next sweep tries again: )?Cannot reach GitHub at /);
  });

  it("gives up on a request that gets no answer within GITHUB_REQUEST_TIMEOUT seconds, and says so", async () => {
    const fetches = vi.spyOn(globalThis, "fetch");
    const io = cli({ GITHUB_TOKEN: "ghp_test", GITHUB_API_URL: silentUrl, GITHUB_REQUEST_TIMEOUT: "0.2" });
    expect(await main(["verify", "--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(2);
    expect(fetches).toHaveBeenCalledTimes(1);
    expect(io.err()).toBe(
      `GitHub at ${silentUrl} did not answer within 0.2 seconds. Try again later, or allow longer with GITHUB_REQUEST_TIMEOUT (seconds).\n`,
    );
  });
});

describe("settings", () => {
  it("reads .env in the current folder, where the environment says nothing", async () => {
    writeFileSync(join(folder, ".env"), `GITHUB_TOKEN=ghp_from_file\nGITHUB_API_URL=${closedUrl}\n`);
    const io = cli({});
    expect(await main(["verify", "--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(2);
    expect(io.err()).toMatch(new RegExp(`^Cannot reach GitHub at ${closedUrl} `));
  });

  it("lets the environment win over .env", async () => {
    writeFileSync(join(folder, ".env"), `GITHUB_API_URL=${silentUrl}\n`);
    const io = cli({ GITHUB_TOKEN: "ghp_test", GITHUB_API_URL: closedUrl });
    expect(await main(["verify", "--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(2);
    expect(io.err()).toMatch(new RegExp(`^Cannot reach GitHub at ${closedUrl} `));
  });

  it("takes the app's key from PRIVATE_KEY_PATH, as the server does", async () => {
    const keyFile = join(folder, "key.pem");
    writeFileSync(keyFile, TEST_PRIVATE_KEY);
    expect(appPrivateKey({ APP_ID: "1", PRIVATE_KEY_PATH: keyFile })).toBe(TEST_PRIVATE_KEY);
    // With the key accepted, the command goes to GitHub (here: nobody listening).
    for (const argv of [["verify", "--repo", "org/charter"], ["sweep"]]) {
      const io = cli({ APP_ID: "1", PRIVATE_KEY_PATH: keyFile, GITHUB_API_URL: closedUrl });
      expect(await main(argv, io)).not.toBe(0);
      expect(io.err()).toMatch(/^Cannot reach GitHub at /);
    }
    expect(() => appPrivateKey({ APP_ID: "1", PRIVATE_KEY_PATH: join(folder, "missing.pem") })).toThrow(/PRIVATE_KEY_PATH/);
  });

  it("names PRIVATE_KEY_PATH and .env when there are no credentials", async () => {
    const io = cli({});
    expect(await main(["verify", "--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(2);
    expect(io.err()).toBe(
      "No GitHub credentials: set GITHUB_TOKEN, or APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH, the key's file), in the environment or in .env.\n",
    );
  });
});

describe("sweep --help", () => {
  it.each([["--help"], ["-h"]])("%s prints the usage and exits 0", async (flag) => {
    const io = cli({});
    expect(await main(["sweep", flag], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: partnership-governance sweep/);
    expect(io.err()).toBe("");
  });
});

// Issue 16, item 2: the command line installs from the package as a user gets it. `npm pack`
// makes the tarball (of lib/ as the test run built it), which is installed in an empty folder,
// and `partnership-governance` is run from there: validate, simulate, verify --help.
//
// Offline: `npm install <tarball>` would ask the registry for the metadata of every dependency,
// which `npm ci` never caches. The closest offline install is `npm ci --offline` of the tarball
// with a lockfile holding this repository's resolved production dependencies (the same tree its
// tests ran on): each is then taken from npm's cache, where `npm ci` put it. What it does not
// show is how npm would resolve the ranges of transitive dependencies on a later day.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

interface LockEntry {
  dev?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

let dir: string;
let files: string[];

/** Runs the installed command; its exit status and output. */
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(join(dir, "node_modules", ".bin", "partnership-governance"), args, {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: dir, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pg-pack-"));
  const packDir = join(dir, "pack");
  mkdirSync(packDir);
  // lib/ is the build of this source (the test run's global setup): no prepack build again.
  const packed = JSON.parse(
    execFileSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], { cwd: ROOT, encoding: "utf8" }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed[0]!.files.map((f) => f.path).sort();
  const tarball = `file:pack/${packed[0]!.filename}`;

  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const own = lock.packages[""]!;
  const packages: Record<string, unknown> = {
    "": { name: "consumer", version: "1.0.0", dependencies: { "partnership-governance": tarball } },
    "node_modules/partnership-governance": {
      version: own.version,
      resolved: tarball,
      license: own.license,
      dependencies: own.dependencies,
      bin: own.bin,
      engines: own.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path !== "" && !entry.dev && !entry.link) packages[path] = entry;
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, dependencies: { "partnership-governance": tarball } }));
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify({ name: "consumer", version: "1.0.0", lockfileVersion: 3, requires: true, packages }));
  execFileSync(NPM, ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir, encoding: "utf8", stdio: "pipe" });

  // A governed repository's files, as a secretariat copies them from the examples.
  mkdirSync(join(dir, ".github"));
  copyFileSync(join(ROOT, "config/governance.yml"), join(dir, ".github/governance.yml"));
  copyFileSync(join(ROOT, "config/STAKEHOLDERS.yml"), join(dir, "STAKEHOLDERS.yml"));
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the package as npm gives it", () => {
  it("holds the compiled program, the app's manifest, the schemas, the licence and the README, and nothing of the tests or sources", () => {
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "app.yml", "package.json", "lib/cli/main.js", "lib/server.js", "lib/index.js", "schema/governance.schema.json", "schema/stakeholders.schema.json"]));
    expect(files.filter((f) => /^(src|test|bench|demo|config|dist)\//.test(f) || f.endsWith(".map"))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { private?: boolean; license: string };
    expect(pkg.private).toBeUndefined();
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(new RegExp(`^${pkg.license} License`));
  });

  it("validates a copied policy and registry in an empty folder", () => {
    const r = cli(["validate"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(".github/governance.yml and STAKEHOLDERS.yml are valid.\n");
    expect(r.status).toBe(0);
    writeFileSync(join(dir, "bad.yml"), "sectors:\n  - id: a\n    name: A\n");
    const bad = cli(["validate", "--config", "bad.yml", "--lang", "fr"]);
    expect(bad.status).toBe(1);
    // One sector where two are needed, at the list, in French.
    expect(bad.stdout).toMatch(/^bad\.yml:2:3: `sectors` doit comporter/m);
  });

  it("simulates a pull request", () => {
    writeFileSync(
      join(dir, "pr.json"),
      JSON.stringify({
        number: 12, author: "alice", draft: false, created_at: "2026-11-20T10:00:00Z", head_sha: "abc",
        labels: [], files: ["CHARTER.md"], commit_authors: ["alice"],
        reviews: ["bob", "carol", "dan"].map((user) => ({ user, state: "APPROVED", commit_id: "abc", submitted_at: "2026-11-27T09:00:00Z" })),
      }),
    );
    const r = cli(["simulate", "--config", ".github/governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "pr.json", "--now", "2026-11-28", "--json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { declaration: { conclusion: string }; signoff: { conclusion: string; kinds: Array<{ id: string; holds: boolean }> } };
    expect(out.declaration.conclusion).toBe("success");
    // A charter amendment without civil society: not signed off.
    expect(out.signoff.conclusion).toBe("pending");
    expect(out.signoff.kinds.map((k) => [k.id, k.holds])).toEqual([["charter", false]]);
  });

  it("explains verify", () => {
    const r = cli(["verify", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: partnership-governance verify --repo OWNER\/NAME/);
  });

  it("ships the schemas at the path the examples' $schema URL names", () => {
    const first = readFileSync(join(dir, ".github/governance.yml"), "utf8").split("\n")[0]!;
    const url = /\$schema=(\S+)$/.exec(first)![1]!;
    const m = /^https:\/\/cdn\.jsdelivr\.net\/npm\/partnership-governance@[\d.]+\/(schema\/[\w.]+)$/.exec(url);
    expect(m, url).not.toBeNull();
    const installed = JSON.parse(readFileSync(join(dir, "node_modules/partnership-governance", m![1]!), "utf8")) as { $id: string };
    expect(installed.$id).toBe(url);
  });
});

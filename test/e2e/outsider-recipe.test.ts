// The README's outsider recipe (curl, jq, sha256sum), run exactly as the README writes it against
// the stand-in's records: the chain and the anchors check out; an edited record, an edit that
// changes nothing and a record whose anchor says otherwise are all named.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { expectedHash } from "../../src/core/record.js";
import { renderRecordComment } from "../../src/render/record.js";
import { HOUR } from "./harness.js";
import { INSTALLATION, World } from "./world.js";

const README = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");

/** The README's shell block that checks the chain (the one that recomputes the hashes). */
function recipe(): string {
  const blocks = [...README.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  const found = blocks.filter((b) => b.includes("sha256sum") && b.includes("GITHUB_API=${GITHUB_API:-https://api.github.com}"));
  expect(found, "the README's outsider recipe").toHaveLength(1);
  return found[0]!;
}

let world: World | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await world?.stop();
  world = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function threeRecords(w: World) {
  for (const title of ["One", "Two", "Three"]) {
    const pr = await w.openPull({ author: "alice", title, files: { "CHARTER.md": `# ${title}\n` }, labels: ["decision:charter"] });
    for (const who of ["bob", "carol", "dan"]) await w.approve(pr, who);
    await w.merge(pr);
    await w.settle();
    w.clock.advance(HOUR);
  }
  return w.recordComments();
}

/**
 * Runs the recipe in a folder of its own, as an outsider would, with a read token of their own
 * (not blocking: the stand-in answers in this process).
 */
async function run(w: World): Promise<string> {
  const token = "ghs_outsider_recipe";
  w.standin.tokens.set(token, INSTALLATION);
  const cwd = mkdtempSync(join(tmpdir(), "recipe-"));
  dirs.push(cwd);
  const child = spawn("bash", ["--norc", "--noprofile", "-euo", "pipefail", "-c", recipe()], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      REPO: `${w.repo.owner}/${w.repo.name}`,
      SLUG: w.standin.appSlug,
      LOG_ISSUE: String(w.logIssues()[0]!.number),
      GITHUB_TOKEN: token,
      GITHUB_API: w.standin.baseUrl,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  expect(stderr).toBe("");
  expect(code).toBe(0);
  return stdout;
}

describe("the README's outsider recipe", () => {
  it("finds the stand-in's records intact, chained and anchored", async () => {
    const w = (world = await World.create());
    const comments = await threeRecords(w);
    expect(comments).toHaveLength(3);
    expect(await run(w)).toBe(`checked 3 records, last hash ${comments[2]!.record.hash}\n`);
  });

  it("names a record edited, an edit that changed nothing (with who made it), and a record whose anchor says otherwise", async () => {
    const w = (world = await World.create());
    const [first, second, third] = await threeRecords(w);
    w.standin.grant(w.repo, "mallory", "write");
    // Record 1: a change that keeps the old hash. Record 2: rewritten with its hash recomputed
    // (its anchor still says the old one). Record 3: edited without changing a character.
    const changed = (c: typeof first, body: string) => w.standin.editComment(c!.id, body, w.clock.now(), "mallory");
    changed(first, renderRecordComment({ ...first!.record, title: "Quietly changed" } as never, { lang: "en" }));
    const { hash: _h, ...rest } = { ...second!.record, signed_off: false };
    changed(second, renderRecordComment({ ...rest, hash: expectedHash(rest) } as never, { lang: "en" }));
    changed(third, w.standin.commentJson(third!.id).body);
    const out = await run(w);
    for (const c of [first, second, third]) expect(out).toContain(`edited: ${w.standin.commentJson(c!.id).html_url} by mallory`);
    expect(out).toContain("record 1 was edited\n");
    expect(out).toContain("record 2 does not match its anchor\n");
    expect(out).toContain("record 3 does not follow the one before\n");
  });

  it("takes a reaction on a record for no edit", async () => {
    const w = (world = await World.create());
    const comments = await threeRecords(w);
    w.standin.react(comments[1]!.id, "erin", "+1", w.clock.now());
    expect(await run(w)).toBe(`checked 3 records, last hash ${comments[2]!.record.hash}\n`);
  });
});

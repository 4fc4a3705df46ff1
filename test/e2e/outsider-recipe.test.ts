// The README's outsider recipe (curl, jq, sha256sum), run exactly as the README writes it against
// the stand-in's records: the chain and the anchors check out; an edited record, an edit that
// changes nothing and a record whose anchor says otherwise are all named, and the recipe fails.
import { afterEach, describe, expect, it } from "vitest";
import { expectedHash } from "../../src/core/record.js";
import { renderRecordComment } from "../../src/render/record.js";
import { runRecipe, type RecipeRun } from "../helpers/recipe.js";
import { HOUR } from "./harness.js";
import { World } from "./world.js";

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
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

/** Runs the recipe as an outsider would, with a read token of their own. */
async function run(w: World): Promise<RecipeRun> {
  const r = await runRecipe({
    REPO: `${w.repo.owner}/${w.repo.name}`,
    SLUG: w.standin.appSlug,
    LOG_ISSUE: String(w.logIssues()[0]!.number),
    GITHUB_TOKEN: w.standin.userToken("outsider"),
    GITHUB_API: w.standin.baseUrl,
  });
  expect(r.stderr).toBe("");
  expect(w.standin.violations).toEqual([]);
  return r;
}

describe("the README's outsider recipe", () => {
  it("finds the stand-in's records intact, chained and anchored", async () => {
    const w = (world = await World.create());
    const comments = await threeRecords(w);
    expect(comments).toHaveLength(3);
    expect(await run(w)).toEqual({ code: 0, stdout: `intact: 3 records, last hash ${comments[2]!.record.hash}\n`, stderr: "" });
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
    const { code, stdout: out } = await run(w);
    expect(code).toBe(1);
    expect(out).toMatch(/\ntampered: problems found: 6, records: 3\n$/);
    for (const c of [first, second, third]) expect(out).toContain(`edited: ${w.standin.commentJson(c!.id).html_url} by mallory`);
    expect(out).toContain("record 1 was edited\n");
    expect(out).toContain("record 2 does not match its anchor\n");
    expect(out).toContain("record 3 does not follow the one before\n");
  });

  it("pages through every comment of a long log: a record edited without a change, past the first 100 comments, is named", async () => {
    const w = (world = await World.create());
    const records = await threeRecords(w);
    const log = w.logIssues()[0]!.number;
    // 101 comments of others on the log (anyone may comment on a public repository), then a
    // fourth record: the 105th comment.
    for (let i = 0; i < 101; i++) w.standin.addComment(w.repo, log, { user: "erin", body: `Thanks! (${i})` });
    const pr = await w.openPull({ author: "alice", title: "Four", files: { "CHARTER.md": "# Four\n" }, labels: ["decision:charter"] });
    for (const who of ["bob", "carol", "dan"]) await w.approve(pr, who);
    await w.merge(pr);
    await w.settle();
    const fourth = w.recordComments()[3]!;
    expect(fourth.record.prev).toBe(records[2]!.record.hash);
    expect(w.standin.commentsOn(w.repo, log).findIndex((c) => c.id === fourth.id)).toBe(104);
    expect(await run(w)).toEqual({ code: 0, stdout: `intact: 4 records, last hash ${fourth.record.hash}\n`, stderr: "" });
    // Mallory edits it without changing a character: only GitHub's lastEditedAt tells.
    w.standin.editComment(fourth.id, w.standin.commentJson(fourth.id).body, w.clock.now(), "mallory");
    expect(await run(w)).toEqual({
      code: 1,
      stdout: `edited: ${w.standin.commentJson(fourth.id).html_url} by mallory\ntampered: problems found: 1, records: 4\n`,
      stderr: "",
    });
  });

  it("takes a reaction on a record for no edit", async () => {
    const w = (world = await World.create());
    const comments = await threeRecords(w);
    w.standin.react(comments[1]!.id, "erin", "+1", w.clock.now());
    expect(await run(w)).toEqual({ code: 0, stdout: `intact: 3 records, last hash ${comments[2]!.record.hash}\n`, stderr: "" });
  });

  it("reads every page of a commit's anchors (GitHub lists them newest first): a record whose anchor lies past the first hundred still matches it", async () => {
    const w = (world = await World.create());
    const comments = await threeRecords(w);
    // 100 later anchors of the app on record 1's commit, as a decision withdrawn and reopened that
    // often without a new commit leaves on its head (attack3 6c1a5ee): record 1's own is on page 2.
    const commit = String(comments[0]!.record.merge_commit);
    for (let i = 0; i < 100; i++) {
      w.standin.addAppCheckRun(w.repo, { sha: commit, name: "Transparency record", text: JSON.stringify({ seq: 1000 + i, hash: "f".repeat(64), prev: "e".repeat(64), pr: null }) });
    }
    expect(await run(w)).toEqual({ code: 0, stdout: `intact: 3 records, last hash ${comments[2]!.record.hash}\n`, stderr: "" });
  });
});

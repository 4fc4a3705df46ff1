// Attacks refused, through the end-to-end harness. The corpus is data (test/e2e/attacks/), so
// that it can grow without new code: forged webhooks, insecure production settings, approvals
// that must not count, commands that must not count, hostile text, hostile policy files.
import { readFileSync } from "node:fs";
import { sign } from "@octokit/webhooks-methods";
import { afterEach, describe, expect, it } from "vitest";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../../src/constants.js";
import { decodeMemo, splitMemo } from "../../src/github/signal-memo.js";
import { createStandin, FakeClock, HOUR, startApp } from "./harness.js";
import { POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, World } from "./world.js";
import { userId } from "./standin/standin.js";

const corpus = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./attacks/${name}`, import.meta.url), "utf8")) as T;
const corpusText = (name: string): string => readFileSync(new URL(`./attacks/${name}`, import.meta.url), "utf8");

let world: World | undefined;
async function createWorld(...args: Parameters<typeof World.create>): Promise<World> {
  world = await World.create(...args);
  return world;
}

afterEach(async () => {
  if (!world) return;
  expect(world.standin.violations).toEqual([]);
  await world.stop();
  world = undefined;
});

const CHARTER = { "CHARTER.md": "# Charter\n\nAmended.\n" };

/** A login as the app's Markdown shows it: punctuation backslash-escaped (src/render/safe.ts). */
const asMarkdown = (login: string): string => login.replace(/([\\`*_{}[\]()!|~^=+\-.$"'])/g, "\\$1");

describe("forged webhooks", () => {
  interface SignatureCase {
    name: string;
    signature?: string | null;
    signWith?: string;
    signOther?: boolean;
    status: number[];
  }

  it.each(corpus<SignatureCase[]>("signatures.json"))("refuses $name, and nothing is read or written", async (c) => {
    const w = await createWorld();
    const pull = w.standin.openPull(w.repo, { author: "alice", title: "Forged", files: CHARTER, at: w.clock.now() });
    const payload = w.pullPayload("opened", pull.number);
    const body = JSON.stringify(payload);
    let signature: string | null | undefined = c.signature;
    if (c.signWith) signature = await sign(c.signWith, body);
    if (c.signOther) signature = await sign("e2e-webhook-secret-of-the-partnership", `${body} `);
    const before = w.standin.requests.length;
    const answer = await w.app.send("pull_request", payload, { signature: signature ?? null });
    await w.settle();
    expect(c.status).toContain(answer.status);
    expect(w.standin.requests.length).toBe(before);
    expect(w.repo.checkRuns).toEqual([]);
    // The same webhook, signed, is accepted: the refusal was the signature's.
    expect((await w.app.send("pull_request", payload)).status).toBe(200);
    await w.settle();
    expect(w.signoff(pull.number)?.conclusion).toBe("action_required");
  });
});

describe("production settings", () => {
  interface ProductionCase {
    name: string;
    env: Record<string, string | null>;
    message: string;
  }

  it.each(corpus<ProductionCase[]>("production.json"))("refuses to start with $name", async (c) => {
    const saved = Object.fromEntries(Object.keys(c.env).map((k) => [k, process.env[k]]));
    const clock = new FakeClock("2026-11-20T10:00:00Z");
    const standin = createStandin(clock);
    await standin.start();
    try {
      for (const [k, v] of Object.entries(c.env)) {
        if (v === null) delete process.env[k];
        else process.env[k] = v;
      }
      await expect(startApp({ standin, clock })).rejects.toThrow(/will not start in production/);
      await expect(startApp({ standin, clock })).rejects.toThrow(c.message);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await standin.stop();
    }
    expect(standin.requests).toEqual([]);
  });
});

describe("a PR that edits the rules to approve itself", () => {
  it("is judged by the default branch's rules, whatever its policy and registry say", async () => {
    const w = await createWorld();
    // The PR lowers the charter to one sector and declares its author's friend a voter: by its
    // own rules, the friend's approval alone would pass it.
    const policy = POLICY.replace("      sectors: 3\n      required_sectors: [civil-society]", "      sectors: 1");
    expect(policy).not.toBe(POLICY);
    const registry = `${REGISTRY}  - login: mallory\n    id: ${userId("mallory")}\n    sector: business\n    organisation: Friends of Alice\n    declared: 2026-11-01\n    interests: none\n`;
    const pr = await w.openPull({ author: "alice", title: "Simplify the charter process", files: { ...CHARTER, [POLICY_PATH]: policy, [REGISTRY_PATH]: registry } });
    await w.approve(pr, "mallory");
    await w.settle();
    // Charter (3 sectors with civil society, by the default branch) and governance (2 sectors).
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });
    expect(w.checkText(pr, CHECK_SIGNOFF)).toContain("mallory");

    await w.approve(pr, "bob");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "1 of 3 sectors: waiting for Civil society" });
    await w.approve(pr, "dan");
    await w.approve(pr, "carol");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });
  });
});

describe("accounts: logins are not people", () => {
  interface AccountCase {
    name: string;
    /** An account renames itself: [from, to]. */
    rename: [string, string];
    /** A new account signs up with a login someone gave up. */
    newAccount?: string;
    author?: string;
    approvers: string[];
    conclusion: string;
    title: string;
    notCounted?: string;
  }

  it.each(corpus<AccountCase[]>("accounts.json"))("refuses $name", async (c) => {
    const w = await createWorld();
    w.standin.renameUser(...c.rename);
    if (c.newAccount) w.standin.createUser(c.newAccount);
    // A charter amendment: three sectors, civil-society among them.
    const pr = await w.openPull({ author: c.author ?? "alice", title: "Amend article 7", files: CHARTER });
    for (const login of c.approvers) await w.approve(pr, login);
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: c.conclusion, title: c.title });
    if (c.notCounted) expect(w.checkText(pr, CHECK_SIGNOFF)).toMatch(new RegExp(`\\*\\*${c.notCounted}\\*\\* \\(review\\): (has no declaration|is the author)`));
  });
});

describe("rules files that are not governed", () => {
  interface RulesCase {
    name: string;
    /** The repository has no policy of its own: the organisation's `.github` repository's governs it. */
    orgFallback?: boolean;
    /** The repository's policy extends this file of the same repository. */
    extendsBase?: string;
    change: Record<string, string>;
    invalidHead?: boolean;
  }

  it.each(corpus<RulesCase[]>("rules-files.json"))("refuses $name", async (c) => {
    const files: Record<string, string> = { [REGISTRY_PATH]: REGISTRY, "CHARTER.md": "# Charter\n" };
    if (c.extendsBase) {
      files[POLICY_PATH] = `_extends: charter:${c.extendsBase}\n`;
      files[c.extendsBase] = POLICY;
    } else if (!c.orgFallback) files[POLICY_PATH] = POLICY;
    const w = await createWorld({ files });
    if (c.orgFallback) w.standin.addRepo({ owner: w.repo.owner, name: ".github", installation: 31, files: { [POLICY_PATH]: POLICY } });
    // Whoever changes the rules alone: alice (civil society), approved by dan of the same sector.
    const pr = await w.openPull({ author: "alice", title: "Tidy the rules", files: c.change });
    await w.approve(pr, "dan");
    await w.settle();
    const signoff = w.signoff(pr);
    expect(signoff?.title).not.toBe("Not a decision");
    if (c.invalidHead) {
      expect(signoff?.conclusion).toBe("failure");
      expect(w.checkText(pr, CHECK_SIGNOFF)).toMatch(/governance\.yml|base\.yml/);
    } else {
      // A governance decision: two sectors, whatever the PR's own rules would say.
      expect(signoff).toMatchObject({ conclusion: "action_required", title: "1 of 2 sectors: waiting for 1 more sector" });
      await w.approve(pr, "bob");
      await w.settle();
      expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 2 sectors" });
    }
  });
});

describe("approvals that do not count", () => {
  interface ApprovalCase {
    name: string;
    reviewer: string;
    userType?: "User" | "Bot";
    stale?: boolean;
  }

  it.each(corpus<ApprovalCase[]>("approvals.json"))("does not count $name", async (c) => {
    const w = await createWorld();
    // A charter amendment by alice (civil society): bob and carol bring two sectors of three.
    const pr = await w.openPull({ author: "alice", title: "Amend article 12", files: CHARTER });
    await w.approve(pr, "bob");
    await w.approve(pr, "carol");
    await w.settle();
    expect(w.signoff(pr)?.title).toBe("2 of 3 sectors: waiting for Civil society");
    const earlier = w.headSha(pr);
    if (c.stale) {
      await w.push(pr, { "CHARTER.md": "# Charter\n\nAmended twice.\n" });
      await w.approve(pr, "bob");
      await w.approve(pr, "carol");
    }
    await w.approve(pr, c.reviewer, { ...(c.stale ? { commitId: earlier } : {}), ...(c.userType ? { userType: c.userType } : {}) });
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "2 of 3 sectors: waiting for Civil society" });
    // Named among the signals that did not count.
    expect(w.checkText(pr, CHECK_SIGNOFF)).toContain(asMarkdown(c.reviewer));
  });
});

describe("/governance commands that do not count", () => {
  interface CommandCase {
    name: string;
    user: string;
    userType?: "User" | "Bot";
    body: string;
    editTo?: string;
    noReaction?: boolean;
  }

  it.each(corpus<CommandCase[]>("commands.json"))("ignores $name", async (c) => {
    const w = await createWorld();
    // A motion by the secretariat (exempt from declaring): a quorum of two thirds of the four
    // voters. bob and carol approve: two of four took part. A counted abstention by dan would
    // make three, and the motion would pass.
    const pr = await w.openPull({ author: "secretariat", title: "Motion on the budget", files: { "motions/budget.md": "1\n" }, labels: ["motion"] });
    await w.approve(pr, "bob");
    await w.approve(pr, "carol");
    await w.settle();
    const waiting = w.signoff(pr);
    expect(waiting?.conclusion).toBe("action_required");

    w.clock.advance(HOUR);
    const id = await w.comment(pr, c.user, c.body, c.userType);
    if (c.editTo !== undefined) {
      await w.settle(); // the app has seen the comment as it was posted
      w.clock.advance(HOUR);
      await w.editComment(pr, id, c.editTo);
    }
    await w.settle();
    expect(w.signoff(pr)).toEqual(waiting);
    if (c.noReaction) expect(w.standin.reactions).toEqual([]);

    // The control: the same abstention, by a voter, unedited, is counted.
    await w.comment(pr, "dan", "/governance abstain");
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("success");
  });
});

describe("signals of others that no writer can erase, and decisions no writer can undo", () => {
  type Step =
    | { do: "approve"; who: string }
    | { do: "review"; who: string; state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED"; as?: string }
    | { do: "comment"; who: string; body: string; as?: string }
    | { do: "editComment"; ref: string; by: string; body: string }
    | { do: "deleteComment"; ref: string; by: string }
    | { do: "dismiss"; ref: string; by: string }
    | { do: "label"; labels: string[]; by: string }
    | { do: "retarget"; base: string; by: string }
    | { do: "forcePush"; files: Record<string, string>; quiet?: boolean }
    | { do: "close" }
    | { do: "reopen" }
    | { do: "forgeMemoComment"; who: string; login: string; verb: "abstain" | "recuse" }
    | { do: "forgeMemoCheckRun"; login: string; verb: "abstain" | "recuse" }
    | { do: "expect"; conclusion?: string; title: string };
  interface SignalCase {
    class: string;
    name: string;
    pr?: { files?: Record<string, string>; labels?: string[]; base?: string };
    steps: Step[];
    expect: { conclusion: string; title: string; text?: string; memo?: string[] };
  }

  // A charter amendment by alice (civil society): three sectors, civil society among them. The
  // attacker is a writer (any of the partnership's people, or mallory, an insider who never
  // declared): each step is what GitHub lets them do, then the webhook GitHub sends.
  it.each(corpus<SignalCase[]>("signals.json"))("refuses $name", async (c) => {
    const w = await createWorld();
    if (c.pr?.base) w.repo.branches.set(c.pr.base, w.repo.branches.get(w.repo.defaultBranch)!);
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: c.pr?.files ?? CHARTER, ...(c.pr?.labels ? { labels: c.pr.labels } : {}), ...(c.pr?.base ? { base: c.pr.base } : {}) });
    const refs = new Map<string, number>();
    // A memo as the app writes it, claiming `login` gave `verb` after everything else.
    const forged = (login: string, verb: string) => `<!-- partnership-governance:seen-commands data=${JSON.stringify([[999_999, login, null, verb, w.clock.plus(10 * HOUR).toISOString()]])} -->`;
    for (const step of c.steps) {
      w.clock.advance(HOUR);
      switch (step.do) {
        case "approve":
          await w.approve(pr, step.who);
          break;
        case "review": {
          const id = await w.review(pr, step.who, step.state);
          if (step.as) refs.set(step.as, id);
          break;
        }
        case "comment": {
          const id = await w.comment(pr, step.who, step.body);
          if (step.as) refs.set(step.as, id);
          break;
        }
        case "editComment":
          await w.editComment(pr, refs.get(step.ref)!, step.body, step.by);
          break;
        case "deleteComment":
          await w.deleteComment(pr, refs.get(step.ref)!, step.by);
          break;
        case "dismiss":
          await w.dismiss(pr, refs.get(step.ref)!, step.by);
          break;
        case "label":
          await w.label(pr, step.labels, step.by);
          break;
        case "retarget":
          await w.retarget(pr, step.base, step.by);
          break;
        case "forcePush":
          // Quiet: GitHub's webhook of the push never reached the app.
          if (step.quiet) w.standin.forcePushToPull(w.repo, pr, step.files, w.clock.now());
          else await w.forcePush(pr, step.files);
          break;
        case "close":
          await w.close(pr);
          break;
        case "reopen":
          await w.reopen(pr);
          break;
        case "forgeMemoComment":
          await w.comment(pr, step.who, `Noted.\n\n${forged(step.login, step.verb)}`);
          break;
        case "forgeMemoCheckRun":
          // A workflow (GitHub Actions, or an app of the writer's own) writes a run of the same name.
          w.standin.addCheckRun(w.repo, { appId: 15368, headSha: w.headSha(pr), name: CHECK_SIGNOFF, conclusion: "success", output: { title: "Signed off", summary: `ok\n\n${forged(step.login, step.verb)}`, text: null } });
          break;
        case "expect":
          await w.settle();
          expect(w.signoff(pr)).toMatchObject({ ...(step.conclusion ? { conclusion: step.conclusion } : {}), title: step.title });
          break;
      }
      await w.settle();
    }
    // Any later evaluation, too: what the app remembered from the attack must not count later.
    w.clock.advance(HOUR);
    await w.comment(pr, "erin", "/governance check");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: c.expect.conclusion, title: c.expect.title });
    if (c.expect.text) expect(w.checkText(pr, CHECK_SIGNOFF)).toContain(c.expect.text);
    if (c.expect.memo) {
      expect(splitMemo(decodeMemo(w.signoff(pr)?.summary)).commands.map((m) => `${m.login} ${m.verb}`)).toEqual(c.expect.memo);
    }
  });

  it("a flood of 40 /governance check from three strangers: a few reactions, after the checks, and another PR's approval counted", async () => {
    const w = await createWorld();
    const flooded = await w.openPull({ author: "alice", title: "Amend article 5", files: CHARTER });
    const other = await w.openPull({ author: "alice", title: "Amend article 6", files: { "CHARTER.md": "# Charter\n\nArticle 6.\n" } });
    await w.approve(other, "bob");
    await w.approve(other, "carol");
    await w.settle();
    const before = w.standin.requests.length;
    for (let i = 0; i < 40; i++) {
      await w.comment(flooded, ["troll1", "troll2", "troll3"][i % 3]!, "/governance check");
      if (i === 20) await w.approve(other, "dan");
    }
    await w.settle();
    const during = w.standin.requests.slice(before);
    const reactions = during.filter((r) => r.method === "POST" && r.path.endsWith("/reactions"));
    // Bounded per PR (and per person): not one write per comment.
    expect(reactions.length).toBeLessThanOrEqual(5);
    expect(reactions.length).toBeGreaterThan(0);
    expect(w.signoff(other)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });
  });
});

describe("hostile text in everything the app writes", () => {
  interface HostileText {
    titles: string[];
    organisations: string[];
    logins: string[];
  }

  it("never lets a title, a login or an organisation mention, reference or inject", async () => {
    const hostile = corpus<HostileText>("hostile-text.json");
    const [lead, evil] = hostile.logins as [string, string];
    const registry = `${REGISTRY}  - login: ${lead}\n    id: ${userId(lead)}\n    sector: business\n    organisation: ${JSON.stringify(hostile.organisations[0])}\n    declared: 2026-11-01\n    interests: ${JSON.stringify(hostile.titles[0])}\n  - login: ${evil}\n    id: ${userId(evil)}\n    sector: government\n    organisation: ${JSON.stringify(hostile.organisations[1])}\n    declared: 2026-11-01\n    interests: none\n`;
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", files: { [POLICY_PATH]: POLICY, [REGISTRY_PATH]: registry, "CHARTER.md": "# Charter\n" } });

    const prs: number[] = [];
    for (const [i, title] of hostile.titles.entries()) {
      const author = i % 3 === 0 ? "newcomer" : i % 3 === 1 ? lead : "alice";
      const pr = await w.openPull({ author, title, files: { "CHARTER.md": `# Charter ${i}\n` } });
      prs.push(pr);
      await w.approve(pr, evil);
      await w.approve(pr, "dan");
      if (i % 2 === 0) await w.review(pr, lead, "CHANGES_REQUESTED");
      else await w.approve(pr, lead);
      await w.comment(pr, "bob", `/governance recuse ${title}`);
    }
    await w.settle();
    w.clock.advance(HOUR);
    for (const [i, pr] of prs.entries()) {
      if (i % 2 === 0) await w.close(pr);
      else await w.merge(pr);
    }
    await w.settle();
    w.clock.set("2026-12-01T06:00:00Z");
    await w.sweepUntilQuiet();
    expect(w.records()).toHaveLength(prs.length);
    expect(w.reportIssues()).toHaveLength(1);
    expect(w.instructionComments(prs[0]!)).toHaveLength(1);

    const texts = w.standin.writtenTexts();
    expect(texts.length).toBeGreaterThan(prs.length * 4);
    const problems: string[] = [];
    for (const { where, text } of texts) {
      // GitHub links nothing in a fenced code block: a record's JSON copy holds the title as it
      // is (its hash covers it). It must stay a block: its content must parse as one JSON value.
      const unfenced = text.replace(/^```json\n([\s\S]*?)\n```$/gm, (block, json: string) => {
        try {
          JSON.parse(json);
          return "";
        } catch {
          return block;
        }
      });
      // The app's own zero-width space after `@` and `#` is what makes them inert.
      const t = unfenced.replace(/&#8203;/g, "\u200b");
      const checks: Array<[RegExp, string]> = [
        [/[@\uFF20](?!\u200b)[\p{L}\p{N}_]/u, "a live @mention"],
        [/[#\uFF03](?!\u200b)\d/u, "a live #reference"],
        [/&#x?[0-9a-f]+;/i, "a live HTML entity"],
        [/closed=2026-11-01T00:00:00Z/, "a forged record marker"],
        [/<(?!!-- partnership-governance:[a-z-]+(?: [a-z]+=\S*)* -->)/, "raw HTML"],
        [/\]\(https:\/\/evil\.example/, "a live Markdown link"],
      ];
      for (const [re, what] of checks) {
        const m = re.exec(t);
        if (m) problems.push(`${where}: ${what}: …${t.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("hostile policy files", () => {
  interface PolicyCase {
    name: string;
    file?: string;
    bytesFile?: string;
    repeat?: { head: string; unit: string; times: number; tail: string };
  }

  function build(c: PolicyCase): string | Buffer {
    if (c.file) return corpusText(c.file);
    if (c.bytesFile) return Buffer.from(corpus<{ bytes: number[] }>(c.bytesFile).bytes);
    const r = c.repeat!;
    let s = r.head;
    for (let i = 0; i < r.times; i++) s += r.unit.replace("{i}", String(i));
    return s + r.tail;
  }

  it.each(corpus<PolicyCase[]>("policies.json"))("fails the checks with a clear error for $name, and stays up", async (c) => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Amend article 13", files: CHARTER });
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("action_required");

    await w.pushDefault({ [POLICY_PATH]: build(c) });
    await w.settle();
    for (const name of [CHECK_SIGNOFF, CHECK_DECLARATION] as const) {
      const check = w.check(pr, name);
      expect(check?.conclusion).toBe("failure");
      // Where: the file, a line and a column.
      expect(w.checkText(pr, name)).toMatch(/\\?\.github\/governance\\?\.yml:\d+:\d+/);
    }
    expect(w.signoff(pr)?.title).toMatch(/^The governance policy or registry is invalid \(\d+ errors?\)$/);

    // The app is still up: the next webhook is answered, and a repaired policy heals the PR.
    await w.pushDefault({ [POLICY_PATH]: POLICY });
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });
  });
});

// Issue 16, item 1: registering the hosted app. The built server (lib/server.js) is started as
// `npm start` starts it, without credentials, in an empty folder holding only app.yml and
// package.json; its setup page is requested over HTTP and the form it would POST to GitHub is
// read: where it goes (the organisation), and the manifest (webhook URL, name, private,
// permissions and events, each checked against GitHub's published descriptions). Then the code
// exchange (GitHub redirecting back with a code) against a local stand-in of GitHub's
// `POST /app-manifests/{code}/conversions`, and a restart that serves webhooks.
import { waitUntilListening } from "./helpers/listening.js";
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseEnv } from "node:util";
import { createRequire } from "node:module";
import { parse as parseYaml } from "yaml";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { explanation, languageOf, problemsPage, registration, registrationManifest } from "../src/setup.js";
import { validateResponse, validateValue } from "./helpers/openapi.js";
import { TEST_PRIVATE_KEY } from "./helpers/probot.js";

const ROOT = resolve(import.meta.dirname, "..");
/** The names of the webhook events GitHub sends (from @octokit/webhooks-examples). */
function webhookEventNames(): Set<string> {
  const dir = dirname(createRequire(import.meta.url).resolve("@octokit/webhooks-examples/package.json"));
  const index = JSON.parse(readFileSync(join(dir, "api.github.com", "index.json"), "utf8")) as { name: string }[];
  return new Set(index.map((group) => group.name));
}
const APP_YML = parseYaml(readFileSync(join(ROOT, "app.yml"), "utf8")) as Record<string, unknown>;

const folders: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** An empty folder with what `npm start` reads from the current folder. */
function appFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "pg-setup-"));
  folders.push(dir);
  copyFileSync(join(ROOT, "app.yml"), join(dir, "app.yml"));
  copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => done(port));
    });
  });
}

/** Starts lib/server.js in `cwd` and resolves once it listens (it prints "Listening on"). */
async function startServer(cwd: string, env: Record<string, string>): Promise<{ port: number; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "lib/server.js")], {
    cwd,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), HOST: "127.0.0.1", GOVERNANCE_SCHEDULE: "off", ...env },
  });
  children.push(child);
  return { port, output: await waitUntilListening(child) };
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The form of the setup page: where it posts, and the manifest it posts. */
function formOf(html: string): { action: string; manifest: Record<string, unknown> } {
  const action = /<form action="([^"]+)" method="post"/.exec(html)?.[1];
  const value = /name="manifest" id="manifest" value='([^']*)'/.exec(html)?.[1];
  expect(action, "the page has a form").toBeDefined();
  expect(value, "the form carries a manifest").toBeDefined();
  return { action: decode(action!), manifest: JSON.parse(decode(value!)) as Record<string, unknown> };
}

const get = (port: number, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { headers, redirect: "manual" });

describe("the setup page of a running server", () => {
  it("posts to the organisation's new-app page a private app manifest with the webhook URL, the chosen name, the app's permissions and events", async () => {
    const { port } = await startServer(appFolder(), {
      GH_ORG: "unesco-partnership",
      APP_NAME: "Partners' governance",
      WEBHOOK_URL: "https://governance.example.org",
    });
    const res = await get(port, "/probot");
    expect(res.status).toBe(200);
    const { action, manifest } = formOf(await res.text());
    expect(action).toBe("https://github.com/organizations/unesco-partnership/settings/apps/new");
    // A bare address gets the webhook path the server listens on.
    expect(manifest.hook_attributes).toEqual({ url: "https://governance.example.org/api/github/webhooks", active: true });
    expect(manifest.name).toBe("Partners' governance");
    expect(manifest.public).toBe(false);
    expect(manifest.redirect_url).toBe(`http://127.0.0.1:${port}/probot/setup`);
    expect(manifest.default_permissions).toEqual(APP_YML.default_permissions);
    expect(manifest.default_events).toEqual(APP_YML.default_events);
    // Every permission is one GitHub Apps have, every event one GitHub sends.
    expect(validateValue(manifest.default_permissions, { $ref: "#/components/schemas/app-permissions" })).toEqual([]);
    const events = webhookEventNames();
    for (const event of manifest.default_events as string[]) expect(events, event).toContain(event);
  });

  it("says on the page what it will do, in the reader's language, and the existing-app page shows the URL to paste", async () => {
    const { port } = await startServer(appFolder(), { GH_ORG: "unesco-partnership", WEBHOOK_URL: "https://governance.example.org/hooks/gov" });
    const fr = await (await get(port, "/probot", { "accept-language": "fr-CH, en;q=0.5" })).text();
    expect(fr).toContain('lang="fr"');
    expect(fr).toContain("GitHub enverra les webhooks de l’application à <code dir=\"ltr\">https://governance.example.org/hooks/gov</code>");
    expect(fr).toContain('<code dir="ltr">unesco-partnership governance</code>');
    const existing = await (await get(port, "/probot/import")).text();
    expect(existing).toMatch(/Replace your app's Webhook URL with <br>\s*<b>https:\/\/governance\.example\.org\/hooks\/gov<\/b>/);
    expect(existing).toContain('href="https://github.com/organizations/unesco-partnership/settings/apps"');
  });

  it("shows what to set instead of a form while the organisation or the webhook URL is missing", async () => {
    const { port, output } = await startServer(appFolder(), { NO_SMEE_SETUP: "true", WEBHOOK_URL: "http://localhost:3000" });
    const html = await (await get(port, "/probot", { "accept-language": "ar" })).text();
    expect(html).not.toContain('name="manifest"');
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("GH_ORG: اسم دخول منظمة الشراكة");
    // The address stays left to right inside the Arabic sentence (an isolate, and dir="ltr").
    expect(html).toContain('قيمة WEBHOOK_URL هي \u2068<code dir="ltr">http://localhost:3000</code>\u2069');
    // The existing-app page too: there is no URL to paste yet.
    expect(await (await get(port, "/probot/import")).text()).not.toContain("Replace your app's Webhook URL");
    // The console says it too, for whoever started the server.
    expect(output()).toContain("GH_ORG: the login of the partnership's organisation");
  });

  it("exchanges GitHub's code for the app's credentials, writes them to .env, sends the user to install it, and after a restart serves webhooks", async () => {
    // A stand-in for GitHub's one endpoint of this step, answering as GitHub documents it.
    const conversion = {
      id: 424242,
      slug: "unesco-partnership-governance",
      node_id: "MDM6QXBwNDI0MjQy",
      client_id: "Iv1.0123456789abcdef",
      owner: { login: "unesco-partnership", id: 7, node_id: "MDEyOk9yZ2FuaXphdGlvbjc=", avatar_url: "https://avatars.githubusercontent.com/u/7", gravatar_id: "", url: "https://api.github.com/users/unesco-partnership", html_url: "https://github.com/unesco-partnership", followers_url: "", following_url: "", gists_url: "", starred_url: "", subscriptions_url: "", organizations_url: "", repos_url: "", events_url: "", received_events_url: "", type: "Organization", site_admin: false },
      name: "unesco-partnership governance",
      description: "",
      external_url: "https://github.com/partnership-governance/partnership-governance",
      html_url: "https://github.com/apps/unesco-partnership-governance",
      created_at: "2026-12-05T00:00:00Z",
      updated_at: "2026-12-05T00:00:00Z",
      permissions: { checks: "write", contents: "read", issues: "write", metadata: "read", pull_requests: "read" },
      events: ["check_run", "issue_comment", "pull_request", "pull_request_review", "push"],
      client_secret: "a-client-secret",
      webhook_secret: "a-long-random-webhook-secret",
      pem: TEST_PRIVATE_KEY,
    };
    const path = "/app-manifests/the-code/conversions";
    expect(validateResponse({ method: "post", path, status: 201, body: conversion })).toEqual([]);
    const asked: string[] = [];
    const github: Server = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      if (req.method === "POST" && req.url === `/api/v3${path}`) res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify(conversion));
      else res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
    });
    await new Promise<void>((done) => github.listen(0, "127.0.0.1", done));
    try {
      const host = `127.0.0.1:${(github.address() as AddressInfo).port}`;
      const dir = appFolder();
      const env = { GH_ORG: "unesco-partnership", WEBHOOK_URL: "https://governance.example.org", GHE_HOST: host, GHE_PROTOCOL: "http" };
      const { port } = await startServer(dir, env);
      const back = await get(port, "/probot/setup?code=the-code");
      expect(asked).toEqual([`POST /api/v3${path}`]);
      expect(back.status).toBe(302);
      expect(back.headers.get("location")).toBe("https://github.com/apps/unesco-partnership-governance/installations/new");
      const written = parseEnv(readFileSync(join(dir, ".env"), "utf8"));
      expect(written.APP_ID).toBe("424242");
      expect(written.WEBHOOK_SECRET).toBe("a-long-random-webhook-secret");
      expect(written.PRIVATE_KEY?.trim()).toBe(TEST_PRIVATE_KEY.trim());

      // Restarted in the same folder, the server reads .env and is the app: no setup page, a
      // webhook endpoint that refuses an unsigned delivery.
      for (const child of children.splice(0)) child.kill("SIGKILL");
      const again = await startServer(dir, env);
      expect((await get(again.port, "/probot")).status).toBe(404);
      const unsigned = await fetch(`http://127.0.0.1:${again.port}/api/github/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": "1" },
        body: "{}",
      });
      expect(unsigned.status).toBe(400);
    } finally {
      github.close();
    }
  });
});

describe("registration settings", () => {
  const base = { GH_ORG: "org", WEBHOOK_URL: "https://gov.example.org/api/github/webhooks" };

  it.each([
    ["no organisation", { WEBHOOK_URL: base.WEBHOOK_URL }, ["setup.problem.org"]],
    ["no webhook URL", { GH_ORG: "org" }, ["setup.problem.webhook"]],
    ["a local webhook URL", { ...base, WEBHOOK_URL: "http://127.0.0.1:3000/api/github/webhooks" }, ["setup.problem.webhook-invalid"]],
    ["a webhook URL that is not one", { ...base, WEBHOOK_URL: "gov.example.org" }, ["setup.problem.webhook-invalid"]],
    ["a name longer than GitHub allows", { ...base, APP_NAME: "x".repeat(35) }, ["setup.problem.name"]],
    ["everything", base, []],
  ])("%s", (_, env, problems) => {
    expect(registration(env).problems.map((p) => p.key)).toEqual(problems);
  });

  it("takes Probot's webhook proxy (development) over the public URL, and names the app after the organisation by default", () => {
    const reg = registration({ GH_ORG: "a-very-long-organisation-name-indeed", WEBHOOK_PROXY_URL: "https://smee.io/abc", WEBHOOK_URL: "https://x.example" });
    expect(reg).toMatchObject({ webhookUrl: "https://smee.io/abc", viaProxy: true, problems: [] });
    expect(reg.name).toBe("a-very-long-organisation-name-inde");
    expect(registrationManifest({ name: "Partnership Governance", public: true, hook_attributes: { url: "https://example.com/" } }, reg)).toEqual({
      name: reg.name,
      public: false,
      hook_attributes: { url: "https://smee.io/abc", active: true },
    });
    expect(explanation("en", reg)).toContain("the proxy channel <code dir=\"ltr\">https://smee.io/abc</code>");
  });

  it("escapes what it shows", () => {
    const reg = registration({ GH_ORG: "org", APP_NAME: "<b>x</b>", WEBHOOK_URL: "javascript:alert(1)" });
    const page = problemsPage("en", reg);
    expect(page).toContain("<code dir=\"ltr\">javascript:alert(1)</code>");
    expect(explanation("en", { ...reg, problems: [] })).toContain("&lt;b&gt;x&lt;/b&gt;");
  });

  it.each([
    ["fr-CA,fr;q=0.9", "fr"],
    ["de-DE, zh-Hans;q=0.8", "zh"],
    ["de", "en"],
    [undefined, "en"],
  ])("reads the language of %s as %s", (header, lang) => {
    expect(languageOf(header)).toBe(lang);
  });
});

// Registering the app on GitHub (`npm start` with no credentials). Probot's setup flow does the
// work (its manifest, its form, the code exchange that writes .env, its "use an existing app"
// page); this module puts in front of it what a partnership needs and Probot 14.3.2 gets wrong:
//
// - the webhook URL: Probot sends `WEBHOOK_PROXY_URL` or `<the page's address>/`, which is
//   neither the webhook path nor reachable from GitHub when the page is opened on localhost, and
//   app.yml's `hook_attributes` would override it anyway. Here it is `WEBHOOK_PROXY_URL`
//   (Probot's smee flow, for development) or `WEBHOOK_URL` (the server's public address);
// - the owner: `GH_ORG` (Probot's own setting) is required, since the app is private
//   (`public: false`) and a private app can only be installed on the account that owns it;
// - the name: `APP_NAME`, by default "<org> governance" (GitHub App names are unique, and the
//   person registering can still change it on GitHub's page);
// - the "use an existing app" page shows that webhook URL to paste.
//
// Probot exports none of its setup pieces, so they are imported from its installed files (the
// version is pinned; test/setup.test.ts reads the page of a running server).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Probot, Server } from "probot";
import type { Language } from "./core/types.js";
import { isLanguage, t } from "./render/i18n.js";

/** GitHub's longest app name. */
export const MAX_APP_NAME = 34;
const WEBHOOK_PATH = "/api/github/webhooks";

type Env = Record<string, string | undefined>;

/** What registration will use, or the problems to fix first (message keys with params). */
export interface Registration {
  org: string | undefined;
  name: string;
  webhookUrl: string | undefined;
  viaProxy: boolean;
  problems: { key: string; params?: Record<string, string> }[];
}

const isLoopback = (host: string) =>
  host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || host === "0.0.0.0" || /^127\./.test(host);

/** Reads GH_ORG, APP_NAME, WEBHOOK_URL and WEBHOOK_PROXY_URL. */
export function registration(env: Env): Registration {
  const problems: Registration["problems"] = [];
  const org = env.GH_ORG?.trim() || undefined;
  if (!org) problems.push({ key: "setup.problem.org" });
  const name = env.APP_NAME?.trim() || (org ? `${org} governance`.slice(0, MAX_APP_NAME) : "Partnership Governance");
  if (name.length > MAX_APP_NAME) problems.push({ key: "setup.problem.name", params: { value: name, max: String(MAX_APP_NAME) } });
  const proxy = env.WEBHOOK_PROXY_URL?.trim() || undefined;
  let webhookUrl: string | undefined = proxy;
  if (!proxy) {
    const given = env.WEBHOOK_URL?.trim();
    if (!given) problems.push({ key: "setup.problem.webhook" });
    else {
      let url: URL | undefined;
      try {
        url = new URL(given);
      } catch {
        url = undefined;
      }
      if (!url || !/^https?:$/.test(url.protocol) || isLoopback(url.hostname)) {
        problems.push({ key: "setup.problem.webhook-invalid", params: { value: given } });
      } else {
        // A bare address gets the app's webhook path.
        if (url.pathname === "/" || url.pathname === "") url.pathname = env.WEBHOOK_PATH || WEBHOOK_PATH;
        webhookUrl = url.href;
      }
    }
  }
  return { org, name, webhookUrl, viaProxy: proxy !== undefined, problems };
}

/** Probot's manifest (from app.yml) with what registration needs: the webhook, the name, private. */
export function registrationManifest(probotManifest: Record<string, unknown>, reg: Registration): Record<string, unknown> {
  return {
    ...probotManifest,
    name: reg.name,
    public: false,
    hook_attributes: { url: reg.webhookUrl, active: true },
  };
}

/** The first language of an Accept-Language header that the app speaks, else English. */
export function languageOf(acceptLanguage: string | undefined): Language {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const primary = part.split(";")[0]!.trim().split("-")[0]!.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return "en";
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function escapeParams(params: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, `<code dir="ltr">${escapeHtml(v)}</code>`]));
}

const langAttrs = (lang: Language) => `lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}"`;

/** The page shown instead of the form while something is missing. */
export function problemsPage(lang: Language, reg: Registration): string {
  const items = reg.problems.map((p) => `<li class="mb-2">${t(lang, p.key, escapeParams(p.params))}</li>`).join("\n");
  return `<!DOCTYPE html>
<html ${langAttrs(lang)}>
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>${escapeHtml(t(lang, "setup.title"))}</title>
    <link rel="stylesheet" href="/probot/static/primer.css">
  </head>
  <body class="bg-gray-light">
    <div class="container-md p-6">
      <div class="box-shadow rounded-2 border p-6 bg-white">
        <h1>${escapeHtml(t(lang, "setup.title"))}</h1>
        <p>${escapeHtml(t(lang, "setup.problems"))}</p>
        <ul class="ml-4" id="problems">
${items}
        </ul>
        <p>${escapeHtml(t(lang, "setup.restart"))}</p>
      </div>
    </div>
  </body>
</html>`;
}

/** What the form will do, in words, shown above Probot's "Register GitHub App" button. */
export function explanation(lang: Language, reg: Registration): string {
  const p = escapeParams({ org: reg.org ?? "", name: reg.name, url: reg.webhookUrl ?? "" });
  const parts = [t(lang, "setup.explain.register", p), t(lang, reg.viaProxy ? "setup.explain.proxy" : "setup.explain.webhook", p), t(lang, "setup.explain.after", p)];
  return `<span ${langAttrs(lang)} id="explanation">${parts.join("<br><br>")}</span>`;
}

interface ProbotSetupPieces {
  setupAppFactory: (options: Record<string, unknown>) => () => Promise<Handler>;
  ManifestCreation: new () => {
    pkg: { name?: string; version?: string };
    getManifest(options: { pkg: unknown; baseUrl: string }): string;
    readonly createAppUrl: string;
  };
  setupView: (options: { name?: string; version?: string; description?: string; createAppUrl: string; manifest: string }) => string;
  importView: (options: { name?: string; WEBHOOK_PROXY_URL?: string; GH_HOST: string }) => string;
}

type Handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<boolean>;

async function probotSetupPieces(): Promise<ProbotSetupPieces> {
  const lib = dirname(createRequire(import.meta.url).resolve("probot"));
  const load = (file: string) => import(pathToFileURL(join(lib, file)).href) as Promise<Record<string, unknown>>;
  const [setup, manifest, views, imports] = await Promise.all([
    load("apps/setup.js"),
    load("manifest-creation.js"),
    load("views/setup.js"),
    load("views/import.js"),
  ]);
  return {
    setupAppFactory: setup.setupAppFactory,
    ManifestCreation: manifest.ManifestCreation,
    setupView: views.setupView,
    importView: imports.importView,
  } as ProbotSetupPieces;
}

/** Probot's address of the page (as setup.js computes it: the forwarded host and protocol). */
function baseUrlOf(req: import("node:http").IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = forwarded || (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  const protocol = Array.isArray(proto) ? proto[0] : proto.split(",")[0];
  return `${protocol}://${req.headers["x-forwarded-host"] ?? req.headers.host}`;
}

/** Our pages, in front of Probot's: GET /probot (the form) and GET /probot/import. */
function registrationPages(pieces: ProbotSetupPieces, env: Env): Handler {
  return async (req, res) => {
    if (req.method !== "GET") return false;
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/probot" && path !== "/probot/import") return false;
    // Read at each request: Probot's smee flow may have just set WEBHOOK_PROXY_URL.
    const reg = registration(env);
    const lang = languageOf(req.headers["accept-language"]);
    const html = (body: string) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    if (reg.problems.length > 0) {
      html(problemsPage(lang, reg));
      return true;
    }
    const creation = new pieces.ManifestCreation();
    const pkg = creation.pkg;
    if (path === "/probot/import") {
      html(
        pieces.importView({
          name: pkg.name,
          WEBHOOK_PROXY_URL: escapeHtml(reg.webhookUrl!),
          // Probot links "You can do it here" to GH_HOST/settings/apps: the organisation's apps.
          GH_HOST: `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST ?? "github.com"}/organizations/${encodeURIComponent(reg.org!)}`,
        }),
      );
      return true;
    }
    const manifest = registrationManifest(JSON.parse(creation.getManifest({ pkg, baseUrl: baseUrlOf(req) })) as Record<string, unknown>, reg);
    html(
      pieces.setupView({
        name: pkg.name,
        version: pkg.version,
        description: explanation(lang, reg),
        createAppUrl: creation.createAppUrl,
        // Probot puts the manifest in a single-quoted attribute without escaping it.
        manifest: escapeHtml(JSON.stringify(manifest)),
      }),
    );
    return true;
  };
}

export interface SetupOptions {
  env?: Env;
  /** Probot's: where the code exchange writes the credentials (default: .env in the folder). */
  updateEnv?: (env: Record<string, string>) => unknown;
}

/**
 * Probot's setup server, as `run` starts it without credentials, with our pages in front.
 * GH_ORG, APP_NAME, WEBHOOK_URL and WEBHOOK_PROXY_URL are read from `env` at each request.
 */
export async function startSetup(options: SetupOptions = {}): Promise<Server> {
  const env = options.env ?? process.env;
  const pieces = await probotSetupPieces();
  // A public address needs no smee channel (Probot would try to create one).
  if (env.WEBHOOK_URL && !env.WEBHOOK_PROXY_URL) env.NO_SMEE_SETUP = "true";
  const server = new Server({
    host: env.HOST,
    port: Number(env.PORT) || 3000,
    webhookPath: env.WEBHOOK_PATH,
    webhookProxy: env.WEBHOOK_PROXY_URL,
    // As Probot's run does in setup mode: the Probot instance is never used to call GitHub.
    Probot: Probot.defaults({ appId: 1, privateKey: "dummy value for setup, see probot#1512", logLevel: (env.LOG_LEVEL as "info") ?? "info" }),
  });
  await server.loadHandlerFactory(async (probot, { addHandler }) => {
    addHandler(registrationPages(pieces, env));
    return pieces.setupAppFactory({
      host: server.host,
      port: server.port,
      log: probot.log.child({ name: "setup" }),
      updateEnv: options.updateEnv,
    })();
  });
  await server.start();
  const reg = registration(env);
  const log = (message: string) => console.log(message);
  if (reg.problems.length > 0) {
    log(t("en", "setup.problems"));
    for (const p of reg.problems) log(`- ${t("en", p.key, Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, `\`${v}\``])))}`);
  }
  return server;
}

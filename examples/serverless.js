// Partnership Governance on a serverless host, or inside any Node.js HTTP server: Probot's
// createNodeMiddleware around the app. The app evaluates inline: every evaluation is finished
// before the response is sent, since nothing may run after the invocation ends.
//
// Environment, as for the server: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET (and NODE_ENV=production,
// which refuses to start without them). GitHub's webhook URL: https://<your host>/api/github/webhooks.
// A function has no scheduler: run `partnership-governance sweep` from the host's cron instead.
import { createNodeMiddleware, createProbot } from "probot";
import { createApp, createAppOctokit } from "partnership-governance";

let middleware;

/**
 * The middleware, built once per instance and reused by warm invocations. Give your own `probot`
 * to configure it further (tests give one with their own credentials).
 */
export function getMiddleware(probot) {
  middleware ??= createNodeMiddleware(createApp({ mode: "inline", schedule: "off" }), {
    probot: probot ?? createProbot({ overrides: { Octokit: createAppOctokit() } }),
    webhooksPath: "/api/github/webhooks",
  });
  return middleware;
}

/** The function: (req, res) as Node's http gives them (Vercel, Netlify, Cloud Run, a plain server). */
export default async function handler(req, res) {
  const handle = await getMiddleware();
  await handle(req, res, () => res.writeHead(404).end());
}

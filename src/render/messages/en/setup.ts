// English messages of the "setup" area (ICU MessageFormat): the page that registers the app on
// GitHub (`npm start` without credentials). Params are already HTML (names in <code>).
export const setup = {
  "setup.title": "Register Partnership Governance on GitHub",
  "setup.problems": "Before the app can be registered, set:",
  "setup.problem.org":
    "GH_ORG: the login of the partnership's organisation on GitHub. The app is registered as a private app of that organisation, so that only the organisation can install it.",
  "setup.problem.webhook":
    "WEBHOOK_URL: the public address at which GitHub reaches this server, such as https://governance.example.org/api/github/webhooks (behind a TLS proxy). For a trial without a public address, WEBHOOK_PROXY_URL instead: a channel created on https://smee.io/new, which this server then reads from.",
  "setup.problem.webhook-invalid":
    "WEBHOOK_URL is {value}: GitHub cannot reach it. Give an http or https address on a public host (not localhost).",
  "setup.problem.name": "APP_NAME is {value}: GitHub allows at most {max} characters.",
  "setup.restart": "Set them in the environment or in the file .env of this folder, then restart the app (npm start) and reload this page.",
  "setup.explain.register":
    "The button below opens GitHub's page to register a private GitHub App of the organisation {org}, proposed under the name {name}. GitHub App names are unique across GitHub: if GitHub says it is taken, change it on that page.",
  "setup.explain.webhook": "GitHub will send the app's webhooks to {url}.",
  "setup.explain.proxy":
    "GitHub will send the app's webhooks to the proxy channel {url}, which this server reads from while it runs: for a trial only, the channel is public.",
  "setup.explain.after":
    "After you register it, the app writes its credentials to the file .env of this folder, and GitHub asks where to install it: choose {org}. Then restart the app (npm start): it governs from then on.",
} satisfies Record<string, string>;

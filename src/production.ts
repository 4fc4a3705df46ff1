// In production the app refuses to start without real credentials: a webhook secret that is
// missing or Probot's development default would let anyone forge webhooks.

/** Probot's built-in secret when WEBHOOK_SECRET is not set. */
export const DEVELOPMENT_SECRET = "development";

/** The problems that forbid starting in production, each saying what to set. Empty when fine. */
export function checkProductionEnv(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  const secret = env.WEBHOOK_SECRET;
  if (!secret || secret.trim() === "" || secret === DEVELOPMENT_SECRET) {
    problems.push(
      "WEBHOOK_SECRET is missing or is the development default. Set it to the webhook secret of your GitHub App (Settings > Developer settings > GitHub Apps > your app), a long random string.",
    );
  }
  if (!env.APP_ID) problems.push("APP_ID is missing. Set it to your GitHub App's ID (shown on the app's settings page).");
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) {
    problems.push("PRIVATE_KEY (or PRIVATE_KEY_PATH) is missing. Generate a private key on the app's settings page and set it.");
  }
  return problems;
}

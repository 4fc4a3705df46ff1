// The package's main export: the app function (for `probot run`, createNodeMiddleware, or any
// Probot host), and the pieces a host may want to configure.
import { createApp } from "./app.js";

export { createApp, type AppOptions } from "./app.js";
export { createAppOctokit } from "./github/client.js";
export { checkProductionEnv } from "./production.js";

export default createApp();

#!/usr/bin/env node
// `npm start`: Probot's own server (`run`), with the app's GitHub client (a throttle id per
// installation, ETag-cached reads). With no credentials, Probot's setup page on
// http://localhost:3000 registers the app from app.yml. In production the app function refuses
// to load without real credentials (src/production.ts), and this says why and exits.
import { run } from "probot";
import { createApp } from "./app.js";
import { createAppOctokit } from "./github/client.js";

try {
  await run(createApp(), { Octokit: createAppOctokit() });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

#!/usr/bin/env node
// `npm start`: Probot's own server (`run`), with the app's GitHub client (a throttle id per
// installation, ETag-cached reads). With no credentials (and not in production), the setup page
// on http://localhost:3000 registers the app on the partnership's organisation (src/setup.ts).
// In production the app function refuses to load without real credentials (src/production.ts),
// and this says why and exits.
//
// SIGTERM (docker stop, Kubernetes) and SIGINT stop the server and exit: as PID 1 in a container
// Node gets no default handler for them, so without this `docker stop` waits 10 s and kills it.
// The app keeps no state: an evaluation cut short is redone by the next sweep.
import { getPrivateKey } from "@probot/get-private-key";
import { run, type Server } from "probot";
import { createApp } from "./app.js";
import { applyDotEnv } from "./dotenv.js";
import { createAppOctokit } from "./github/client.js";
import { startSetup } from "./setup.js";

function stopOnSignals(server: Server): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal}: stopping the server`);
    // With the durable queue (REDIS_URL), the app has its own handler, which lets the job under
    // way end and then exits: this one only stops taking webhooks.
    const appExits = process.listenerCount(signal) > 1;
    server.stop().then(
      () => {
        if (!appExits) process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** Probot's own test: the server needs the app's id and private key, else it is in setup mode. */
function hasCredentials(env: NodeJS.ProcessEnv): boolean {
  try {
    return Boolean(env.APP_ID) && Boolean(getPrivateKey({ env }));
  } catch {
    return false;
  }
}

try {
  // As Probot's run does: .env values are applied over the environment.
  applyDotEnv(process.env, { override: true });
  const server =
    process.env.NODE_ENV !== "production" && !hasCredentials(process.env)
      ? await startSetup()
      : await run(createApp(), { Octokit: createAppOctokit() });
  stopOnSignals(server);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

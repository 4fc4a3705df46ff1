import { action } from "./action.js";
import { app } from "./app.js";
import { checks } from "./checks.js";
import { cli } from "./cli.js";
import { common } from "./common.js";
import { declaration } from "./declaration.js";
import { policy } from "./policy.js";
import { queue } from "./queue.js";
import { record } from "./record.js";
import { report } from "./report.js";
import { setup } from "./setup.js";
import { signoff } from "./signoff.js";

export const ru: Record<string, string> = {
  ...common,
  ...policy,
  ...declaration,
  ...signoff,
  ...record,
  ...report,
  ...cli,
  ...checks,
  ...app,
  ...action,
  ...setup,
  ...queue,
};

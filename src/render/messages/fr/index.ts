// The "fr" catalog: the same keys as en/, area by area, merged in the same order as en/index.ts.
// French typography: the spaces before : and inside « » are no-break spaces (U+00A0), those before
// ; ? ! narrow no-break spaces (U+202F), so that GitHub never wraps a line before the punctuation.
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

export const fr: Record<string, string> = {
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

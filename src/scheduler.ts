// The scheduler in the app process: one sweep at each tick of GOVERNANCE_SCHEDULE (a cron
// expression, UTC). A sweep never overlaps the previous one (croner's `protect`).
import { Cron } from "croner";

interface Log {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export function startScheduler(expression: string, runSweep: () => Promise<void>, log: Log): Cron {
  const job = new Cron(expression, { timezone: "UTC", protect: true, unref: true }, async () => {
    try {
      await runSweep();
    } catch (error) {
      log.error({ err: error }, "sweep failed; the next one tries again");
    }
  });
  log.info({ schedule: expression, next: job.nextRun()?.toISOString() }, "scheduler started");
  return job;
}

// One pass of the scheduler: for every installation and every governed repository, publish the
// reports that are due and evaluate every open PR again. Evaluations are level-triggered and write
// nothing when nothing changed, so re-evaluating every open PR is what heals everything at once: a
// comment period that ended, a declaration that expired, a webhook that was missed, a process that
// died mid-evaluation, a check that failed because GitHub failed. With ETags, the reads of a PR
// whose state did not change are answered 304 and cost no rate limit.
import type { GitHub } from "../github/client.js";
import { listOpenPullRequests } from "../github/facts.js";
import type { RepoRef } from "../github/files.js";
import type { Services } from "../handlers/services.js";
import { publishDueReports } from "../transparency/report.js";
import { getRules, type Rules } from "./governance.js";

export interface InstallationClient {
  id: number;
  octokit: GitHub;
}

/** Where the sweep finds its installations: the app's (all of them), or one token's repository. */
export interface SweepSource {
  installations(): AsyncIterable<InstallationClient>;
  repositories(installation: InstallationClient): AsyncIterable<RepoRef & { defaultBranch: string }>;
}

export type PublishReports = (octokit: GitHub, repo: RepoRef, rules: Extract<Rules, { governed: true }>, now: Date) => Promise<void>;

/** The transparency reports that are due, oldest first (src/transparency/report.ts). */
export const publishReports: PublishReports = async (octokit, repo, rules, now) => {
  if (!rules.policy) return;
  await publishDueReports(octokit, { ...repo, policy: rules.policy, now });
};

export interface SweepStats {
  installations: number;
  repositories: number;
  governed: number;
  pullRequests: number;
  errors: number;
}

export async function sweep(source: SweepSource, services: Services, publishReports?: PublishReports): Promise<SweepStats> {
  const stats: SweepStats = { installations: 0, repositories: 0, governed: 0, pullRequests: 0, errors: 0 };
  for await (const installation of source.installations()) {
    stats.installations++;
    try {
      for await (const repo of source.repositories(installation)) {
        stats.repositories++;
        try {
          await sweepRepository(installation, repo, services, stats, publishReports);
        } catch (error) {
          stats.errors++;
          services.log?.warn({ err: error, repo }, "sweep: repository skipped after an error; the next sweep tries again");
        }
      }
    } catch (error) {
      stats.errors++;
      services.log?.warn({ err: error, installation: installation.id }, "sweep: installation skipped after an error");
    }
  }
  return stats;
}

async function sweepRepository(
  installation: InstallationClient,
  repo: RepoRef & { defaultBranch: string },
  services: Services,
  stats: SweepStats,
  publishReports?: PublishReports,
): Promise<void> {
  const ref = { owner: repo.owner, repo: repo.repo };
  const rules = await getRules(installation.octokit, ref, repo.defaultBranch);
  if (!rules.governed) return;
  stats.governed++;
  if (publishReports && rules.policy) await publishReports(installation.octokit, ref, rules, services.now());
  const open = await listOpenPullRequests(installation.octokit, ref);
  for (const pr of open) {
    stats.pullRequests++;
    await services.evaluate(installation.octokit, installation.id, { ...ref, pull_number: pr.number });
  }
}

/** The app's installations and their repositories, through Probot's app authentication. */
export function appSweepSource(auth: (installationId?: number) => Promise<unknown>): SweepSource {
  return {
    async *installations() {
      const app = (await auth()) as GitHub;
      for await (const page of app.paginate.iterator(app.rest.apps.listInstallations, { per_page: 100 })) {
        for (const inst of page.data) yield { id: inst.id, octokit: (await auth(inst.id)) as GitHub };
      }
    },
    async *repositories(installation) {
      const o = installation.octokit;
      for await (const page of o.paginate.iterator(o.rest.apps.listReposAccessibleToInstallation, { per_page: 100 })) {
        for (const r of page.data as unknown as Array<{ name: string; owner: { login: string }; default_branch?: string; archived?: boolean }>) {
          if (r.archived) continue;
          yield { owner: r.owner.login, repo: r.name, defaultBranch: r.default_branch ?? "main" };
        }
      }
    },
  };
}

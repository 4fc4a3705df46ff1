// The end-to-end tests' stand-in GitHub in a process of its own, for bench/durable.js's latency
// figures (so that the load generator does not share a process with GitHub's GraphQL answers):
// one governed repository with PULLS open PRs; tells its URL and the PRs' heads over IPC.
import { readFileSync } from "node:fs";
import { GitHubStandin } from "../test/e2e/standin/standin.js";

const NOW = new Date(process.env.NOW);
const root = new URL("../", import.meta.url);
const standin = new GitHubStandin({ appId: Number(process.env.APP_ID), now: () => NOW });
await standin.start();
const repo = standin.addRepo({
  owner: "partners",
  name: "charter",
  installation: 31,
  files: {
    ".github/governance.yml": readFileSync(new URL("test/fixtures/handlers/governance.yml", root), "utf8"),
    "STAKEHOLDERS.yml": readFileSync(new URL("test/fixtures/handlers/STAKEHOLDERS.yml", root), "utf8"),
    "CHARTER.md": "# Charter\n",
  },
  at: new Date(NOW.getTime() - 30 * 86_400_000),
});
for (let i = 0; i < Number(process.env.PULLS); i++) {
  standin.openPull(repo, { author: "alice", title: `Amendment ${i}`, files: { "CHARTER.md": `# Charter ${i}\n` }, at: new Date(NOW.getTime() - 3_600_000) });
}
const heads = [...repo.items.values()].map((p) => [p.number, standin.headSha(repo, p)]);
process.send?.({ url: standin.baseUrl, heads });

// Shared setup of the CLI tests: a fake GitHub Enterprise host, a governed repository, an IO
// that captures what a command prints.
import type { CliIO } from "../../src/cli/io.js";
import { serveGovernance } from "../helpers/github-mocks.js";
import { FakeGitHub } from "./fake-github.js";

export const API = "https://ghe.test";

export const POLICY = `sectors:
  - id: government
    name: Government
  - id: business
    name: Business
  - id: civil-society
    name: Civil society
decisions:
  - id: charter
    name: Charter amendment
    paths: ["CHARTER.md"]
`;

export function captureIO(env: Record<string, string | undefined> = { GITHUB_TOKEN: "ghp_test", GITHUB_API_URL: API }): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    cwd: "/nonexistent",
    env,
    out: () => out,
    err: () => err,
  };
}

export function governedFake(opts: { pageSize?: number; policy?: string | null } = {}): FakeGitHub {
  const gh = new FakeGitHub({ baseUrl: API, ...(opts.pageSize ? { pageSize: opts.pageSize } : {}) });
  serveGovernance(gh.mock, { owner: "org", repo: "charter", policy: opts.policy === undefined ? POLICY : opts.policy });
  return gh;
}

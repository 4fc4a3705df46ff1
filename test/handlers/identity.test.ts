// Issue 13, through a real Probot with real webhook payloads: who a person is (their account id,
// not their login), and which files are the rules (every file the rules are read from, and
// `.github/governance.yml` even where the organisation's policy governs and the repository has
// none yet).
import { describe, expect, it } from "vitest";
import { serveFile, type GitHubMock } from "../helpers/github-mocks.js";
import { userId } from "../e2e/standin/standin.js";
import { HEAD, NUMBER, OWNER, POLICY, REGISTRY, REPO, review, setupHandlerTest, type PullSpec } from "./harness.js";

const SIGNOFF = "Multi-sector sign-off";
const DECLARATION = "Stakeholder declaration";
const CHARTER: PullSpec = { author: "alice", labels: ["decision:charter"], files: ["CHARTER.md"] };

const { opened } = setupHandlerTest();

describe("people are their account ids", () => {
  const at = (h: number) => `2026-11-21T0${h}:00:00Z`;

  it("does not count an approval by a new account that took a member's login (another id)", async () => {
    const { checks } = await opened({
      pr: { ...CHARTER, reviews: [review("bob", "APPROVED", at(1)), { ...review("carol", "APPROVED", at(2)), userId: 404_404_404 }, review("dan", "APPROVED", at(3))] },
    });
    expect(checks[SIGNOFF]?.output.title).toBe("2 of 3 sectors: waiting for 1 more sector");
    expect(checks[SIGNOFF]?.output.text ?? checks[SIGNOFF]?.output.summary).toContain("**carol** (review): has no declaration in the registry");
  });

  it("counts an approval by a member who renamed, found by their id", async () => {
    const { checks } = await opened({
      pr: { ...CHARTER, reviews: [review("bob", "APPROVED", at(1)), { ...review("carol-renamed", "APPROVED", at(2)), userId: userId("carol") }, review("dan", "APPROVED", at(3))] },
    });
    expect(checks[SIGNOFF]?.output.title).toBe("Signed off by 3 sectors");
  });

  it("gives a newcomer the entry to paste with their account id, in the check and in the comment", async () => {
    const comments = `/repos/${OWNER}/${REPO}/issues/${NUMBER}/comments`;
    const { mock, checks } = await opened({ pr: { ...CHARTER, author: "newbie" } }, (m) => {
      m.post(comments, undefined, { status: 201, body: { id: 900 } });
    });
    const entry = `    id: ${userId("newbie")}  # the account’s GitHub id; do not change it`;
    expect(checks[DECLARATION]?.output.summary).toContain(entry);
    expect((mock.sent("POST", comments)[0]?.body as { body: string }).body).toContain(entry);
  });
});

describe("every rules file is governed", () => {
  const orgPolicy = (mock: GitHubMock) => {
    // No policy of its own: the organisation's `.github` repository's governs it.
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: null });
    serveFile(mock, { owner: OWNER, repo: ".github", path: ".github/governance.yml", ref: null, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
  };

  it("makes a PR that adds .github/governance.yml under the organisation's policy a governance decision, checked as it would leave the rules", async () => {
    const weaker = `${POLICY}\n`.replace("      sectors: 3\n      required_sectors: [civil-society]", "      sectors: 1");
    const { checks } = await opened({ rules: false, pr: { author: "alice", files: [".github/governance.yml"], reviews: [review("dan", "APPROVED", "2026-11-21T01:00:00Z")] } }, (mock) => {
      orgPolicy(mock);
      // The rules as the PR would leave them: its own policy and the registry, at its head.
      serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: HEAD, content: weaker });
      serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: HEAD, content: REGISTRY });
    });
    expect(checks[SIGNOFF]?.output.title).toBe("1 of 2 sectors: waiting for 1 more sector");
    expect(checks[SIGNOFF]?.output.summary).toContain("**Changes to the governance rules**");
  });

  it("fails the sign-off of a PR that adds an invalid .github/governance.yml under the organisation's policy", async () => {
    const { checks } = await opened({ rules: false, pr: { author: "alice", files: [".github/governance.yml"], reviews: [review("dan", "APPROVED", "2026-11-21T01:00:00Z"), review("bob", "APPROVED", "2026-11-21T02:00:00Z")] } }, (mock) => {
      orgPolicy(mock);
      serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: HEAD, content: "sectors: 5\n" });
    });
    expect(checks[SIGNOFF]?.conclusion).toBe("failure");
    expect(checks[SIGNOFF]?.output.summary).toContain(".github/governance.yml");
  });
});

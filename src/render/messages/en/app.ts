// English messages of the "app" area (ICU MessageFormat): the evaluation's own messages and the
// sweep command. Keys start with "app.".
export const app = {
  "app.policy-deleted":
    "This pull request deletes the policy file {file}. The repository would no longer be governed, so this cannot be signed off as it is: restore the file, or replace it with a valid policy.",
  "app.sweep.usage":
    "Usage: partnership-governance sweep [--repo OWNER/NAME]\n\nOne pass of the scheduler: publishes due transparency reports and evaluates every open pull request of every governed repository again.\nWith APP_ID and PRIVATE_KEY: every installation of the app. With GITHUB_TOKEN: one repository (--repo, or GITHUB_REPOSITORY).",
  "app.sweep.need-repo":
    "With GITHUB_TOKEN, say which repository to sweep: --repo OWNER/NAME (or set GITHUB_REPOSITORY).",
  "app.sweep.done":
    "Sweep done: {installations, plural, one {# installation} other {# installations}}, {repositories, plural, one {# repository} other {# repositories}} ({governed} governed), {pullRequests, plural, one {# open pull request} other {# open pull requests}} evaluated, {failures, plural, =0 {no evaluation failed} one {# evaluation failed} other {# evaluations failed}}, {errors, plural, =0 {no other error} one {# other error} other {# other errors}}.",
} satisfies Record<string, string>;

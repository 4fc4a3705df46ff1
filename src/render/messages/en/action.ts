// English messages of the "action" area (ICU MessageFormat): what the GitHub Action's entry
// (src/action.ts) prints in a workflow's log. Keys start with "action.".
export const action = {
  "action.error.not-in-workflow":
    "Partnership Governance runs as a step of a GitHub Actions workflow, and {variable} is not set. To run the app elsewhere, use the server (npm start) or the command line.",
  "action.error.no-token":
    "No GitHub token: give the action its github-token input (by default the workflow's own token) or set GITHUB_TOKEN.",
  "action.error.bad-app-id":
    "The app-id input must be a positive whole number (GitHub Actions' app id, 15368 on github.com); it is `{value}`.",
  "action.error.bad-repository":
    "GITHUB_REPOSITORY must name the repository as OWNER/NAME; it is `{value}`.",
  "action.error.unreadable-event": "Cannot read the event file {file}: {reason}",
  "action.error.pull-request-event":
    "This action runs on pull_request_target, never on pull_request: a pull_request workflow runs the pull request's own copy of the workflow file, which its author can change. In the workflow file, replace pull_request with pull_request_target.",
  "action.error.failed": "Partnership Governance failed on the {event} event: {message}",
  "action.fork-review":
    "A review on a pull request from a fork: GitHub gives this workflow a read-only token, so the checks are not written now. The next scheduled sweep writes them, or at once a comment /governance check on the pull request.",
  "action.done": "Partnership Governance handled the {event} event.",
} satisfies Record<string, string>;

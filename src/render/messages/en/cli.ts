// English messages of the "cli" area (ICU MessageFormat). Keys start with "cli.".
export const cli = {
  "cli.usage.main":
    "Usage: partnership-governance <command> [options]\n\nCommands:\n  validate   check a policy and a registry on disk\n  simulate   show what the checks would say about a pull request described in a file\n  report     build and publish the transparency report of a period\n  verify     check the hash chain of the transparency log\n  sweep      one pass of the scheduler over every installation\n\nRun `partnership-governance <command> --help` for the options of a command.",
  "cli.usage.validate":
    "Usage: partnership-governance validate [--config FILE] [--registry FILE] [--lang LANG]\n\n  --config FILE     the policy (default .github/governance.yml)\n  --registry FILE   the registry (default: the policy's `registry`, when it is a path in this repository)\n  --lang LANG       the language of the messages: en, fr, es, ru, zh or ar (default en)\n\nExit status: 0 valid (warnings allowed), 1 problems found, 2 wrong usage or a file that cannot be read.",
  "cli.error.unknown-command": "`{command}` is not a command.",
  "cli.error.unknown-option": "`{option}` is not an option of this command.",
  "cli.error.missing-value": "The option `{option}` needs a value.",
  "cli.error.bad-language": "`{value}` is not a language of the app. Use one of: {allowed}.",
  "cli.error.unreadable": "Cannot read `{file}`: {reason, select, missing {there is no such file} directory {it is a folder} denied {permission denied} other {{reason}}}.",
  "cli.error.unexpected": "Something went wrong inside the program: {message}",
  "cli.validate.registry-needed":
    "The policy's registry is `{ref}`, in another repository. Give a copy of it with `--registry FILE` to check it.",
  "cli.validate.registry-absent": "There is no registry file `{file}`: nobody has declared, so every contributor's declaration check fails and no decision can be signed off until it exists. Create it (the first one is merged by an administrator), or give its path with `--registry`.",
  "cli.validate.registry-skipped": "The registry was not checked, because the policy has problems.",
  "cli.validate.registry-no-base": "The registry was not checked, because the base policy was not available.",
  "cli.validate.valid":
    "{files} {count, plural, one {is} other {are}} valid{warnings, plural, =0 {.} one {, with # warning.} other {, with # warnings.}}",
  "cli.validate.invalid":
    "{errors, plural, one {# problem} other {# problems}}{warnings, plural, =0 {} one { and # warning} other { and # warnings}} in {files}.",
  "cli.error.unreachable":
    "Cannot reach GitHub at {url} ({reason}). Check this machine's network connection, or GITHUB_API_URL for GitHub Enterprise.",
  "cli.error.timeout":
    "GitHub at {url} did not answer within {seconds} seconds. Try again later, or allow longer with GITHUB_REQUEST_TIMEOUT (seconds).",
} satisfies Record<string, string>;

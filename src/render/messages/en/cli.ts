// English messages of the "cli" area (ICU MessageFormat). Keys start with "cli.".
export const cli = {
} satisfies Record<string, string>;

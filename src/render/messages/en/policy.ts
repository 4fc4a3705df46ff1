// English messages of the "policy" area (ICU MessageFormat). Keys start with "policy.".
export const policy = {
} satisfies Record<string, string>;

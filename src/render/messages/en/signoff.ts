// English messages of the "signoff" area (ICU MessageFormat). Keys start with "signoff.".
export const signoff = {
} satisfies Record<string, string>;

// English messages of the "record" area (ICU MessageFormat). Keys start with "record.".
export const record = {
} satisfies Record<string, string>;

// English messages of the "report" area (ICU MessageFormat). Keys start with "report.".
export const report = {
} satisfies Record<string, string>;

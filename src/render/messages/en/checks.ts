// English messages of the "checks" area (ICU MessageFormat): check run outputs, the
// instruction comment, error summaries. Keys start with "checks.".
export const checks = {
} satisfies Record<string, string>;

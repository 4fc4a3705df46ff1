// English messages of the "declaration" area (ICU MessageFormat). Keys start with "declaration.".
export const declaration = {
} satisfies Record<string, string>;

// The "ru" catalog: the same keys as en/, area by area (filled by the translation of each area).
export const ru: Record<string, string> = {};

// The "ar" catalog: the same keys as en/, area by area (filled by the translation of each area).
export const ar: Record<string, string> = {};

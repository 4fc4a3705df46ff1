// The "zh" catalog: the same keys as en/, area by area (filled by the translation of each area).
export const zh: Record<string, string> = {};

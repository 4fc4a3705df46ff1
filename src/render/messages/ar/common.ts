// Arabic messages shared by every area (the same keys as en/common.ts).
export const common = {
  "common.and": "و",
  "common.none": "لا شيء",
  "common.yes": "نعم",
  "common.no": "لا",
} satisfies Record<string, string>;

// Russian messages shared by every area (mirrors en/common.ts).
export const common = {
  "common.and": "и",
  "common.none": "нет",
  "common.yes": "да",
  "common.no": "нет",
} satisfies Record<string, string>;

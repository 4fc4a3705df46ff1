// Simplified Chinese messages shared by every area (the same keys as en/common.ts).
export const common = {
  "common.and": "和",
  "common.none": "无",
  "common.yes": "是",
  "common.no": "否",
} satisfies Record<string, string>;

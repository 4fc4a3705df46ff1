// Spanish messages shared by every area. Same keys as en/common.ts.
export const common = {
  "common.and": "y",
  "common.none": "ninguno",
  "common.yes": "sí",
  "common.no": "no",
} satisfies Record<string, string>;

// Messages shared by every area.
export const common = {
  "common.and": "and",
  "common.none": "none",
  "common.yes": "yes",
  "common.no": "no",
} satisfies Record<string, string>;

// Messages français communs à tous les domaines (traduction de en/common.ts).
export const common = {
  "common.and": "et",
  "common.none": "aucun",
  "common.yes": "oui",
  "common.no": "non",
} satisfies Record<string, string>;

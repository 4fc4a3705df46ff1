// The catalogs by language. Each area of the app keeps its messages in a file of its own
// (en/policy.ts, en/declaration.ts, ...), merged here; other languages mirror the same files.
import type { Language } from "../../core/types.js";
import { en } from "./en/index.js";

export type Catalog = Record<string, string>;

export const catalogs: Partial<Record<Language, Catalog>> & { en: Catalog } = { en };

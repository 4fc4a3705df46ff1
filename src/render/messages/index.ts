// The catalogs by language. Each area of the app keeps its messages in a file of its own
// (en/policy.ts, en/declaration.ts, ...), merged in each language's index; every language
// mirrors the same files and keys (test/render/catalog.test.ts fails on any gap).
import type { Language } from "../../core/types.js";
import { ar } from "./ar/index.js";
import { en } from "./en/index.js";
import { es } from "./es/index.js";
import { fr } from "./fr/index.js";
import { ru } from "./ru/index.js";
import { zh } from "./zh/index.js";

export type Catalog = Record<string, string>;

export const catalogs: Record<Language, Catalog> = { en, fr, es, ru, zh, ar };

// Parsing a policy is pure but not cheap (YAML, then the schema and the rule checks: about 20 ms
// for the example policy), and every evaluation of every PR reads the same files again (answered
// 304 from the ETag cache). So parsed results are remembered by their exact inputs, in a small
// LRU, and frozen: a result shared between evaluations can never be changed by one of them.
import { createHash } from "node:crypto";

export const MEMO_ENTRIES = 256;

export class Memo<V> {
  readonly #entries = new Map<string, V>();
  constructor(readonly max = MEMO_ENTRIES) {}

  get(key: string, make: () => V): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const value = deepFreeze(make());
    this.#entries.set(key, value);
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** A key for file contents: their length and SHA-256 (never the text itself, which may be large). */
export function contentKey(text: string | Uint8Array): string {
  const hash = createHash("sha256").update(typeof text === "string" ? `s${text}` : Buffer.concat([Buffer.from("b"), text])).digest("base64");
  return `${text.length}:${hash}`;
}

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A stable identity for an object (a memoised layer or policy), for keys built from several. */
export function identity(value: object): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = nextId++;
    ids.set(value, id);
  }
  return id;
}

function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || seen.has(v) || ArrayBuffer.isView(v)) continue;
    seen.add(v);
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}

// Reading a policy or registry file as YAML, defensively. The app is a long-running server, so
// a file written to hurt it (too big, not UTF-8, an alias bomb, tens of thousands of keys, deep
// nesting) is refused with a diagnostic before the expensive steps run:
//   1. size and encoding, on the bytes;
//   2. the concrete syntax tree (yaml's Parser keeps its own stack, so depth cannot overflow
//      ours), walked iteratively to count nodes and aliases and measure depth;
//   3. only then the Document (composition recurses, safe once depth is bounded) and the JS
//      value, with yaml's own `maxAliasCount` as a second guard against expansion.
// Every node keeps its source range, so later errors can name file:line:column.
import {
  Composer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type CST,
  type Document,
  type Node,
} from "yaml";
import {
  MAX_CONFIG_BYTES,
  MAX_YAML_ALIASES,
  MAX_YAML_DEPTH,
  MAX_YAML_NODES,
} from "../constants.js";
import type { Diagnostic, SourcePos } from "../core/types.js";
import { diagnostic } from "./diagnostics.js";

/** A parsed file: its document (for positions) and its plain value. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed | null;
  lineCounter: LineCounter;
  /** The file's value as plain data; undefined when the file could not be read. */
  value: unknown;
}

export interface ReadYamlResult {
  source: YamlSource;
  /** File-level errors: when any, `source.value` is undefined. */
  diagnostics: Diagnostic[];
}

/** A path into the data, as zod reports it: keys and list indexes. */
export type DataPath = ReadonlyArray<PropertyKey>;

const PARSE_OPTIONS = {
  version: "1.2",
  schema: "core",
  merge: false,
  strict: true,
  prettyErrors: false,
  // Duplicate keys are found below with a Set: yaml's own check is quadratic in a map's size.
  uniqueKeys: false,
} as const;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * Where the first byte that is not UTF-8 is: its line, and its column in characters (as yaml
 * counts them), so that an editor can go there. The longest prefix that decodes (a prefix that
 * ends inside a character counts as decoding) is found by bisection.
 */
export function notUtf8At(bytes: Uint8Array, file: string): SourcePos {
  const decodes = (n: number): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(mid)) good = mid;
    else bad = mid;
  }
  // bytes[0, good) decodes; the byte that breaks it starts at the last character boundary.
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, good), { stream: true });
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = (before.slice(0, lineStart).match(/\n/g)?.length ?? 0) + 1;
  const column = before.length - lineStart + 1;
  return { file, line, column };
}

/** Decodes and parses one YAML file, refusing hostile input (see the header). */
export function readYaml(input: string | Uint8Array, file: string): ReadYamlResult {
  const lineCounter = new LineCounter();
  const failed = (d: Diagnostic): ReadYamlResult => ({
    source: { file, doc: null, lineCounter, value: undefined },
    diagnostics: [d],
  });
  const top: SourcePos = { file, line: 1, column: 1 };

  let text: string;
  if (typeof input === "string") {
    // A JS string has at most 3 UTF-8 bytes per code unit: measure only when it could matter.
    if (input.length > MAX_CONFIG_BYTES || (input.length * 3 > MAX_CONFIG_BYTES && byteLength(input) > MAX_CONFIG_BYTES)) {
      return failed(diagnostic("error", "policy.file.too-large", top, { max: MAX_CONFIG_BYTES / 1024 }));
    }
    text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  } else {
    if (input.byteLength > MAX_CONFIG_BYTES) {
      return failed(diagnostic("error", "policy.file.too-large", top, { max: MAX_CONFIG_BYTES / 1024 }));
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return failed(diagnostic("error", "policy.file.not-utf8", notUtf8At(input, file)));
    }
  }

  const posAt = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  // yaml's parser slows down badly on tens of thousands of open brackets: refuse them first.
  const deepAt = deepFlowOffset(text);
  if (deepAt !== null) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf("\n"); i !== -1 && i < deepAt; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
    return failed(diagnostic("error", "policy.yaml.too-deep", posAt(deepAt), { max: MAX_YAML_DEPTH }));
  }

  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const shape = measureCst(tokens);
  if (shape.problem) {
    const { code, offset } = shape.problem;
    const max = code === "policy.yaml.too-deep" ? MAX_YAML_DEPTH : code === "policy.yaml.too-many-aliases" ? MAX_YAML_ALIASES : MAX_YAML_NODES;
    return failed(diagnostic("error", code, posAt(offset), { max }));
  }

  const docs = [...new Composer(PARSE_OPTIONS).compose(tokens, true, text.length)];
  const doc = docs[0] ?? null;
  const source: YamlSource = { file, doc, lineCounter, value: undefined };
  const diagnostics: Diagnostic[] = [];
  if (docs.length > 1) {
    const second = docs[1]!;
    diagnostics.push(diagnostic("error", "policy.yaml.several-documents", posAt(second.range[0])));
  }
  for (const doc of docs) {
    for (const err of doc.errors) {
      diagnostics.push(diagnostic("error", "policy.yaml.syntax", posAt(err.pos[0]), { detail: err.message.replace(/\s+/g, " ").trim() }));
    }
  }
  if (doc) diagnostics.push(...duplicateKeys(doc, posAt));
  if (diagnostics.length > 0 || !doc) return { source, diagnostics };

  try {
    source.value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {};
  } catch {
    // yaml throws a ReferenceError when aliases would expand past maxAliasCount (a "billion
    // laughs"), or when an alias points to an anchor that does not exist.
    return failed(diagnostic("error", "policy.yaml.alias-expansion", top, { max: MAX_YAML_ALIASES }));
  }
  return { source, diagnostics };
}

/**
 * The offset of the first flow bracket nested deeper than MAX_YAML_DEPTH, or null. Brackets in
 * quotes and comments are skipped; a stray bracket in a plain scalar only ever raises the count
 * a little, far from the limit.
 */
function deepFlowOffset(text: string): number | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      else if (c === "\n" && depth === 0) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      const before = i === 0 ? " " : text[i - 1]!;
      if (/[\s[{,:]/.test(before)) quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if (c === "[" || c === "{") {
      depth++;
      if (depth > MAX_YAML_DEPTH) return i;
    } else if ((c === "]" || c === "}") && depth > 0) {
      depth--;
    } else if (c === "\n" && depth > 0 && /^\S/.test(text.slice(i + 1, i + 2)) && !/^[\]}]/.test(text.slice(i + 1, i + 2))) {
      // A new top-level line ends any unclosed flow collection (the parser reports that error).
      depth = 0;
    }
  }
  return null;
}

type CstProblem = { code: "policy.yaml.too-deep" | "policy.yaml.too-many-nodes" | "policy.yaml.too-many-aliases"; offset: number };

/** Counts the nodes and aliases of the syntax tree and measures its depth, without recursion. */
function measureCst(tokens: CST.Token[]): { problem?: CstProblem } {
  let nodes = 0;
  let aliases = 0;
  const stack: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    switch (token.type) {
      case "document":
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        if (depth + 1 > MAX_YAML_DEPTH) return { problem: { code: "policy.yaml.too-deep", offset: token.offset } };
        // Pushed in reverse, so that nodes are visited in document order and the node named
        // in an error is the first one past the limit.
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i]!;
          if (item.value) stack.push({ token: item.value, depth: depth + 1 });
          if (item.key && typeof item.key === "object") stack.push({ token: item.key, depth: depth + 1 });
        }
        break;
      }
      case "alias":
        aliases += 1;
        if (aliases > MAX_YAML_ALIASES) return { problem: { code: "policy.yaml.too-many-aliases", offset: token.offset } };
        break;
      default:
        break;
    }
    if (token.type !== "document") {
      nodes += 1;
      if (nodes > MAX_YAML_NODES) return { problem: { code: "policy.yaml.too-many-nodes", offset: "offset" in token ? token.offset : 0 } };
    }
  }
  return {};
}

/** A key of a map as a string ("" for keys that are no scalar). */
function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return "";
}

function duplicateKeys(doc: Document.Parsed, posAt: (offset: number) => SourcePos): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const k = keyText(pair.key);
        const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
        const first = seen.get(k);
        if (first !== undefined) {
          out.push(diagnostic("error", "policy.yaml.duplicate-key", posAt(offset), { key: k, line: posAt(first).line }));
        } else {
          seen.set(k, offset);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out;
}

/**
 * The position of the node at `path` (or of its key, with `at: "key"`). When the path leaves
 * the document (a missing key), the deepest node that exists is named: the map that lacks it.
 */
export function locate(source: YamlSource, path: DataPath, at: "value" | "key" = "value"): SourcePos {
  const doc = source.doc;
  let node: unknown = doc?.contents ?? null;
  for (let i = 0; i < path.length && doc; i++) {
    const seg = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      const last = i === path.length - 1;
      node = last && at === "key" ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
    } else {
      break;
    }
  }
  const offset = (node as Node | null)?.range?.[0] ?? 0;
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line, column: col };
}

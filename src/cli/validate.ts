// `partnership-governance validate [--config F] [--registry F] [--lang L]`: checks a policy and a
// registry on disk, as SPEC.md's command table says. Exit 0 valid (warnings allowed), 1 problems,
// 2 usage (an unknown option, a missing value, a file that cannot be read).
import { openSync, readSync, closeSync, readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { DEFAULT_POLICY_PATH, MAX_CONFIG_BYTES } from "../constants.js";
import { LANGUAGES, type Diagnostic, type Language, type Policy, type Registry } from "../core/types.js";
import { isLanguage, t } from "../render/i18n.js";
import { hasErrors, sortDiagnostics } from "../policy/diagnostics.js";
import { refText, resolvePolicy, type FileRef, type ReadBase } from "../policy/load.js";
import { sameRepository } from "../github/files.js";
import { parseRegistry, policyWarnings } from "../policy/registry.js";
import type { CliIO } from "./io.js";

export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

/** Options `--name value` or `--name=value`; every option here takes a value. */
export function parseOptions(argv: readonly string[], names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (!name.startsWith("--") || !names.includes(name.slice(2))) throw new UsageError("cli.error.unknown-option", { option: name });
    let value: string | undefined;
    if (eq > 0 && arg.startsWith("--")) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value !== undefined && value.startsWith("--")) value = undefined;
      else i++;
    }
    if (value === undefined || value === "") throw new UsageError("cli.error.missing-value", { option: name });
    out.set(name.slice(2), value);
  }
  return out;
}

type ReadOutcome = { bytes: Uint8Array } | { missing: true } | { error: string };

/**
 * Reads at most MAX_CONFIG_BYTES + 1 bytes: enough for the parser to say the file is too large,
 * without loading a huge file into memory.
 */
export function readLimited(path: string): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    return errorOutcome(err);
  }
  try {
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0 || total + n >= buf.length) {
        total += n;
        break;
      }
      total += n;
    }
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, total) };
  } catch (err) {
    return errorOutcome(err);
  } finally {
    closeSync(fd);
  }
}

function errorOutcome(err: unknown): ReadOutcome {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { missing: true };
  if (code === "EISDIR") return { error: "directory" };
  if (code === "EACCES" || code === "EPERM") return { error: "denied" };
  return { error: (err as Error).message };
}

/** The repository this folder is a checkout of: GITHUB_REPOSITORY, or the origin remote's URL. */
export function currentRepo(io: CliIO): { owner: string; repo: string } | null {
  const fromEnv = io.env.GITHUB_REPOSITORY?.split("/");
  if (fromEnv?.length === 2 && fromEnv[0] && fromEnv[1]) return { owner: fromEnv[0], repo: fromEnv[1] };
  try {
    const config = readFileSync(resolve(io.cwd, ".git", "config"), "utf8");
    const section = /\[remote "origin"\]([^[]*)/.exec(config)?.[1] ?? "";
    const m = /url\s*=\s*\S*?github[^:/]*[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\s*$/m.exec(section);
    if (m) return { owner: m[1]!, repo: m[2]! };
  } catch {
    // Not a git checkout: `_extends` bases can then not be found on disk.
  }
  return null;
}

/** A path as the repository knows it (forward slashes, relative to its root), or null outside it. */
function inRepo(cwd: string, file: string): string | null {
  const rel = relative(cwd, resolve(cwd, file));
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return null;
  return rel.split(sep).join("/");
}

/** `file:line:column: message`, as compilers write it, so editors and CI can link to it. */
export function formatDiagnostic(d: Diagnostic, lang: Language): string {
  const where = `${d.file}:${d.line}:${d.column}:`;
  // "warning:" is part of the line format (SPEC.md), which tools parse: it is not translated.
  return d.severity === "warning" ? `${where} warning: ${t(lang, d.message)}` : `${where} ${t(lang, d.message)}`;
}

export async function runValidate(argv: string[], io: CliIO): Promise<number> {
  let lang: Language = "en";
  try {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.stdout(`${t(lang, "cli.usage.validate")}\n`);
      return 0;
    }
    const options = parseOptions(argv, ["config", "registry", "lang"]);
    const langOption = options.get("lang");
    if (langOption !== undefined) {
      if (!isLanguage(langOption)) throw new UsageError("cli.error.bad-language", { value: langOption, allowed: LANGUAGES.join(", ") });
      lang = langOption;
    }
    return await validate(options, io, lang);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${t(lang, err.key, err.params)}\n\n${t(lang, "cli.usage.validate")}\n`);
      return 2;
    }
    throw err;
  }
}

async function validate(options: Map<string, string>, io: CliIO, lang: Language): Promise<number> {
  const configFile = options.get("config") ?? DEFAULT_POLICY_PATH;
  const config = readLimited(resolve(io.cwd, configFile));
  if ("missing" in config || "error" in config) {
    throw new UsageError("cli.error.unreadable", { file: configFile, reason: "missing" in config ? "missing" : config.error });
  }

  const here = currentRepo(io);
  const policyPath = inRepo(io.cwd, configFile) ?? DEFAULT_POLICY_PATH;
  const self: FileRef = { owner: here?.owner ?? "", repo: here?.repo ?? "", path: policyPath };
  // Only bases in this very repository can be read from disk; others are reported as unchecked.
  const readBase: ReadBase = async (ref) => {
    const local = here ? sameRepository(ref, here) : false;
    if (!local) return "unavailable";
    const got = readLimited(resolve(io.cwd, ref.path));
    if ("missing" in got) return null;
    if ("error" in got) throw new UsageError("cli.error.unreadable", { file: ref.path, reason: got.error });
    return { text: got.bytes, file: ref.path };
  };
  const policyResult = await resolvePolicy(readBase, self, { text: config.bytes, file: configFile }, policyPath, {
    ...(here ? { home: here } : {}),
    warnOtherRepositories: true,
  });
  const policy: Policy | null = policyResult.policy;

  const files = [configFile];
  const notes: string[] = [];
  let registryDiagnostics: Diagnostic[] = [];
  let registry: Registry | null = null;
  let missingRegistry = false;
  const registryOption = options.get("registry");
  if (!policy) {
    notes.push(t(lang, hasErrors(policyResult.diagnostics) ? "cli.validate.registry-skipped" : "cli.validate.registry-no-base"));
  } else if (registryOption !== undefined) {
    const got = readLimited(resolve(io.cwd, registryOption));
    if ("missing" in got || "error" in got) {
      throw new UsageError("cli.error.unreadable", { file: registryOption, reason: "missing" in got ? "missing" : got.error });
    }
    ({ registry, diagnostics: registryDiagnostics } = parseRegistry(got.bytes, registryOption, policy));
    files.push(registryOption);
  } else if (policy.registry.kind === "remote") {
    throw new UsageError("cli.validate.registry-needed", { ref: refText(policy.registry) });
  } else {
    const file = policy.registry.path;
    const got = readLimited(resolve(io.cwd, file));
    if ("error" in got) throw new UsageError("cli.error.unreadable", { file, reason: got.error });
    // Fail closed, as the app does: without a registry nobody can sign off anything.
    if ("missing" in got) {
      notes.push(t(lang, "cli.validate.registry-absent", { file }));
      missingRegistry = true;
    }
    ({ registry, diagnostics: registryDiagnostics } = parseRegistry("bytes" in got ? got.bytes : null, file, policy));
    files.push(file);
  }

  const policyDiagnostics = sortDiagnostics([...policyResult.diagnostics, ...(policy ? policyWarnings(policy, registry) : [])]);
  const all = [...policyDiagnostics, ...registryDiagnostics];
  for (const d of all) io.stdout(`${formatDiagnostic(d, lang)}\n`);
  for (const note of notes) io.stdout(`${note}\n`);
  const errors = all.filter((d) => d.severity === "error").length + (missingRegistry ? 1 : 0);
  const warnings = all.length - (errors - (missingRegistry ? 1 : 0));
  const params = { files: files.join(` ${t(lang, "common.and")} `), count: files.length, errors, warnings };
  io.stdout(`${t(lang, errors > 0 ? "cli.validate.invalid" : "cli.validate.valid", params)}\n`);
  return errors > 0 ? 1 : 0;
}

// Identifiers and GitHub limits, in one place. Identifiers are never translated (SPEC.md).

export const APP_NAME = "partnership-governance";

export const CHECK_DECLARATION = "Stakeholder declaration";
export const CHECK_SIGNOFF = "Multi-sector sign-off";
/** The anchor of each record: a completed check run on the commit the record is about. */
export const CHECK_ANCHOR = "Transparency record";

/**
 * Where editors find the JSON Schemas of the policy and the registry once the package is
 * published: jsDelivr serves the files of every npm release, and `@0.1` follows the newest 0.1.x
 * (a 0.x minor may change the schema). test/policy/schema.test.ts keeps it in step with the
 * version in package.json.
 */
export const SCHEMA_CHANNEL = "0.1";
export const SCHEMA_BASE_URL = `https://cdn.jsdelivr.net/npm/partnership-governance@${SCHEMA_CHANNEL}/schema/`;

export const DEFAULT_POLICY_PATH = ".github/governance.yml";
export const DEFAULT_REGISTRY_PATH = "STAKEHOLDERS.yml";
/** Probot's convention: an organisation-wide config lives in the org's `.github` repository. */
export const ORG_CONFIG_REPO = ".github";

/** Hidden markers that find what the app wrote before. */
export const MARKER_PREFIX = "<!-- partnership-governance:";
export const marker = (name: string): string => `${MARKER_PREFIX}${name} -->`;
/**
 * Hidden in a sign-off run judged without the app's whole memo of seen commands (src/core/memo-gap.ts):
 * that run's memo is known to be incomplete, so it never stands for the app's whole memory.
 */
export const MEMO_GAP_MARKER = marker("memo-gap");
export const MARKER_INSTRUCTIONS = marker("declaration-instructions");

export const LOG_TITLE_PREFIX = "Transparency log: ";
export const REPORT_TITLE_PREFIX = "Transparency report: ";

/** GitHub rejects issue and comment bodies longer than this (characters). */
export const MAX_BODY_CHARS = 65_536;
/** GitHub rejects a check run's output.summary/text longer than this (characters). */
export const MAX_CHECK_OUTPUT_CHARS = 65_535;
/** GitHub truncates check run titles; keep ours well inside. */
export const MAX_CHECK_TITLE_CHARS = 1_000;

/** Hostile-input limits for the policy and the registry (documented in the README). */
export const MAX_CONFIG_BYTES = 256 * 1024;
export const MAX_YAML_ALIASES = 100;
export const MAX_YAML_DEPTH = 64;
export const MAX_YAML_NODES = 20_000;
export const MAX_GLOB_LENGTH = 256;
export const MAX_GLOBS_PER_KIND = 50;
export const MAX_RULE_DEPTH = 8;

export const COMMAND_PREFIX = "/governance";

// Reading the policy and the registry: always from a repository's default branch (SPEC.md: a PR
// cannot change the rules it is judged by), as bytes, so the parser keeps every position and
// every read carries its ETag (the client caches it).
import { MAX_CONFIG_BYTES } from "../constants.js";
import type { GitHub } from "./client.js";

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface FileRef extends RepoRef {
  path: string;
}

/** Whether two references name the same repository (GitHub's names are case-insensitive). */
export const sameRepository = (a: RepoRef, b: RepoRef): boolean =>
  a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();

export interface FileContent {
  /**
   * The file's bytes. A file larger than MAX_CONFIG_BYTES is not downloaded: it is given as
   * MAX_CONFIG_BYTES + 1 zero bytes, so every size check refuses it ("too large") at once.
   */
  text: Uint8Array;
  sha: string;
  /** The size GitHub reports, in bytes. */
  size: number;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

export async function getDefaultBranch(octokit: GitHub, ref: RepoRef): Promise<string> {
  const { data } = await octokit.rest.repos.get({ owner: ref.owner, repo: ref.repo });
  return data.default_branch;
}

/**
 * A file of the repository's default branch (or of `ref`), or null when it does not exist (or is
 * not a file: a directory, a symlink, a submodule), or its repository does not. Without `ref` the
 * contents API reads the default branch itself, so its name is never looked up.
 */
export async function readFileAtDefaultBranch(octokit: GitHub, file: FileRef, ref?: string): Promise<FileContent | null> {
  const at = ref === undefined ? {} : { ref };
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner: file.owner, repo: file.repo, path: file.path, ...at }));
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
  if (Array.isArray(data) || typeof data !== "object" || data === null) return null;
  const entry = data as { type?: string; size?: number; sha?: string; content?: string; encoding?: string };
  if (entry.type !== "file") return null;
  const size = entry.size ?? 0;
  const sha = entry.sha ?? "";
  if (size > MAX_CONFIG_BYTES) return { text: new Uint8Array(MAX_CONFIG_BYTES + 1), sha, size };
  if (entry.encoding === "base64" && typeof entry.content === "string") {
    return { text: new Uint8Array(Buffer.from(entry.content, "base64")), sha, size };
  }
  // Files of 1 MB to 100 MB come without inline content (`encoding: "none"`); the raw media type
  // gives their bytes. Only reachable if MAX_CONFIG_BYTES is ever raised above 1 MB.
  const raw = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
    owner: file.owner,
    repo: file.repo,
    path: file.path,
    ...at,
    mediaType: { format: "raw" },
    request: { parseSuccessResponseBody: false },
  });
  const body = raw.data as unknown;
  const bytes =
    body instanceof ArrayBuffer
      ? new Uint8Array(body)
      : typeof body === "string"
        ? new Uint8Array(Buffer.from(body, "utf8"))
        : new Uint8Array(Buffer.from(await new Response(body as ReadableStream).arrayBuffer()));
  return { text: bytes, sha, size: bytes.byteLength };
}

/** The policy loader's way of reading a file (src/policy). */
export type ReadFile = (ref: FileRef) => Promise<{ text: string | Uint8Array; file: string } | null>;

/**
 * A ReadFile for the evaluation of one governed repository: every file is read from its own
 * repository's default branch; `file` names it as messages show it: `path` in the governed
 * repository, `owner/repo:path` in another.
 */
export function createReadFile(octokit: GitHub, governed: RepoRef): ReadFile {
  const key = (r: RepoRef) => `${r.owner}/${r.repo}`.toLowerCase();
  return async (ref) => {
    const content = await readFileAtDefaultBranch(octokit, ref);
    if (!content) return null;
    const file = key(ref) === key(governed) ? ref.path : `${ref.owner}/${ref.repo}:${ref.path}`;
    return { text: content.text, file };
  };
}

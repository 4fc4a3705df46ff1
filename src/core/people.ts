// Who is who. Identity is the account's numeric GitHub id, not its login: logins can be renamed,
// and a login someone gave up can be taken by a new account. An entry of the registry that gives
// an id counts only for the account with that id, found by id first (an account that renamed
// keeps its declaration); an entry without an id is found by login (case-insensitively, as GitHub
// compares logins), and is current only where the policy says `ids: optional`. A bot is an
// account GitHub marks as one or whose login ends in "[bot]" (GitHub Apps).
import type { Actor, Registry, RegistryEntry } from "./types.js";

export function loginKey(login: string): string {
  return login.toLowerCase();
}

export function sameLogin(a: string, b: string): boolean {
  return loginKey(a) === loginKey(b);
}

export function isBot(actor: Actor): boolean {
  return actor.isBot || loginKey(actor.login).endsWith("[bot]");
}

/** Whether two accounts are one: by id when both are known, by login otherwise. */
export function samePerson(a: Pick<Actor, "login" | "id">, b: Pick<Actor, "login" | "id">): boolean {
  if (a.id !== null && b.id !== null) return a.id === b.id;
  return sameLogin(a.login, b.login);
}

/** The registry by id and by lowercased login; the first entry wins (duplicates make it invalid). */
export interface RegistryIndex {
  byId: Map<number, RegistryEntry>;
  byLogin: Map<string, RegistryEntry>;
  /** Every entry once, in the registry's order. */
  entries: RegistryEntry[];
}

export function indexRegistry(registry: Registry): RegistryIndex {
  const byId = new Map<number, RegistryEntry>();
  const byLogin = new Map<string, RegistryEntry>();
  const entries: RegistryEntry[] = [];
  for (const entry of registry?.entries ?? []) {
    const key = loginKey(entry.login);
    if (byLogin.has(key) || (entry.id !== undefined && byId.has(entry.id))) continue;
    byLogin.set(key, entry);
    if (entry.id !== undefined) byId.set(entry.id, entry);
    entries.push(entry);
  }
  return { byId, byLogin, entries };
}

/**
 * The registry entry of an account: the entry with its id first; else the entry of its login,
 * unless that entry names another account's id (whoever took a login someone gave up gets
 * nothing from their entry). An account whose id is not known (a `simulate` PR file that gives
 * none) is matched by login, as if the ids agreed.
 */
export function entryOf(index: RegistryIndex, actor: Pick<Actor, "login" | "id">): RegistryEntry | undefined {
  if (actor.id === null) return index.byLogin.get(loginKey(actor.login));
  const byId = index.byId.get(actor.id);
  if (byId) return byId;
  const byLogin = index.byLogin.get(loginKey(actor.login));
  return byLogin && byLogin.id === undefined ? byLogin : undefined;
}

/** The name to show for an account matched to an entry: "new (old)" when it renamed since. */
export function shownName(actor: Pick<Actor, "login">, entry: Pick<RegistryEntry, "login"> | undefined): string {
  return entry && !sameLogin(entry.login, actor.login) ? `${actor.login} (${entry.login})` : actor.login;
}

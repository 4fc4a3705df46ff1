// Who is who: logins compare case-insensitively (GitHub logins are case-insensitive), and a
// bot is an account GitHub marks as one or whose login ends in "[bot]" (GitHub Apps).
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

/** The registry by lowercased login; the first entry wins (duplicates make the registry invalid). */
export function indexRegistry(registry: Registry): Map<string, RegistryEntry> {
  const byLogin = new Map<string, RegistryEntry>();
  for (const entry of registry.entries) {
    const key = loginKey(entry.login);
    if (!byLogin.has(key)) byLogin.set(key, entry);
  }
  return byLogin;
}

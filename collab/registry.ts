// Where route handlers find the running sync service. Next.js bundles its own copy of every
// module, so a module-level variable set by server.ts would be invisible to them; globalThis is
// shared by both. Browser-free and dependency-free (type imports only) so any bundle may import it.
import type { CollabService } from "./index";

const KEY = Symbol.for("journeyboard.collab");
const g = globalThis as unknown as { [KEY]?: CollabService };

/** The sync service running in this process, or null (not started, or running as its own process). */
export function getCollabService(): CollabService | null {
  return g[KEY] ?? null;
}

/** @internal startCollabService registers itself here. */
export function registerCollabService(service: CollabService): void {
  g[KEY] = service;
}

/** @internal close() unregisters (only itself: a newer service may have replaced it). */
export function unregisterCollabService(service: CollabService): void {
  if (g[KEY] === service) delete g[KEY];
}

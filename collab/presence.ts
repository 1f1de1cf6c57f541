// Presence identity: awareness states are JSON chosen by clients, so the server decides who a
// state belongs to. Each connection's states carry the socket's own user id, name and colour
// (stamped over whatever the client wrote); states that claim another user are dropped; a
// connection can neither take over nor remove (null update) a client id it does not own.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, memberships, users } from "@/db/schema";
import { colorForUser } from "@/lib/presence/color-for-user";
import type { DocKind } from "@/lib/live-documents/doc-name";

/** Who a connection is, as peers see it. */
export type PresenceIdentity = { id: string; name: string; color: string };

/** Maps show department colours (as the editor does); personas and stakeholder maps a colour per user. */
const MAP_FALLBACK_COLOR = "#64748b";
const MAX_NAME = 80;

/** The identity stamped on a connection's awareness states (read once, at the upgrade). */
export async function loadPresenceIdentity(
  db: DbOrTx,
  { userId, workspaceId, kind }: { userId: string; workspaceId: string; kind: DocKind },
): Promise<PresenceIdentity> {
  const [row] = await db
    .select({ name: users.name, email: users.email, color: departments.color })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.workspaceId, workspaceId)))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(eq(users.id, userId))
    .limit(1);
  const name = (row?.name?.trim() || row?.email || "").slice(0, MAX_NAME);
  const color = kind === "map" ? (row?.color ?? MAP_FALLBACK_COLOR) : colorForUser(userId);
  return { id: userId, name, color };
}

/** One entry of an awareness update. */
export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

/** Decodes an awareness update (throws on truncated or malformed input, including bad JSON). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return entries;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

/** The user id a state claims (`state.user.id`), or undefined when it claims none. */
export function claimedUserId(state: unknown): unknown {
  if (!state || typeof state !== "object" || Array.isArray(state)) return undefined;
  const user = (state as { user?: unknown }).user;
  if (!user || typeof user !== "object") return undefined;
  return (user as { id?: unknown }).id;
}

/**
 * The state as peers will see it: the connection's identity as `user`, or null when the state
 * claims someone else (or is not an object, which no presence UI could show).
 */
export function stampState(state: unknown, identity: PresenceIdentity): Record<string, unknown> | null {
  if (!state || typeof state !== "object" || Array.isArray(state)) return null;
  const claimed = claimedUserId(state);
  if (claimed !== undefined && claimed !== identity.id) return null;
  return { ...(state as Record<string, unknown>), user: { ...identity } };
}

// "Sign out everywhere": every session JWT of the user carries the old session version and stops
// working at its next request; open /collab sockets of the user close now (and on other instances
// at their next access re-check).
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getLiveDocuments } from "@/lib/live-documents/port";

/** Ends every session of the user (bumps the session version, closes their session sockets, audits). */
export async function signOutEverywhere(db: Database, { userId, ip, reason = "auth.signed_out_everywhere" }: { userId: string; ip?: string | null; reason?: string }): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
  await recordAuditEvent(db, { action: reason, actorId: userId, ip });
  await closeUserSessionSockets(userId);
}

/** Closes the user's cookie-authenticated /collab connections whose session is no longer current. */
export async function closeUserSessionSockets(userId: string): Promise<void> {
  try {
    await getLiveDocuments().userSessionsEnded(userId);
  } catch (err) {
    console.error("live documents: userSessionsEnded failed", err);
  }
}

// Account security: change the password (needs the current one). Other sessions end.
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

/** Changes the password after checking the current one (AppError `invalid_input` on `current` otherwise); bumps the session version. */
export async function changePassword(db: Database, { userId, current, next, ip }: { userId: string; current: string; next: string; ip?: string | null }): Promise<{ sessionVersion: number }> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError("not_found");
  // SSO-only accounts have no current password: they set one through the reset mail instead.
  if (!(await verifyPassword(current, user.passwordHash))) throw new AppError("invalid_input", "wrong_password", { current: "wrong_password" });
  const passwordHash = await hashPassword(next);
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  await recordAuditEvent(db, { action: "auth.password_changed", actorId: userId, ip });
  return row;
}

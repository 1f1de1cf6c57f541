// Creates a local (e-mail + password) account.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { hashPassword } from "./password";

export type CreateLocalAccountOptions = { name: string; email: string; password: string; locale?: string; ip?: string };

export async function createLocalAccount(db: Database, { name, email, password, locale, ip }: CreateLocalAccountOptions) {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) throw new AppError("conflict", "email_taken", { email: "email_taken" });
  const passwordHash = await hashPassword(password);
  const [user] = await db.insert(users).values({ name, email, passwordHash, locale }).onConflictDoNothing().returning();
  if (!user) throw new AppError("conflict", "email_taken", { email: "email_taken" });
  await recordAuditEvent(db, { action: "auth.sign_up", actorId: user.id, ip });
  return user;
}

// Changes the signed-in user's display name.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";

export async function updateAccountName(db: Database, { userId, name }: { userId: string; name: string }) {
  await db.update(users).set({ name }).where(eq(users.id, userId));
}

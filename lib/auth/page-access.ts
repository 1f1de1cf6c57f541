// For server components: who is signed in, and their access to the workspace in the URL.
// Non-members get notFound() (another workspace's pages answer 404). Cached per request.
import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { getDb } from "@/db/client";
import { findAccessBySlug } from "@/db/queries/memberships";

export const requireUser = cache(async () => {
  const session = await auth();
  if (!session?.user?.id) redirect("/sign-in");
  return { userId: session.user.id, name: session.user.name ?? null, email: session.user.email ?? "" };
});

export const requireWorkspaceAccess = cache(async (slug: string) => {
  const user = await requireUser();
  const db = await getDb();
  const access = await findAccessBySlug(db, user.userId, slug);
  if (!access) notFound();
  return { user, access, db };
});

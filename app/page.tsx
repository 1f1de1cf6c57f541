import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listUserWorkspaces } from "@/db/queries/memberships";
import { requireUser } from "@/lib/auth/page-access";

// "/" → the user's first workspace, or onboarding when they have none yet.
export default async function RootPage() {
  const user = await requireUser();
  const workspaces = await listUserWorkspaces(await getDb(), user.userId);
  redirect(workspaces.length ? `/w/${workspaces[0].slug}` : "/onboarding");
}

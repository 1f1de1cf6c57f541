"use server";
import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { ZWorkspaceName, ZWorkspaceSlug } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

export const createWorkspaceAction = userAction(
  z.object({ name: ZWorkspaceName, slug: ZWorkspaceSlug }),
  async (input, { db, userId }) => {
    const workspace = await createWorkspace(db, { ...input, ownerId: userId });
    return { slug: workspace.slug };
  },
);

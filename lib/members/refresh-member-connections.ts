// After a role change or removal, open /collab connections must follow at once (read-only, or
// closed). The sync service lives in this process when it runs at all; best effort otherwise.
import { getCollabService } from "@/collab/registry";

export async function refreshMemberConnections(workspaceId: string, userId: string): Promise<void> {
  try {
    await getCollabService()?.refreshMember(workspaceId, userId);
  } catch (err) {
    // The membership change is committed; connections are re-checked on their next message anyway.
    console.error("collab: refreshMember failed", err);
  }
}

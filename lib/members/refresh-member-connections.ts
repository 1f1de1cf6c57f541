// After a role change or removal, open /collab connections on every instance must follow at once
// (read-only, or closed), through the live-documents port.
import { getLiveDocuments } from "@/lib/live-documents/port";

export async function refreshMemberConnections(workspaceId: string, userId: string): Promise<void> {
  try {
    await getLiveDocuments().membershipChanged(workspaceId, userId);
  } catch (err) {
    // The membership change is committed; the sync service re-checks open connections periodically.
    console.error("live documents: membershipChanged failed", err);
  }
}

// The in-process implementation of lib's live-documents port (lib/live-documents/port.ts): the
// sync service runs in this process, so reads come from live rooms and edits go through them
// (stored, relayed here and — through Redis and the control channel — on every other instance).
// Wired by server.ts and collab/standalone.ts with setLiveDocuments().
import type { LiveDocuments } from "@/lib/live-documents/port";
import { AppError } from "@/lib/errors";
import type { CollabService } from "./index";
import { WorkspaceMismatchError } from "./rooms";

export function createInProcessLiveDocuments(service: CollabService): LiveDocuments {
  return {
    kind: "in-process",
    // getDocumentState already returns a copy.
    read: (_db, docName) => service.getDocumentState(docName),
    async edit(_db, docName, workspaceId, edit) {
      try {
        await service.applyServerEdit(docName, workspaceId, edit);
      } catch (err) {
        // Same answer as for any other resource of another workspace (or a deleted one).
        if (err instanceof WorkspaceMismatchError) throw new AppError("not_found");
        throw err;
      }
    },
    documentDeleted: (docName) => service.refreshDocument(docName),
    membershipChanged: (workspaceId, userId) => service.refreshMember(workspaceId, userId),
    userSessionsEnded: (userId) => service.refreshUserSessions(userId),
    broadcast: (docName, message) => service.broadcast(docName, message),
  };
}

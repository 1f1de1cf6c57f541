"use client";
// The map editor's live document: the shared collaborative-document hook on room `map:{id}`.
import { useCollabDoc, type CollabSession } from "@/components/collab/use-collab-doc";
import { mapDocName } from "@/lib/live-documents/doc-name";

export type { ConnectionStatus } from "@/components/collab/use-collab-doc";
export type MapSession = CollabSession;

export function useMapDoc(mapId: string, userId: string): MapSession | null {
  return useCollabDoc(mapDocName(mapId), userId);
}

// What the app does when a collaborative document changes (relational projections, audit).
// Registered by every process that stores edits: server.ts on the sync service in its process (or,
// with COLLAB_IN_PROCESS=0, on the cross-process live-documents port, for edits the app stores
// itself) and collab/standalone.ts on its sync service. Each product area adds its hook here.
import type { Database } from "@/db/client";
import { onMapChanged } from "@/lib/maps/project-map";
import { onPersonaChanged } from "@/lib/personas/on-persona-changed";
import { onStakeholderMapChanged } from "@/lib/stakeholders/on-stakeholder-map-changed";

export type DocumentChangeSubscriber = {
  onDocumentChanged: (listener: (docName: string, doc: import("yjs").Doc, info?: unknown) => void | Promise<void>) => unknown;
};

export function registerDocumentHooks(collab: DocumentChangeSubscriber, db: Database): void {
  // map:* → stages, touchpoints, KPIs, opportunities, gaps, personas and summary of journey_maps.
  collab.onDocumentChanged((name, doc, info) => onMapChanged(db, name, doc, info as { workspaceId?: string; userIds?: string[] }));
  // persona:* → personas row; stakeholders:* → stakeholders projection.
  collab.onDocumentChanged((name, doc, info) => onPersonaChanged(db, name, doc, info as { workspaceId?: string }));
  collab.onDocumentChanged((name, doc, info) => onStakeholderMapChanged(db, name, doc, info as { workspaceId?: string }));
}

// What the app does when a collaborative document changes (relational projections, audit).
// server.ts calls this once the sync service is running; each product area adds its hook here.
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

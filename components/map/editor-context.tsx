"use client";
// What every part of the editor needs: the live document, how to edit it (always with this
// user's transaction origin, so undo only ever touches their own changes), the map as plain
// data, workspace options, presence, and a way to tell the user something.
import { createContext, useContext } from "react";
import type * as Y from "yjs";
import type { MapData } from "@/lib/maps/map-document";
import type { Peer, PresenceFocus } from "./use-presence";
import type { EditorVocabulary } from "./vocabulary";

export type DepartmentOption = { id: string; name: string; color: string };
export type PersonaOption = { id: string; name: string; segment: string; avatarColor: string };
export type Notice = { id: number; message: string; tone: "info" | "error"; action?: { label: string; run: () => void } };

export type EditorContextValue = {
  doc: Y.Doc;
  origin: object;
  canEdit: boolean;
  map: MapData;
  /** Runs `fn` as one undoable change of this user. */
  edit: (fn: (doc: Y.Doc) => void) => void;
  departments: DepartmentOption[];
  people: string[];
  personas: PersonaOption[];
  byCell: Map<string, Peer[]>;
  setFocus: (focus: PresenceFocus, editing: boolean) => void;
  notify: (notice: Omit<Notice, "id">) => void;
  openPanel: (touchpointId: string, section?: string) => void;
  /** Issue 13: channel/device suggestions and the gap normaliser of the workspace vocabulary. */
  vocabulary: EditorVocabulary;
  /** Issue 13: members as owners (user id + the name shown), to reference an owner by id. */
  members: { userId: string; name: string }[];
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("useEditor outside the map editor");
  return value;
}

/** The department colour of a department name ("" / unknown: none). */
export function departmentColor(departments: DepartmentOption[], name: string): string | null {
  return departments.find((d) => d.name === name)?.color ?? null;
}

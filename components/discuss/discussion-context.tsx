"use client";
// What the document's own components (grid, stage band, persona sections, stakeholder canvas)
// need from the discussion: comment counts per anchor, a way to open the thread of an anchor, and
// the touchpoints changed since the reader's last visit. Without a provider, markers render nothing.
import { createContext, useContext } from "react";
import type { CommentAnchorKind } from "@/db/schema";

export type AnchorRef = { kind: CommentAnchorKind; id: string | null; label: string };

export type DiscussionContextValue = {
  counts: Map<string, number>;
  openComments: (anchor: AnchorRef | null) => void;
  changed: Set<string>;
  markSeen: (touchpointId: string) => void;
  mayComment: boolean;
};

export const DiscussionContext = createContext<DiscussionContextValue | null>(null);

export function useDiscussionContext(): DiscussionContextValue | null {
  return useContext(DiscussionContext);
}

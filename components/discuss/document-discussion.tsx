"use client";
// Comments for a persona sheet or a stakeholder map: provides the markers' context to the
// document's components, a "Comments" button, and the comments panel (fixed at the right).
// Deep links (?section= / ?stakeholder= / ?comment=) open the thread.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { CollabSession } from "@/components/collab/use-collab-doc";
import { CommentsPanel } from "./comments-panel";
import { DiscussionContext, type AnchorRef, type DiscussionContextValue } from "./discussion-context";
import { useDiscussion, type DocKind } from "./use-discussion";

export function DocumentDiscussion({
  docKind, docId, workspace, meId, isAdmin, session, labelOf, children,
}: {
  docKind: Exclude<DocKind, "map">;
  docId: string;
  workspace: string;
  meId: string;
  isAdmin: boolean;
  session: CollabSession | null;
  /** The current label of an anchor id (section title, stakeholder name). */
  labelOf: (id: string) => string;
  children: React.ReactNode;
}) {
  const t = useTranslations("discuss");
  const connected = session?.status === "saved" || session?.status === "saving";
  const discussion = useDiscussion(docKind, docId, meId, session?.appMessages, connected);
  const [open, setOpen] = useState<{ anchor: AnchorRef | null; threadId?: string | null } | null>(null);
  const openComments = useCallback((anchor: AnchorRef | null) => setOpen({ anchor }), []);
  const value = useMemo<DiscussionContextValue>(
    () => ({ counts: discussion.counts, openComments, changed: new Set(), markSeen: () => {}, mayComment: discussion.mayComment }),
    [discussion.counts, openComments, discussion.mayComment],
  );
  const anchorKind = docKind === "persona" ? "section" : "stakeholder";
  const linked = useRef(false);
  useEffect(() => {
    if (linked.current || !discussion.threads) return;
    linked.current = true;
    const q = new URLSearchParams(window.location.search);
    const id = q.get(docKind === "persona" ? "section" : "stakeholder");
    const thread = q.get("comment");
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads or applies external state (server data, the URL, a dialog opening) once the component is there
    if (id) setOpen({ anchor: { kind: anchorKind, id, label: labelOf(id) }, threadId: thread });
    else if (thread) setOpen({ anchor: null, threadId: thread });
  }, [discussion.threads, docKind, anchorKind, labelOf]);
  const openCount = (discussion.threads ?? []).filter((th) => !th.resolvedAt).length;
  return (
    <DiscussionContext.Provider value={value}>
      <div className="no-print mb-2 flex justify-end">
        <button type="button" onClick={() => setOpen(open ? null : { anchor: null })} aria-pressed={Boolean(open)} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="comments-button">
          <span aria-hidden>💬</span> {t("comments")}
          {openCount ? <span className="ml-1 rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">{openCount}</span> : null}
        </button>
      </div>
      {children}
      {open ? (
        <CommentsPanel
          floating
          docKind={docKind}
          docId={docId}
          workspace={workspace}
          meId={meId}
          isAdmin={isAdmin}
          discussion={discussion}
          anchor={open.anchor}
          focusThreadId={open.threadId}
          onClearAnchor={() => setOpen({ anchor: null })}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </DiscussionContext.Provider>
  );
}

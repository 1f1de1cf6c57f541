"use client";
// The map editor screen: connects to the live document, and composes the top bar, the grid,
// the side panel, dialogs and notices. Every edit runs in one transaction with this user's
// origin, which is the only origin the undo manager tracks: undo never touches others' work.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import * as Y from "yjs";
import { prepareMapRestoreAction } from "@/lib/actions/maps/prepare-map-restore";
import {
  MapDocumentError, addLane, applyExport, addStage, addTouchpoint, moveStage, moveTouchpoint, removeLane, removeStage,
  removeTouchpoint, renameLane,
} from "@/lib/maps/map-document";
import { EditorContext, type DepartmentOption, type EditorContextValue, type Notice, type PersonaOption } from "./editor-context";
import { EDITOR_HEIGHT, EditorSkeleton } from "./editor-skeleton";
import { PromptDialog, ShortcutsDialog } from "./dialogs";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { POSTER_LANES as POSTER_LANE_KEYS } from "@/lib/export/poster-lanes";
import { BASE_COLUMN_WIDTH, buildColumns, clampZoom, layoutLanes, stageSpans, zoomToFit } from "./layout";
import { MapGrid, type ActiveCell, type CellLane } from "./map-grid";
import { ExportDialog } from "./export-dialog";
import { PrintMap, usePrinting } from "./print-map";
import { TopBar } from "./top-bar";
import { TouchpointPanel } from "./touchpoint-panel";
import { JourneyOutcomesButton } from "./journey-outcomes";
import { PersonaCurveControls, PersonaCurvesProvider } from "./persona-curves";
import { useMapDoc, type MapSession } from "./use-map-doc";
import { useCollapsedLanes } from "./editor/use-collapsed-lanes";
import { useEditorShortcuts } from "./editor/use-editor-shortcuts";
import { useFocusPresence } from "./editor/use-focus-presence";
import { useMapData } from "./editor/use-map-data";
import { useUndo } from "./editor/use-undo";
import { CommentsPanel } from "@/components/discuss/comments-panel";
import { DiscussionContext, type AnchorRef, type DiscussionContextValue } from "@/components/discuss/discussion-context";
import { MapFollowUpPanel } from "@/components/discuss/map-follow-up-panel";
import { useDiscussion } from "@/components/discuss/use-discussion";
import { usePresence, type PresenceUser } from "./use-presence";
import { LiveAnnouncer, usePresenceAnnouncements, useRemoteChangeAnnouncement, useAnnouncer } from "@/components/a11y/live-announcer";

type Props = {
  mapId: string;
  workspaceSlug: string;
  initialTitle: string;
  canEdit: boolean;
  me: PresenceUser & { department: string | null };
  departments: DepartmentOption[];
  personas: PersonaOption[];
  people: string[];
  /** Discussion and follow-up: members (owner picker), admin rights, touchpoints changed since the last visit. */
  discuss?: { members: { userId: string; name: string | null; email: string }[]; isAdmin: boolean; changedTouchpoints: string[] };
};

export function MapEditor(props: Props) {
  const t = useTranslations("editor");
  const session = useMapDoc(props.mapId, props.me.id);
  if (!session || !session.loaded) {
    return <EditorSkeleton title={props.initialTitle} message={session?.status === "offline" ? t("offlineLoading") : undefined} />;
  }
  return <LoadedEditor {...props} session={session} />;
}

type Confirm = { title: string; message: string; confirmLabel: string; run: () => void };
type Prompt = { title: string; label: string; initial: string; confirmLabel: string; run: (value: string) => void };

function LoadedEditor({ session, ...props }: Props & { session: MapSession }) {
  const t = useTranslations("editor");
  const tc = useTranslations("common");
  const { doc, origin, provider, status } = session;
  const canEdit = props.canEdit && !session.serverReadOnly && status !== "forbidden";
  const map = useMapData(doc);
  const undo = useUndo(doc, origin);
  const me = useMemo<PresenceUser>(() => ({ id: props.me.id, name: props.me.name, color: props.me.color }), [props.me.id, props.me.name, props.me.color]);
  const presence = usePresence(provider.awareness, me);
  const { collapsed, toggle } = useCollapsedLanes(props.me.id);
  const [zoom, setZoom] = useState(1);
  const [active, setActive] = useState<ActiveCell | null>(null);
  const [editing, setEditing] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const [panel, setPanel] = useState<{ touchpointId: string; section?: string } | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [shortcuts, setShortcuts] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [exportOpen, setExportOpen] = useState(false);
  const printing = usePrinting();
  const scrollRef = useRef<HTMLDivElement>(null);
  const noticeId = useRef(0);

  // ---- discussion: comments panel, markers, "changed since your last visit", activity & review ----
  const tdis = useTranslations("discuss");
  const discussion = useDiscussion("map", props.mapId, props.me.id, session.appMessages, status === "saved" || status === "saving");
  const [comments, setComments] = useState<{ anchor: AnchorRef | null; threadId?: string | null } | null>(null);
  const [followUp, setFollowUp] = useState<"activity" | "review" | null>(null);
  const [changed, setChanged] = useState<Set<string>>(() => new Set(props.discuss?.changedTouchpoints ?? []));
  const markSeen = useCallback((id: string) => setChanged((prev) => (prev.has(id) ? new Set([...prev].filter((x) => x !== id)) : prev)), []);
  const openComments = useCallback((anchor: AnchorRef | null, threadId?: string | null) => {
    setPanel(null);
    setComments({ anchor, threadId });
  }, []);
  const discussionValue = useMemo<DiscussionContextValue>(
    () => ({ counts: discussion.counts, openComments: (a) => openComments(a), changed, markSeen, mayComment: discussion.mayComment }),
    [discussion.counts, openComments, changed, markSeen, discussion.mayComment],
  );

  const columns = useMemo(() => buildColumns(map), [map]);
  const spans = useMemo(() => stageSpans(map, columns), [map, columns]);
  const lanes = useMemo(() => layoutLanes(map.lanes, collapsed), [map.lanes, collapsed]);
  const columnWidth = Math.round(BASE_COLUMN_WIDTH * zoom);

  // Screen readers: who joins or leaves, and others' changes to the touchpoint the user is in.
  const ta = useTranslations("a11y");
  const announcer = useAnnouncer();
  usePresenceAnnouncements(presence.people, me.id, announcer.announce, { joined: (names) => ta("joined", { names }), left: (names) => ta("left", { names }) });
  const lastUpdateRemote = useRef(false);
  useEffect(() => {
    const onUpdate = (_update: Uint8Array, updateOrigin: unknown) => {
      lastUpdateRemote.current = updateOrigin === provider;
    };
    doc.on("update", onUpdate);
    return () => doc.off("update", onUpdate);
  }, [doc, provider]);
  const focusedTouchpoint = active ? (map.touchpoints.find((tp) => tp.id === active.col) ?? null) : null;
  const isLastUpdateRemote = useCallback(() => lastUpdateRemote.current, []);
  useRemoteChangeAnnouncement(focusedTouchpoint?.id ?? null, focusedTouchpoint ? JSON.stringify(focusedTouchpoint) : null, isLastUpdateRemote, announcer.announce, () => {
    const title = focusedTouchpoint?.title || t("untitledTouchpoint");
    const names = [...new Set(presence.peers.filter((p) => p.focus?.touchpointId === focusedTouchpoint?.id).map((p) => p.user.name))].join(", ");
    return names ? ta("remoteChangeBy", { names, title }) : ta("remoteChange", { title });
  });

  const notify = useCallback((notice: Omit<Notice, "id">) => {
    const id = ++noticeId.current;
    setNotices((list) => [...list.slice(-2), { ...notice, id }]);
    setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), notice.action ? 10_000 : 6_000);
  }, []);

  const edit = useCallback(
    (fn: (doc: Y.Doc) => void) => {
      if (!canEdit) return;
      try {
        doc.transact(() => fn(doc), origin);
      } catch (error) {
        if (error instanceof MapDocumentError) notify({ message: t(`errors.${error.code}`), tone: "error" });
        else throw error;
      }
    },
    [canEdit, doc, origin, notify, t],
  );

  /** A structural change as its own undo step, with a notice offering to undo it. */
  const structural = useCallback(
    (fn: (doc: Y.Doc) => void, message?: string) => {
      const manager = undo.manager;
      manager?.stopCapturing();
      edit(fn);
      manager?.stopCapturing();
      if (!message || !manager) return;
      const item = manager.undoStack[manager.undoStack.length - 1];
      notify({
        message,
        tone: "info",
        action: {
          label: tc("undo"),
          run: () => {
            if (manager.undoStack[manager.undoStack.length - 1] === item) manager.undo();
            else notify({ message: t("undoUseShortcut"), tone: "info" });
          },
        },
      });
    },
    [edit, notify, t, tc, undo.manager],
  );

  const requestFocus = useCallback(() => setFocusTick((n) => n + 1), []);
  const openPanel = useCallback((touchpointId: string, section?: string) => {
    setComments(null);
    setPanel({ touchpointId, section });
  }, []);

  const context = useMemo<EditorContextValue>(
    () => ({
      doc, origin, canEdit, map, edit, departments: props.departments, people: props.people, personas: props.personas,
      byCell: presence.byCell, setFocus: presence.setFocus, notify, openPanel,
    }),
    [doc, origin, canEdit, map, edit, props.departments, props.people, props.personas, presence.byCell, presence.setFocus, notify, openPanel],
  );

  // ---- actions -------------------------------------------------------------------------------

  const addTouchpointAt = useCallback(
    (stageId?: string, index?: number) => {
      if (!canEdit) return;
      let newId: string | null = null;
      structural((d) => {
        const targetStage = stageId ?? map.stages[map.stages.length - 1]?.id ?? addStage(d, t("defaultStageName"));
        newId = addTouchpoint(d, targetStage, index, { department: props.me.department ?? "" });
      });
      if (newId) {
        setActive({ col: newId, lane: "title" });
        setEditing(true);
        requestFocus();
      }
    },
    [canEdit, structural, map.stages, t, props.me.department, requestFocus],
  );

  const addTouchpointHere = useCallback(() => {
    const column = active ? columns.find((c) => c.key === active.col) : undefined;
    if (column?.kind === "touchpoint") addTouchpointAt(column.stageId, column.indexInStage + 1);
    else if (column) addTouchpointAt(column.stageId, 0);
    else addTouchpointAt();
  }, [active, columns, addTouchpointAt]);

  const deleteTouchpoint = useCallback(
    (id: string) => {
      const tp = map.touchpoints.find((x) => x.id === id);
      if (!tp) return;
      const title = tp.title || t("untitledTouchpoint");
      setConfirm({
        title: t("deleteTouchpointTitle"),
        message: t("deleteTouchpointMessage", { title }),
        confirmLabel: tc("delete"),
        run: () => {
          // Keep the keyboard position: the neighbour takes the deleted column's place.
          const index = columns.findIndex((c) => c.key === id);
          const neighbour = columns[index + 1] ?? columns[index - 1];
          structural((d) => removeTouchpoint(d, id), t("touchpointDeleted", { title }));
          if (panel?.touchpointId === id) setPanel(null);
          if (neighbour && active?.col === id) {
            setActive({ col: neighbour.key, lane: "title" });
            requestFocus();
          }
        },
      });
    },
    [map.touchpoints, columns, t, tc, structural, panel, active, requestFocus],
  );

  const moveTouchpointTo = useCallback(
    (id: string, stageId: string, index: number) => structural((d) => moveTouchpoint(d, id, stageId, index)),
    [structural],
  );

  const addStageAt = useCallback(
    (index?: number) => {
      setPrompt({
        title: t("addStage"),
        label: t("stageName"),
        initial: "",
        confirmLabel: t("addStage"),
        run: (name) => structural((d) => addStage(d, name, index)),
      });
    },
    [t, structural],
  );

  const deleteStage = useCallback(
    (stageId: string) => {
      const stage = map.stages.find((s) => s.id === stageId);
      if (!stage) return;
      const name = stage.name || t("untitledStage");
      setConfirm({
        title: t("deleteStageTitle"),
        message: t("deleteStageMessage", { stage: name, count: stage.touchpointIds.length }),
        confirmLabel: tc("delete"),
        run: () => structural((d) => removeStage(d, stageId), t("stageDeleted", { stage: name })),
      });
    },
    [map.stages, t, tc, structural],
  );

  const addLaneAction = useCallback(() => {
    setPrompt({ title: t("addLane"), label: t("laneName"), initial: "", confirmLabel: t("addLane"), run: (name) => structural((d) => addLane(d, name)) });
  }, [t, structural]);

  const renameLaneAction = useCallback(
    (laneId: string) => {
      const lane = map.lanes.find((l) => l.id === laneId);
      setPrompt({ title: t("renameLane"), label: t("laneName"), initial: lane?.name ?? "", confirmLabel: tc("save"), run: (name) => edit((d) => renameLane(d, laneId, name)) });
    },
    [map.lanes, t, tc, edit],
  );

  const deleteLaneAction = useCallback(
    (laneId: string) => {
      const lane = map.lanes.find((l) => l.id === laneId);
      const name = lane?.name || t("untitledLane");
      setConfirm({
        title: t("deleteLaneTitle"),
        message: t("deleteLaneMessage", { lane: name }),
        confirmLabel: tc("delete"),
        run: () => structural((d) => removeLane(d, laneId), t("laneDeleted", { lane: name })),
      });
    },
    [map.lanes, t, tc, structural],
  );

  const setZoomKeepingPosition = useCallback(
    (next: number) => {
      const el = scrollRef.current;
      const z = clampZoom(next);
      if (el) {
        const ratio = z / zoom;
        requestAnimationFrame(() => {
          el.scrollLeft = el.scrollLeft * ratio;
        });
      }
      setZoom(z);
    },
    [zoom],
  );

  const fitMap = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    setZoom(zoomToFit(el.clientWidth, columns.length));
    requestAnimationFrame(() => (el.scrollLeft = 0));
  }, [columns.length]);

  const fitStage = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !spans.length) return;
    const activeIndex = active ? columns.findIndex((c) => c.key === active.col) : -1;
    const firstVisible = Math.floor(el.scrollLeft / columnWidth);
    const index = activeIndex >= 0 ? activeIndex : firstVisible;
    const span = spans.find((s) => index >= s.first && index <= s.last) ?? spans[0];
    const z = zoomToFit(el.clientWidth, span.last - span.first + 1);
    setZoom(z);
    requestAnimationFrame(() => (el.scrollLeft = span.first * Math.round(BASE_COLUMN_WIDTH * z)));
  }, [spans, active, columns, columnWidth]);

  const exportLanes = useMemo(
    () => [
      ...POSTER_LANE_KEYS.map((key) => ({ key, label: t(`lanes.${key}`) })),
      ...map.lanes.map((l) => ({ key: `lane:${l.id}`, label: l.name || t("untitledLane") })),
    ],
    [map.lanes, t],
  );

  /**
   * Restore: the server saves the current state as a version and hands back the version's content;
   * it is applied here, in this browser's live document, as one change with this user's origin, so
   * everyone sees it at once and this user's Undo brings the previous state back.
   */
  const tv = useTranslations("versions");
  const restoreVersion = useCallback(
    async (versionId: string, label: string) => {
      if (!canEdit) return false;
      const result = await prepareMapRestoreAction({ workspace: props.workspaceSlug, mapId: props.mapId, versionId });
      if (!result.ok) {
        notify({ message: tv("restoreFailed"), tone: "error" });
        return false;
      }
      structural((d) => applyExport(d, result.data.data), tv("restored", { label }));
      return true;
    },
    [canEdit, props.workspaceSlug, props.mapId, notify, structural, tv],
  );

  // ---- global keys and presence --------------------------------------------------------------

  const showShortcuts = useCallback(() => setShortcuts(true), []);
  useEditorShortcuts({ canEdit, undoManager: undo.manager, onShowShortcuts: showShortcuts, onAddTouchpoint: addTouchpointHere });
  useFocusPresence(presence.setFocus);


  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads or applies external state (server data, the URL, a dialog opening) once the component is there
    if (active) markSeen(active.col);
  }, [active, markSeen]);

  // Deep links from the inbox, e-mails and search: ?tp= focuses the touchpoint (?lane= its cell), ?stage= the stage,
  // ?comment= opens the thread, ?review=1 the review tab. Handled once, when the map is there.
  const deepLinked = useRef(false);
  useEffect(() => {
    if (deepLinked.current || map.stages.length === 0) return;
    deepLinked.current = true;
    const q = new URLSearchParams(window.location.search);
    // `touchpoint` is what the dashboard, home and stakeholder links write; `tp` the short form.
    const tp = q.get("tp") ?? q.get("touchpoint");
    const stage = q.get("stage");
    const thread = q.get("comment");
    if (tp && map.touchpoints.some((x) => x.id === tp)) {
      // ?lane= (search results) lands on the matched cell, not only the touchpoint.
      const lane = q.get("lane");
      const cell = lane && lanes.some((l) => l.key === lane) ? (lane as CellLane) : "title";
      // eslint-disable-next-line react-hooks/set-state-in-effect -- loads or applies external state (server data, the URL, a dialog opening) once the component is there
      setActive({ col: tp, lane: cell });
      requestFocus();
      if (thread) {
        const title = map.touchpoints.find((x) => x.id === tp)?.title ?? "";
        openComments({ kind: "touchpoint", id: tp, label: title || t("untitledTouchpoint") }, thread);
      }
    } else if (stage && map.stages.some((x) => x.id === stage)) {
      openComments({ kind: "stage", id: stage, label: map.stages.find((x) => x.id === stage)?.name ?? "" }, thread);
    } else if (thread) {
      openComments(null, thread);
    }
    if (q.get("review")) setFollowUp("review");
  }, [map, lanes, requestFocus, openComments, t]);

  // Close the panel when its touchpoint disappears (deleted by someone else).
  const panelTouchpoint = panel ? map.touchpoints.find((tp) => tp.id === panel.touchpointId) ?? null : null;
  if (panel && !panelTouchpoint) setPanel(null);

  const terminal = status === "signedOut" || status === "forbidden" || status === "rejected";

  const openCount = (discussion.threads ?? []).filter((th) => !th.resolvedAt).length;

  return (
    <EditorContext.Provider value={context}>
      <DiscussionContext.Provider value={discussionValue}>
      <PersonaCurvesProvider map={map} personas={context.personas}>
      <div className={`relative flex ${EDITOR_HEIGHT} flex-col overflow-clip`} data-testid="map-editor" data-can-edit={canEdit}>
        <TopBar
          workspaceSlug={props.workspaceSlug}
          mapId={props.mapId}
          status={status}
          people={presence.people}
          me={me}
          canUndo={undo.canUndo}
          canRedo={undo.canRedo}
          onUndo={() => undo.manager?.undo()}
          onRedo={() => undo.manager?.redo()}
          zoom={zoom}
          onZoom={setZoomKeepingPosition}
          onFitMap={fitMap}
          onFitStage={fitStage}
          onExport={() => setExportOpen(true)}
          exporting={false}
          onShortcuts={() => setShortcuts(true)}
          onAddTouchpoint={addTouchpointHere}
          onRestore={restoreVersion}
          extraActions={
            <>
              <JourneyOutcomesButton mapId={props.mapId} />
              <button type="button" onClick={() => (comments ? setComments(null) : openComments(null))} aria-pressed={Boolean(comments)} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="comments-button">
                <span aria-hidden>💬</span> {tdis("comments")}
                {openCount ? <span className="ml-1 rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900" data-testid="comments-open-count">{openCount}</span> : null}
              </button>
              <button type="button" onClick={() => setFollowUp("activity")} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="follow-up-button">
                {tdis("activity.title")} · {tdis("review.title")}
              </button>
            </>
          }
        />
        {changed.size > 0 ? (
          <div role="status" className="flex items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-sm text-sky-900" data-testid="changed-banner">
            <span aria-hidden className="h-2.5 w-2.5 rounded-full bg-sky-500" />
            <span>{tdis("activity.changedSinceVisit", { count: changed.size })}</span>
            <button type="button" onClick={() => setChanged(new Set())} className="ml-auto text-xs font-medium underline">{tdis("activity.dismiss")}</button>
          </div>
        ) : null}
        {terminal ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900" data-testid="connection-alert">
            <span>{t(`${status}Message`)}</span>
            {status === "signedOut" ? (
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/w/${props.workspaceSlug}/maps/${props.mapId}`)}`} className="font-medium underline">
                {t("signInAgain")}
              </Link>
            ) : (
              <Link href={`/w/${props.workspaceSlug}/maps`} className="font-medium underline">{t("backToMaps")}</Link>
            )}
          </div>
        ) : null}
        {map.stages.length ? <PersonaCurveControls map={map} /> : null}
        {map.stages.length === 0 ? (
          <div className="flex flex-1 items-center justify-center p-6">
            <div className="max-w-md rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center" data-testid="empty-map">
              <h2 className="text-base font-semibold text-slate-900">{t("emptyMapTitle")}</h2>
              <p className="mt-1 text-sm text-slate-600">{canEdit ? t("emptyMapText") : t("emptyMapViewer")}</p>
              {canEdit ? (
                <div className="mt-4 flex justify-center gap-2">
                  <button type="button" onClick={() => addStageAt()} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" data-testid="empty-add-stage">
                    + {t("addStage")}
                  </button>
                </div>
              ) : null}
            </div>
          </div>
        ) : (
          <MapGrid
            map={map}
            columns={columns}
            spans={spans}
            lanes={lanes}
            columnWidth={columnWidth}
            scrollRef={scrollRef}
            active={active}
            setActive={setActive}
            editing={editing}
            setEditing={setEditing}
            focusTick={focusTick}
            requestFocus={requestFocus}
            onToggleLane={toggle}
            onAddTouchpoint={addTouchpointAt}
            onDeleteTouchpoint={deleteTouchpoint}
            onMoveTouchpoint={moveTouchpointTo}
            onAddStage={addStageAt}
            onDeleteStage={deleteStage}
            onMoveStage={(stageId, toIndex) => structural((d) => moveStage(d, stageId, toIndex))}
            onAddLane={addLaneAction}
            onRenameLane={renameLaneAction}
            onDeleteLane={deleteLaneAction}
          />
        )}
        {comments ? (
          <CommentsPanel
            docKind="map"
            docId={props.mapId}
            workspace={props.workspaceSlug}
            meId={props.me.id}
            isAdmin={props.discuss?.isAdmin ?? false}
            discussion={discussion}
            anchor={comments.anchor}
            focusThreadId={comments.threadId}
            onClearAnchor={() => setComments({ anchor: null })}
            onClose={() => {
              setComments(null);
              requestFocus();
            }}
            onShowAnchor={(a) => {
              if (a.kind === "touchpoint" && a.id) {
                setActive({ col: a.id, lane: "title" });
                requestFocus();
              }
            }}
          />
        ) : null}
        <MapFollowUpPanel
          open={followUp !== null}
          initialTab={followUp ?? "activity"}
          onClose={() => setFollowUp(null)}
          workspaceSlug={props.workspaceSlug}
          mapId={props.mapId}
          mapTitle={map.title}
          canEdit={canEdit}
          members={props.discuss?.members ?? []}
          onShowTouchpoint={(id) => {
            if (!map.touchpoints.some((x) => x.id === id)) return;
            setActive({ col: id, lane: "title" });
            requestFocus();
          }}
        />
        {panel && panelTouchpoint ? (
          <TouchpointPanel
            key={panelTouchpoint.id}
            mapId={props.mapId}
            touchpoint={panelTouchpoint}
            section={panel.section}
            onClose={() => {
              setPanel(null);
              requestFocus();
            }}
            onDelete={() => deleteTouchpoint(panelTouchpoint.id)}
          />
        ) : null}
        <LiveAnnouncer message={announcer.message} />
        <div className="pointer-events-none absolute inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2" aria-live="polite">
          {notices.map((n) => (
            <div key={n.id} role={n.tone === "error" ? "alert" : "status"} className={`pointer-events-auto flex items-center gap-3 rounded-lg px-4 py-2 text-sm shadow-lg ${n.tone === "error" ? "bg-red-700 text-white" : "bg-slate-900 text-white"}`} data-testid="notice">
              <span>{n.message}</span>
              {n.action ? (
                <button
                  type="button"
                  onClick={() => {
                    n.action!.run();
                    setNotices((list) => list.filter((x) => x.id !== n.id));
                  }}
                  className="rounded px-2 py-0.5 font-semibold text-brand-100 underline hover:bg-white/10"
                  data-testid="notice-action"
                >
                  {n.action.label}
                </button>
              ) : null}
            </div>
          ))}
        </div>
        <ConfirmDialog
          open={!!confirm}
          title={confirm?.title ?? ""}
          description={confirm?.message ?? ""}
          confirmLabel={confirm?.confirmLabel ?? ""}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const run = confirm?.run;
            setConfirm(null);
            run?.();
          }}
        />
        <PromptDialog
          open={!!prompt}
          title={prompt?.title ?? ""}
          label={prompt?.label ?? ""}
          initial={prompt?.initial ?? ""}
          confirmLabel={prompt?.confirmLabel ?? ""}
          onCancel={() => setPrompt(null)}
          onSubmit={(value) => {
            const run = prompt?.run;
            setPrompt(null);
            run?.(value);
          }}
        />
        <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} />
        {exportOpen ? (
          <ExportDialog
            mapId={props.mapId}
            lanes={exportLanes}
            onClose={() => setExportOpen(false)}
            onDone={(message, tone) => notify({ message, tone })}
            onPrint={() => setTimeout(() => window.print(), 50)}
          />
        ) : null}
      </div>
      {printing ? <PrintMap map={map} /> : null}
      </PersonaCurvesProvider>
      </DiscussionContext.Provider>
    </EditorContext.Provider>
  );
}

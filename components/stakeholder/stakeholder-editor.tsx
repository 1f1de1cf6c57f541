"use client";
// The stakeholder map editor: toolbar (add, filter chips, export, presence, save status), the SVG
// canvas and the side panel, all on the live document `stakeholders:{id}`.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import * as Y from "yjs";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { colorForUser, PresenceAnnouncer, PresenceAvatars, SaveStatusBadge, usePeers } from "@/components/collab/presence";
import { useCollabDoc, useDocValue } from "@/components/collab/use-collab-doc";
import { CommentMarker } from "@/components/discuss/comment-marker";
import { DocumentDiscussion } from "@/components/discuss/document-discussion";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import {
  addRelationship,
  addStakeholder,
  moveStakeholder,
  PROVIDES,
  readStakeholderMap,
  removeStakeholder,
  setStakeholderMapTitle,
  STAKEHOLDER_LIMITS,
  type Provides,
  type Ring,
} from "@/lib/stakeholders/stakeholder-document";
import { ShareButton } from "@/components/sharing/share-dialog";
import { exportPng, exportSvg } from "./export-image";
import { freeAngle } from "./geometry";
import { PROVIDES_COLOR, StakeholderCanvas, type Selection } from "./stakeholder-canvas";
import { StakeholderPanel } from "./stakeholder-panel";
import { stakeholderMapDocName } from "@/lib/live-documents/doc-name";

type Props = {
  slug: string;
  mapId: string;
  initialTitle: string;
  canEdit: boolean;
  me: { id: string; name: string };
  departments: string[];
  /** Comments on stakeholders (admin rights); off when absent. */
  discuss?: { isAdmin: boolean };
};

export function StakeholderEditor(props: Props) {
  const session = useCollabDoc(stakeholderMapDocName(props.mapId), props.me.id);
  const doc = session?.loaded ? session.doc : null;
  const data = useDocValue(doc, readStakeholderMap);
  const labelOf = useCallback((id: string) => data?.stakeholders.find((s) => s.id === id)?.name ?? id, [data]);
  if (!props.discuss) return <StakeholderEditorBody {...props} session={session} />;
  return (
    <DocumentDiscussion docKind="stakeholders" docId={props.mapId} workspace={props.slug} meId={props.me.id} isAdmin={props.discuss.isAdmin} session={session} labelOf={labelOf}>
      <StakeholderEditorBody {...props} session={session} />
    </DocumentDiscussion>
  );
}

function StakeholderEditorBody({ slug, mapId, initialTitle, canEdit, me, departments, session }: Props & { session: ReturnType<typeof useCollabDoc> }) {
  const t = useTranslations("stakeholders");
  const locale = useLocale();
  const doc = session?.loaded ? session.doc : null;
  const origin = session?.origin ?? null;
  const data = useDocValue(doc, readStakeholderMap);
  const search = useSearchParams();
  const [selection, setSelection] = useState<Selection>(() => {
    const id = search.get("stakeholder");
    return id ? { kind: "stakeholder", id } : null;
  });
  const [visible, setVisible] = useState<Set<Provides>>(() => new Set(PROVIDES));
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const presenceMe = useMemo(() => ({ id: me.id, name: me.name, color: colorForUser(me.id) }), [me.id, me.name]);
  const { peers, people } = usePeers(session?.provider.awareness, presenceMe, selection?.kind === "stakeholder" ? selection.id : null);

  // Undo/redo of this user's own edits.
  const undo = useMemo(
    () => (doc && origin ? new Y.UndoManager([doc.getMap("stakeholders"), doc.getMap("relationships"), doc.getMap("meta")], { trackedOrigins: new Set([origin]), captureTimeout: 400 }) : null),
    [doc, origin],
  );
  useEffect(() => () => undo?.destroy(), [undo]);

  const edit = useCallback(
    (fn: (d: Y.Doc) => void) => {
      if (!doc || !canEdit) return;
      setError(null);
      try {
        doc.transact(() => fn(doc), origin);
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      }
    },
    [doc, origin, canEdit],
  );

  // A selection whose stakeholder or relationship was removed (here or by someone else) goes away
  // (adjusted during render, not in an effect).
  if (data && selection) {
    const exists = selection.kind === "stakeholder" ? data.stakeholders.some((s) => s.id === selection.id) : data.relationships.some((r) => r.id === selection.id);
    if (!exists) setSelection(null);
  }

  const heading = <h1 className="mb-4 mt-2 text-xl font-semibold text-slate-900" data-testid="stakeholder-map-heading">{data?.title || initialTitle}</h1>;

  if (!doc || !data || !origin) {
    return (
      <>
      {heading}
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]" aria-busy="true">
        <Skeleton className="aspect-square w-full rounded-xl" />
        <Skeleton className="h-96" />
      </div>
      </>
    );
  }

  const add = () => {
    if (data.stakeholders.length >= STAKEHOLDER_LIMITS.stakeholders) {
      setError(t("errors.full", { max: STAKEHOLDER_LIMITS.stakeholders }));
      return;
    }
    const holder: { id?: string } = {};
    edit((d) => {
      holder.id = addStakeholder(d, { name: t("newStakeholderName"), type: "team", ring: "direct", angle: freeAngle(data.stakeholders, "direct") });
    });
    if (holder.id) {
      setSelection({ kind: "stakeholder", id: holder.id });
      requestAnimationFrame(() => (document.getElementById("sh-name") as HTMLInputElement | null)?.select());
    }
  };

  const toggleKind = (k: Provides) =>
    setVisible((prev) => {
      const next = new Set(prev);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!undo || !canEdit || !(e.metaKey || e.ctrlKey) || e.key.toLowerCase() !== "z") return;
    const tag = (e.target as HTMLElement).tagName;
    if (tag === "INPUT" || tag === "TEXTAREA") return;
    e.preventDefault();
    if (e.shiftKey) undo.redo();
    else undo.undo();
  };

  const removingStakeholder = removing ? data.stakeholders.find((s) => s.id === removing) : undefined;

  return (
    <div onKeyDown={onKeyDown} data-testid="stakeholder-editor">
      {heading}
      <div className="mb-3 flex flex-wrap items-center gap-2">
        {canEdit ? <Button size="sm" onClick={add} data-testid="add-stakeholder">+ {t("toolbar.addStakeholder")}</Button> : null}
        <div role="group" aria-label={t("toolbar.filter")} className="flex flex-wrap items-center gap-1">
          <span className="mr-1 text-xs font-medium text-slate-500">{t("toolbar.filter")}:</span>
          {PROVIDES.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={visible.has(k)}
              onClick={() => toggleKind(k)}
              className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${visible.has(k) ? "border-slate-300 bg-white text-slate-800" : "border-dashed border-slate-300 bg-slate-50 text-slate-400 line-through"}`}
              data-testid={`filter-${k}`}
            >
              <span aria-hidden className="h-2 w-2 rounded-full" style={{ backgroundColor: PROVIDES_COLOR[k] }} />
              {t(`provides.${k}`)}
            </button>
          ))}
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <PresenceAvatars people={people} label={t("presence", { names: people.map((p) => p.name).join(", ") })} />
          <PresenceAnnouncer people={people} />
          <SaveStatusBadge status={session!.status} label={t(`status.${session!.status}`)} />
          <ShareButton workspaceSlug={slug} kind="stakeholders" docId={mapId} canEdit={canEdit} />
          <Button variant="secondary" size="sm" onClick={() => svg.current && exportSvg(svg.current, data.title)}>{t("toolbar.exportSvg")}</Button>
          <Button variant="secondary" size="sm" onClick={() => svg.current && void exportPng(svg.current, data.title)}>{t("toolbar.exportPng")}</Button>
          <a href={`/api/v1/stakeholder-maps/${mapId}/export?format=pdf&locale=${locale === "de" ? "de" : "en"}`} download className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50" data-testid="stakeholder-pdf">PDF</a>
        </div>
      </div>
      {!canEdit ? <p className="mb-3 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="read-only-note">{t("readOnly")}</p> : null}
      {error ? <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="rounded-xl border border-slate-200 bg-white p-2">
          <StakeholderCanvas
            ref={svg}
            stakeholders={data.stakeholders}
            relationships={data.relationships}
            visibleKinds={visible}
            selection={selection}
            canEdit={canEdit}
            peers={peers}
            onSelect={setSelection}
            onMove={(id, ring: Ring, angle) => edit((d) => moveStakeholder(d, id, ring, angle))}
            onConnect={(from, to) => {
              const holder: { id?: string } = {};
              const kind = PROVIDES.find((k) => visible.has(k)) ?? "information";
              edit((d) => {
                holder.id = addRelationship(d, { from, to, provides: kind });
              });
              if (holder.id) setSelection({ kind: "relationship", id: holder.id });
            }}
            onRemove={(id) => setRemoving(id)}
          />
          <p className="px-2 pb-1 text-xs text-slate-500">{t("keyboardHelp")}</p>
          {selection?.kind === "stakeholder" ? (
            <div className="group flex items-center gap-2 px-2 pb-1 text-sm text-slate-700" data-testid="stakeholder-comments">
              <span className="truncate">{data.stakeholders.find((x) => x.id === selection.id)?.name}</span>
              <CommentMarker kind="stakeholder" id={selection.id} label={data.stakeholders.find((x) => x.id === selection.id)?.name ?? ""} className="opacity-100" />
            </div>
          ) : null}
        </div>
        <StakeholderPanel
          slug={slug}
          doc={doc}
          origin={origin}
          data={data}
          selection={selection}
          canEdit={canEdit}
          departments={departments}
          onSelect={setSelection}
          onRemoveStakeholder={(id) => edit((d) => removeStakeholder(d, id))}
          onTitle={(title) => edit((d) => setStakeholderMapTitle(d, title))}
        />
      </div>
      <ConfirmDialog
        open={!!removingStakeholder}
        title={t("panel.removeStakeholderTitle", { name: removingStakeholder?.name ?? "" })}
        description={t("panel.removeStakeholderText", { name: removingStakeholder?.name ?? "", count: data.relationships.filter((r) => r.from === removing || r.to === removing).length })}
        confirmLabel={t("panel.removeStakeholder")}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const id = removing;
          setRemoving(null);
          if (id) edit((d) => removeStakeholder(d, id));
        }}
      />
    </div>
  );
}

"use client";
// The persona sheet, co-edited live: every field is bound to the shared document `persona:{id}`
// (through lib/personas/persona-document), with presence, save status and undo. Reads like a
// document (inputs look like text until hovered or focused) and prints as one.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import * as Y from "yjs";
import { DateInput } from "@/components/ui/date-input";
import { CollabText } from "@/components/collab/collab-text";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import {
  addListItem,
  AVATAR_COLORS,
  LIST_MAX_ITEMS,
  PERSONA_TEXT_LIMITS,
  LIST_ITEM_MAX,
  personaList,
  personaText,
  readPersona,
  removeListItem,
  setAvatarColor,
  setEvidenceDate,
  type PersonaList,
  type PersonaTextField,
} from "@/lib/personas/persona-document";
import { PersonaAvatar } from "./persona-avatar";
import { CommentMarker } from "@/components/discuss/comment-marker";
import { DocumentDiscussion } from "@/components/discuss/document-discussion";
import { colorForUser, PresenceAnnouncer, PresenceAvatars, SaveStatusBadge, usePeers, type RemotePeer } from "@/components/collab/presence";
import { useCollabDoc, useDocValue } from "@/components/collab/use-collab-doc";
import { readableTextColor } from "@/components/ui/readable-text-color";
import { personaDocName } from "@/lib/live-documents/doc-name";

type Props = {
  personaId: string;
  canEdit: boolean;
  me: { id: string; name: string };
  avatarUrl: string | null;
  /** Server-rendered actions (duplicate, archive, delete) shown in the top bar. */
  actions?: React.ReactNode;
  /** Comments on the persona's sections (workspace slug, admin rights). */
  discuss?: { workspace: string; isAdmin: boolean };
};

const fieldClass =
  "block w-full rounded-md border border-transparent bg-transparent px-2 py-1 text-sm text-slate-900 placeholder:text-slate-400 hover:border-slate-200 focus:border-brand-500 focus:bg-white focus:outline-none focus:ring-2 focus:ring-brand-500/30 read-only:hover:border-transparent print:px-0 [field-sizing:content]";

export function PersonaSheet(props: Props) {
  const t = useTranslations("personas");
  const session = useCollabDoc(personaDocName(props.personaId), props.me.id);
  const labelOf = useCallback((id: string) => (t.has(`sections.${id}`) ? t(`sections.${id}` as "sections.job") : id), [t]);
  if (!props.discuss) return <PersonaSheetBody {...props} session={session} />;
  return (
    <DocumentDiscussion docKind="persona" docId={props.personaId} workspace={props.discuss.workspace} meId={props.me.id} isAdmin={props.discuss.isAdmin} session={session} labelOf={labelOf}>
      <PersonaSheetBody {...props} session={session} />
    </DocumentDiscussion>
  );
}

function PersonaSheetBody({ personaId, canEdit, me, avatarUrl: initialAvatarUrl, actions, session }: Props & { session: ReturnType<typeof useCollabDoc> }) {
  const locale = useLocale();
  const t = useTranslations("personas");
  const doc = session?.loaded ? session.doc : null;
  const origin = session?.origin ?? null;
  const [focus, setFocus] = useState<string | null>(null);
  const presenceMe = useMemo(() => ({ id: me.id, name: me.name, color: colorForUser(me.id) }), [me.id, me.name]);
  const { peers, people } = usePeers(session?.provider.awareness, presenceMe, focus);
  const data = useDocValue(doc, readPersona);
  const [avatarUrl, setAvatarUrl] = useState(initialAvatarUrl);

  // Undo/redo of this user's own edits only.
  const undo = useMemo(() => (doc && origin ? new Y.UndoManager(doc.getMap("persona"), { trackedOrigins: new Set([origin]), captureTimeout: 400 }) : null), [doc, origin]);
  useEffect(() => () => undo?.destroy(), [undo]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!undo || !canEdit || !(e.metaKey || e.ctrlKey) || e.key.toLowerCase() !== "z") return;
    e.preventDefault();
    if (e.shiftKey) undo.redo();
    else undo.undo();
  };

  const edit = useCallback((fn: (d: Y.Doc) => void) => {
    if (doc && canEdit) doc.transact(() => fn(doc), origin);
  }, [doc, origin, canEdit]);

  const statusLabel = session ? t(`status.${session.status}`) : t("status.connecting");
  const readOnly = !canEdit;

  if (!doc || !data || !origin) {
    return (
      <div aria-busy="true" aria-label={t("loading")}>
        <div className="flex items-center gap-4">
          <Skeleton className="h-24 w-24 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-7 w-64" />
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-4 w-96 max-w-full" />
          </div>
        </div>
        <div className="mt-6 grid gap-4 md:grid-cols-2">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-40" />)}
        </div>
      </div>
    );
  }

  const text = (field: PersonaTextField, label: string, opts: { multiline?: boolean; placeholder?: string; className?: string; hideLabel?: boolean } = {}) => (
    <FieldFrame id={`f-${field}`} label={label} peers={peers} focusKey={field} hideLabel={opts.hideLabel}>
      {opts.multiline ? (
        <CollabText
          multiline
          id={`f-${field}`}
          text={personaText(doc, field)}
          origin={origin}
          readOnly={readOnly}
          maxLength={PERSONA_TEXT_LIMITS[field]}
          placeholder={readOnly ? "" : opts.placeholder}
          rows={2}
          className={`${fieldClass} resize-none ${opts.className ?? ""}`}
          onFocus={() => setFocus(field)}
          onBlur={() => setFocus(null)}
          data-testid={`persona-${field}`}
        />
      ) : (
        <CollabText
          id={`f-${field}`}
          text={personaText(doc, field)}
          origin={origin}
          readOnly={readOnly}
          maxLength={PERSONA_TEXT_LIMITS[field]}
          placeholder={readOnly ? "" : opts.placeholder}
          className={`${fieldClass} ${opts.className ?? ""}`}
          onFocus={() => setFocus(field)}
          onBlur={() => setFocus(null)}
          data-testid={`persona-${field}`}
        />
      )}
    </FieldFrame>
  );

  const list = (name: PersonaList, hint?: string) => (
    <ListEditor doc={doc} origin={origin} list={name} label={t(`fields.${name}`)} hint={hint} readOnly={readOnly} peers={peers} onFocusKey={setFocus} />
  );

  return (
    <div onKeyDown={onKeyDown} data-testid="persona-sheet">
      <div className="no-print mb-4 flex flex-wrap items-center justify-end gap-3">
        <PresenceAvatars people={people} label={t("presence", { names: people.map((p) => p.name).join(", ") })} />
        <PresenceAnnouncer people={people} />
        <SaveStatusBadge status={session!.status} label={statusLabel} />
        <Button variant="secondary" size="sm" onClick={() => window.print()}>{t("print")}</Button>
        <a href={`/api/v1/personas/${personaId}/export?format=pdf&locale=${locale === "de" ? "de" : "en"}`} download className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50" data-testid="persona-pdf">PDF</a>
        {actions}
      </div>
      {readOnly ? <p className="no-print mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="read-only-note">{t("readOnly")}</p> : null}

      <header className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:flex-row sm:items-start print:border-0 print:p-0">
        <AvatarEditor personaId={personaId} name={data.name} color={data.avatarColor} imageUrl={avatarUrl} onImageChange={setAvatarUrl} canEdit={canEdit} onColor={(c) => edit((d) => setAvatarColor(d, c))} />
        <div className="min-w-0 flex-1 space-y-1">
          {text("name", t("fields.name"), { className: "text-2xl! font-semibold", hideLabel: true })}
          {text("segment", t("fields.segment"), { placeholder: t("segmentPlaceholder"), className: "font-medium text-brand-700!", hideLabel: true })}
          {text("quote", t("fields.quote"), { multiline: true, placeholder: t("fields.quotePlaceholder"), className: "italic text-base! text-slate-700!", hideLabel: true })}
        </div>
      </header>

      <div className="mt-4 grid gap-4 md:grid-cols-2 print:grid-cols-2">
        <Section id="demographics" title={t("sections.demographics")}>
          <div className="grid gap-2 sm:grid-cols-2">
            {text("age", t("fields.age"))}
            {text("gender", t("fields.gender"))}
            {text("location", t("fields.location"))}
            {text("familyStatus", t("fields.familyStatus"))}
            {text("incomeBand", t("fields.incomeBand"))}
          </div>
        </Section>
        <Section id="job" title={t("sections.job")}>
          {text("jobTitle", t("fields.jobTitle"))}
          {text("career", t("fields.career"), { multiline: true })}
        </Section>
        <Section id="goals" title={t("sections.goals")}>
          {list("goals")}
          {list("values")}
        </Section>
        <Section id="pains" title={t("sections.pains")}>
          {list("painPoints")}
          {list("concerns", t("fields.concernsHint"))}
        </Section>
        <Section id="information" title={t("sections.information")}>
          {list("informationSources")}
          {list("channels")}
          {list("contentFormats")}
          {list("purchases")}
        </Section>
        <Section id="competitors" title={t("sections.competitors")}>
          {list("competitors", t("fields.competitorsHint"))}
        </Section>
        <Section id="evidence" title={t("sections.evidence")}>
          {text("evidenceNote", t("fields.evidenceNote"), { multiline: true })}
          <div>
            <label htmlFor="f-evidenceDate" className="mb-0.5 block px-2 text-xs font-medium text-slate-500 print:px-0">{t("fields.evidenceDate")}</label>
            <DateInput
              id="f-evidenceDate"
              value={data.evidence.date}
              readOnly={readOnly}
              disabled={readOnly && !data.evidence.date}
              onChange={(iso) => edit((d) => setEvidenceDate(d, iso))}
              className={`${fieldClass} w-auto`}
              data-testid="persona-evidenceDate"
            />
          </div>
          {!data.evidence.note.trim() ? <p className="px-2 text-xs text-amber-700" role="note">⚠ {t("evidenceMissing")}</p> : null}
        </Section>
      </div>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="group break-inside-avoid space-y-3 rounded-xl border border-slate-200 bg-white p-4 print:border-slate-300" data-section={id}>
      <h2 className="flex items-center gap-2 px-2 text-sm font-semibold uppercase tracking-wide text-slate-500 print:px-0">
        <span className="flex-1">{title}</span>
        <CommentMarker kind="section" id={id} label={title} className="no-print normal-case tracking-normal" />
      </h2>
      {children}
    </section>
  );
}

/** A field's label plus the coloured tags of other people who are in it. */
function FieldFrame({ id, label, peers, focusKey, hideLabel, children }: { id: string; label: string; peers: RemotePeer[]; focusKey: string; hideLabel?: boolean; children: React.ReactNode }) {
  const here = peers.filter((p) => p.selection === focusKey);
  return (
    <div className="relative rounded-md" style={here[0] ? { boxShadow: `0 0 0 2px ${here[0].user.color}` } : undefined}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "mb-0.5 block px-2 text-xs font-medium text-slate-500 print:px-0"}>{label}</label>
      {here.length > 0 ? (
        <span className="no-print absolute -top-2.5 right-1 z-10 flex gap-1">
          {here.map((p) => (
            <span key={p.clientId} className="rounded px-1 text-[10px] font-medium text-white" style={{ backgroundColor: p.user.color, color: readableTextColor(p.user.color) }}>{p.user.name}</span>
          ))}
        </span>
      ) : null}
      {children}
    </div>
  );
}


// Stable React keys per entry (its Y.Text), so inputs keep focus while others add or remove entries.
// Module-level: a Y.Text belongs to one document, and keys need only be unique within a list.
const itemKeys = new WeakMap<Y.Text, number>();
let nextItemKey = 0;
function keyOf(item: Y.Text): number {
  let k = itemKeys.get(item);
  if (k === undefined) itemKeys.set(item, (k = nextItemKey++));
  return k;
}

function ListEditor({ doc, origin, list, label, hint, readOnly, peers, onFocusKey }: {
  doc: Y.Doc;
  origin: object;
  list: PersonaList;
  label: string;
  hint?: string;
  readOnly: boolean;
  peers: RemotePeer[];
  onFocusKey: (key: string | null) => void;
}) {
  const t = useTranslations("personas");
  const array = personaList(doc, list);
  const [items, setItems] = useState(() => array.toArray());
  const focusIndex = useRef<number | null>(null);
  const container = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const refresh = () => setItems(array.toArray());
    refresh();
    array.observe(refresh);
    return () => array.unobserve(refresh);
  }, [array]);
  useEffect(() => {
    if (focusIndex.current === null) return;
    const inputs = container.current?.querySelectorAll("input");
    inputs?.[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [items]);
  const full = items.length >= LIST_MAX_ITEMS;
  const add = (at?: number) => {
    if (readOnly || full) return;
    focusIndex.current = at ?? items.length;
    doc.transact(() => addListItem(doc, list, "", at), origin);
  };

  return (
    <div>
      <h3 className="px-2 text-xs font-medium text-slate-500 print:px-0" id={`l-${list}`}>{label}</h3>
      {hint && !readOnly ? <p className="no-print px-2 text-[11px] text-slate-400">{hint}</p> : null}
      {items.length === 0 ? <p className="px-2 py-1 text-sm text-slate-400">{t("emptyList")}</p> : null}
      <ul ref={container} aria-labelledby={`l-${list}`} className="mt-1 space-y-0.5" data-testid={`persona-list-${list}`}>
        {items.map((item, i) => {
          const key = `${list}.${i}`;
          const here = peers.filter((p) => p.selection === key);
          return (
            <li key={keyOf(item)} className="group flex items-center gap-1 rounded-md" style={here[0] ? { boxShadow: `0 0 0 2px ${here[0].user.color}` } : undefined}>
              <span aria-hidden className="pl-2 text-slate-400">•</span>
              <CollabText
                text={item}
                origin={origin}
                readOnly={readOnly}
                maxLength={LIST_ITEM_MAX}
                aria-label={t("itemLabel", { list: label, n: i + 1 })}
                className={fieldClass}
                onFocus={() => onFocusKey(key)}
                onBlur={() => onFocusKey(null)}
                onKeyDown={(e) => {
                  if (readOnly) return;
                  if (e.key === "Enter") {
                    e.preventDefault();
                    add(i + 1);
                  } else if (e.key === "Backspace" && (e.target as HTMLInputElement).value === "" && items.length > 0) {
                    e.preventDefault();
                    focusIndex.current = Math.max(0, i - 1);
                    doc.transact(() => removeListItem(doc, list, i), origin);
                  }
                }}
              />
              {!readOnly ? (
                <button type="button" onClick={() => doc.transact(() => removeListItem(doc, list, i), origin)} aria-label={t("removeItem", { n: i + 1 })} className="no-print rounded px-1.5 text-slate-400 opacity-60 hover:bg-red-50 hover:text-red-600 focus:opacity-100 group-hover:opacity-100">×</button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {!readOnly ? (
        full ? (
          <p className="no-print px-2 text-xs text-slate-500">{t("listFull", { max: LIST_MAX_ITEMS })}</p>
        ) : (
          <button type="button" onClick={() => add()} className="no-print mt-1 rounded px-2 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50" aria-label={t("addItemTo", { list: label })} data-testid={`add-${list}`}>
            + {t("addItem")}
          </button>
        )
      ) : null}
    </div>
  );
}

function AvatarEditor({ personaId, name, color, imageUrl, onImageChange, canEdit, onColor }: {
  personaId: string;
  name: string;
  color: string;
  imageUrl: string | null;
  onImageChange: (url: string | null) => void;
  canEdit: boolean;
  onColor: (color: string) => void;
}) {
  const t = useTranslations("personas");
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/v1/personas/${personaId}/avatar`;

  const upload = async (f: File) => {
    setError(null);
    // The server checks size and type too (by the bytes); this only saves a pointless upload.
    if (f.size > 256 * 1024) {
      setError(t("avatar.tooLarge"));
      return;
    }
    setBusy(true);
    try {
      const res = await fetch(url, { method: "PUT", body: f, headers: { "content-type": "application/octet-stream" } });
      if (res.ok) onImageChange(`${url}?v=${Date.now()}`);
      else {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
        setError(body?.error?.code === "too_large" ? t("avatar.tooLarge") : body?.error?.code === "invalid_input" ? t("avatar.wrongType") : t("avatar.failed"));
      }
    } catch {
      setError(t("avatar.failed"));
    } finally {
      setBusy(false);
      if (file.current) file.current.value = "";
    }
  };

  const remove = async () => {
    setBusy(true);
    const res = await fetch(url, { method: "DELETE" }).catch(() => null);
    setBusy(false);
    if (res?.ok) onImageChange(null);
    else setError(t("avatar.failed"));
  };

  return (
    <div className="flex shrink-0 flex-col items-center gap-2">
      <PersonaAvatar name={name} color={color} imageUrl={imageUrl} size="lg" />
      {canEdit ? (
        <div className="no-print flex max-w-40 flex-col items-center gap-1.5">
          <div role="radiogroup" aria-label={t("avatar.color")} className="flex flex-wrap justify-center gap-1">
            {AVATAR_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                role="radio"
                aria-checked={c === color}
                aria-label={t("avatar.colorOption", { color: c })}
                onClick={() => onColor(c)}
                className={`h-5 w-5 rounded-full ${c === color ? "ring-2 ring-slate-900 ring-offset-1" : ""}`}
                style={{ backgroundColor: c }}
              />
            ))}
          </div>
          <label className="cursor-pointer rounded px-2 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50 focus-within:ring-2 focus-within:ring-brand-500">
            <input ref={file} type="file" accept="image/png,image/jpeg,image/webp" className="sr-only" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} data-testid="avatar-input" />
            {busy ? t("avatar.uploading") : t("avatar.upload")}
          </label>
          {imageUrl ? <button type="button" onClick={() => void remove()} className="text-xs text-slate-600 hover:underline" disabled={busy}>{t("avatar.remove")}</button> : null}
          <p className="text-center text-[11px] text-slate-500">{t("avatar.hint")}</p>
          {error ? <p role="alert" className="text-center text-xs text-red-600" data-testid="avatar-error">{error}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

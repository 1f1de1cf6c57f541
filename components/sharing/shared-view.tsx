"use client";
// The shared view behind a share link: the document live and read-only over /collab (connected
// with the link's signed credential, renewed while the page stays open), the product's name small
// and a "sign in to edit" link. A revoked or expired link closes the socket (4403): the page says so.
import { useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type * as Y from "yjs";
import { useCollabDoc, useDocValue, type CollabSession } from "@/components/collab/use-collab-doc";
import { ReadOnlyMap } from "@/components/map/read-only-map";
import { readPersona } from "@/lib/personas/persona-document";
import { renewShareCredentialAction } from "@/lib/actions/sharing/shared-view";
import { readStakeholderMap } from "@/lib/stakeholders/stakeholder-document";
import type { ShareKind } from "@/lib/sharing/share-targets";

type Props = { token: string; kind: ShareKind; docName: string; credential: string; showNames: boolean; initialTitle: string };

/** Renew the credential well before its hour is over (a reconnect after a network drop needs a valid one). */
const RENEW_MS = 40 * 60 * 1000;

export function SharedView(props: Props) {
  const t = useTranslations("sharing");
  const session = useCollabDoc(props.docName, "share", { shareCredential: props.credential });
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    if (!session) return;
    const timer = setInterval(async () => {
      const next = await renewShareCredentialAction({ token: props.token });
      if (next) session.provider.params = { share: next };
      else setEnded(true);
    }, RENEW_MS);
    return () => clearInterval(timer);
  }, [session, props.token]);

  const gone = ended || session?.status === "forbidden" || session?.status === "signedOut" || session?.status === "rejected";
  return (
    <div className="flex h-dvh flex-col bg-slate-50" data-testid="shared-view" data-status={session?.status ?? "connecting"}>
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 text-xs text-slate-600">
        <span className="font-semibold text-slate-800">Journeyboard</span>
        <span className="rounded bg-slate-100 px-2 py-0.5 font-medium text-slate-700" data-testid="shared-read-only">{t("viewOnly")}</span>
        <LiveBadge session={session} gone={gone} />
        <Link href="/sign-in" className="ml-auto font-medium text-brand-700 underline" data-testid="shared-sign-in">{t("signInToEdit")}</Link>
      </header>
      {gone ? (
        <div role="alert" className="m-6 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="shared-ended">{t("ended")}</div>
      ) : null}
      {!session || !session.loaded ? (
        <div className="p-6" aria-busy="true">
          <h1 className="text-lg font-semibold text-slate-900">{props.initialTitle}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("loading")}</p>
        </div>
      ) : props.kind === "map" ? (
        <div className="flex min-h-0 flex-1 flex-col bg-white">
          <ReadOnlyMap
            doc={session.doc}
            hideNames={!props.showNames}
            header={(map, zoom) => (
              <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-2">
                <div className="min-w-0 flex-1">
                  <h1 className="truncate text-lg font-semibold text-slate-900" data-testid="shared-title">{map.title || props.initialTitle}</h1>
                  {map.outcome ? <p className="truncate text-xs text-slate-600">{map.outcome}</p> : null}
                </div>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${map.state === "future" ? "bg-violet-100 text-violet-800" : "bg-slate-100 text-slate-800"}`}>{t(`state.${map.state}`)}</span>
                <div className="flex items-center gap-1 text-sm" role="group" aria-label={t("zoom")}>
                  <button type="button" onClick={() => zoom.set(zoom.value - 0.1)} aria-label={t("zoomOut")} className="rounded px-2 py-1 hover:bg-slate-100">−</button>
                  <span className="w-11 text-center text-xs tabular-nums">{Math.round(zoom.value * 100)}%</span>
                  <button type="button" onClick={() => zoom.set(zoom.value + 0.1)} aria-label={t("zoomIn")} className="rounded px-2 py-1 hover:bg-slate-100">+</button>
                  <button type="button" onClick={zoom.fit} className="rounded px-2 py-1 text-xs hover:bg-slate-100">{t("fit")}</button>
                </div>
              </div>
            )}
          />
        </div>
      ) : props.kind === "persona" ? (
        <PersonaBody doc={session.doc} />
      ) : (
        <StakeholdersBody doc={session.doc} />
      )}
    </div>
  );
}

function LiveBadge({ session, gone }: { session: CollabSession | null; gone: boolean }) {
  const t = useTranslations("sharing");
  const live = !gone && session?.status === "saved";
  return (
    <span role="status" className={`rounded-full px-2 py-0.5 font-medium ${live ? "bg-green-50 text-green-800" : "bg-slate-100 text-slate-700"}`} data-testid="shared-status">
      <span aria-hidden>{live ? "● " : "○ "}</span>
      {live ? t("live") : gone ? t("endedShort") : t("connecting")}
    </span>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  if (!items.filter(Boolean).length) return null;
  return (
    <section className="mt-4">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">{items.filter(Boolean).map((x, i) => <li key={i}>{x}</li>)}</ul>
    </section>
  );
}

function PersonaBody({ doc }: { doc: Y.Doc }) {
  const t = useTranslations("sharing.persona");
  const p = useDocValue(doc, readPersona);
  if (!p) return null;
  const facts = [p.demographics.age, p.demographics.location, p.demographics.incomeBand, p.demographics.familyStatus, p.demographics.gender].filter(Boolean);
  return (
    <main className="mx-auto w-full max-w-3xl overflow-y-auto p-6">
      <div className="flex items-center gap-3">
        <span className="flex h-12 w-12 items-center justify-center rounded-full text-lg font-bold text-white" style={{ background: p.avatarColor }} aria-hidden>{(p.name[0] ?? "?").toUpperCase()}</span>
        <div>
          <h1 className="text-xl font-semibold text-slate-900" data-testid="shared-title">{p.name}</h1>
          <p className="text-sm text-slate-600">{p.segment}</p>
        </div>
      </div>
      {p.quote ? <blockquote className="mt-4 border-l-4 border-slate-300 pl-3 text-slate-700 italic">“{p.quote}”</blockquote> : null}
      {facts.length ? <p className="mt-4 text-sm text-slate-700">{facts.join(" · ")}</p> : null}
      {p.job.title || p.job.career ? (
        <section className="mt-4">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("job")}</h2>
          <p className="text-sm text-slate-800">{p.job.title}</p>
          <p className="text-sm whitespace-pre-line text-slate-700">{p.job.career}</p>
        </section>
      ) : null}
      <List title={t("goals")} items={p.goals} />
      <List title={t("values")} items={p.values} />
      <List title={t("painPoints")} items={p.painPoints} />
      <List title={t("concerns")} items={p.concerns} />
      <List title={t("informationSources")} items={p.informationSources} />
      <List title={t("channels")} items={p.channels} />
      <List title={t("contentFormats")} items={p.contentFormats} />
      <List title={t("purchases")} items={p.purchases} />
      <List title={t("competitors")} items={p.competitors} />
    </main>
  );
}

function StakeholdersBody({ doc }: { doc: Y.Doc }) {
  const t = useTranslations("sharing.stakeholders");
  const data = useDocValue(doc, readStakeholderMap);
  const byId = useMemo(() => new Map((data?.stakeholders ?? []).map((s) => [s.id, s.name])), [data]);
  if (!data) return null;
  const rings = [...new Set(data.stakeholders.map((s) => s.ring))];
  return (
    <main className="mx-auto w-full max-w-3xl overflow-y-auto p-6">
      <h1 className="text-xl font-semibold text-slate-900" data-testid="shared-title">{data.title}</h1>
      {rings.map((ring) => (
        <List key={ring} title={t("ring", { ring })} items={data.stakeholders.filter((s) => s.ring === ring).map((s) => (s.description ? `${s.name} — ${s.description}` : s.name))} />
      ))}
      <List title={t("relationships")} items={data.relationships.map((r) => `${byId.get(r.from) ?? "?"} → ${byId.get(r.to) ?? "?"}: ${r.label || r.provides}`)} />
    </main>
  );
}

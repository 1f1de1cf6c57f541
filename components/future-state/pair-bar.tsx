"use client";
// The current ⇄ future pair in the editor's top bar (issue 13): on a paired map a link to the other
// map ("Future state →" / "← Current state") and to the side-by-side view; on an unpaired current map,
// for editors, "Design the future state" (creates the linked future map, or opens the existing one).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { designFutureStateAction } from "@/lib/actions/maps/design-future-state";
import type { MapState } from "@/lib/maps/map-document";

export type PairBarLink = { role: "current" | "future"; pairedMapId: string; pairedMapTitle: string };

export type PairBarProps = {
  slug: string;
  mapId: string;
  mapTitle: string;
  state: MapState;
  canEdit: boolean;
  pair: PairBarLink | null;
};

const linkClass = "inline-flex min-h-6 items-center rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50";

export function PairBar({ slug, mapId, mapTitle, state, canEdit, pair }: PairBarProps) {
  const t = useTranslations("pair");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: "info" | "error" } | null>(null);

  if (pair) {
    const toFuture = pair.role === "current";
    return (
      <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="pair-bar">
        <Link
          href={`/w/${slug}/maps/${pair.pairedMapId}`}
          className={`${linkClass} font-medium ${toFuture ? "border-brand-600 text-brand-700" : ""}`}
          title={t(toFuture ? "link.toFutureTitle" : "link.toCurrentTitle", { title: pair.pairedMapTitle })}
          data-testid={toFuture ? "pair-link-future" : "pair-link-current"}
        >
          {toFuture ? <>{t("link.toFuture")} <span aria-hidden className="ml-1">→</span></> : <><span aria-hidden className="mr-1">←</span> {t("link.toCurrent")}</>}
        </Link>
        <Link href={`/w/${slug}/maps/${mapId}/compare-future`} className={linkClass} data-testid="pair-compare-link">
          {t("link.compare")}
        </Link>
      </span>
    );
  }
  if (!canEdit || state !== "current") return null;
  const design = () =>
    startTransition(async () => {
      setMessage({ text: t("design.working"), tone: "info" });
      const result = await designFutureStateAction({ workspace: slug, mapId, title: t("design.defaultTitle", { title: mapTitle || "…" }).slice(0, 300) });
      if (!result.ok) {
        setMessage({ text: result.error.message, tone: "error" });
        return;
      }
      if (!result.data.created) setMessage({ text: t("design.opened"), tone: "info" });
      router.push(`/w/${slug}/maps/${result.data.futureMapId}`);
    });
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={linkClass} onClick={design} disabled={pending} title={t("design.hint")} data-testid="design-future-state">
        {t("design.button")}
      </button>
      <span role="status" className={`text-xs ${message?.tone === "error" ? "text-red-700" : "text-slate-600"}`}>
        {message?.text ?? ""}
      </span>
    </span>
  );
}

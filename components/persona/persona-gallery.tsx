"use client";
// The persona library: cards with search and a segment filter (filters live in the URL-free local
// state; the archived toggle is a link so the server loads archived personas only when asked).
import Link from "next/link";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { PersonaAvatar } from "./persona-avatar";

export type GalleryPersona = {
  id: string;
  name: string;
  segment: string;
  quote: string;
  avatarColor: string;
  avatarUrl: string | null;
  archived: boolean;
  mapCount: number;
};

export function PersonaGallery({ slug, personas, showArchived }: { slug: string; personas: GalleryPersona[]; showArchived: boolean }) {
  const t = useTranslations("personas");
  const [query, setQuery] = useState("");
  const [segment, setSegment] = useState("");
  const segments = useMemo(() => [...new Set(personas.map((p) => p.segment).filter(Boolean))].sort((a, b) => a.localeCompare(b)), [personas]);
  const q = query.trim().toLowerCase();
  const shown = personas.filter(
    (p) => (!segment || p.segment === segment) && (!q || `${p.name} ${p.segment} ${p.quote}`.toLowerCase().includes(q)),
  );

  return (
    <div>
      <div className="no-print mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="persona-search" className="mb-1 block text-sm font-medium text-slate-700">{t("searchLabel")}</label>
          <input id="persona-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("searchPlaceholder")} className={inputClass} />
        </div>
        <div>
          <label htmlFor="persona-segment" className="mb-1 block text-sm font-medium text-slate-700">{t("segmentFilter")}</label>
          <select id="persona-segment" value={segment} onChange={(e) => setSegment(e.target.value)} className={inputClass}>
            <option value="">{t("allSegments")}</option>
            {segments.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <Link href={showArchived ? `/w/${slug}/personas` : `/w/${slug}/personas?archived=1`} className="pb-2 text-sm text-brand-700 hover:underline" aria-pressed={showArchived} role="button">
          {showArchived ? "✓ " : ""}{t("showArchived")}
        </Link>
      </div>
      {shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">{t("noMatches")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label={t("title")}>
          {shown.map((p) => (
            <li key={p.id}>
              <Card className={`group relative h-full p-4 transition-shadow focus-within:ring-2 focus-within:ring-brand-500 hover:shadow-md ${p.archived ? "opacity-70" : ""}`}>
                <div className="flex items-start gap-3">
                  <PersonaAvatar name={p.name} color={p.avatarColor} imageUrl={p.avatarUrl} />
                  <div className="min-w-0 flex-1">
                    <h3 className="truncate font-semibold text-slate-900">
                      <Link href={`/w/${slug}/personas/${p.id}`} className="after:absolute after:inset-0 focus:outline-none" data-testid="persona-card-link">{p.name}</Link>
                    </h3>
                    {p.segment ? <p className="mt-0.5 inline-block rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">{p.segment}</p> : null}
                    {p.archived ? <span className="ml-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("archivedBadge")}</span> : null}
                  </div>
                </div>
                {p.quote ? <blockquote className="mt-3 line-clamp-3 text-sm italic text-slate-700">“{p.quote}”</blockquote> : null}
                <p className="mt-3 text-xs text-slate-500">{t("mapCount", { count: p.mapCount })}</p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

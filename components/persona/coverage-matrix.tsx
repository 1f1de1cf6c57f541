// Personas × processes: which journeys exist for whom, their state, last change and average emotion.
// A process is a map title (without a "(current)"/"(future state)" marker), so the current- and
// future-state maps of one process share a column.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { emotionColor, formatScore } from "@/components/emotion/emotion";
import { processTitle } from "@/lib/personas/process-title";
import { PersonaAvatar } from "./persona-avatar";

export type CoverageData = {
  personas: { id: string; name: string; segment: string; avatarColor: string; avatarUrl: string | null }[];
  cells: { personaId: string; mapId: string; title: string; state: "current" | "future"; updatedAt: string; avgEmotion: number | null }[];
  unlinkedTitles: string[];
};

export function CoverageMatrix({ slug, data }: { slug: string; data: CoverageData }) {
  const t = useTranslations("personas");
  const format = useFormatter();
  const titles = [...new Set([...data.cells.map((c) => processTitle(c.title)), ...data.unlinkedTitles.map(processTitle)])].sort((a, b) => a.localeCompare(b));
  if (data.personas.length === 0) return null;
  if (titles.length === 0) return <p className="text-sm text-slate-600">{t("coverage.noMaps")}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white" data-testid="coverage-matrix">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{t("sections.coverage")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-slate-50 px-3 py-2">{t("coverage.persona")}</th>
            {titles.map((title) => <th key={title} scope="col" className="min-w-44 px-3 py-2 normal-case">{title}</th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.personas.map((p) => (
            <tr key={p.id}>
              <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-2 text-left font-medium">
                <Link href={`/w/${slug}/personas/${p.id}`} className="flex items-center gap-2 hover:underline">
                  <PersonaAvatar name={p.name} color={p.avatarColor} imageUrl={p.avatarUrl} size="sm" />
                  <span>
                    <span className="block">{p.name}</span>
                    {p.segment ? <span className="block text-xs font-normal text-slate-500">{p.segment}</span> : null}
                  </span>
                </Link>
              </th>
              {titles.map((title) => {
                const maps = data.cells.filter((c) => c.personaId === p.id && processTitle(c.title) === title).sort((a, b) => a.state.localeCompare(b.state));
                return (
                  <td key={title} className="px-3 py-2 align-top">
                    {maps.length === 0 ? (
                      <span className="text-xs text-slate-400">{t("coverage.noJourney")}</span>
                    ) : (
                      <ul className="space-y-1.5">
                        {maps.map((m) => (
                          <li key={m.mapId}>
                            <Link href={`/w/${slug}/maps/${m.mapId}`} className="group block rounded-md border border-slate-200 px-2 py-1 hover:border-brand-500">
                              <span className={`mr-1 inline-block rounded px-1.5 py-0.5 text-[11px] font-medium ${m.state === "future" ? "bg-violet-100 text-violet-800" : "bg-sky-100 text-sky-800"}`}>
                                {t(`maps.state.${m.state}`)}
                              </span>
                              {m.avgEmotion === null ? (
                                <span className="text-xs text-slate-500">{t("maps.noEmotion")}</span>
                              ) : (
                                <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-800">
                                  <span aria-hidden className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: emotionColor(m.avgEmotion) }} />
                                  {t("coverage.avg", { value: formatScore(Math.round(m.avgEmotion * 10) / 10) })}
                                </span>
                              )}
                              <span className="block text-[11px] text-slate-500">{t("maps.updated", { date: format.dateTime(new Date(m.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

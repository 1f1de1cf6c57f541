"use client";
// The silo view is a heatmap: a real <table> (departments × stages) whose cells carry the number of
// touchpoints and their average emotion as text, coloured by that emotion.
import { useTranslations } from "next-intl";
import { Deferred, emotionColor, emotionTextColor } from "@/components/charts/base-chart";
import type { SiloCell, SiloHeatmap } from "@/lib/dashboard/silo-heatmap";
import { siloInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

export function SiloPanel({ data: silo }: { data: SiloHeatmap }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const { setFilters } = useDashboard();
  const cellOf = new Map(silo.cells.map((c) => [`${c.department}\u0000${c.stage}`, c]));
  // Table and CSV: one row per non-empty cell, in the heatmap's order.
  const rows: SiloCell[] = silo.departments.flatMap((d) => silo.stages.map((s) => cellOf.get(`${d}\u0000${s}`)).filter((c): c is SiloCell => Boolean(c)));
  const columns: Column<SiloCell>[] = [
    { header: t("columns.department"), csv: (r) => f.department(r.department) },
    { header: t("columns.stage"), csv: (r) => r.stage },
    { header: t("columns.touchpoints"), csv: (r) => r.touchpoints, numeric: true },
    { header: t("columns.rated"), csv: (r) => r.rated, numeric: true },
    { header: t("columns.avg"), csv: (r) => r.avgEmotion, cell: (r) => f.emotion(r.avgEmotion), numeric: true },
  ];
  // A button per cell: below the fold it is drawn when scrolled near (row height h-12 + spacing).
  const heatmap = (
    <Deferred height={30 + silo.departments.length * 52}>
      <div className="overflow-x-auto">
        <table className="w-full border-separate border-spacing-1 text-xs" data-testid="silo-heatmap">
          <caption className="sr-only">{t("panels.silo")}</caption>
          <thead>
            <tr>
              <th scope="col" className="sr-only">{t("columns.department")}</th>
              {silo.stages.map((s) => (
                <th key={s} scope="col" className="px-1 pb-1 text-center font-medium text-slate-600">{s}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {silo.departments.map((d) => (
              <tr key={d}>
                <th scope="row" className="whitespace-nowrap pr-2 text-left font-medium text-slate-700">{f.department(d)}</th>
                {silo.stages.map((s) => {
                  const cell = cellOf.get(`${d}\u0000${s}`);
                  if (!cell) return <td key={s} className="rounded bg-slate-50 text-center text-slate-300" aria-label="0">·</td>;
                  return (
                    <td key={s} className="p-0">
                      <button
                        type="button"
                        onClick={() => setFilters({ department: d || null, stage: s })}
                        title={t("actions.filterBy", { value: `${f.department(d)} · ${s}` })}
                        className="flex h-12 w-full min-w-16 flex-col items-center justify-center rounded leading-tight"
                        style={{ background: emotionColor(cell.avgEmotion), color: emotionTextColor(cell.avgEmotion) }}
                        data-testid="silo-cell"
                      >
                        <span className="text-sm font-semibold">{f.emotion(cell.avgEmotion)}</span>
                        <span>{cell.touchpoints} {t("columns.touchpoints")}</span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Deferred>
  );
  return (
    <PanelCard
      id="silo"
      name={t("panels.silo")}
      title={f.insight(siloInsight(silo))}
      hint={t("hints.silo")}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      chart={heatmap}
      className="lg:col-span-2"
    />
  );
}

"use client";
// A KPI's recorded history as a small trend (Recharts line on the shared BaseChart) with its target
// as a dashed reference line, a table alternative (toggle) and a CSV download of the same rows.
// Used for journey outcomes (editor dialog, dashboard) and touchpoint KPIs (side panel).
import { useId, useState } from "react";
import { Line, ReferenceLine } from "recharts";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { downloadCsv, toCsv } from "@/components/dashboard/csv";
import { BaseChart, chartColor } from "./base-chart";

export type KpiTrendProps = {
  name: string;
  points: { at: string; value: number }[];
  target: number | null;
  unit?: string;
  /** File name of the CSV download, without extension. */
  fileName: string;
  height?: number;
  colorIndex?: number;
  testId?: string;
  /** Own table toggle and CSV button; off where a surrounding card already offers both (dashboard). */
  controls?: boolean;
};

export function KpiTrend({ name, points, target, unit = "", fileName, height = 160, colorIndex = 0, testId, controls = true }: KpiTrendProps) {
  const t = useTranslations("curves.trend");
  const format = useFormatter();
  const locale = useLocale();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const value = (v: number | null) => (v === null ? "–" : `${format.number(v, { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ""}`);
  const date = (at: string) => format.dateTime(new Date(at), { dateStyle: "medium" });
  const data = points.map((p) => ({ label: format.dateTime(new Date(p.at), { month: "short", year: "2-digit" }), at: p.at, value: p.value }));
  const values = points.map((p) => p.value).concat(target === null ? [] : [target]);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
  const onDownload = () => {
    const csv = toCsv([t("columns.kpi"), t("columns.date"), t("columns.value"), t("columns.target")], points.map((p) => [name, p.at.slice(0, 10), p.value, target]), locale);
    downloadCsv(`${fileName}.csv`, csv);
  };
  return (
    <div className="min-w-0" data-testid={testId}>
      {points.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-200 px-3 py-3 text-xs text-slate-500">{t("noHistory")}</p>
      ) : (
        <>
          {controls ? <div className="mb-1 flex flex-wrap items-center justify-end gap-1">
            <button
              type="button"
              aria-pressed={showTable}
              aria-controls={tableId}
              onClick={() => setShowTable((s) => !s)}
              className="min-h-6 rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
            >
              {showTable ? t("showChart") : t("showTable")}
            </button>
            <button type="button" onClick={onDownload} className="min-h-6 rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50">
              {t("downloadCsv")}
            </button>
          </div> : null}
          <div id={tableId}>
            {showTable ? (
              <div className="max-h-56 overflow-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-label={t("label", { name })}>
                <table className="w-full border-collapse text-left text-xs">
                  <caption className="sr-only">{t("label", { name })}</caption>
                  <thead className="sticky top-0 bg-slate-50 text-slate-600">
                    <tr>
                      <th scope="col" className="px-2 py-1 font-medium">{t("columns.date")}</th>
                      <th scope="col" className="px-2 py-1 text-right font-medium">{t("columns.value")}</th>
                      <th scope="col" className="px-2 py-1 text-right font-medium">{t("columns.target")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {points.map((p, i) => (
                      <tr key={`${p.at}-${i}`} className="border-t border-slate-100">
                        <td className="px-2 py-1">{date(p.at)}</td>
                        <td className="px-2 py-1 text-right tabular-nums">{value(p.value)}</td>
                        <td className="px-2 py-1 text-right tabular-nums">{value(target)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <BaseChart
                data={data}
                label={t("label", { name })}
                categoryKey="label"
                height={height}
                valueDomain={[Math.floor(min - pad), Math.ceil(max + pad)]}
                valueFormatter={(v) => format.number(v, { maximumFractionDigits: 1 })}
                tooltipFormatter={(v) => value(v)}
              >
                {target !== null ? (
                  <ReferenceLine
                    y={target}
                    stroke="var(--chart-axis)"
                    strokeDasharray="6 4"
                    label={{ value: t("target", { value: value(target) }), position: "insideTopRight", fontSize: 11, fill: "var(--chart-axis)" }}
                  />
                ) : null}
                <Line type="monotone" dataKey="value" name={name} stroke={chartColor(colorIndex)} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              </BaseChart>
            )}
          </div>
        </>
      )}
    </div>
  );
}

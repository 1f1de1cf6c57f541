"use client";
// The side-by-side view of a current ⇄ future pair (issue 13): both curves overlaid (with a table
// alternative), per stage the central question and the gap, per touchpoint what is added, removed or
// changed, and the progress of the future state. Read-only; data from lib/maps/future-state/compare-pair.
import Link from "next/link";
import { useId, useState } from "react";
import { Line } from "recharts";
import { useFormatter, useTranslations } from "next-intl";
import { BaseChart, chartColor } from "@/components/charts/base-chart";
import { Card } from "@/components/ui/card";
import type { PairChangeKind, PairComparison, PairTouchpoint } from "@/lib/maps/future-state/compare-pair";
import type { PairSide } from "@/lib/maps/future-state/load-pair-comparison";
import { FUTURE_STATUSES } from "@/lib/maps/map-document";

const EMOTION_TICKS = [-3, -2, -1, 0, 1, 2, 3];
const KINDS: PairChangeKind[] = ["changed", "added", "removed", "unchanged"];
const STATUS_STYLE: Record<(typeof FUTURE_STATUSES)[number], string> = {
  idea: "bg-slate-100 text-slate-800",
  planned: "bg-sky-100 text-sky-900",
  in_progress: "bg-amber-100 text-amber-900",
  live: "bg-emerald-100 text-emerald-900",
};

export type PairComparisonViewProps = { slug: string; current: PairSide; future: PairSide; comparison: PairComparison };

export function PairComparisonView({ slug, current, future, comparison: c }: PairComparisonViewProps) {
  const t = useTranslations("pair");
  const format = useFormatter();
  const emotion = (v: number | null | undefined) => (v === null || v === undefined ? t("unrated") : format.number(v, { maximumFractionDigits: 2, signDisplay: "exceptZero" }));
  const percent = (v: number | null) => (v === null ? "–" : format.number(v, { style: "percent", maximumFractionDigits: 0 }));
  const mapHref = (id: string, tp?: string | null) => `/w/${slug}/maps/${id}${tp ? `?tp=${encodeURIComponent(tp)}` : ""}`;
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const data = c.curve.map((p, i) => ({ ...p, step: i + 1 }));

  return (
    <div className="space-y-6" data-testid="pair-comparison">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[
          { key: "currentAverage", value: emotion(c.averages.current) },
          { key: "futureAverage", value: emotion(c.averages.future) },
          { key: "gap", value: emotion(c.averages.gap) },
          { key: "liveShare", value: percent(c.progress.liveShare) },
        ].map((tile) => (
          <div key={tile.key} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <dt className="text-xs font-medium text-slate-600">{t(`tiles.${tile.key}`)}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`pair-${tile.key}`}>{tile.value}</dd>
          </div>
        ))}
      </dl>

      <Card className="p-4">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold text-slate-900">{t("curves.title")}</h2>
          <button
            type="button"
            className="min-h-6 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50"
            aria-expanded={showTable}
            aria-controls={tableId}
            data-testid="pair-curves-table-toggle"
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? t("curves.hideTable") : t("curves.showTable")}
          </button>
        </div>
        <div data-testid="pair-curves">
          <BaseChart
            data={data}
            label={t("curves.label", { current: current.title, future: future.title })}
            categoryKey="step"
            valueDomain={[-3, 3]}
            valueTicks={EMOTION_TICKS}
            valueFormatter={(v) => emotion(v)}
            categoryFormatter={(v) => data[Number(v) - 1]?.label.slice(0, 14) ?? String(v)}
            zeroLine
            legend
            height={320}
            tooltipFormatter={(v) => emotion(v)}
          >
            <Line type="monotone" dataKey="current" name={t("curves.current")} stroke={chartColor(1)} strokeWidth={2} strokeDasharray="6 4" connectNulls dot={{ r: 4 }} isAnimationActive={false} />
            <Line type="monotone" dataKey="future" name={t("curves.future")} stroke={chartColor(0)} strokeWidth={2.5} connectNulls dot={{ r: 4 }} isAnimationActive={false} />
          </BaseChart>
        </div>
        <div id={tableId} hidden={!showTable} className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="pair-curve-table">
            <caption className="sr-only">{t("curves.title")}</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">{t("columns.stage")}</th>
                <th scope="col" className="py-1 pr-3">{t("columns.touchpoint")}</th>
                <th scope="col" className="py-1 pr-3 text-right">{t("curves.current")}</th>
                <th scope="col" className="py-1 text-right">{t("curves.future")}</th>
              </tr>
            </thead>
            <tbody>
              {c.curve.map((p) => (
                <tr key={p.key} className="border-t border-slate-100">
                  <td className="py-1 pr-3 text-slate-600">{p.stageName}</td>
                  <th scope="row" className="py-1 pr-3 font-normal text-slate-900">{p.label}</th>
                  <td className="py-1 pr-3 text-right tabular-nums">{p.current === null ? "–" : emotion(p.current)}</td>
                  <td className="py-1 text-right tabular-nums">{p.future === null ? "–" : emotion(p.future)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card className="p-4">
        <h2 className="mb-2 text-base font-semibold text-slate-900">{t("progress.title")}</h2>
        <p className="text-sm text-slate-700" data-testid="pair-progress">
          {t("progress.summary", { live: c.progress.live, total: c.progress.total, share: percent(c.progress.liveShare) })}
        </p>
        <ul className="mt-2 flex flex-wrap gap-2 text-sm">
          {FUTURE_STATUSES.map((s) => (
            <li key={s} className={`rounded-full px-2.5 py-0.5 ${STATUS_STYLE[s]}`}>
              {t(`status.${s}`)}: <span className="font-semibold tabular-nums">{c.progress[s]}</span>
              {c.progress.total ? <span className="text-xs"> ({percent(c.progress[s] / c.progress.total)})</span> : null}
            </li>
          ))}
          {c.progress.unset ? <li className="rounded-full bg-white px-2.5 py-0.5 text-slate-700 ring-1 ring-slate-300">{t("status.unset")}: {c.progress.unset}</li> : null}
        </ul>
      </Card>

      <Card className="overflow-x-auto p-4">
        <h2 className="mb-2 text-base font-semibold text-slate-900">{t("stages.title")}</h2>
        <table className="w-full text-left text-sm" data-testid="pair-stages">
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3">{t("columns.stage")}</th>
              <th scope="col" className="py-1 pr-3 text-right">{t("curves.current")}</th>
              <th scope="col" className="py-1 pr-3 text-right">{t("curves.future")}</th>
              <th scope="col" className="py-1 text-right">{t("columns.gap")}</th>
            </tr>
          </thead>
          <tbody>
            {c.stages.map((s) => (
              <tr key={s.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 font-medium text-slate-900">
                  {s.name}
                  {s.centralQuestion ? <p className="mt-0.5 text-xs font-normal italic text-slate-600">{t("stages.question", { question: s.centralQuestion })}</p> : null}
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{emotion(s.currentAverage)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums">{emotion(s.futureAverage)}</td>
                <td className="py-1.5 text-right font-semibold tabular-nums">{s.gap === null ? "–" : emotion(s.gap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>

      <Card className="p-4">
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("touchpoints.title")}</h2>
        <div className="space-y-4">
          {KINDS.map((kind) => {
            const items = c.touchpoints.filter((tp) => tp.kind === kind);
            return (
              <section key={kind} aria-labelledby={`pair-kind-${kind}`} data-testid={`pair-${kind}`}>
                <h3 id={`pair-kind-${kind}`} className="text-sm font-semibold text-slate-800">
                  {t(`kinds.${kind}`)} <span className="font-normal text-slate-600">({items.length})</span>
                </h3>
                {items.length === 0 ? (
                  <p className="text-sm text-slate-600">{t("touchpoints.none")}</p>
                ) : (
                  <ul className="mt-1 divide-y divide-slate-100">
                    {items.map((tp) => (
                      <TouchpointRow key={`${tp.currentId}:${tp.futureId}`} tp={tp} href={tp.futureId ? mapHref(future.id, tp.futureId) : mapHref(current.id, tp.currentId)} emotion={emotion} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      </Card>

      <p className="text-sm">
        <Link className="font-medium text-brand-700 hover:underline" href={mapHref(current.id)}>← {t("openCurrent", { title: current.title })}</Link>
        <span className="mx-2 text-slate-400" aria-hidden>·</span>
        <Link className="font-medium text-brand-700 hover:underline" href={mapHref(future.id)}>{t("openFuture", { title: future.title })} →</Link>
      </p>
    </div>
  );
}

function TouchpointRow({ tp, href, emotion }: { tp: PairTouchpoint; href: string; emotion: (v: number | null) => string }) {
  const t = useTranslations("pair");
  const format = useFormatter();
  const num = (v: number | null) => (v === null ? "–" : format.number(v, { maximumFractionDigits: 2 }));
  return (
    <li className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-1.5 text-sm" data-testid="pair-touchpoint">
      <Link href={href} className="inline-flex min-h-6 items-center font-medium text-brand-700 hover:underline">{tp.title || t("untitled")}</Link>
      <span className="text-xs text-slate-600">{tp.stageName}</span>
      {tp.futureStatus ? <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[tp.futureStatus]}`}>{t(`status.${tp.futureStatus}`)}</span> : null}
      {tp.kind === "changed" || tp.kind === "unchanged" ? (
        tp.emotion.before !== tp.emotion.after ? (
          <span data-testid="pair-emotion-change">{t("change.emotion", { before: emotion(tp.emotion.before), after: emotion(tp.emotion.after) })}</span>
        ) : null
      ) : tp.kind === "added" ? (
        <span className="text-slate-700">{t("change.emotionOnly", { value: emotion(tp.emotion.after) })}</span>
      ) : (
        <span className="text-slate-700">{t("change.emotionOnly", { value: emotion(tp.emotion.before) })}</span>
      )}
      {tp.owner ? <span>{t("change.owner", { before: tp.owner.before || "–", after: tp.owner.after || "–" })}</span> : null}
      {tp.kpiTargets.map((k) => (
        <span key={k.name}>{t("change.kpiTarget", { name: k.name, before: num(k.before), after: num(k.after), unit: k.unit })}</span>
      ))}
      {tp.otherChanges.length ? <span className="text-xs text-slate-600">{t("change.other", { count: tp.otherChanges.length })}</span> : null}
    </li>
  );
}

"use client";
// The emotion curves of a persona's maps side by side, so the same process can be compared between
// current and future state (and, on another persona's page, across personas). Moments of truth are
// drawn as diamonds; every point also carries its score as text in the tooltip and the table.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { emotionColor, formatScore } from "@/components/emotion/emotion";

export type CurveMap = {
  id: string;
  title: string;
  state: "current" | "future";
  updatedAt: string;
  avgEmotion: number | null;
  touchpoints: { id: string; title: string; stageName: string; emotion: number | null; momentOfTruth: boolean }[];
};

type DotProps = { cx?: number; cy?: number; payload?: { emotion: number | null; momentOfTruth: boolean } };

function Dot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.emotion === null) return null;
  const fill = emotionColor(payload.emotion);
  if (payload.momentOfTruth) {
    return <path d={`M ${cx} ${cy - 7} L ${cx + 7} ${cy} L ${cx} ${cy + 7} L ${cx - 7} ${cy} Z`} fill={fill} stroke="#0f172a" strokeWidth={1.5} />;
  }
  return <circle cx={cx} cy={cy} r={4.5} fill={fill} stroke="#fff" strokeWidth={1.5} />;
}

export function PersonaMapCurves({ slug, maps }: { slug: string; maps: CurveMap[] }) {
  const t = useTranslations("personas");
  const format = useFormatter();
  if (maps.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">{t("maps.empty")}</p>;
  return (
    <ul className="grid gap-4 lg:grid-cols-2 print:grid-cols-2" data-testid="persona-maps">
      {maps.map((m) => {
        const data = m.touchpoints.map((tp, i) => ({ i: i + 1, title: tp.title, stage: tp.stageName, emotion: tp.emotion, momentOfTruth: tp.momentOfTruth }));
        return (
          <li key={m.id} className="break-inside-avoid rounded-xl border border-slate-200 bg-white p-4">
            <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
              <div>
                <h3 className="font-semibold text-slate-900">{m.title}</h3>
                <p className="text-xs text-slate-500">
                  <span className={`mr-1.5 inline-block rounded px-1.5 py-0.5 font-medium ${m.state === "future" ? "bg-violet-100 text-violet-800" : "bg-sky-100 text-sky-800"}`}>{t(`maps.state.${m.state}`)}</span>
                  {t("maps.touchpoints", { count: m.touchpoints.length })} · {m.avgEmotion === null ? t("maps.noEmotion") : t("maps.avgEmotion", { value: formatScore(Math.round(m.avgEmotion * 10) / 10) })} · {t("maps.updated", { date: format.dateTime(new Date(m.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
              </div>
              <Link href={`/w/${slug}/maps/${m.id}`} className="no-print text-sm font-medium text-brand-700 hover:underline">{t("maps.openMap")} →</Link>
            </div>
            <div className="h-44" role="img" aria-label={`${m.title}: ${data.map((d) => `${d.title} ${d.emotion === null ? "–" : formatScore(d.emotion)}`).join(", ")}`}>
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={data} margin={{ top: 10, right: 12, bottom: 0, left: -24 }}>
                  <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
                  <XAxis dataKey="i" tick={{ fontSize: 11, fill: "var(--chart-axis)" }} tickLine={false} axisLine={{ stroke: "var(--chart-grid)" }} />
                  <YAxis domain={[-3, 3]} ticks={[-3, -2, -1, 0, 1, 2, 3]} tickFormatter={(v: number) => formatScore(v)} tick={{ fontSize: 11, fill: "var(--chart-axis)" }} tickLine={false} axisLine={false} />
                  <ReferenceLine y={0} stroke="var(--chart-axis)" strokeDasharray="3 3" />
                  <Tooltip
                    formatter={(value) => [typeof value === "number" ? formatScore(value) : "–", t("maps.emotionAxis")]}
                    labelFormatter={(_, payload) => {
                      const p = payload?.[0]?.payload as (typeof data)[number] | undefined;
                      return p ? `${p.i}. ${p.title} (${p.stage})${p.momentOfTruth ? ` · ${t("maps.momentOfTruth")}` : ""}` : "";
                    }}
                  />
                  <Line type="monotone" dataKey="emotion" stroke="var(--chart-1)" strokeWidth={2} connectNulls dot={<Dot />} activeDot={{ r: 6 }} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

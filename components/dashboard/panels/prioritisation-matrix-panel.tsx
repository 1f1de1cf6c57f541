"use client";
// Panel "Prioritisation matrix" (issue 13, method): open opportunities as dots by effort (x) and impact
// (y); a click opens the touchpoint in its map. The table alternative lists every dot with a link.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { matrixQuadrant, type MatrixOpportunity, type PrioritisationMatrix } from "@/lib/dashboard/prioritisation-matrix";
import { Deferred } from "@/components/charts/defer";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

const TICKS = [1, 2, 3, 4, 5];
const STATUS_COLOR: Record<MatrixOpportunity["status"], string> = { open: "var(--chart-1)", in_progress: "var(--chart-2)", done: "var(--chart-3)" };

type Dot = MatrixOpportunity & { x: number; y: number; index: number };

/** Opportunities with the same rating are spread in a small circle so each dot stays clickable. */
function spread(points: MatrixOpportunity[]): Dot[] {
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const p of points) total.set(`${p.impact}|${p.effort}`, (total.get(`${p.impact}|${p.effort}`) ?? 0) + 1);
  return points.map((p, index) => {
    const key = `${p.impact}|${p.effort}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const count = total.get(key)!;
    if (count === 1) return { ...p, x: p.effort, y: p.impact, index };
    const angle = (2 * Math.PI * n) / count;
    const r = Math.min(0.3, 0.08 + 0.03 * count);
    return { ...p, x: p.effort + r * Math.cos(angle), y: p.impact + r * Math.sin(angle), index };
  });
}

export function PrioritisationMatrixPanel({ data }: { data: PrioritisationMatrix }) {
  const t = useTranslations("method.matrix");
  const f = useDashboardFormat();
  const router = useRouter();
  const { touchpointHref } = useDashboard();
  const dots = spread(data.points);
  const quickWins = data.points.filter((p) => matrixQuadrant(p) === "quickWin").length;
  const columns: Column<MatrixOpportunity>[] = [
    { header: t("opportunity"), csv: (r) => r.text },
    {
      header: t("touchpoint"),
      csv: (r) => r.touchpoint,
      cell: (r) => <a className="font-medium text-brand-700 hover:underline" href={touchpointHref(r.mapId, r.touchpointId)}>{r.touchpoint}</a>,
    },
    { header: t("map"), csv: (r) => r.mapTitle },
    { header: t("stage"), csv: (r) => r.stage },
    { header: t("impact"), csv: (r) => r.impact, numeric: true },
    { header: t("effort"), csv: (r) => r.effort, numeric: true },
    { header: t("quadrant"), csv: (r) => t(`quadrants.${matrixQuadrant(r)}`) },
    { header: t("status"), csv: (r) => t(`statuses.${r.status}`) },
    { header: t("owner"), csv: (r) => r.owner },
    { header: t("dueDate"), csv: (r) => r.dueDate ?? "", cell: (r) => (r.dueDate ? f.date(r.dueDate) : "—") },
  ];
  const axisStyle = { fontSize: 12, fill: "var(--chart-axis)" };
  return (
    <PanelCard
      id="prioritisation-matrix"
      name={t("panel")}
      title={data.points.length ? t("insight", { quickWins, count: data.points.length }) : t("empty")}
      hint={t("hint")}
      rows={data.points}
      columns={columns}
      isEmpty={data.points.length === 0}
      footnote={data.unrated ? <p className="mt-2 text-xs text-slate-600">{t("unrated", { count: data.unrated })}</p> : null}
      chart={
        // Up to 300 dots: drawn when scrolled near, like the charts around it (charts/defer.tsx).
        <Deferred height={300}>
          <figure role="group" aria-label={t("chartLabel")} className="m-0 w-full" style={{ height: 300 }}>
            <ResponsiveContainer width="100%" height="100%">
              <ScatterChart margin={{ top: 12, right: 16, bottom: 24, left: 8 }}>
                <ReferenceArea x1={0.5} x2={2.5} y1={2.5} y2={5.5} fill="var(--chart-3)" fillOpacity={0.07} ifOverflow="hidden" />
                <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
                <XAxis
                  type="number" dataKey="x" name={t("effort")} domain={[0.5, 5.5]} ticks={TICKS} tick={axisStyle} stroke="var(--chart-grid)" allowDecimals={false}
                  label={{ value: t("effort"), position: "insideBottom", offset: -14, style: { ...axisStyle, textAnchor: "middle" } }}
                />
                <YAxis
                  type="number" dataKey="y" name={t("impact")} domain={[0.5, 5.5]} ticks={TICKS} tick={axisStyle} stroke="var(--chart-grid)" width={44} allowDecimals={false}
                  label={{ value: t("impact"), angle: -90, position: "insideLeft", offset: 10, style: { ...axisStyle, textAnchor: "middle" } }}
                />
                <ReferenceLine x={2.5} stroke="var(--chart-axis)" strokeDasharray="4 4" />
                <ReferenceLine y={2.5} stroke="var(--chart-axis)" strokeDasharray="4 4" />
                <Tooltip
                  cursor={{ strokeDasharray: "3 3" }}
                  content={({ active, payload }) => {
                    const r = payload?.[0]?.payload as Dot | undefined;
                    if (!active || !r) return null;
                    return (
                      <div className="max-w-xs rounded-md border border-slate-200 bg-white p-2 text-xs shadow-md">
                        <p className="font-medium text-slate-900">{r.text}</p>
                        <p className="text-slate-600">{r.touchpoint} · {r.mapTitle} · {r.stage}</p>
                        <p className="text-slate-600">{t("impact")} {r.impact} · {t("effort")} {r.effort} · {t(`quadrants.${matrixQuadrant(r)}`)}</p>
                      </div>
                    );
                  }}
                />
                <Scatter
                  data={dots}
                  isAnimationActive={false}
                  cursor="pointer"
                  shape={(props: { cx?: number; cy?: number; payload?: Dot }) => {
                    const p = props.payload;
                    if (!p || props.cx === undefined || props.cy === undefined) return <g />;
                    return (
                      <circle
                        cx={props.cx}
                        cy={props.cy}
                        r={7}
                        fill={STATUS_COLOR[p.status]}
                        stroke="#fff"
                        strokeWidth={1.5}
                        data-testid="matrix-dot"
                        data-touchpoint={p.touchpointId}
                        onClick={() => router.push(touchpointHref(p.mapId, p.touchpointId))}
                      />
                    );
                  }}
                />
              </ScatterChart>
            </ResponsiveContainer>
          </figure>
        </Deferred>
      }
    />
  );
}

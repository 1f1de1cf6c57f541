"use client";
// The one Recharts wrapper: responsive container, grid, axes, tooltip and colours from the CSS
// variables in app/globals.css (--chart-1…6, --chart-grid, --chart-axis). Charts are composed from it
// by passing series (<Bar>, <Line>, …) as children.
export { emotionColor, emotionTextColor, shareColor } from "./emotion-color";
export { Deferred, DeferUntil } from "./defer";
import { ComposedChart, CartesianGrid, Legend, type LabelProps, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useDeferredDraw } from "./defer";

/** Series colours, in order. */
export const CHART_COLORS = [1, 2, 3, 4, 5, 6].map((i) => `var(--chart-${i})`);
export const chartColor = (index: number) => CHART_COLORS[index % CHART_COLORS.length];

export type BaseChartProps = {
  data: object[];
  /** Accessible name of the chart (the table toggle gives the full data). */
  label: string;
  height?: number;
  /** "vertical" draws horizontal bars: categories on the y axis. */
  layout?: "horizontal" | "vertical";
  /** Key of the category of each row. */
  categoryKey: string;
  categoryFormatter?: (value: string | number) => string;
  categoryWidth?: number;
  /** Value axis. */
  valueDomain?: [number | "auto" | "dataMin" | "dataMax", number | "auto" | "dataMin" | "dataMax"];
  valueTicks?: number[];
  valueFormatter?: (value: number) => string;
  valueLabel?: string;
  /** Draw a line at value 0 (emotion charts). */
  zeroLine?: boolean;
  legend?: boolean;
  tooltip?: React.ComponentProps<typeof Tooltip>["content"];
  tooltipFormatter?: (value: number, name: string) => string;
  categoryType?: "category" | "number";
  /** Which category ticks to draw: every one (0, the default) or as many as fit ("preserveStartEnd"). */
  categoryInterval?: 0 | "preserveStartEnd";
  children: React.ReactNode;
};

export function BaseChart({
  data, label, height = 260, layout = "horizontal", categoryKey, categoryFormatter, categoryWidth = 110, valueDomain, valueTicks,
  valueFormatter, valueLabel, zeroLine, legend, tooltip, tooltipFormatter, categoryType = "category", categoryInterval = 0, children,
}: BaseChartProps) {
  // Inside a `DeferUntil`: an empty box of the chart's height until its turn (see ./defer.tsx).
  const { ref, isDrawn } = useDeferredDraw();
  const axisStyle = { fontSize: 12, fill: "var(--chart-axis)" };
  const categoryAxis = {
    dataKey: categoryKey,
    type: categoryType,
    tick: axisStyle,
    stroke: "var(--chart-grid)",
    tickFormatter: categoryFormatter,
    interval: categoryInterval,
    allowDecimals: false,
  };
  const valueAxis = {
    type: "number" as const,
    domain: valueDomain,
    ticks: valueTicks,
    tick: axisStyle,
    stroke: "var(--chart-grid)",
    tickFormatter: valueFormatter,
    allowDecimals: true,
    label: valueLabel
      ? {
          value: valueLabel,
          angle: layout === "horizontal" ? -90 : 0,
          position: (layout === "horizontal" ? "insideLeft" : "insideBottom") as "insideLeft" | "insideBottom",
          offset: layout === "horizontal" ? 10 : -2,
          style: { ...axisStyle, textAnchor: "middle" as const },
        }
      : undefined,
  };
  return (
    <figure ref={ref} role="group" aria-label={label} className="m-0 w-full" style={{ height }}>
      {isDrawn ? (
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} layout={layout} margin={{ top: layout === "horizontal" ? 20 : 8, right: layout === "vertical" ? 64 : 16, bottom: legend ? 4 : 8, left: layout === "horizontal" && valueLabel ? 8 : 0 }}>
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={layout === "vertical"} horizontal={layout === "horizontal"} />
            {layout === "horizontal" ? (
              <>
                <XAxis {...categoryAxis} />
                <YAxis {...valueAxis} width={valueLabel ? 48 : 36} />
              </>
            ) : (
              <>
                <XAxis {...valueAxis} />
                <YAxis {...categoryAxis} width={categoryWidth} />
              </>
            )}
            {zeroLine ? (layout === "horizontal" ? <ReferenceLine y={0} stroke="var(--chart-axis)" /> : <ReferenceLine x={0} stroke="var(--chart-axis)" />) : null}
            <Tooltip
              content={tooltip}
              cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.35 }}
              formatter={tooltipFormatter ? (value, name) => tooltipFormatter(Number(value), String(name)) : undefined}
              labelFormatter={categoryFormatter ? (value) => categoryFormatter(value as string) : undefined}
              contentStyle={{ borderRadius: 8, borderColor: "var(--chart-grid)", fontSize: 12 }}
            />
            {legend ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
            {children}
          </ComposedChart>
        </ResponsiveContainer>
      ) : null}
    </figure>
  );
}

type LabelContentProps = LabelProps;

/**
 * LabelList content that writes a bar's value at its outer end — right of horizontal bars, above
 * vertical ones — also for zero-length and negative bars, so the number always accompanies the colour.
 */
export function barEndLabel(layout: "horizontal" | "vertical") {
  return function BarEndLabel(props: LabelContentProps) {
    const box = (props.viewBox ?? {}) as { x?: number; y?: number; width?: number; height?: number };
    const x = Number(props.x ?? box.x ?? 0);
    const y = Number(props.y ?? box.y ?? 0);
    const width = Number(props.width ?? box.width ?? 0);
    const height = Number(props.height ?? box.height ?? 0);
    if (props.value === undefined || props.value === null || props.value === "") return <g />;
    const text = String(props.value);
    return layout === "vertical" ? (
      <text x={Math.max(x, x + width) + 6} y={y + height / 2} dominantBaseline="central" fontSize={11} fill="#0f172a">
        {text}
      </text>
    ) : (
      <text x={x + width / 2} y={Math.min(y, y + height) - 6} textAnchor="middle" fontSize={11} fill="#0f172a">
        {text}
      </text>
    );
  };
}

"use client";
// A curve per persona (issue 13): when a map has two or more linked personas, the emotion lane can
// be rated per persona (a selector above the grid: "Rate emotions for …"), each persona's curve is
// overlaid on the default one, a legend toggles curves (buttons with aria-pressed), and each
// persona's lowest point is marked. Colours come from the chart palette tokens (--chart-2…6); every
// point also carries the persona's initials, so colour is never the only cue. Maps with zero or one
// persona keep the single default curve and none of this shows.
import { createContext, memo, useCallback, useContext, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type * as Y from "yjs";
import { hasPersonaCurves, personaCurves, setEmotion, setPersonaEmotion, type MapData, type Touchpoint } from "@/lib/maps/map-document";
import { formatScore } from "@/components/emotion/emotion";
import { emotionY } from "./emotion-curve";
import type { Column } from "./layout";
import type { PersonaOption } from "./editor-context";

/** The key of the default curve in the legend. */
export const DEFAULT_CURVE = "default";

export type CurvePersona = { id: string; name: string; initials: string; color: string };

type PersonaCurvesState = {
  /** Whether the map shows persona curves at all (two or more linked personas). */
  active: boolean;
  personas: CurvePersona[];
  /** The persona whose emotions the emotion lane edits; null = the default emotion. */
  ratingPersonaId: string | null;
  setRatingPersonaId: (id: string | null) => void;
  hidden: ReadonlySet<string>;
  toggle: (key: string) => void;
};

const PersonaCurvesContext = createContext<PersonaCurvesState | null>(null);

/** Initials of a name ("Ines Hartmann" → "IH"), at most two letters. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return "?";
  return (parts.length === 1 ? parts[0].slice(0, 2) : parts[0][0] + parts[parts.length - 1][0]).toUpperCase();
}

/** Persona curve colours: the chart palette after --chart-1 (kept for the default's accents). */
export const personaColor = (index: number) => `var(--chart-${(index % 5) + 2})`;

/** Provides the persona-curve state to the controls bar and the grid. */
export function PersonaCurvesProvider({ map, personas, children }: { map: Pick<MapData, "personaIds">; personas: PersonaOption[]; children: React.ReactNode }) {
  const [ratingPersonaId, setRating] = useState<string | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const active = hasPersonaCurves(map);
  const curvePersonas = useMemo<CurvePersona[]>(
    () =>
      map.personaIds.map((id, i) => {
        const name = personas.find((p) => p.id === id)?.name ?? "?";
        return { id, name, initials: initialsOf(name), color: personaColor(i) };
      }),
    [map.personaIds, personas],
  );
  const toggle = useCallback((key: string) => {
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  // A persona that was unlinked meanwhile can no longer be rated.
  const rating = active && ratingPersonaId && map.personaIds.includes(ratingPersonaId) ? ratingPersonaId : null;
  const value = useMemo<PersonaCurvesState>(
    () => ({ active, personas: curvePersonas, ratingPersonaId: rating, setRatingPersonaId: setRating, hidden, toggle }),
    [active, curvePersonas, rating, hidden, toggle],
  );
  return <PersonaCurvesContext.Provider value={value}>{children}</PersonaCurvesContext.Provider>;
}

const INACTIVE: PersonaCurvesState = { active: false, personas: [], ratingPersonaId: null, setRatingPersonaId: () => {}, hidden: new Set(), toggle: () => {} };

export function usePersonaCurves(): PersonaCurvesState {
  return useContext(PersonaCurvesContext) ?? INACTIVE;
}

/**
 * What the emotion lane reads and writes: the default emotion, or the selected persona's.
 * Used by the emotion cells and the grid's keyboard handler.
 */
export function useEmotionTarget() {
  const { ratingPersonaId } = usePersonaCurves();
  return useMemo(
    () => ({
      personaId: ratingPersonaId,
      valueOf: (tp: Touchpoint): number | null => (ratingPersonaId ? (tp.personaEmotions[ratingPersonaId] ?? null) : tp.emotion),
      set: (doc: Y.Doc, touchpointId: string, score: number | null) =>
        ratingPersonaId ? setPersonaEmotion(doc, touchpointId, ratingPersonaId, score) : setEmotion(doc, touchpointId, score),
    }),
    [ratingPersonaId],
  );
}

/** The bar above the grid: who is being rated, the legend (toggles) and each persona's lowest point as text. */
export function PersonaCurveControls({ map }: { map: Pick<MapData, "personaIds" | "touchpoints"> }) {
  const t = useTranslations("curves.personas");
  const te = useTranslations("editor");
  const state = usePersonaCurves();
  const curves = useMemo(() => personaCurves(map), [map]);
  if (!state.active) return null;
  const byId = new Map(state.personas.map((p) => [p.id, p]));
  const legend = [{ key: DEFAULT_CURVE, label: t("default"), initials: "Ø", color: "var(--chart-1)" }, ...state.personas.map((p) => ({ key: p.id, label: p.name, initials: p.initials, color: p.color }))];
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 text-sm" data-testid="persona-curve-controls">
      <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
        {t("rateFor")}
        <select
          className="min-h-8 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          value={state.ratingPersonaId ?? ""}
          onChange={(e) => state.setRatingPersonaId(e.target.value || null)}
          data-testid="rate-persona"
        >
          <option value="">{t("default")}</option>
          {state.personas.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
      </label>
      <div role="group" aria-label={t("legend")} className="flex flex-wrap items-center gap-1.5" data-testid="curve-legend">
        {legend.map((item) => {
          const visible = !state.hidden.has(item.key);
          return (
            <button
              key={item.key}
              type="button"
              aria-pressed={visible}
              title={t("toggle", { name: item.label })}
              onClick={() => state.toggle(item.key)}
              data-testid={`curve-toggle-${item.key}`}
              className={`flex min-h-7 items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium ${visible ? "border-slate-300 bg-white text-slate-800" : "border-dashed border-slate-300 bg-slate-50 text-slate-500 line-through"}`}
            >
              <span aria-hidden className="inline-flex h-4 min-w-4 items-center justify-center rounded-full px-0.5 text-[9px] font-bold text-white" style={{ background: item.color }}>
                {item.initials}
              </span>
              {item.label}
            </button>
          );
        })}
      </div>
      <ul className="flex flex-wrap gap-x-3 text-xs text-slate-600" data-testid="persona-lowest">
        {curves.map((c) => {
          const p = byId.get(c.personaId);
          if (!p || !c.lowest || state.hidden.has(p.id)) return null;
          return (
            <li key={c.personaId}>
              {t("lowest", { name: p.name, title: c.lowest.title || te("untitledTouchpoint"), emotion: formatScore(c.lowest.emotion!) })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The persona curves drawn over the emotion lane (decorative: the cells and the controls carry the data). */
export const PersonaCurveLines = memo(function PersonaCurveLines({ map, columns, first, last, columnWidth, height }: {
  map: Pick<MapData, "personaIds" | "touchpoints">;
  columns: Column[];
  first: number;
  last: number;
  columnWidth: number;
  height: number;
}) {
  const state = usePersonaCurves();
  const curves = useMemo(() => personaCurves(map), [map]);
  if (!state.active || last < first) return null;
  const colOf = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c.kind === "touchpoint") colOf.set(c.touchpoint.id, i);
  });
  const width = (last - first + 1) * columnWidth;
  const x = (col: number) => (col - first + 0.5) * columnWidth;
  return (
    <svg className="pointer-events-none absolute" style={{ left: first * columnWidth, top: 0 }} width={width} height={height} aria-hidden data-testid="persona-curves">
      {curves.map((c, ci) => {
        const p = state.personas.find((pp) => pp.id === c.personaId);
        if (!p || state.hidden.has(p.id)) return null;
        // Draw one column beyond each edge too, so a line leaving the screen keeps its direction.
        const pts = c.points
          .map((pt) => ({ pt, col: colOf.get(pt.touchpointId) }))
          .filter((v): v is { pt: (typeof c.points)[number]; col: number } => v.col !== undefined && v.pt.emotion !== null && v.col >= first - 1 && v.col <= last + 1);
        const offset = (ci - (curves.length - 1) / 2) * 3; // keeps equal values of two personas apart
        const path = pts.map((v, i) => `${i ? "L" : "M"}${x(v.col)},${emotionY(v.pt.emotion!, height) + offset}`).join(" ");
        return (
          <g key={c.personaId} data-testid={`persona-curve-${c.personaId}`}>
            <path d={path} fill="none" stroke={p.color} strokeWidth={2.5} strokeDasharray={ci % 2 ? "6 3" : undefined} />
            {pts.map((v) => {
              const cx = x(v.col);
              const cy = emotionY(v.pt.emotion!, height) + offset;
              const isLowest = c.lowest?.touchpointId === v.pt.touchpointId;
              return (
                <g key={v.pt.touchpointId} data-testid="persona-point" data-persona-id={c.personaId} data-touchpoint-id={v.pt.touchpointId} data-score={v.pt.emotion} data-lowest={isLowest || undefined}>
                  {isLowest ? <circle cx={cx} cy={cy} r={14} fill="none" stroke={p.color} strokeWidth={2} strokeDasharray="3 2" /> : null}
                  <circle cx={cx} cy={cy} r={9} fill={p.color} stroke="#ffffff" strokeWidth={1.5} />
                  <text x={cx} y={cy} textAnchor="middle" dominantBaseline="central" fontSize={8} fontWeight={700} fill="#ffffff">
                    {p.initials}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
});

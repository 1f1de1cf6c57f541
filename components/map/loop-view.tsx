"use client";
// The loop view of a cyclic map: stages as arcs around a ring, touchpoints as points on it (emotion
// as colour AND distance from the ring AND a signed score label), an arrow from the last stage back
// to the first. Live: it draws the map the editor re-reads from the Y.Doc on every change.
// Keyboard: one tab stop (roving tabindex) over the touchpoints in journey order; arrow keys move,
// Home/End jump, Enter opens the touchpoint's side panel. Geometry: lib/maps/loop-layout.ts.
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { MapData } from "@/lib/maps/map-document";
import { layoutLoop } from "@/lib/maps/loop-layout";
import { emotionColor, formatScore } from "@/components/emotion/emotion";

type Props = {
  map: MapData;
  onOpenTouchpoint: (touchpointId: string) => void;
  /** The touchpoint selected elsewhere (grid, deep link): focus starts there. */
  initialTouchpointId?: string | null;
  /** Changes when the editor wants focus back (a side panel closed): the current point takes it. */
  focusTick?: number;
};

const SIZE = 560;
/** Points glide to a new emotion (the global reduced-motion rule turns transitions off). */
const MOTION = { transition: "cx 200ms ease-out, cy 200ms ease-out" } as const;

export function LoopView({ map, onOpenTouchpoint, initialTouchpointId, focusTick }: Props) {
  const t = useTranslations("vocab.loop");
  const te = useTranslations("editor");
  const layout = useMemo(() => layoutLoop(map, { size: SIZE }), [map]);
  const svgRef = useRef<SVGSVGElement>(null);
  const [current, setCurrent] = useState<string | null>(initialTouchpointId ?? null);
  const [exportError, setExportError] = useState(false);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusAfterMove = useRef(false);
  const byId = useMemo(() => new Map(map.touchpoints.map((tp) => [tp.id, tp])), [map.touchpoints]);
  const stageName = useMemo(() => new Map(map.stages.map((s) => [s.id, s.name || te("untitledStage")])), [map.stages, te]);
  // A touchpoint deleted by someone else hands the tab stop to the first one.
  const activeId = current && layout.points.some((p) => p.touchpointId === current) ? current : (layout.points[0]?.touchpointId ?? null);

  useEffect(() => {
    if (!focusAfterMove.current || !activeId) return;
    focusAfterMove.current = false;
    svgRef.current?.querySelector<SVGGElement>(`[data-touchpoint-id="${CSS.escape(activeId)}"]`)?.focus();
  }, [activeId]);

  const firstTick = useRef(focusTick);
  useEffect(() => {
    if (focusTick === firstTick.current || !activeId) return;
    svgRef.current?.querySelector<SVGGElement>(`[data-touchpoint-id="${CSS.escape(activeId)}"]`)?.focus();
    // Only a new request moves focus, not a re-render with another active point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusTick]);

  const label = (id: string) => {
    const tp = byId.get(id)!;
    const emotion = tp.emotion === null ? te("notRated") : `${t("emotion")} ${formatScore(tp.emotion)}`;
    return `${stageName.get(tp.stageId) ?? ""} · ${tp.title || te("untitledTouchpoint")} · ${emotion}`;
  };

  const move = (index: number) => {
    const n = layout.points.length;
    if (!n) return;
    const next = layout.points[((index % n) + n) % n];
    focusAfterMove.current = true;
    setCurrent(next.touchpointId);
  };

  const onKeyDown = (event: React.KeyboardEvent, index: number, id: string) => {
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
        event.preventDefault();
        move(index + 1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        event.preventDefault();
        move(index - 1);
        break;
      case "Home":
        event.preventDefault();
        move(0);
        break;
      case "End":
        event.preventDefault();
        move(layout.points.length - 1);
        break;
      case "Enter":
      case " ":
        event.preventDefault();
        onOpenTouchpoint(id);
        break;
    }
  };

  /**
   * Export on the client: the SVG on screen is the picture (its colours are literal values, no CSS
   * variables), so an SVG download is that element serialised, and a PNG is the same SVG drawn
   * onto a canvas at 2×. No server round trip, no second renderer that could draw it differently.
   */
  const download = async (format: "svg" | "png") => {
    const svg = svgRef.current;
    if (!svg) return;
    setExportError(false);
    const source = new XMLSerializer().serializeToString(svg);
    const base = (map.title.trim() || "loop").replace(/[^\p{L}\p{N}-]+/gu, "-").slice(0, 80);
    const save = (blob: Blob, ext: string) => {
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `${base}-loop.${ext}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    };
    const svgBlob = new Blob([source], { type: "image/svg+xml;charset=utf-8" });
    if (format === "svg") return save(svgBlob, "svg");
    try {
      const url = URL.createObjectURL(svgBlob);
      const img = new Image();
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error("image"));
        img.src = url;
      });
      const canvas = document.createElement("canvas");
      canvas.width = SIZE * 2;
      canvas.height = SIZE * 2;
      const ctx = canvas.getContext("2d")!;
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
      if (!png) throw new Error("png");
      save(png, "png");
    } catch {
      setExportError(true);
    }
  };

  const first = map.stages[0]?.name || te("untitledStage");
  const last = map.stages.at(-1)?.name || te("untitledStage");

  return (
    <section className="flex min-h-0 flex-1 flex-col items-center overflow-auto bg-slate-50 p-4" aria-labelledby="loop-heading" data-testid="loop-view">
      <div className="flex w-full max-w-3xl flex-wrap items-center gap-2">
        <h2 id="loop-heading" className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <p className="text-sm text-slate-600" id="loop-help">{t("help")}</p>
        <div className="ml-auto flex gap-2">
          <button type="button" onClick={() => download("svg")} className="min-h-6 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-100" data-testid="loop-export-svg">
            {t("downloadSvg")}
          </button>
          <button type="button" onClick={() => download("png")} className="min-h-6 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-100" data-testid="loop-export-png">
            {t("downloadPng")}
          </button>
        </div>
        {exportError ? <p role="alert" className="w-full text-sm text-red-800">{t("exportFailed")}</p> : null}
      </div>
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className="loop-svg mt-2 h-auto w-full max-w-[min(90vh,640px)]"
        role="group"
        aria-label={t("ariaLabel", { title: map.title || te("untitledMap"), first, last })}
        aria-describedby="loop-help"
        fontFamily="system-ui, sans-serif"
      >
        <title>{t("ariaLabel", { title: map.title || te("untitledMap"), first, last })}</title>
        <defs>
          <marker id="loop-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#334155" />
          </marker>
        </defs>
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="#ffffff" />
        {/* Guides for +3 and −3: the reference the radius offset is read against. */}
        <circle cx={layout.cx} cy={layout.cy} r={layout.radius + 3 * layout.emotionStep} fill="none" stroke="#e2e8f0" strokeDasharray="3 4" aria-hidden />
        <circle cx={layout.cx} cy={layout.cy} r={layout.radius - 3 * layout.emotionStep} fill="none" stroke="#e2e8f0" strokeDasharray="3 4" aria-hidden />
        <g aria-hidden>
          {layout.stages.map((s) => (
            <g key={s.id} data-testid="loop-stage">
              <path d={s.path} fill="none" stroke={s.index % 2 ? "#94a3b8" : "#475569"} strokeWidth={10} strokeLinecap="butt" />
              <text x={s.label.x} y={s.label.y} textAnchor={s.label.anchor} dominantBaseline="middle" fontSize={13} fontWeight={600} fill="#0f172a">
                {s.name || te("untitledStage")}
              </text>
            </g>
          ))}
          {layout.returnPath ? <path d={layout.returnPath} fill="none" stroke="#334155" strokeWidth={2} markerEnd="url(#loop-arrow)" data-testid="loop-return" /> : null}
          {layout.curvePath ? <path d={layout.curvePath} fill="none" stroke="#64748b" strokeWidth={1.5} strokeDasharray="2 3" /> : null}
          {layout.points.map((p) => (
            <line key={`foot-${p.touchpointId}`} x1={p.ringX} y1={p.ringY} x2={p.x} y2={p.y} stroke="#94a3b8" strokeWidth={1} />
          ))}
        </g>
        <text x={layout.cx} y={layout.cy} textAnchor="middle" dominantBaseline="middle" fontSize={12} fill="#475569" aria-hidden>
          {t("cycleBack", { last, first })}
        </text>
        {layout.points.map((p) => {
          const tp = byId.get(p.touchpointId)!;
          const isActive = p.touchpointId === activeId;
          return (
            <g
              key={p.touchpointId}
              role="button"
              tabIndex={isActive ? 0 : -1}
              aria-label={label(p.touchpointId)}
              data-touchpoint-id={p.touchpointId}
              data-testid="loop-point"
              className="cursor-pointer outline-none"
              onKeyDown={(e) => onKeyDown(e, p.index, p.touchpointId)}
              onFocus={() => {
                setCurrent(p.touchpointId);
                setFocusedId(p.touchpointId);
              }}
              onBlur={() => setFocusedId(null)}
              onClick={() => {
                setCurrent(p.touchpointId);
                onOpenTouchpoint(p.touchpointId);
              }}
            >
              {/* 24px target around a 14px dot (WCAG 2.2 target size). */}
              <circle cx={p.x} cy={p.y} r={12} fill="transparent" />
              {focusedId === p.touchpointId ? <circle cx={p.x} cy={p.y} r={12} fill="none" stroke="#4f46e5" strokeWidth={3} data-testid="loop-focus-ring" /> : null}
              <circle cx={p.x} cy={p.y} r={7} fill={emotionColor(tp.emotion)} stroke="#0f172a" strokeWidth={isActive ? 2 : 1} style={MOTION} data-swatch />
              <text x={p.labelX} y={p.labelY} textAnchor="middle" dominantBaseline="middle" fontSize={11} fontWeight={700} fill="#0f172a" aria-hidden>
                {tp.emotion === null ? "–" : formatScore(tp.emotion)}
              </text>
            </g>
          );
        })}
      </svg>
      {layout.points.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("empty")}</p> : null}
    </section>
  );
}

export type MapView = "grid" | "loop";

/** The chosen view, remembered per user (this browser); the loop only exists for cyclic maps. */
export function useMapView(userId: string, cyclic: boolean): [MapView, (view: MapView) => void] {
  const key = `journeyboard:${userId}:map-view`;
  const [view, setView] = useState<MapView>(() => {
    try {
      return localStorage.getItem(key) === "loop" ? "loop" : "grid";
    } catch {
      return "grid";
    }
  });
  const choose = (next: MapView) => {
    setView(next);
    try {
      localStorage.setItem(key, next);
    } catch {
      // storage disabled: the choice lasts for this visit only
    }
  };
  return [cyclic ? view : "grid", choose];
}

/** "Grid | Loop": two toggle buttons, shown only for cyclic maps. */
export function MapViewToggle({ view, onChange }: { view: MapView; onChange: (view: MapView) => void }) {
  const t = useTranslations("vocab.loop");
  return (
    <div role="group" aria-label={t("view")} className="flex items-center gap-1 border-b border-slate-200 bg-white px-3 py-1.5 sm:px-4" data-testid="map-view-toggle">
      <span className="mr-1 text-xs font-medium text-slate-600" aria-hidden>{t("view")}:</span>
      {(["grid", "loop"] as const).map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={view === v}
          onClick={() => onChange(v)}
          className={`min-h-6 rounded-md border px-2.5 py-0.5 text-sm ${view === v ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
          data-testid={`map-view-${v}`}
        >
          {t(v)}
        </button>
      ))}
    </div>
  );
}

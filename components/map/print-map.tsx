"use client";
// Printing the editor (Ctrl/Cmd+P or the browser's menu) prints the whole map, not the virtualised
// window on screen: while the browser prints, this view lists every stage and touchpoint with all
// lanes (one touchpoint per row, so it paginates on any paper) and the editor itself is hidden.
import { useEffect, useState } from "react";
import { createPortal, flushSync } from "react-dom";
import { useTranslations } from "next-intl";
import { computeGaps, kpiOnTarget, type MapData } from "@/lib/maps/map-document";

/** True while the browser prints (rendered synchronously in `beforeprint`, so the print has it). */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(false);
    window.addEventListener("beforeprint", on);
    window.addEventListener("afterprint", off);
    return () => {
      window.removeEventListener("beforeprint", on);
      window.removeEventListener("afterprint", off);
    };
  }, []);
  return printing;
}

const signed = (e: number | null) => (e === null ? "–" : e > 0 ? `+${e}` : String(e));

export function PrintMap({ map }: { map: MapData }) {
  const t = useTranslations("editor");
  const tp = useTranslations("exchange.poster");
  const gaps = computeGaps(map);
  const gapsBefore = new Map<string, string[]>();
  for (const g of gaps) gapsBefore.set(g.toTouchpointId, [...(gapsBefore.get(g.toTouchpointId) ?? []), t(`gapKind.${g.kind}`)]);
  const byId = new Map(map.touchpoints.map((x) => [x.id, x]));
  const emotionWord = (e: number | null) => (e === null ? t("notRated") : t(`emotionLabel.${e < 0 ? `neg${-e}` : e > 0 ? `pos${e}` : "zero"}`));
  return createPortal(
    <div className="jb-print" data-testid="print-map">
      <style>{`@media print { body > *:not(.jb-print) { display: none !important; } .jb-print { display: block !important; } @page { size: A3 landscape; margin: 12mm; } }
        @media screen { .jb-print { display: none; } }
        .jb-print { font: 9pt system-ui, sans-serif; color: #0f172a; }
        .jb-print table { border-collapse: collapse; width: 100%; }
        .jb-print th, .jb-print td { border: 0.5pt solid #cbd5e1; padding: 2pt 4pt; vertical-align: top; text-align: left; white-space: pre-line; }
        .jb-print thead { display: table-header-group; }
        .jb-print tr { break-inside: avoid; }`}</style>
      <h1 style={{ fontSize: "16pt", fontWeight: 700 }}>{map.title || t("untitledMap")}</h1>
      <p>{t(`mapState.${map.state}`)}{map.outcome ? ` · ${tp("outcome")}: ${map.outcome}` : ""}</p>
      {map.stages.map((stage) => (
        <section key={stage.id} style={{ marginTop: "8pt" }}>
          <h2 style={{ fontSize: "12pt", fontWeight: 700, breakAfter: "avoid" }}>{stage.name || t("untitledStage")}</h2>
          <table>
            <thead>
              <tr>
                <th>{t("lanes.title")}</th><th>{t("lanes.channel")} / {t("lanes.device")}</th><th>{t("lanes.emotion")}</th><th>{t("lanes.activity")}</th>
                <th>{t("lanes.goal")}</th><th>{t("lanes.thoughts")}</th><th>{t("lanes.painPoints")}</th><th>{t("lanes.opportunities")}</th>
                <th>{t("lanes.department")}</th><th>{t("lanes.systems")}</th><th>{t("lanes.kpis")}</th>
                {map.lanes.map((l) => <th key={l.id}>{l.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {stage.touchpointIds.map((id) => byId.get(id)).filter((x) => !!x).map((x) => (
                <tr key={x.id}>
                  <td><strong>{x.momentOfTruth ? "★ " : ""}{x.title || t("untitledTouchpoint")}</strong>{gapsBefore.has(x.id) ? `\n◆ ${t("gapTitle")}: ${gapsBefore.get(x.id)!.join(", ")}` : ""}</td>
                  <td>{[x.channel, x.device].filter(Boolean).join(" / ")}</td>
                  <td>{signed(x.emotion)} {emotionWord(x.emotion)}</td>
                  <td>{x.activity}</td>
                  <td>{x.goal}</td>
                  <td>{x.thoughts}</td>
                  <td>{x.painPoints.map((p) => `• ${p.text}`).join("\n")}</td>
                  <td>{x.opportunities.map((o) => `• ${o.text}`).join("\n")}</td>
                  <td>{[x.department, x.owner].filter(Boolean).join(" · ")}</td>
                  <td>{x.systems.join(", ")}</td>
                  <td>{x.kpis.map((k) => `${k.name}: ${k.actual ?? "–"} / ${k.target ?? "–"} ${k.unit} ${kpiOnTarget(k) === null ? "" : kpiOnTarget(k) ? "✓" : "✗"}`).join("\n")}</td>
                  {map.lanes.map((l) => <td key={l.id}>{x.laneValues[l.id] ?? ""}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>,
    document.body,
  );
}

// XLSX export of a map (exceljs): sheet "Touchpoints" with one touchpoint per row and a stage
// column (the same columns as the CSV, so it imports back), sheet "KPIs" with one KPI per row,
// sheet "Evidence" with one evidence item per row, sheet "Map" with title, state, outcome, stages.
// Text cells go through the same formula guard as the CSV.
import ExcelJS from "exceljs";
import type { MapData } from "@/lib/maps/map-document";
import { escapeCsvFormula as escapeFormula } from "@/lib/csv/to-csv";
import { COLUMN_LABELS, TOUCHPOINT_COLUMNS, touchpointCells } from "./touchpoint-columns";

type Cell = string | number | boolean | null;
const safe = (v: Cell): Cell => (typeof v === "string" ? escapeFormula(v) : v);

export const XLSX_SHEETS = { touchpoints: "Touchpoints", kpis: "KPIs", evidence: "Evidence", map: "Map" } as const;

export async function renderMapXlsx(map: MapData, options: { author?: string; now?: Date } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = options.author ?? "Journeyboard";
  wb.created = options.now ?? new Date();
  const stageNames = new Map(map.stages.map((s) => [s.id, s.name]));

  const tps = wb.addWorksheet(XLSX_SHEETS.touchpoints, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  const header = [...TOUCHPOINT_COLUMNS, ...map.lanes.map((l) => l.name || l.id)];
  tps.columns = header.map((key, i) => ({
    header: escapeFormula(key),
    key: `c${i}`,
    width: i < TOUCHPOINT_COLUMNS.length && ["activity", "goal", "informationNeeded", "thoughts", "painPoints", "opportunities"].includes(key) ? 40 : 18,
  }));
  tps.getRow(1).font = { bold: true };
  for (const tp of map.touchpoints) {
    const cells = touchpointCells(tp, stageNames.get(tp.stageId) ?? "");
    tps.addRow([...TOUCHPOINT_COLUMNS.map((c) => safe(cells[c])), ...map.lanes.map((l) => safe(tp.laneValues[l.id] ?? ""))]);
  }
  // Readers see the English label as a note on each header (the key itself is what imports back).
  TOUCHPOINT_COLUMNS.forEach((c, i) => (tps.getRow(1).getCell(i + 1).note = `${COLUMN_LABELS[c].en} / ${COLUMN_LABELS[c].de}`));

  const kpis = wb.addWorksheet(XLSX_SHEETS.kpis, { views: [{ state: "frozen", ySplit: 1 }] });
  kpis.columns = [
    { header: "stage", key: "stage", width: 18 },
    { header: "touchpoint", key: "touchpoint", width: 30 },
    { header: "touchpointId", key: "touchpointId", width: 14 },
    { header: "name", key: "name", width: 24 },
    { header: "actual", key: "actual", width: 10 },
    { header: "target", key: "target", width: 10 },
    { header: "unit", key: "unit", width: 10 },
    { header: "higherIsBetter", key: "higherIsBetter", width: 14 },
  ];
  kpis.getRow(1).font = { bold: true };
  for (const tp of map.touchpoints) {
    for (const k of tp.kpis) {
      kpis.addRow({
        stage: safe(stageNames.get(tp.stageId) ?? ""), touchpoint: safe(tp.title), touchpointId: tp.id, name: safe(k.name),
        actual: k.actual, target: k.target, unit: safe(k.unit), higherIsBetter: k.higherIsBetter,
      });
    }
  }

  const evidence = wb.addWorksheet(XLSX_SHEETS.evidence, { views: [{ state: "frozen", ySplit: 1 }] });
  evidence.columns = [
    { header: "stage", key: "stage", width: 18 },
    { header: "touchpoint", key: "touchpoint", width: 30 },
    { header: "touchpointId", key: "touchpointId", width: 14 },
    { header: "kind", key: "kind", width: 14 },
    { header: "text", key: "text", width: 60 },
    { header: "source", key: "source", width: 24 },
  ];
  evidence.getRow(1).font = { bold: true };
  for (const tp of map.touchpoints) {
    for (const e of tp.evidence) {
      evidence.addRow({ stage: safe(stageNames.get(tp.stageId) ?? ""), touchpoint: safe(tp.title), touchpointId: tp.id, kind: e.kind, text: safe(e.text), source: safe(e.source) });
    }
  }

  const meta = wb.addWorksheet(XLSX_SHEETS.map);
  meta.columns = [{ width: 16 }, { width: 60 }];
  meta.addRows([
    ["title", safe(map.title)],
    ["state", map.state],
    ["outcome", safe(map.outcome)],
    ["cyclic", map.cyclic],
    ["stages", safe(map.stages.map((s) => s.name).join("\n"))],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

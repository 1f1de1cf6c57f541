// Integration: GET /api/v1/maps/{id}/export in every format, called with real Requests and personal
// access tokens against a real database. The files are read back with independent readers (unpdf for
// the PDF, the PNG header, exceljs, papaparse) and compared with the map.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createTeam, createUser } from "@/test/factories";
import { setDatabase } from "@/db/client";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { createMap } from "@/lib/maps/create-map";
import { replaceMapContent } from "@/lib/maps/replace-map-content";
import { MAP_EXPORT_FORMAT, type MapExport } from "@/lib/maps/map-document";
import { PAPERS } from "./poster-layout";

vi.mock("server-only", () => ({}));
const route = await import("@/app/api/v1/maps/[id]/export/route");

const get = (id: string, query: string, token: string) =>
  route.GET(new Request(`http://localhost/api/v1/maps/${id}/export?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });

/** A map of `n` touchpoints over 4 stages with every kind of field filled. */
function bigMap(n: number): MapExport {
  const stages = ["Discover", "Buy", "Onboard", "Use"].map((name, i) => ({ id: `s${i}`, name }));
  return {
    format: MAP_EXPORT_FORMAT, title: "Export test map", state: "current", outcome: "Customers renew", cyclic: false, personaIds: [],
    stages,
    touchpoints: Array.from({ length: n }, (_, i) => ({
      id: `t${i}`, stageId: `s${Math.floor((i / n) * 4)}`,
      title: i === 0 ? "=HYPERLINK(\"http://evil\")" : i === 1 ? "+SUM(A1:A2)\nsecond line" : `Touchpoint ${i} Größe`,
      channel: i % 3 ? "Website" : "Phone", device: i % 2 ? "Desktop" : "Phone", department: i % 4 ? "Marketing" : "Sales", owner: "Ada",
      activity: `Does thing ${i}`, goal: "", informationNeeded: "", thoughts: i === 2 ? "-3 dB is loud" : "",
      emotion: (i % 7) - 3, momentOfTruth: i % 10 === 0, sourceTouchpointId: null, futureStatus: null,
      painPoints: i % 2 ? [`Pain ${i}`] : [], opportunities: [`Idea ${i}`], systems: ["CRM"],
      kpis: i % 3 === 0 ? [{ name: "NPS", target: 50, actual: i, unit: "points", higherIsBetter: true }] : [],
      evidence: i % 5 === 0 ? [{ kind: "quantitative", text: `${i}% drop`, source: "GA" }] : [],
      laneValues: {},
    })),
    lanes: [], gapNotes: [],
  };
}

describe.each(testDrivers)("map export on %s", (driver) => {
  let t: TestDatabase;
  let tokens: { editor: string; viewer: string; outsider: string };
  let mapId: string;
  const N = 30;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    const team = await createTeam(t.db);
    const outsider = await createUser(t.db);
    const elsewhere = await createTeam(t.db);
    await addMember(t.db, elsewhere.workspace.id, outsider.id, "owner");
    const tok = async (userId: string) => (await createAccessToken(t.db, { userId, name: "test", expiresInDays: 30 })).token;
    tokens = { editor: await tok(team.editor.id), viewer: await tok(team.viewer.id), outsider: await tok(outsider.id) };
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Export test map" });
    mapId = map.id;
    await replaceMapContent(t.db, { workspaceId: team.workspace.id, mapId, data: bigMap(N), userId: team.editor.id });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("answers 404 to another workspace, 400 to an unknown format, 401 without credentials", async () => {
    expect((await get(mapId, "format=pdf", tokens.outsider)).status).toBe(404);
    const bad = await get(mapId, "format=docx", tokens.viewer);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_input");
    expect((await get(mapId, "", tokens.viewer)).status).toBe(400);
    expect((await get("00000000-0000-4000-8000-000000000000", "format=json", tokens.viewer)).status).toBe(404);
    const anon = await route.GET(new Request(`http://localhost/api/v1/maps/${mapId}/export?format=json`), { params: Promise.resolve({ id: mapId }) });
    expect(anon.status).toBe(401);
  });

  it("exports a PDF poster a viewer can download: every touchpoint title as text, pages as chosen", async () => {
    const res = await get(mapId, "format=pdf&paper=a3&pages=split&locale=de", tokens.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain('filename="export-test-map.pdf"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const pdf = await getDocumentProxy(bytes);
    // A3 fits (1190 − 2·24 − 92) / 112 = 9 columns per page: 30 touchpoints → 4 pages.
    expect(pdf.numPages).toBe(Math.ceil(N / 9));
    const page1 = await pdf.getPage(1);
    const [, , w, h] = page1.view;
    expect(Math.round(w)).toBe(Math.round(PAPERS.a3.width));
    expect(Math.round(h)).toBe(Math.round(PAPERS.a3.height));
    const { text } = await extractText(pdf, { mergePages: true });
    for (let i = 3; i < N; i++) expect(text).toContain(`Touchpoint ${i} Größe`);
    expect(text).toContain("=HYPERLINK");
    expect(text).toContain("Export test map");
    expect(text).toContain("Moment of Truth"); // legend, German
    expect(text).toContain("Buy (Forts.)"); // a stage continued on the next page repeats its header

    const single = await get(mapId, "format=pdf&paper=a2&pages=single", tokens.viewer);
    const pdf2 = await getDocumentProxy(new Uint8Array(await single.arrayBuffer()));
    expect(pdf2.numPages).toBe(1);
    expect(Math.round((await pdf2.getPage(1)).view[3])).toBe(Math.round(PAPERS.a2.height));
  });

  it("exports a PNG at 2× of the poster layout", async () => {
    const res = await get(mapId, "format=png", tokens.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // One page with all 30 columns: margins 2·24 + labels 92 + 30·112 points, at 2 pixels per point.
    expect(width).toBe(Math.round((48 + 92 + N * 112) * 2));
    expect(height).toBe(Math.round(PAPERS.a3.height * 2));
    expect(png.length).toBeGreaterThan(20_000);
  });

  it("exports XLSX: one row per touchpoint with equal fields, KPIs and evidence on their own sheets, formulas escaped", async () => {
    const res = await get(mapId, "format=xlsx", tokens.viewer);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Touchpoints")!;
    expect(sheet.rowCount).toBe(N + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(["stage", "title", "channel"]);
    const col = (name: string) => header.indexOf(name) + 1;
    const data = bigMap(N);
    for (let i = 3; i < N; i++) {
      const row = sheet.getRow(i + 2);
      const tp = data.touchpoints[i];
      expect(row.getCell(col("title")).value).toBe(tp.title);
      expect(row.getCell(col("stage")).value).toBe(data.stages.find((s) => s.id === tp.stageId)!.name);
      expect(row.getCell(col("emotion")).value).toBe(tp.emotion);
      expect(row.getCell(col("channel")).value).toBe(tp.channel);
      expect(row.getCell(col("momentOfTruth")).value).toBe(tp.momentOfTruth);
    }
    expect(sheet.getRow(2).getCell(col("title")).value).toBe("'=HYPERLINK(\"http://evil\")");
    expect(sheet.getRow(3).getCell(col("title")).value).toBe("'+SUM(A1:A2)\nsecond line");
    expect(sheet.getRow(4).getCell(col("thoughts")).value).toBe("'-3 dB is loud");
    expect(sheet.getRow(2).getCell(col("emotion")).value).toBe(-3); // numbers are not escaped
    expect(wb.getWorksheet("KPIs")!.rowCount).toBe(1 + data.touchpoints.filter((t) => t.kpis.length).length);
    expect(wb.getWorksheet("Evidence")!.rowCount).toBe(1 + data.touchpoints.filter((t) => t.evidence.length).length);
  });

  it("exports CSV with every formula-like cell escaped, also multi-line ones", async () => {
    const res = await get(mapId, "format=csv", tokens.viewer);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(".csv");
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(N);
    expect(parsed.data[0].title).toBe("'=HYPERLINK(\"http://evil\")");
    expect(parsed.data[1].title).toBe("'+SUM(A1:A2)\nsecond line");
    expect(parsed.data[2].thoughts).toBe("'-3 dB is loud");
    expect(parsed.data[0].emotion).toBe("-3");
    for (const row of parsed.data) for (const v of Object.values(row)) if (!/^-?\d+$/.test(v)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("exports JSON in the export format", async () => {
    const res = await get(mapId, "format=json", tokens.viewer);
    expect(res.headers.get("content-type")).toContain("application/json");
    const json = await res.json();
    expect(json.format).toBe(MAP_EXPORT_FORMAT);
    expect(json.touchpoints).toHaveLength(N);
  });
});

// Integration: POST /api/v1/workspaces/{slug}/maps/import with real multipart Requests against a
// real database: German and English headers, bad rows → 422 with row and column and no map created,
// fixed files → the map with the right touchpoints, JSON and XLSX round trips equal the export.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createTeam, createUser } from "@/test/factories";
import { setDatabase } from "@/db/client";
import { listMaps } from "@/db/queries/maps";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { createMap } from "@/lib/maps/create-map";
import { readMapDocument } from "@/lib/maps/map-documents";
import { readMap, toExport } from "@/lib/maps/map-document";
import { replaceMapContent } from "@/lib/maps/replace-map-content";
import { buildTemplate } from "@/lib/maps/templates";

vi.mock("server-only", () => ({}));
const importRoute = await import("@/app/api/v1/workspaces/[slug]/maps/import/route");
const exportRoute = await import("@/app/api/v1/maps/[id]/export/route");
const templateRoute = await import("@/app/api/v1/workspaces/[slug]/maps/import/template/route");

function upload(slug: string, token: string, file: { name: string; body: string | Uint8Array<ArrayBuffer> }, fields: Record<string, string> = {}, query = "") {
  const form = new FormData();
  form.set("file", new File([file.body], file.name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return importRoute.POST(
    new Request(`http://localhost/api/v1/workspaces/${slug}/maps/import${query}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form }),
    { params: Promise.resolve({ slug }) },
  );
}
const exportAs = async (id: string, format: string, token: string) =>
  exportRoute.GET(new Request(`http://localhost/api/v1/maps/${id}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });

const GERMAN_CSV = [
  "Phase;Touchpoint;Kanal;Gerät;Verantwortliche Abteilung;Aktivität;Emotion;Pain Points;Moment of Truth;KPIs",
  "Entdecken;Anzeige;Website;Desktop;Marketing;Sieht ein Banner;0;;nein;Klickrate: 0,6 / 0,8 %",
  ";Newsletter;E-Mail;Smartphone;Marketing;Meldet sich an;leicht positiv;\"Zu viele Mails\nUnklarer Nutzen\";;",
  "Kaufen;Vertriebsgespräch;Telefon;;Vertrieb;Bespricht Preise;sehr schlecht;;ja;",
  "Kaufen;Vertrag;E-Mail;Desktop;Vertrieb;Unterschreibt;7;;;",
].join("\r\n");

describe.each(testDrivers)("map import on %s", (driver) => {
  let t: TestDatabase;
  let tokens: { editor: string; viewer: string; outsider: string };
  let slug: string;
  let workspaceId: string;
  let editorId: string;
  const mapCount = async () => (await listMaps(t.db, workspaceId)).length;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    const team = await createTeam(t.db);
    slug = team.workspace.slug;
    workspaceId = team.workspace.id;
    editorId = team.editor.id;
    const outsider = await createUser(t.db);
    const elsewhere = await createTeam(t.db);
    await addMember(t.db, elsewhere.workspace.id, outsider.id, "owner");
    const tok = async (userId: string) => (await createAccessToken(t.db, { userId, name: "test", expiresInDays: 30 })).token;
    tokens = { editor: await tok(team.editor.id), viewer: await tok(team.viewer.id), outsider: await tok(outsider.id) };
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("refuses viewers (403) and other workspaces (404)", async () => {
    const file = { name: "x.csv", body: "stage,title\nA,B" };
    expect((await upload(slug, tokens.viewer, file)).status).toBe(403);
    expect((await upload(slug, tokens.outsider, file)).status).toBe(404);
    expect(await mapCount()).toBe(0);
  });

  it("CSV with a German header row and bad emotions → 422 naming row and column, nothing created; fixed → the map", async () => {
    const before = await mapCount();
    const res = await upload(slug, tokens.editor, { name: "Workshop Onboarding.csv", body: GERMAN_CSV });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_rows");
    expect(body.error.rows).toEqual([
      expect.objectContaining({ row: 4, column: "Emotion", message: expect.stringContaining("sehr schlecht") }),
      expect.objectContaining({ row: 5, column: "Emotion", message: expect.stringContaining("\"7\"") }),
    ]);
    expect(await mapCount()).toBe(before);

    // The preview shows the proposed mapping and the same problems, and creates nothing either.
    const preview = await upload(slug, tokens.editor, { name: "Workshop Onboarding.csv", body: GERMAN_CSV }, {}, "?preview=1");
    expect(preview.status).toBe(200);
    const analysis = await preview.json();
    expect(analysis.mapping).toEqual(["stage", "title", "channel", "device", "department", "activity", "emotion", "painPoints", "momentOfTruth", "kpis"]);
    expect(analysis.problems).toHaveLength(2);
    expect(analysis.ready).toBe(false);
    expect(await mapCount()).toBe(before);

    const fixed = GERMAN_CSV.replace("sehr schlecht", "sehr negativ").replace(";7;", ";-3;");
    const created = await upload(slug, tokens.editor, { name: "Workshop Onboarding.csv", body: fixed });
    expect(created.status).toBe(201);
    const summary = await created.json();
    expect(summary).toMatchObject({ title: "Workshop Onboarding", touchpointCount: 4 });
    const map = readMap(await readMapDocument(t.db, workspaceId, summary.id));
    expect(map.stages.map((s) => s.name)).toEqual(["Entdecken", "Kaufen"]);
    expect(map.touchpoints.map((tp) => [tp.title, tp.emotion, map.stages.find((s) => s.id === tp.stageId)!.name])).toEqual([
      ["Anzeige", 0, "Entdecken"],
      ["Newsletter", 1, "Entdecken"],
      ["Vertriebsgespräch", -3, "Kaufen"],
      ["Vertrag", -3, "Kaufen"],
    ]);
    expect(map.touchpoints[1].painPoints.map((p) => p.text)).toEqual(["Zu viele Mails", "Unklarer Nutzen"]);
    expect(map.touchpoints[2].momentOfTruth).toBe(true);
    expect(map.touchpoints[0].kpis[0]).toMatchObject({ name: "Klickrate", actual: 0.6, target: 0.8, unit: "%" });
    expect(map.touchpoints[0].department).toBe("Marketing");
    // The projection (lists, dashboards) has it at once.
    expect((await listMaps(t.db, workspaceId)).find((m) => m.id === summary.id)?.touchpointCount).toBe(4);
  });

  it("XLSX with German headers: bad emotion → 422 with row and column; a user mapping fixes a misread column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tabelle1");
    ws.addRow(["Phase", "Titel", "Stimmung", "Notizen", "Ziel der Kundschaft"]);
    ws.addRow(["Nutzung", "Login", "negativ", "Passwort vergessen", "Schnell rein"]);
    ws.addRow(["Nutzung", "Support", "furchtbar", "", ""]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await upload(slug, tokens.editor, { name: "sheet.xlsx", body: bytes });
    expect(res.status).toBe(422);
    expect((await res.json()).error.rows).toEqual([expect.objectContaining({ row: 3, column: "Stimmung" })]);

    // The user maps "Stimmung" to be ignored and "Notizen" to thoughts: now it imports.
    const mapping = JSON.stringify(["stage", "title", "ignore", "thoughts", "goal"]);
    const ok = await upload(slug, tokens.editor, { name: "sheet.xlsx", body: bytes }, { mapping, title: "Nutzung" });
    expect(ok.status).toBe(201);
    const summary = await ok.json();
    const map = readMap(await readMapDocument(t.db, workspaceId, summary.id));
    expect(summary.title).toBe("Nutzung");
    expect(map.touchpoints.map((tp) => [tp.title, tp.thoughts, tp.goal, tp.emotion])).toEqual([
      ["Login", "Passwort vergessen", "Schnell rein", null],
      ["Support", "", "", null],
    ]);
  });

  it("JSON round trip: importing an export gives a map whose export equals it", async () => {
    const source = await createMap(t.db, { workspaceId, userId: editorId, title: "Source", template: "saas-b2b" });
    const exported = await (await exportAs(source.id, "json", tokens.viewer)).json();
    const res = await upload(slug, tokens.editor, { name: "source.journeymap.json", body: JSON.stringify(exported) });
    expect(res.status).toBe(201);
    const copy = await res.json();
    const again = await (await exportAs(copy.id, "json", tokens.viewer)).json();
    expect({ ...again, id: undefined }).toEqual({ ...exported, id: undefined });

    const broken = { ...exported, touchpoints: exported.touchpoints.map((tp: Record<string, unknown>, i: number) => (i === 2 ? { ...tp, emotion: 9 } : tp)) };
    const bad = await upload(slug, tokens.editor, { name: "broken.json", body: JSON.stringify(broken) });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.rows[0]).toMatchObject({ row: 3, column: "emotion" });
  });

  it("XLSX and CSV exports import back with the same touchpoints (formula escapes undone)", async () => {
    const source = await createMap(t.db, { workspaceId, userId: editorId, title: "Spreadsheet source", template: "ecommerce" });
    const data = toExport(readMap(buildTemplate("ecommerce", "en", "x")), "x");
    data.touchpoints[0].title = "=cmd|' /C calc'!A0";
    data.touchpoints[1].painPoints = ["-minus first", "@at second"];
    await replaceMapContent(t.db, { workspaceId, mapId: source.id, data, userId: editorId });
    const before = readMap(await readMapDocument(t.db, workspaceId, source.id));
    const fields = (m: ReturnType<typeof readMap>) =>
      m.touchpoints.map((tp) => ({
        stage: m.stages.find((s) => s.id === tp.stageId)!.name, title: tp.title, channel: tp.channel, device: tp.device, department: tp.department,
        owner: tp.owner, activity: tp.activity, thoughts: tp.thoughts, emotion: tp.emotion, momentOfTruth: tp.momentOfTruth,
        painPoints: tp.painPoints.map((p) => p.text), opportunities: tp.opportunities.map((o) => o.text), systems: tp.systems,
        kpis: tp.kpis.map(({ name, target, actual, unit }) => ({ name, target, actual, unit })),
        evidence: tp.evidence.map(({ kind, text, source: s }) => ({ kind, text, source: s })),
      }));
    for (const format of ["xlsx", "csv"]) {
      const file = new Uint8Array(await (await exportAs(source.id, format, tokens.viewer)).arrayBuffer());
      const res = await upload(slug, tokens.editor, { name: `export.${format}`, body: file });
      expect(res.status, format).toBe(201);
      const after = readMap(await readMapDocument(t.db, workspaceId, (await res.json()).id));
      expect(fields(after)).toEqual(fields(before));
    }
  });

  it("caps: too large → 413, too many rows → 422, unsupported type → 422, missing file → 400", async () => {
    const big = "stage,title\n" + "A,".padEnd(11 * 1024 * 1024, "x");
    expect((await upload(slug, tokens.editor, { name: "big.csv", body: big })).status).toBe(413);
    const many = "stage,title\n" + Array.from({ length: 5001 }, (_, i) => `S,T${i}`).join("\n");
    const res = await upload(slug, tokens.editor, { name: "many.csv", body: many });
    expect(res.status).toBe(422);
    expect((await res.json()).error.rows[0].message).toContain("5000");
    expect((await upload(slug, tokens.editor, { name: "x.docx", body: "hello" })).status).toBe(422);
    const noFile = await importRoute.POST(
      new Request(`http://localhost/api/v1/workspaces/${slug}/maps/import`, { method: "POST", headers: { authorization: `Bearer ${tokens.editor}` }, body: new FormData() }),
      { params: Promise.resolve({ slug }) },
    );
    expect(noFile.status).toBe(400);
  });

  it("the downloadable templates import as they are", async () => {
    for (const [format, locale] of [["csv", "de"], ["xlsx", "en"]] as const) {
      const res = await templateRoute.GET(new Request(`http://localhost/api/v1/workspaces/${slug}/maps/import/template?format=${format}&locale=${locale}`, { headers: { authorization: `Bearer ${tokens.viewer}` } }), { params: Promise.resolve({ slug }) });
      expect(res.status).toBe(200);
      const body = new Uint8Array(await res.arrayBuffer());
      const preview = await (await upload(slug, tokens.editor, { name: `template.${format}`, body }, {}, "?preview=1")).json();
      expect(preview.problems, `${format} ${locale}`).toEqual([]);
      expect(preview.touchpointCount).toBe(3);
      expect(preview.mapping).not.toContain("lane");
    }
  });
});

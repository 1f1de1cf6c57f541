// Export and import in the browser: the export dialog downloads a PDF poster of the map; a CSV
// goes through the import wizard (proposed mapping, a problem shown in the preview, the mapping
// fixed) and the new map opens with its touchpoints. Every test creates its own maps.
import fs from "node:fs";
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

test("the export dialog downloads a PDF poster of the map; a viewer may export too", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const created = await ada.request.post("/api/v1/workspaces/acme/maps", { data: { title: "Poster check", template: "saas-b2b", locale: "en" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await ada.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await ada.getByTestId("export").click();
  const dialog = ada.getByTestId("export-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("export-format-pdf").check();
  await dialog.getByTestId("export-paper").selectOption("a2");
  await dialog.getByTestId("export-pages-single").check();
  const [download] = await Promise.all([ada.waitForEvent("download"), dialog.getByTestId("export-download").click()]);
  expect(download.suggestedFilename()).toBe("Poster check.pdf");
  const file = fs.readFileSync((await download.path())!);
  expect(file.subarray(0, 5).toString()).toBe("%PDF-");
  expect(file.length).toBeGreaterThan(10_000);
  await expect(dialog).toBeHidden();

  const vic = await pageAs(DEMO.vic);
  const res = await vic.request.get(`/api/v1/maps/${id}/export?format=xlsx`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("spreadsheetml");
  const oz = await pageAs(DEMO.oz);
  expect((await oz.request.get(`/api/v1/maps/${id}/export?format=pdf`)).status()).toBe(404);
});

test("a CSV imports through the wizard: mapping proposed, a problem shown, mapping fixed, map opens with its touchpoints", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const marker = `Import ${Date.now()}`;
  // "Bemerkung" is unknown and proposed as a new lane; "Wert" holds words that are no emotion.
  const csv = [
    "Phase;Touchpoint;Kanal;Wert;Emotion",
    `Entdecken;${marker} Anzeige;Website;hoch;leicht positiv`,
    `;${marker} Newsletter;E-Mail;mittel;sehr negativ`,
    `Kaufen;${marker} Vertrag;Telefon;niedrig;+2`,
  ].join("\n");

  await ada.goto("/w/acme/maps");
  await ada.getByTestId("new-map").first().click();
  await ada.getByTestId("new-map-import").click();
  const dialog = ada.getByTestId("import-dialog");
  await dialog.getByTestId("import-file").setInputFiles({ name: "workshop.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  // The proposal: stage, title, channel from the German headers; "Wert" → new lane; emotion.
  await expect(dialog.getByTestId("import-mapping-0")).toHaveValue("stage");
  await expect(dialog.getByTestId("import-mapping-1")).toHaveValue("title");
  await expect(dialog.getByTestId("import-mapping-3")).toHaveValue("lane");
  await expect(dialog.getByTestId("import-mapping-4")).toHaveValue("emotion");
  await expect(dialog.getByTestId("import-ok")).toBeVisible();

  // A wrong choice: "Wert" as the emotion (and the real emotion column ignored) → problems per row and cell.
  await dialog.getByTestId("import-mapping-4").selectOption("ignore");
  await dialog.getByTestId("import-mapping-3").selectOption("emotion");
  await expect(dialog.getByTestId("import-create")).toBeDisabled();
  await dialog.getByTestId("import-recheck").click();
  await expect(dialog.getByTestId("import-problem")).toHaveCount(3);
  await expect(dialog.getByTestId("import-problem").first()).toContainText("2");
  await expect(dialog.getByTestId("import-preview").locator("td[data-problem]")).toHaveCount(3);
  await expect(dialog.getByTestId("import-create")).toBeDisabled();

  // Fixed: back to the emotion column; "Wert" becomes a lane again.
  await dialog.getByTestId("import-mapping-3").selectOption("lane");
  await dialog.getByTestId("import-mapping-4").selectOption("emotion");
  await dialog.getByTestId("import-recheck").click();
  await expect(dialog.getByTestId("import-ok")).toBeVisible();
  await dialog.getByTestId("import-title").fill(marker);
  await dialog.getByTestId("import-create").click();

  await ada.waitForURL(/\/w\/acme\/maps\/[0-9a-f-]{36}$/);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await expect(ada.getByTestId("map-title")).toHaveValue(marker);
  for (const title of ["Anzeige", "Newsletter", "Vertrag"]) await expect(ada.getByTestId("touchpoint-title").filter({ hasText: `${marker} ${title}` })).toBeVisible();
  const id = ada.url().split("/").pop()!;
  const map = await (await ada.request.get(`/api/v1/maps/${id}`)).json();
  expect(map.stages.map((s: { name: string }) => s.name)).toEqual(["Entdecken", "Kaufen"]);
  expect(map.touchpoints.map((t: { emotion: number }) => t.emotion)).toEqual([1, -3, 2]);
  expect(map.lanes.map((l: { name: string }) => l.name)).toEqual(["Wert"]);
});

test("unknown API paths answer JSON 404; the OpenAPI document is served", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const res = await ada.request.get("/api/v1/no/such/thing");
  expect(res.status()).toBe(404);
  expect((await res.json()).error.code).toBe("not_found");
  const deep = await ada.request.post("/api/v1/maps/00000000-0000-4000-8000-000000000000/nothing");
  expect(deep.status()).toBe(404);
  expect(deep.headers()["content-type"]).toContain("application/json");
  const doc = await (await ada.request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v1/maps/{id}/export"]).toBeDefined();
});

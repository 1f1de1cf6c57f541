// Stakeholder maps end to end: live co-editing, drawing relationships, the department ⇄ touchpoint
// wiring, read-only viewers, tenant isolation and bad input.
import type { Page } from "@playwright/test";
import { DEMO, expect, test } from "./fixtures";

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

const CONTENT = {
  stakeholders: [
    { id: "sales", name: "Sales", type: "department", department: "Sales", ring: "direct", angle: 0, influence: 2 },
    { id: "crm", name: "CRM", type: "system", ring: "indirect", angle: 120, influence: 1 },
    { id: "bank", name: "Bank", type: "partner", ring: "environment", angle: 240, influence: 0 },
  ],
  relationships: [{ id: "r1", from: "sales", to: "customer", provides: "information", label: "Demo" }],
};

async function createMap(page: Page, title: string): Promise<string> {
  const res = await page.request.post("/api/v1/workspaces/acme/stakeholder-maps", { data: { title, ...CONTENT } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function openMap(page: Page, id: string) {
  await page.goto(`/w/acme/stakeholders/${id}`);
  await expect(page.getByTestId("stakeholder-canvas")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
}

const node = (page: Page, id: string) => page.locator(`[data-testid="stakeholder-node"][data-id="${id}"]`);

test("two editors co-edit a stakeholder map live: move, add, connect, with presence", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const cem = await pageAs(DEMO.cem);
  const id = await createMap(ada, unique("Co-edit map"));
  await openMap(ada, id);
  await openMap(cem, id);
  await expect(ada.getByTestId("presence-avatar")).toHaveCount(1);

  // Keyboard: focus Sales, move it along the ring and out to the next ring.
  await node(ada, "sales").focus();
  await ada.keyboard.press("ArrowRight");
  await ada.keyboard.press("ArrowDown");
  await expect(node(cem, "sales")).toHaveAttribute("data-angle", "5");
  await expect(node(cem, "sales")).toHaveAttribute("data-ring", "indirect");

  // Cem adds a stakeholder and names it; Ada sees it appear.
  await cem.getByTestId("add-stakeholder").click();
  await cem.getByTestId("stakeholder-name").fill("Field service");
  await expect(ada.locator('[data-testid="stakeholder-node"][data-name="Field service"]')).toHaveCount(1);
  await expect(ada.getByTestId("stakeholder-node")).toHaveCount(4);

  // Ada draws a relationship by dragging from CRM's handle to Bank.
  await node(ada, "crm").click();
  const handle = node(ada, "crm").getByTestId("connect-handle");
  const from = (await handle.boundingBox())!;
  const to = (await node(ada, "bank").boundingBox())!;
  await ada.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await ada.mouse.down();
  await ada.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await ada.mouse.up();
  await expect(ada.getByTestId("relationship-details")).toBeVisible();
  await ada.getByTestId("relationship-label").fill("Payment data");
  await expect(cem.locator('[data-testid="relationship"][data-from="crm"][data-to="bank"]')).toHaveCount(1);
  await expect(cem.locator('[data-testid="relationship"][data-from="crm"][data-to="bank"]')).toContainText("Payment data");
  await expect(ada.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  // Stored and projected: the export has all of it; the list counts 4 stakeholders.
  const exported = (await (await ada.request.get(`/api/v1/stakeholder-maps/${id}`)).json()) as { stakeholders: { name: string; ring: string; angle: number; id: string }[]; relationships: { from: string; to: string; label: string }[] };
  expect(exported.stakeholders.find((s) => s.id === "sales")).toMatchObject({ ring: "indirect", angle: 5 });
  expect(exported.stakeholders.map((s) => s.name)).toContain("Field service");
  expect(exported.relationships).toContainEqual(expect.objectContaining({ from: "crm", to: "bank", label: "Payment data" }));
  await expect
    .poll(async () => ((await (await ada.request.get("/api/v1/workspaces/acme/stakeholder-maps")).json()) as { id: string; stakeholderCount: number }[]).find((m) => m.id === id)?.stakeholderCount)
    .toBe(4);
});

test("a department stakeholder shows the touchpoints it owns across all maps, linking into the map", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const maps = (await (await ada.request.get("/api/v1/workspaces/acme/maps")).json()) as { id: string }[];
  const owned: string[] = [];
  for (const m of maps) {
    const doc = (await (await ada.request.get(`/api/v1/maps/${m.id}`)).json()) as { touchpoints: { id: string; department: string }[] };
    for (const tp of doc.touchpoints) if (tp.department.toLowerCase() === "customer service") owned.push(`${m.id}?tp=${tp.id}`);
  }
  expect(owned.length).toBeGreaterThan(0);

  const list = (await (await ada.request.get("/api/v1/workspaces/acme/stakeholder-maps")).json()) as { id: string; title: string }[];
  const demo = list.find((m) => m.title === "Acme customer ecosystem")!;
  await openMap(ada, demo.id);
  await node(ada, "cs").focus();
  await ada.keyboard.press("Enter");
  await expect(ada.getByTestId("stakeholder-details")).toBeVisible();
  const links = ada.getByTestId("department-touchpoint");
  await expect(links).toHaveCount(owned.length);
  const hrefs = await links.evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).getAttribute("href")));
  expect(hrefs.map((h) => h!.replace("/w/acme/maps/", "")).sort()).toEqual(owned.sort());

  // A department that owns no touchpoint says so.
  await node(ada, "finance").focus();
  await ada.keyboard.press("Enter");
  const financeOwned = ada.getByTestId("department-touchpoint");
  const empty = ada.getByTestId("department-touchpoints-empty");
  await expect(financeOwned.or(empty).first()).toBeVisible();
});

test("a viewer sees the map without edit controls; keyboard moves nothing; the server refuses their writes", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada, unique("Viewer map"));
  const vic = await pageAs(DEMO.vic);
  await vic.goto("/w/acme/stakeholders");
  await expect(vic.getByTestId("new-stakeholder-map")).toHaveCount(0);
  await expect(vic.getByTestId("delete-stakeholder-map")).toHaveCount(0);

  await vic.goto(`/w/acme/stakeholders/${id}`);
  await expect(vic.getByTestId("read-only-note")).toBeVisible();
  await expect(vic.getByTestId("add-stakeholder")).toHaveCount(0);
  await node(vic, "crm").focus();
  await vic.keyboard.press("ArrowRight");
  await vic.keyboard.press("Enter");
  await expect(vic.getByTestId("stakeholder-details")).toBeVisible();
  await expect(vic.getByTestId("stakeholder-name")).toHaveAttribute("readonly", "");
  await expect(vic.getByTestId("remove-stakeholder")).toHaveCount(0);
  await expect(vic.getByTestId("connect-handle")).toHaveCount(0);
  await expect(node(vic, "crm")).toHaveAttribute("data-angle", "120");

  expect((await vic.request.post("/api/v1/workspaces/acme/stakeholder-maps", { data: { title: "Nope" } })).status()).toBe(403);
  expect((await vic.request.put(`/api/v1/stakeholder-maps/${id}`, { data: { format: "journeyboard.stakeholders/v1", title: "Hijacked" } })).status()).toBe(403);
  expect((await vic.request.delete(`/api/v1/stakeholder-maps/${id}`)).status()).toBe(403);
  const exported = (await (await ada.request.get(`/api/v1/stakeholder-maps/${id}`)).json()) as { stakeholders: { id: string; angle: number }[] };
  expect(exported.stakeholders.find((s) => s.id === "crm")?.angle).toBe(120);
});

test("another workspace gets 404; a relationship to a missing stakeholder is refused and changes nothing", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const title = unique("Isolated map");
  const id = await createMap(ada, title);
  const oz = await pageAs(DEMO.oz);
  expect((await oz.request.get(`/api/v1/stakeholder-maps/${id}`)).status()).toBe(404);
  expect((await oz.request.get("/api/v1/workspaces/acme/stakeholder-maps")).status()).toBe(404);
  expect((await oz.goto(`/w/acme/stakeholders/${id}`))?.status()).toBe(404);
  expect((await oz.goto(`/w/globex/stakeholders/${id}`))?.status()).toBe(404);

  const bad = await ada.request.put(`/api/v1/stakeholder-maps/${id}`, {
    data: { format: "journeyboard.stakeholders/v1", title: "Changed", ...CONTENT, relationships: [{ id: "r9", from: "sales", to: "legal", provides: "trust" }] },
  });
  expect(bad.status()).toBe(422);
  const error = ((await bad.json()) as { error: { code: string; message: string } }).error;
  expect(error.code).toBe("invalid_input");
  expect(error.message).toContain('stakeholder "legal", which does not exist');
  const after = (await (await ada.request.get(`/api/v1/stakeholder-maps/${id}`)).json()) as { title: string; relationships: { id: string }[] };
  expect(after.title).toBe(title);
  expect(after.relationships.map((r) => r.id)).toEqual(["r1"]);
  const create = await ada.request.post("/api/v1/workspaces/acme/stakeholder-maps", { data: { title: "Broken", stakeholders: [], relationships: [{ id: "x", from: "ghost", to: "customer", provides: "money" }] } });
  expect(create.status()).toBe(422);
});

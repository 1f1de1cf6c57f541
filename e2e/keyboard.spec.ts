// Keyboard only: the main tasks done without a mouse, starting from the page's first Tab stop (no
// programmatic focus, no clicks). Each test creates its own content through the API.
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is not reached within `max` stops. */
async function tabTo(page: Page, target: Locator, { max = 80, backwards = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target, `not reachable with ${max} Tab presses`).toBeFocused({ timeout: 1 });
}

/** What has the focus, as a short description for assertions. */
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? "");

async function createMap(request: APIRequestContext, title: string): Promise<string> {
  const created = await request.post("/api/v1/workspaces/acme/maps", { data: { title } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const put = await request.put(`/api/v1/maps/${id}`, {
    data: {
      format: "journeyboard.map/v1", title, state: "current",
      stages: [{ id: "discover", name: "Discover" }, { id: "buy", name: "Buy" }],
      touchpoints: [
        { id: "tp-ad", stageId: "discover", title: "Ad", emotion: 1 },
        { id: "tp-chat", stageId: "discover", title: "Chat", emotion: -1 },
        { id: "tp-pay", stageId: "buy", title: "Pay", emotion: 2 },
      ],
    },
  });
  expect(put.status()).toBe(200);
  return id;
}

async function exportedTouchpoints(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/v1/maps/${id}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { touchpoints: { id: string; stageId: string; title: string; emotion: number | null }[] }).touchpoints;
}

test("keyboard only: create a map from a template", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  await ada.goto("/w/acme/maps");
  await tabTo(ada, ada.getByTestId("new-map").first());
  await ada.keyboard.press("Enter");
  const dialog = ada.getByTestId("new-map-form");
  await expect(dialog).toBeVisible();
  const title = unique("Keyboard template map");
  await expect(dialog.getByRole("textbox").first()).toBeFocused();
  await ada.keyboard.type(title);
  // Tab into the template radio group, ↓ picks the next template (not "blank").
  await ada.keyboard.press("Tab");
  await expect(dialog.locator('input[type="radio"][value="blank"]')).toBeFocused();
  await ada.keyboard.press("ArrowDown");
  const chosen = await dialog.locator('input[type="radio"]:checked').getAttribute("value");
  expect(chosen).not.toBe("blank");
  await tabTo(ada, dialog.locator('button[type="submit"]'));
  await ada.keyboard.press("Enter");
  await expect(ada).toHaveURL(/\/w\/acme\/maps\/[0-9a-f-]{36}/);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  // The template's stages and touchpoints are there.
  await expect.poll(async () => ada.getByTestId("column").count()).toBeGreaterThan(1);
  // Created once.
  const maps = (await (await ada.request.get("/api/v1/workspaces/acme/maps")).json()) as { title: string }[];
  expect(maps.filter((m) => m.title === title)).toHaveLength(1);
});

test("keyboard only: add a touchpoint, move it, set its emotion; Tab leaves the grid (no trap)", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada.request, unique("Keyboard touchpoints"));
  await ada.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await expect(ada.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");

  // Tab into the grid: one tab stop lands on a cell; the arrows move from there.
  await tabTo(ada, ada.getByTestId("map-grid"));
  // "Pay" is the last touchpoint; → from the first column reaches it.
  await ada.keyboard.press("ArrowRight");
  await ada.keyboard.press("ArrowRight");
  await ada.keyboard.press("n");
  const titleInput = ada.getByTestId("title-input");
  await expect(titleInput).toBeFocused();
  await ada.keyboard.type("Receipt by e-mail");
  await ada.keyboard.press("Enter");
  const column = ada.getByTestId("column").filter({ hasText: "Receipt by e-mail" });
  const tpId = (await column.getAttribute("data-touchpoint-id"))!;
  await expect(ada.getByTestId(`cell-title-${tpId}`)).toBeFocused();
  await expect.poll(async () => (await exportedTouchpoints(ada.request, id)).map((t) => t.id)).toEqual(["tp-ad", "tp-chat", "tp-pay", tpId]);

  // Alt+← moves it before "Pay"; Alt+Shift+← to the previous stage.
  await ada.keyboard.press("Alt+ArrowLeft");
  await expect.poll(async () => (await exportedTouchpoints(ada.request, id)).map((t) => t.id)).toEqual(["tp-ad", "tp-chat", tpId, "tp-pay"]);
  await ada.keyboard.press("Alt+Shift+ArrowLeft");
  await expect.poll(async () => (await exportedTouchpoints(ada.request, id)).find((t) => t.id === tpId)?.stageId).toBe("discover");
  await expect(ada.getByTestId(`cell-title-${tpId}`)).toBeFocused();

  // Down to the emotion slider; "+" "2" sets +2, ↓ lowers it to +1.
  for (let i = 0; i < 12 && (await focusedTestId(ada)) !== `cell-emotion-${tpId}`; i++) await ada.keyboard.press("ArrowDown");
  const emotion = ada.getByTestId(`cell-emotion-${tpId}`);
  await expect(emotion).toBeFocused();
  await ada.keyboard.press("2");
  await expect(emotion).toHaveAttribute("aria-valuenow", "2");
  await ada.keyboard.press("ArrowDown");
  await expect(emotion).toHaveAttribute("aria-valuenow", "1");
  await expect.poll(async () => (await exportedTouchpoints(ada.request, id)).find((t) => t.id === tpId)?.emotion).toBe(1);

  // No keyboard trap: Tab leaves the grid within a few presses.
  let left = false;
  for (let i = 0; i < 15 && !left; i++) {
    await ada.keyboard.press("Tab");
    left = !(await ada.getByTestId("map-grid").evaluate((grid) => grid.contains(document.activeElement)));
  }
  expect(left, "Tab never left the grid").toBe(true);
});

test("keyboard only: draw a stakeholder relationship and move a stakeholder", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const created = await ada.request.post("/api/v1/workspaces/acme/stakeholder-maps", {
    data: {
      title: unique("Keyboard stakeholders"),
      stakeholders: [
        { id: "sales", name: "Sales", type: "department", department: "Sales", ring: "direct", angle: 0, influence: 2 },
        { id: "bank", name: "Bank", type: "partner", ring: "environment", angle: 240, influence: 0 },
      ],
      relationships: [],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await ada.goto(`/w/acme/stakeholders/${id}`);
  await expect(ada.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  const sales = ada.locator('[data-testid="stakeholder-node"][data-id="sales"]');
  await tabTo(ada, sales);
  // Arrows move it along its ring and outwards.
  await ada.keyboard.press("ArrowRight");
  await ada.keyboard.press("ArrowDown");
  await expect(sales).toHaveAttribute("data-ring", "indirect");
  // Enter selects it; the panel's relationship form draws the arrow.
  await ada.keyboard.press("Enter");
  const panel = ada.getByTestId("stakeholder-details");
  await expect(panel).toBeVisible();
  const to = panel.locator("#sh-rel-to");
  await tabTo(ada, to);
  await ada.keyboard.type("Bank"); // type-ahead on a native select
  await expect(to).toHaveValue("bank");
  await tabTo(ada, panel.locator('form button[type="submit"]'));
  await ada.keyboard.press("Enter");
  await expect(ada.locator('[data-testid="relationship"][data-from="sales"][data-to="bank"]')).toHaveCount(1);
  await expect(ada.getByTestId("relationship-details")).toBeVisible();
  await expect(ada.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  const exported = (await (await ada.request.get(`/api/v1/stakeholder-maps/${id}`)).json()) as { relationships: { from: string; to: string }[] };
  expect(exported.relationships).toContainEqual(expect.objectContaining({ from: "sales", to: "bank" }));
});

test("keyboard only: open the comments and send a comment with Ctrl+Enter", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada.request, unique("Comments by keyboard"));
  await ada.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await expect(ada.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");

  await tabTo(ada, ada.getByTestId("comments-button"));
  await ada.keyboard.press("Enter");
  const panel = ada.getByTestId("comments-panel");
  await expect(panel).toBeVisible();
  await tabTo(ada, panel.getByTestId("comment-input"), { max: 120 });
  await ada.keyboard.type("Checked with the keyboard only");
  await ada.keyboard.press("Control+Enter");
  await expect(panel.getByTestId("comment-body")).toContainText("Checked with the keyboard only");

  // Stored, not only shown.
  const listed = await ada.request.get(`/api/v1/maps/${id}/comments`);
  expect(listed.ok()).toBe(true);
  expect(JSON.stringify(await listed.json())).toContain("Checked with the keyboard only");
});

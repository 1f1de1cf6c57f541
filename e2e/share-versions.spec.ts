// Share links, version restore and save-as-template in the browser, against the real server.
// Each test makes its own maps in the demo workspace (no dependence on other specs' data).
import type { Page } from "@playwright/test";
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const content = (title: string, touchpoints: { id: string; title: string; emotion?: number }[]) => ({
  format: "journeyboard.map/v1",
  title,
  state: "current",
  stages: [{ id: "discover", name: "Discover" }, { id: "buy", name: "Buy" }],
  touchpoints: touchpoints.map((t, i) => ({ stageId: i === 0 ? "discover" : "buy", channel: i === 0 ? "Social" : "Website", emotion: 0, ...t })),
});

async function createMap(page: Page, title: string, touchpoints: { id: string; title: string; emotion?: number }[]) {
  const created = await page.request.post("/api/v1/workspaces/acme/maps", { data: { title } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await page.request.put(`/api/v1/maps/${id}`, { data: content(title, touchpoints) })).status()).toBe(200);
  return id;
}

test("a share link shows the live map without an account, and ends with 404 once revoked", async ({ pageAs, browser, baseURL }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada, "Shared journey", [{ id: "tp-ad", title: "Instagram ad" }, { id: "tp-shop", title: "Web shop checkout" }]);
  await ada.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();

  await ada.getByTestId("share-button").click();
  const dialog = ada.getByTestId("share-dialog");
  await dialog.getByTestId("share-expiry").selectOption("7");
  await dialog.getByTestId("share-create").click();
  const url = await dialog.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/s\/jbs_/);

  // A fresh browser context: no cookies at all.
  const anonContext = await browser.newContext({ baseURL });
  expect(await anonContext.cookies()).toEqual([]);
  const anon = await anonContext.newPage();
  const response = await anon.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(anon.getByTestId("shared-title")).toHaveText("Shared journey");
  await expect(anon.getByTestId("map-grid")).toContainText("Instagram ad");
  await expect(anon.getByTestId("shared-status")).toContainText(/Live/);
  // Read-only: no editing controls.
  await expect(anon.getByTestId("add-touchpoint")).toHaveCount(0);

  // A live change by an editor arrives without reloading.
  expect((await ada.request.put(`/api/v1/maps/${id}`, { data: content("Shared journey", [{ id: "tp-ad", title: "TikTok ad" }, { id: "tp-shop", title: "Web shop checkout" }]) })).status()).toBe(200);
  await expect(anon.getByTestId("map-grid")).toContainText("TikTok ad");

  // The opens are counted in the dialog.
  await dialog.getByTestId("share-close").click();
  await ada.getByTestId("share-button").click();
  await expect(ada.getByTestId("share-opens").first()).toContainText(/once|1/);

  // Revoke: the open view ends at once, and the link answers 404.
  await ada.getByTestId("share-revoke").first().click();
  await ada.getByTestId("share-revoke-confirm").click();
  await expect(ada.getByTestId("share-no-links")).toBeVisible();
  await expect(anon.getByTestId("shared-ended")).toBeVisible();
  expect((await anon.goto(url))?.status()).toBe(404);
  await anonContext.close();
});

test("an expired link answers 404 and a wrong password is refused", async ({ pageAs, browser, baseURL }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada, "Protected journey", [{ id: "tp-1", title: "Trade fair booth" }]);

  const anonContext = await browser.newContext({ baseURL });
  const anon = await anonContext.newPage();

  // Expiry (the e2e server allows links of a few seconds).
  const expiresAt = Date.now() + 20_000;
  const short = await ada.request.post(`/api/v1/maps/${id}/share-links`, { data: { expiresAt: new Date(expiresAt).toISOString() } });
  expect(short.status(), await short.text()).toBe(201);
  const shortUrl = ((await short.json()) as { url: string }).url;
  expect((await anon.goto(shortUrl))?.status()).toBe(200);
  await anon.waitForTimeout(Math.max(0, expiresAt - Date.now()) + 1_000);
  expect((await anon.goto(shortUrl))?.status()).toBe(404);

  // Password.
  const locked = await ada.request.post(`/api/v1/maps/${id}/share-links`, { data: { password: "board-2026" } });
  expect(locked.status()).toBe(201);
  const lockedUrl = ((await locked.json()) as { url: string }).url;
  await anon.goto(lockedUrl);
  await expect(anon.getByTestId("share-password-form")).toBeVisible();
  await expect(anon.getByTestId("map-grid")).toHaveCount(0);
  await anon.getByTestId("share-password").fill("wrong-one");
  await anon.getByTestId("share-password-submit").click();
  await expect(anon.getByTestId("share-password-error")).toContainText(/not right/);
  await expect(anon.getByTestId("map-grid")).toHaveCount(0);
  await anon.getByTestId("share-password").fill("board-2026");
  await anon.getByTestId("share-password-submit").click();
  await expect(anon.getByTestId("map-grid")).toContainText("Trade fair booth");
  await anonContext.close();
});

test("restoring a version reaches another browser at once, and undo brings the previous state back", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const ben = await pageAs(DEMO.ben);
  const id = await createMap(ada, "Restore journey", [{ id: "tp-a", title: "Good old touchpoint" }, { id: "tp-b", title: "Second step" }]);
  const saved = await ada.request.post(`/api/v1/maps/${id}/versions`, { data: { name: "Known good" } });
  expect(saved.status()).toBe(201);
  // A bad edit.
  expect((await ada.request.put(`/api/v1/maps/${id}`, { data: content("Restore journey", [{ id: "tp-a", title: "Broken touchpoint" }, { id: "tp-b", title: "Second step" }]) })).status()).toBe(200);

  await ada.goto(`/w/acme/maps/${id}`);
  await ben.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toContainText("Broken touchpoint");
  await expect(ben.getByTestId("map-grid")).toContainText("Broken touchpoint");

  await ada.getByTestId("history-button").click();
  await expect(ada.getByTestId("history-panel")).toBeVisible();
  // By its name (other versions' "Compare with" lists mention it too; the daily job may add one).
  const named = (p: Page, name: string) => p.getByTestId("history-version").filter({ has: p.locator("p", { hasText: new RegExp(`^${name}$`) }) });
  const version = named(ada, "Known good");
  await expect(version).toHaveCount(1);
  await version.getByTestId("history-restore").click();
  await version.getByTestId("history-restore-confirm").click();

  await expect(ada.getByTestId("map-grid")).toContainText("Good old touchpoint");
  await expect(ben.getByTestId("map-grid")).toContainText("Good old touchpoint");
  await expect(ben.getByTestId("map-grid")).not.toContainText("Broken touchpoint");

  // Undo (the editor's own undo) brings the state before the restore back, for everyone.
  await ada.getByTestId("undo").click();
  await expect(ada.getByTestId("map-grid")).toContainText("Broken touchpoint");
  await expect(ben.getByTestId("map-grid")).toContainText("Broken touchpoint");

  // The state before the restore was saved as a version too, and versions can be viewed read-only.
  await ada.getByTestId("history-button").click();
  const knownGood = named(ada, "Known good");
  await expect(knownGood).toHaveCount(1);
  await expect(ada.getByTestId("history-version").filter({ has: ada.locator("p", { hasText: /^Before restoring “Known good”/ }) })).toHaveCount(1);
  await knownGood.getByTestId("history-view").click();
  await expect(ada.getByTestId("version-view")).toBeVisible();
  await expect(ada.getByTestId("map-grid")).toContainText("Good old touchpoint");
  await expect(ada.getByTestId("add-touchpoint")).toHaveCount(0);
});

test("a map saved as a template starts a new map", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const name = `Fair template ${Date.now()}`;
  const id = await createMap(ada, "Trade fair journey", [{ id: "tp-1", title: "Booth visit" }, { id: "tp-2", title: "Follow-up call" }]);
  await ada.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await ada.getByTestId("save-template-button").click();
  const dialog = ada.getByTestId("save-template-dialog");
  await dialog.getByTestId("template-name").fill(name);
  await dialog.getByTestId("template-save").click();
  await expect(dialog.getByTestId("save-template-done")).toBeVisible();

  await ada.goto("/w/acme/maps");
  await ada.getByTestId("new-map").first().click();
  const form = ada.getByTestId("new-map-form");
  const card = form.getByTestId("workspace-template").filter({ hasText: name });
  await expect(card).toContainText("Booth visit");
  await card.getByRole("radio").check();
  await form.getByLabel(/title/i).first().fill("Fair in Munich");
  await form.getByRole("button", { name: /create/i }).click();
  await ada.waitForURL(/\/w\/acme\/maps\/[0-9a-f-]{36}$/);
  expect(ada.url()).not.toContain(id);
  await expect(ada.getByTestId("map-grid")).toContainText("Booth visit");
  await expect(ada.getByTestId("map-grid")).toContainText("Follow-up call");
  await expect(ada).toHaveTitle(/Fair in Munich/);
});

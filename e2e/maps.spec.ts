// The maps list end to end: create from a template, filters in the URL, rename, duplicate, delete
// with undo and restore, viewers without edit controls, and the REST export → import round trip.
import { DEMO, expect, signInContext, test } from "./fixtures";

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function createViaApi(page: import("@playwright/test").Page, title: string, template = "saas-b2b"): Promise<string> {
  const res = await page.request.post("/api/v1/workspaces/acme/maps", { data: { title, template } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test("an editor creates a map from a template in the picker and finds it in the list", async ({ pageAs }) => {
  const cem = await pageAs(DEMO.cem);
  const title = unique("Partner onboarding");
  await cem.goto("/w/acme/maps");
  await cem.getByTestId("new-map").first().click();
  const form = cem.getByTestId("new-map-form");
  await form.getByLabel("Title").fill(title);
  await form.getByRole("radio", { name: "SaaS B2B" }).check();
  // The picker previews the template's stages.
  await expect(form.getByRole("figure", { name: "Preview of SaaS B2B" })).toContainText("Awareness");
  await form.getByRole("button", { name: "Create map" }).click();
  await cem.waitForURL(/\/w\/acme\/maps\/[0-9a-f-]{36}$/);

  // Listed with its template content projected (9 touchpoints).
  await cem.goto(`/w/acme/maps?q=${encodeURIComponent(title)}`);
  const card = cem.getByTestId("map-card").filter({ hasText: title });
  await expect(card).toContainText("9 touchpoints");
  await expect(card).toContainText("Current state");
});

test("an editor renames, configures and duplicates a map", async ({ pageAs }) => {
  const cem = await pageAs(DEMO.cem);
  const title = unique("Reseller journey");
  const id = await createViaApi(cem, title);
  await cem.goto(`/w/acme/maps?q=${encodeURIComponent(title)}`);

  // Rename through the actions menu.
  const renamed = `${title} (EMEA)`;
  await cem.getByTestId(`map-actions-${id}`).click();
  await cem.getByRole("menuitem", { name: "Rename" }).click();
  await cem.getByLabel("Title", { exact: true }).fill(renamed);
  await cem.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(cem.getByTestId("map-card")).toContainText(renamed);

  // Settings: state and owner department (the list filters by them).
  await cem.getByTestId(`map-actions-${id}`).click();
  await cem.getByRole("menuitem", { name: "Settings…" }).click();
  const settings = cem.getByTestId("map-settings-form");
  await settings.getByLabel("Future state").check();
  await settings.getByLabel("Owner department").selectOption("Sales");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings).toBeHidden();
  await cem.goto(`/w/acme/maps?department=Sales&state=future&q=${encodeURIComponent(renamed)}`);
  await expect(cem.getByTestId("map-card")).toHaveCount(1);
  await expect(cem.getByTestId("map-card")).toContainText("Future state");

  // Duplicate opens the copy; both are listed.
  await cem.getByTestId(`map-actions-${id}`).click();
  await cem.getByRole("menuitem", { name: "Duplicate" }).click();
  await cem.waitForURL((url) => /\/w\/acme\/maps\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(id));
  await cem.goto(`/w/acme/maps?q=${encodeURIComponent(renamed)}`);
  await expect(cem.getByTestId("map-card")).toHaveCount(2);
  await expect(cem.getByTestId("map-card").filter({ hasText: `${renamed} (copy)` })).toContainText("9 touchpoints");
});

test("deleting asks first, can be undone, and deleted maps can be restored", async ({ pageAs }) => {
  const cem = await pageAs(DEMO.cem);
  const title = unique("Churn journey");
  const id = await createViaApi(cem, title, "ecommerce");
  await cem.goto(`/w/acme/maps?q=${encodeURIComponent(title)}`);

  await cem.getByTestId(`map-actions-${id}`).click();
  await cem.getByRole("menuitem", { name: "Delete" }).click();
  await expect(cem.getByRole("dialog")).toContainText(`Delete “${title}”?`);
  await cem.getByRole("button", { name: "Delete map" }).click();
  await expect(cem.getByRole("status")).toContainText("was deleted");
  await expect(cem.getByTestId("map-card")).toHaveCount(0);
  await cem.getByRole("button", { name: "Undo" }).click();
  await expect(cem.getByTestId("map-card")).toHaveCount(1);

  // Deleted again, it waits under "Recently deleted" and can be restored from there.
  await cem.getByTestId(`map-actions-${id}`).click();
  await cem.getByRole("menuitem", { name: "Delete" }).click();
  await cem.getByRole("button", { name: "Delete map" }).click();
  const deleted = cem.getByTestId("recently-deleted");
  await expect(deleted).toContainText(title);
  await deleted.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: "Restore" }).click();
  await expect(deleted.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
  await expect(cem.getByTestId("map-card")).toHaveCount(1);
});

test("filters live in the URL and narrow the list", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  await ada.goto("/w/acme/maps");
  await ada.getByLabel("State", { exact: true }).selectOption("future");
  await expect(ada).toHaveURL(/state=future/);
  await expect(ada.getByTestId("map-card").filter({ hasText: "SaaS onboarding (future state)" })).toBeVisible();
  await expect(ada.getByTestId("map-card").filter({ hasText: "Support renewal" })).toHaveCount(0);
  // Search reaches touchpoint text through the projection ("Escalation phone call" is in Support renewal).
  // Other specs add maps to Acme meanwhile (some from templates with the same words): the demo map
  // holding the text is found, demo maps without it are not.
  await ada.goto("/w/acme/maps?q=escalation");
  await expect(ada.getByTestId("map-card").filter({ hasText: "Support renewal" })).toHaveCount(1);
  await expect(ada.getByTestId("map-card").filter({ hasText: "SaaS onboarding (future state)" })).toHaveCount(0);
  // List view shows the same maps as a table with a sparkline per row.
  await ada.getByRole("button", { name: "List" }).click();
  await expect(ada).toHaveURL(/view=list/);
  const renewal = ada.getByTestId("map-row").filter({ hasText: "Support renewal" });
  await expect(renewal).toHaveCount(1);
  await expect(renewal.getByRole("img")).toHaveAttribute("aria-label", /Emotion curve of 7 touchpoints/);
  await ada.getByRole("button", { name: "Clear filters" }).click();
  await expect(ada).not.toHaveURL(/q=/);
});

test("a viewer sees the maps without create or edit controls", async ({ pageAs }) => {
  const vic = await pageAs(DEMO.vic);
  await vic.goto("/w/acme/maps");
  await expect(vic.getByTestId("map-card").first()).toBeVisible();
  await expect(vic.getByTestId("new-map")).toHaveCount(0);
  await expect(vic.getByRole("button", { name: /Actions for/ })).toHaveCount(0);
  await expect(vic.getByTestId("recently-deleted")).toHaveCount(0);
});

test("REST: export → import round trip keeps every field; bad data → 422 and nothing changed", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const created = await ada.request.post("/api/v1/workspaces/acme/maps", { data: { title: unique("API map"), template: "ecommerce" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const exported = await (await ada.request.get(`/api/v1/maps/${id}`)).json();
  exported.touchpoints[0].thoughts = "Round trip";
  // Evidence with the details added in round two (date, link) comes back exactly as sent.
  exported.touchpoints[0].evidence = [{ kind: "qualitative", text: "Interview", source: "Call notes", date: "2026-11-30", link: "https://example.com/notes" }];
  exported.touchpoints[0].priority = "high";
  const put = await ada.request.put(`/api/v1/maps/${id}`, { data: exported });
  expect(put.status()).toBe(200);
  expect(await (await ada.request.get(`/api/v1/maps/${id}`)).json()).toEqual(exported);
  const bad = structuredClone(exported);
  bad.touchpoints[1].emotion = 12;
  const rejected = await ada.request.put(`/api/v1/maps/${id}`, { data: bad });
  expect(rejected.status()).toBe(422);
  expect((await rejected.json()).error.fields).toHaveProperty(["touchpoints.1.emotion"]);
  expect(await (await ada.request.get(`/api/v1/maps/${id}`)).json()).toEqual(exported);
});

test("in German the date filter is typed as TT.MM.JJJJ and lands in the URL as an ISO date", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "en-US" });
  await signInContext(context, baseURL!, DEMO.cem);
  // The browser speaks English; the page is German: the date follows the page.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "de", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/w/acme/maps");
  const since = page.getByLabel("Geändert seit");
  await expect(since).toHaveAttribute("placeholder", "TT.MM.JJJJ");
  await since.fill("31.02.2026");
  await since.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "TT.MM.JJJJ" })).toBeVisible();
  await since.fill("1.2.2026");
  await since.press("Enter");
  await expect(page).toHaveURL(/since=2026-02-01/);
  await expect(since).toHaveValue("01.02.2026");
  await context.close();
});

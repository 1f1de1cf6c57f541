// The journey map editor in real browsers: two people (two browser contexts) on one map over the
// real /collab service. Each test creates its own map through the REST API, so tests do not
// depend on each other or on the demo maps' content.
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { DEMO, expect as baseExpect, test } from "./fixtures";

// Two browsers, a live sync service and a dev-sized machine shared with other suites: waits for
// convergence get room (they still end as soon as the condition holds).
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

type Seed = {
  stages: { id: string; name: string }[];
  touchpoints: { id: string; stageId: string; title: string; activity?: string; goal?: string; emotion?: number | null; momentOfTruth?: boolean; channel?: string }[];
};

const BASIC: Seed = {
  stages: [
    { id: "discover", name: "Discover" },
    { id: "buy", name: "Buy" },
  ],
  touchpoints: [
    { id: "tp-ad", stageId: "discover", title: "Ad on a website", activity: "Sees the ad", emotion: 1, channel: "Website" },
    { id: "tp-chat", stageId: "discover", title: "Support chat", activity: "Opens a chat", emotion: -2, channel: "Chat" },
    { id: "tp-checkout", stageId: "buy", title: "Checkout", activity: "Pays", emotion: 3, momentOfTruth: true, channel: "Website" },
  ],
};

/** Creates a map in Acme with the given content (as ada, through the REST API) and returns its id. */
async function createMap(request: APIRequestContext, title: string, seed: Seed = BASIC): Promise<string> {
  const created = await request.post("/api/v1/workspaces/acme/maps", { data: { title } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const put = await request.put(`/api/v1/maps/${id}`, {
    data: { format: "journeyboard.map/v1", title, state: "current", ...seed },
  });
  expect(put.status()).toBe(200);
  return id;
}

async function openMap(page: Page, id: string) {
  await page.goto(`/w/acme/maps/${id}`);
  await expect(page.getByTestId("map-grid")).toBeVisible();
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");
}

/** The in-place editor of a text cell, opened by clicking the cell. */
async function editCell(page: Page, lane: string, touchpointId: string): Promise<Locator> {
  await page.getByTestId(`cell-${lane}-${touchpointId}`).click();
  const field = page.getByTestId(`cell-${lane}-${touchpointId}`).locator("textarea, input").first();
  await expect(field).toBeFocused();
  return field;
}

async function exported(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/v1/maps/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as { touchpoints: { id: string; stageId: string; title: string; activity: string; goal: string; emotion: number | null }[] };
}

test("a touchpoint added and a word typed in one browser appear in the other; presence shows both", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const ben = await pageAs(DEMO.ben);
  const id = await createMap(ada.request, "Live co-editing");
  await openMap(ada, id);
  await openMap(ben, id);
  await expectSaved(ada);
  await expectSaved(ben);

  // Presence: each sees both avatars, and the other person's name.
  await expect(ada.getByTestId("presence-avatar")).toHaveCount(2);
  await expect(ben.getByTestId("presence-avatar")).toHaveCount(2);
  await expect(ada.locator('[data-testid="presence-avatar"][data-user-name="Ben Okafor"]')).toBeVisible();
  await expect(ben.locator('[data-testid="presence-avatar"][data-user-name="Ada Lindqvist"]')).toBeVisible();

  // Ada adds a touchpoint and names it; Ben sees it.
  await ada.getByTestId("add-touchpoint").click();
  const title = ada.getByTestId("title-input");
  await expect(title).toBeFocused();
  await title.pressSequentially("Newsletter sign-up");
  await title.press("Enter");
  await expect(ben.getByTestId("touchpoint-title").filter({ hasText: "Newsletter sign-up" })).toBeVisible();

  // Ben types into a cell; Ada sees the words, and sees Ben's outline on that cell.
  const field = await editCell(ben, "activity", "tp-ad");
  await field.press("End");
  await field.pressSequentially(" and clicks it");
  await expect(ada.getByTestId("cell-activity-tp-ad")).toContainText("Sees the ad and clicks it");
  await expect(ada.getByTestId("cell-activity-tp-ad").getByTestId("peer-tag")).toHaveAttribute("title", /Ben Okafor/);
  await expectSaved(ben);
});

test("two people typing in the same field both keep their words", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const ben = await pageAs(DEMO.ben);
  const id = await createMap(ada.request, "Concurrent typing");
  await openMap(ada, id);
  await openMap(ben, id);
  const adaField = await editCell(ada, "activity", "tp-chat");
  const benField = await editCell(ben, "activity", "tp-chat");
  await adaField.press("End");
  await benField.press("Home");
  await Promise.all([adaField.pressSequentially(" then waits", { delay: 15 }), benField.pressSequentially("First ", { delay: 15 })]);
  for (const page of [ada, ben]) {
    await expect(page.getByTestId("cell-activity-tp-chat").locator("textarea")).toHaveValue("First Opens a chat then waits");
  }
  await expectSaved(ada);
  await expectSaved(ben);
  expect((await exported(ada.request, id)).touchpoints.find((t) => t.id === "tp-chat")?.activity).toBe("First Opens a chat then waits");
});

test("a viewer sees the map without edit controls, with the right emotion curve", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada.request, "Viewer check");
  const vic = await pageAs(DEMO.vic);
  await openMap(vic, id);
  await expect(vic.getByTestId("map-editor")).toHaveAttribute("data-can-edit", "false");
  await expect(vic.getByTestId("read-only-badge")).toBeVisible();
  await expect(vic.getByTestId("column")).toHaveCount(3);
  for (const control of ["add-touchpoint", "undo", "drag-handle", "touchpoint-menu", "stage-menu", "add-stage-end", "add-lane"]) {
    await expect(vic.getByTestId(control)).toHaveCount(0);
  }
  await expect(vic.locator('input[data-testid="map-title"]')).toHaveCount(0);
  // Clicking a cell does not open an editor.
  await vic.getByTestId("cell-activity-tp-ad").click();
  await expect(vic.getByTestId("cell-activity-tp-ad").locator("textarea")).toHaveCount(0);

  const points = vic.getByTestId("emotion-point");
  await expect(points).toHaveCount(3);
  const byTouchpoint = async (tp: string) => vic.locator(`[data-testid="emotion-point"][data-touchpoint-id="${tp}"]`);
  await expect(await byTouchpoint("tp-ad")).toHaveAttribute("data-score", "1");
  await expect(await byTouchpoint("tp-chat")).toHaveAttribute("data-score", "-2");
  await expect(await byTouchpoint("tp-chat")).toHaveAttribute("data-lowest", "true");
  await expect(await byTouchpoint("tp-checkout")).toHaveAttribute("data-score", "3");
  await expect(await byTouchpoint("tp-checkout")).toHaveAttribute("data-moment-of-truth", "true");
  // The points are drawn in journey order, left to right, and higher scores higher up.
  const box = async (tp: string) => (await (await byTouchpoint(tp)).locator("circle, rect").last().boundingBox())!;
  const [ad, chat, checkout] = [await box("tp-ad"), await box("tp-chat"), await box("tp-checkout")];
  expect(ad.x).toBeLessThan(chat.x);
  expect(chat.x).toBeLessThan(checkout.x);
  expect(checkout.y).toBeLessThan(ad.y);
  expect(ad.y).toBeLessThan(chat.y);
  // The emotion cell is a read-only slider with the score.
  await expect(vic.getByTestId("cell-emotion-tp-chat")).toHaveAttribute("aria-valuenow", "-2");
  await expect(vic.getByTestId("cell-emotion-tp-chat")).toHaveAttribute("aria-readonly", "true");
});

test("edits made offline arrive in the other browser after reconnecting", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const ben = await pageAs(DEMO.ben);
  const id = await createMap(ada.request, "Offline editing");
  await openMap(ada, id);
  await openMap(ben, id);
  await expectSaved(ada);

  await ada.context().setOffline(true);
  await expect(ada.getByTestId("connection-status")).toHaveAttribute("data-status", "offline");
  const field = await editCell(ada, "goal", "tp-checkout");
  await field.pressSequentially("Pay without an account");
  await field.press("Escape");
  await ada.getByTestId("cell-emotion-tp-ad").focus();
  await ada.keyboard.press("-");
  await ada.keyboard.press("1");
  await expect(ada.getByTestId("cell-emotion-tp-ad")).toHaveAttribute("aria-valuenow", "-1");
  // Ben edits too while Ada is away; both edits must survive the merge.
  const benField = await editCell(ben, "goal", "tp-ad");
  await benField.pressSequentially("Find a tool");
  await expect(ben.getByTestId("cell-goal-tp-checkout")).not.toContainText("Pay without an account");

  await ada.context().setOffline(false);
  await expectSaved(ada);
  await expect(ben.getByTestId("cell-goal-tp-checkout")).toContainText("Pay without an account");
  await expect(ben.getByTestId("cell-emotion-tp-ad")).toHaveAttribute("aria-valuenow", "-1");
  await expect(ada.getByTestId("cell-goal-tp-ad")).toContainText("Find a tool");
});

test("undo undoes only my own change while someone else edits", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const ben = await pageAs(DEMO.ben);
  const id = await createMap(ada.request, "Undo is personal");
  await openMap(ada, id);
  await openMap(ben, id);

  const adaField = await editCell(ada, "goal", "tp-chat");
  await adaField.pressSequentially("ADA-GOAL");
  await adaField.press("Escape");
  await expect(ben.getByTestId("cell-goal-tp-chat")).toContainText("ADA-GOAL");

  const benField = await editCell(ben, "thoughts", "tp-chat");
  await benField.pressSequentially("BEN-THOUGHT");
  await expect(ada.getByTestId("cell-thoughts-tp-chat")).toContainText("BEN-THOUGHT");

  await ada.getByTestId("undo").click();
  await expect(ada.getByTestId("cell-goal-tp-chat")).not.toContainText("ADA-GOAL");
  await expect(ben.getByTestId("cell-goal-tp-chat")).not.toContainText("ADA-GOAL");
  await expect(ada.getByTestId("cell-thoughts-tp-chat")).toContainText("BEN-THOUGHT");
  await expect(ben.getByTestId("cell-thoughts-tp-chat").locator("textarea")).toHaveValue("BEN-THOUGHT");
  // Redo brings it back.
  await ada.getByTestId("redo").click();
  await expect(ben.getByTestId("cell-goal-tp-chat")).toContainText("ADA-GOAL");
});

test("keyboard only: add a touchpoint, move it to another stage, set its emotion", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada.request, "Keyboard only");
  await openMap(ada, id);
  await expectSaved(ada);

  // N adds a touchpoint (at the end of the last stage) and puts the caret in its title.
  await ada.keyboard.press("n");
  const title = ada.getByTestId("title-input");
  await expect(title).toBeFocused();
  await ada.keyboard.type("Keyboard touchpoint");
  await ada.keyboard.press("Enter");
  const column = ada.getByTestId("column").filter({ hasText: "Keyboard touchpoint" });
  const tpId = (await column.getAttribute("data-touchpoint-id"))!;
  await expect(ada.getByTestId(`cell-title-${tpId}`)).toBeFocused();

  // Alt+Shift+← moves it to the previous stage (Discover).
  await ada.keyboard.press("Alt+Shift+ArrowLeft");
  await expect.poll(async () => (await exported(ada.request, id)).touchpoints.find((t) => t.id === tpId)?.stageId).toBe("discover");
  await expect(ada.getByTestId(`cell-title-${tpId}`)).toBeFocused();

  // Down to the emotion lane, then "-" "2" sets −2; ↑ raises it to −1.
  for (let i = 0; i < 7; i++) await ada.keyboard.press("ArrowDown");
  await expect(ada.getByTestId(`cell-emotion-${tpId}`)).toBeFocused();
  await ada.keyboard.press("-");
  await ada.keyboard.press("2");
  await expect(ada.getByTestId(`cell-emotion-${tpId}`)).toHaveAttribute("aria-valuenow", "-2");
  await ada.keyboard.press("ArrowUp");
  await expect(ada.getByTestId(`cell-emotion-${tpId}`)).toHaveAttribute("aria-valuenow", "-1");
  await expectSaved(ada);
  const saved = (await exported(ada.request, id)).touchpoints.find((t) => t.id === tpId)!;
  expect(saved).toMatchObject({ title: "Keyboard touchpoint", stageId: "discover", emotion: -1 });

  // "?" lists the shortcuts.
  await ada.keyboard.press("Escape");
  await ada.keyboard.press("?");
  await expect(ada.getByTestId("shortcuts-dialog")).toBeVisible();
});

test("a screen reader hears who joins and what someone else changes where the focus is", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada.request, `Announcements ${Date.now().toString(36)}`);
  await openMap(ada, id);
  await expectSaved(ada);
  const announcer = ada.getByTestId("live-announcer");

  const cem = await pageAs(DEMO.cem);
  await openMap(cem, id);
  await expect(announcer).toContainText(/Cem.* joined\./);

  // Ada's focus is on the support chat; a change to it from elsewhere (here the REST API) is read out.
  await ada.getByTestId("cell-activity-tp-chat").click();
  const seed = { ...BASIC, touchpoints: BASIC.touchpoints.map((t) => (t.id === "tp-chat" ? { ...t, emotion: 1 } : t)) };
  const put = await cem.request.put(`/api/v1/maps/${id}`, { data: { format: "journeyboard.map/v1", title: "Announcements", state: "current", ...seed } });
  expect(put.status()).toBe(200);
  await expect(announcer).toContainText("Support chat was changed by someone else.");

  await cem.close();
  await expect(announcer).toContainText(/Cem.* left\./);
});

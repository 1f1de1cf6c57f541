// The split deployment end to end: two app processes (COLLAB_IN_PROCESS=0) and one sync process
// (`npm run collab`) on a throwaway PostgreSQL database + Redis, each app behind a proxy that sends
// /collab to the sync process (e2e/fixtures/split-deployment.ts). Two people on different app
// instances co-edit one map; a REST PUT made through an app process reaches both open editors; the
// dashboard and the maps search (served by the app processes) follow the live edits, which only
// the sync process stored. Fails, not skips, under CI=true without PostgreSQL or Redis.
import type { Locator, Page } from "@playwright/test";
import { DEMO, expect as baseExpect, newSignedInPage, test } from "./fixtures";
import { servicesForSplit, startSplitDeployment, type SplitDeployment } from "./fixtures/split-deployment";

const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ mode: "serial", timeout: 300_000 });

let split: SplitDeployment | null = null;
let skipReason: string | null = null;

test.beforeAll(async () => {
  test.setTimeout(400_000);
  const services = await servicesForSplit();
  if ("missing" in services) {
    skipReason = services.missing;
    return;
  }
  split = await startSplitDeployment({ ...services, apps: 2 });
});

test.afterAll(async () => {
  await split?.stop();
});

async function editCell(page: Page, lane: string, touchpointId: string): Promise<Locator> {
  await page.getByTestId(`cell-${lane}-${touchpointId}`).click();
  const field = page.getByTestId(`cell-${lane}-${touchpointId}`).locator("textarea, input").first();
  await expect(field).toBeFocused();
  return field;
}

test("two people on different app instances co-edit through the sync process; dashboard and search follow", async ({ browser }) => {
  test.skip(skipReason !== null, skipReason ?? "");
  const [frontA, frontB] = split!.fronts;
  const ada = await newSignedInPage(browser, frontA, DEMO.ada);
  const ben = await newSignedInPage(browser, frontB, DEMO.ben);
  try {
    // A map created and filled through app A's REST API (stored by the app process: no /collab there).
    const created = await ada.page.request.post(`${frontA}/api/v1/workspaces/acme/maps`, { data: { title: "Split deployment" } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const seed = {
      format: "journeyboard.map/v1", title: "Split deployment", state: "current",
      stages: [{ id: "discover", name: "Discover" }],
      touchpoints: [
        { id: "tp-ad", stageId: "discover", title: "Ad on a website", activity: "Sees the ad", emotion: 1, channel: "Website" },
        { id: "tp-chat", stageId: "discover", title: "Support chat", activity: "Opens a chat", emotion: -2, channel: "Chat" },
      ],
    };
    expect((await ada.page.request.put(`${frontA}/api/v1/maps/${id}`, { data: seed })).status()).toBe(200);
    const before = (await (await ben.page.request.get(`${frontB}/api/v1/workspaces/acme/dashboard`)).json()) as { overview: { touchpoints: number } };

    for (const { page } of [ada, ben]) {
      await page.goto(`/w/acme/maps/${id}`);
      await expect(page.getByTestId("map-grid")).toBeVisible();
      await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");
    }
    // Presence crosses instances too (both browsers' sockets end at the sync process).
    await expect(ada.page.getByTestId("presence-avatar")).toHaveCount(2);

    // Ada (instance A) types a word; Ben (instance B) sees it, and the other way round.
    const word = `zephyrine${Date.now().toString(36)}`;
    const adaField = await editCell(ada.page, "activity", "tp-ad");
    await adaField.press("End");
    await adaField.pressSequentially(` ${word}`);
    await expect(ben.page.getByTestId("cell-activity-tp-ad")).toContainText(`Sees the ad ${word}`);
    const benField = await editCell(ben.page, "activity", "tp-chat");
    await benField.press("End");
    await benField.pressSequentially(" and waits");
    await expect(ada.page.getByTestId("cell-activity-tp-chat")).toContainText("Opens a chat and waits");

    // Ben adds a touchpoint live: the dashboard (served by app B) counts it once the sync process projected it.
    await ben.page.keyboard.press("Escape");
    await ben.page.getByTestId("add-touchpoint").click();
    const title = ben.page.getByTestId("title-input");
    await expect(title).toBeFocused();
    await title.pressSequentially("Callback request");
    await title.press("Enter");
    await expect(ada.page.getByTestId("touchpoint-title").filter({ hasText: "Callback request" })).toBeVisible();
    for (const { page } of [ada, ben]) await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");

    await expect
      .poll(async () => ((await (await ben.page.request.get(`${frontB}/api/v1/workspaces/acme/dashboard`)).json()) as typeof before).overview.touchpoints)
      .toBe(before.overview.touchpoints + 1);

    // A REST PUT through app B reaches both open editors at once (stored there, announced to the sync process).
    const exported = (await (await ben.page.request.get(`${frontB}/api/v1/maps/${id}`)).json()) as typeof seed;
    const renamed = { ...exported, touchpoints: exported.touchpoints.map((tp) => (tp.id === "tp-chat" ? { ...tp, title: "Support chat (REST)" } : tp)) };
    expect((await ben.page.request.put(`${frontB}/api/v1/maps/${id}`, { data: renamed })).status()).toBe(200);
    for (const { page } of [ada, ben]) await expect(page.getByTestId("touchpoint-title").filter({ hasText: "Support chat (REST)" })).toBeVisible();

    // Search on instance B finds the map by the word Ada typed live on instance A.
    const search = await ben.context.newPage();
    await search.goto(`/w/acme/maps?q=${word}`);
    await expect(search.getByTestId("map-card")).toHaveCount(1);
    await expect(search.getByTestId("map-card")).toContainText("Split deployment");
    // And the dashboard page shows the new count.
    await search.goto("/w/acme/dashboard");
    await expect(search.getByTestId("overview-touchpoints")).toHaveText(String(before.overview.touchpoints + 1));
  } finally {
    await ada.context.close();
    await ben.context.close();
  }
});

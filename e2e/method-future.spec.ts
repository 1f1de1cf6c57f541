// Current ⇄ future (issue 13): design the future state of a new current map, change an emotion and a
// status in the future map, open the side-by-side view and see the changed touchpoint and both
// curves. Works in its own map (other specs share Acme).
import type { APIRequestContext } from "@playwright/test";
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

async function createCurrentMap(request: APIRequestContext, title: string): Promise<string> {
  const created = await request.post("/api/v1/workspaces/acme/maps", { data: { title } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const put = await request.put(`/api/v1/maps/${id}`, {
    data: {
      format: "journeyboard.map/v1", title, state: "current",
      stages: [{ id: "discover", name: "Discover" }, { id: "buy", name: "Buy" }],
      touchpoints: [
        { id: "tp-ad", stageId: "discover", title: "Ad on a website", emotion: 1 },
        { id: "tp-chat", stageId: "discover", title: "Support chat", emotion: -2 },
        { id: "tp-checkout", stageId: "buy", title: "Checkout", emotion: 2 },
      ],
    },
  });
  expect(put.status()).toBe(200);
  return id;
}

test("design the future state, change it, compare side by side", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const currentId = await createCurrentMap(ada.request, `Future e2e ${Date.now().toString(36)}`);
  await ada.goto(`/w/acme/maps/${currentId}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();

  // Design the future state: a linked copy opens.
  await ada.getByTestId("design-future-state").click();
  await ada.waitForURL((url) => /\/maps\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(currentId));
  const futureId = ada.url().split("/maps/")[1];
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await expect(ada.getByTestId("pair-link-current")).toHaveAttribute("href", `/w/acme/maps/${currentId}`);
  const exported = (await (await ada.request.get(`/api/v1/maps/${futureId}`)).json()) as {
    state: string; pairedMapId: string; touchpoints: { id: string; title: string; sourceTouchpointId: string; futureStatus: string }[];
  };
  expect(exported).toMatchObject({ state: "future", pairedMapId: currentId });
  expect(exported.touchpoints.map((t) => t.sourceTouchpointId)).toEqual(["tp-ad", "tp-chat", "tp-checkout"]);
  const chat = exported.touchpoints.find((t) => t.title === "Support chat")!;

  // Change an emotion in the future map (keyboard: "3" sets +3).
  const cell = ada.getByTestId(`cell-emotion-${chat.id}`);
  await cell.focus();
  await ada.keyboard.press("3");
  await expect(cell).toHaveAttribute("aria-valuenow", "3");
  // Its status in the side panel (the second touchpoint's details).
  await ada.getByTestId("open-details").nth(1).click();
  await expect(ada.getByTestId("touchpoint-panel")).toBeVisible();
  await ada.getByTestId("touchpoint-panel").getByTestId("future-status-select").selectOption("live");
  await expect(ada.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");
  await expect
    .poll(async () => ((await (await ada.request.get(`/api/v1/maps/${futureId}`)).json()) as typeof exported).touchpoints.filter((t) => t.futureStatus === "live").length)
    .toBe(1);

  // The current map links to its future state; a second "design" is not offered.
  await ada.goto(`/w/acme/maps/${currentId}`);
  await expect(ada.getByTestId("pair-link-future")).toHaveAttribute("href", `/w/acme/maps/${futureId}`);
  await expect(ada.getByTestId("design-future-state")).toHaveCount(0);

  // Side by side: the changed touchpoint with its emotion before → after, and both curves.
  await ada.getByTestId("pair-compare-link").click();
  await expect(ada.getByTestId("pair-comparison")).toBeVisible();
  const changed = ada.getByTestId("pair-changed");
  await expect(changed.getByTestId("pair-touchpoint")).toHaveCount(1);
  await expect(changed).toContainText("Support chat");
  await expect(changed.getByTestId("pair-emotion-change")).toContainText(/-2.*→.*\+3/);
  await expect(ada.getByTestId("pair-unchanged").getByTestId("pair-touchpoint")).toHaveCount(2);
  await expect(ada.getByTestId("pair-curves").locator(".recharts-line")).toHaveCount(2);
  await expect(ada.getByTestId("pair-curves").locator(".recharts-legend-item")).toHaveCount(2);
  await expect(ada.getByTestId("pair-progress")).toContainText("1");
  // The table alternative lists every point with both emotions.
  await ada.getByTestId("pair-curves-table-toggle").click();
  await expect(ada.getByTestId("pair-curve-table").locator("tbody tr")).toHaveCount(3);
});

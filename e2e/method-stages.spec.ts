// Issue 13 (method): a stage's central question set in the stage dialog shows in the band; a
// touchpoint marked "wow" in the side panel shows its sign in the grid; the dashboard's
// prioritisation matrix shows a rated opportunity of this map, and clicking its dot opens the map
// with that touchpoint focused. Works in its own map (other specs share Acme).
import type { APIRequestContext, Page } from "@playwright/test";
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

async function createMap(request: APIRequestContext, title: string): Promise<string> {
  const created = await request.post("/api/v1/workspaces/acme/maps", { data: { title } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const put = await request.put(`/api/v1/maps/${id}`, {
    data: {
      format: "journeyboard.map/v1", title, state: "current",
      stages: [{ id: "kickoff", name: "Kick-off" }, { id: "use", name: "Use" }],
      touchpoints: [
        { id: "tp-call", stageId: "kickoff", title: "Welcome call", emotion: 2,
          opportunityDetails: [{ text: "Shorter welcome call", impact: 5, effort: 1, status: "open" }] },
        { id: "tp-invoice", stageId: "use", title: "First invoice", emotion: -2 },
      ],
    },
  });
  expect(put.status()).toBe(200);
  return id;
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");
}

test("central question in the band, wow in the grid, the matrix opens the touchpoint", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada.request, `Method stages ${Date.now()}`);
  await ada.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await expectSaved(ada);

  // The stage dialog, by keyboard: focus the band's question button, open it, type the question.
  const kickoff = ada.locator('[data-testid="stage"][data-stage-id="kickoff"]');
  await kickoff.getByTestId("stage-question").focus();
  await ada.keyboard.press("Enter");
  const dialog = ada.getByTestId("stage-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("stage-central-question").fill("Does the vendor keep its promise?");
  await dialog.getByTestId("stage-duration").fill("2–4 weeks");
  await dialog.getByTestId("stage-duration").press("Enter");
  await ada.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(kickoff.getByTestId("stage-question")).toContainText("Does the vendor keep its promise?");

  // Mark the welcome call as a "wow" moment of truth in the side panel; the grid shows the sign.
  await ada.locator('[data-testid="column"][data-touchpoint-id="tp-call"]').getByTestId("open-details").click();
  const panel = ada.getByTestId("touchpoint-panel");
  await panel.getByTestId("mot-kind-wow").click();
  await expect(panel.getByTestId("mot-kind-wow")).toHaveAttribute("aria-checked", "true");
  await ada.keyboard.press("Escape");
  await expect(ada.locator('[data-testid="column"][data-touchpoint-id="tp-call"]').getByTestId("mot-wow")).toBeVisible();
  await expectSaved(ada);

  // Stored in the document: the export carries both.
  await expect
    .poll(async () => {
      const map = (await (await ada.request.get(`/api/v1/maps/${id}`)).json()) as {
        stages: { id: string; centralQuestion?: string }[];
        touchpoints: { id: string; momentOfTruthKind?: string | null; momentOfTruth: boolean }[];
      };
      return [map.stages.find((s) => s.id === "kickoff")?.centralQuestion, map.touchpoints.find((t) => t.id === "tp-call")?.momentOfTruthKind];
    })
    .toEqual(["Does the vendor keep its promise?", "wow"]);

  // The dashboard, scoped to this map: the matrix has the opportunity; its dot opens the map.
  await ada.goto(`/w/acme/dashboard?map=${id}`);
  const matrix = ada.getByTestId("panel-prioritisation-matrix");
  await expect(matrix).toBeVisible();
  // Below the fold, the matrix's dots are drawn once it is scrolled near (components/charts/defer.tsx).
  await matrix.scrollIntoViewIfNeeded();
  await expect(ada.getByTestId("insight-prioritisation-matrix")).toContainText("1");
  const dot = matrix.locator('[data-testid="matrix-dot"][data-touchpoint="tp-call"]');
  await expect(dot).toHaveCount(1);
  await dot.click();
  await ada.waitForURL(new RegExp(`/w/acme/maps/${id}\\?touchpoint=tp-call`));
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await expect(ada.getByTestId("cell-title-tp-call")).toBeFocused();
});

// Issue 13 ("vocab"): a cyclic map opens in the loop view and is walked by keyboard; a channel
// written as a synonym of the workspace vocabulary ("Web" = "Website", seeded in the demo) raises no
// gap marker, while a real change of channel does. Works in its own map.
import type { APIRequestContext } from "@playwright/test";
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });

const STAGES = ["Impulse", "Discover", "Initiate", "Experience", "Recommend"].map((name) => ({ id: name.toLowerCase(), name }));
const TOUCHPOINTS = [
  { id: "tp-word", stageId: "impulse", title: "Word of mouth", channel: "In person", device: "In person", emotion: 1 },
  { id: "tp-web", stageId: "discover", title: "Pricing page", channel: "Web", device: "Smartphone", emotion: 0 },
  { id: "tp-site", stageId: "discover", title: "Comparison", channel: "Website", device: "Smartphone", emotion: -2 },
  { id: "tp-offer", stageId: "initiate", title: "First offer", channel: "E-mail", device: "Smartphone", emotion: 2 },
  { id: "tp-use", stageId: "experience", title: "Daily use", channel: "E-mail", device: "Smartphone", emotion: 3 },
  { id: "tp-share", stageId: "recommend", title: "Referral", channel: "E-mail", device: "Smartphone", emotion: null },
];

async function createCycleMap(request: APIRequestContext, title: string): Promise<string> {
  const created = await request.post("/api/v1/workspaces/acme/maps", { data: { title } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const put = await request.put(`/api/v1/maps/${id}`, { data: { format: "journeyboard.map/v1", title, state: "current", cyclic: true, stages: STAGES, touchpoints: TOUCHPOINTS } });
  expect(put.status()).toBe(200);
  return id;
}

test("a cyclic map in the loop view: keyboard between touchpoints, Enter opens the details; a synonym raises no gap", async ({ pageAs }) => {
  test.setTimeout(60_000);
  const ada = await pageAs(DEMO.ada);
  const id = await createCycleMap(ada.request, `Loop ${Date.now()}`);
  await ada.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();

  // Grid: "Web" → "Website" is the same channel for Acme's vocabulary; "Website" → "E-mail" is a gap.
  // (In-person → Web is a channel and device change too: two places with markers in all.)
  await expect(ada.getByTestId("gap-marker")).toHaveCount(2);
  await expect(ada.getByTestId("gap-marker").nth(1)).toHaveAccessibleName(/channel|Kanal/i);

  // The loop view (only offered for cyclic maps), remembered for this user.
  await ada.getByTestId("map-view-loop").click();
  await expect(ada.getByTestId("loop-view")).toBeVisible();
  await expect(ada.getByTestId("loop-stage")).toHaveCount(5);
  await expect(ada.getByTestId("loop-return")).toBeAttached();
  const points = ada.getByTestId("loop-point");
  await expect(points).toHaveCount(6);
  // One tab stop: only the first touchpoint is in the tab order.
  await expect(ada.locator('[data-testid="loop-point"][tabindex="0"]')).toHaveCount(1);
  await points.first().focus();
  await expect(points.first()).toHaveAccessibleName("Impulse · Word of mouth · emotion +1");
  await ada.keyboard.press("ArrowRight");
  await expect(points.nth(1)).toBeFocused();
  await ada.keyboard.press("ArrowRight");
  await expect(points.nth(2)).toBeFocused();
  await expect(points.nth(2)).toHaveAccessibleName("Discover · Comparison · emotion \u22122");
  await ada.keyboard.press("ArrowLeft");
  await expect(points.nth(1)).toBeFocused();
  // Around the loop: from the first back to the last (Recommend → Impulse and back).
  await ada.keyboard.press("Home");
  await ada.keyboard.press("ArrowLeft");
  await expect(points.nth(5)).toBeFocused();
  await expect(points.nth(5)).toHaveAccessibleName(/^Recommend · Referral · /);
  await ada.keyboard.press("Enter");
  await expect(ada.getByTestId("touchpoint-panel")).toBeVisible();
  await expect(ada.getByTestId("touchpoint-panel")).toContainText("Referral");

  // Live: an emotion set elsewhere (the REST API) moves the point and its label.
  const before = await points.nth(0).getAttribute("aria-label");
  const doc = (await (await ada.request.get(`/api/v1/maps/${id}`)).json()) as { touchpoints: { id: string; emotion: number | null }[] };
  doc.touchpoints.find((t) => t.id === "tp-word")!.emotion = -3;
  expect((await ada.request.put(`/api/v1/maps/${id}`, { data: doc })).status()).toBe(200);
  await expect(points.nth(0)).not.toHaveAccessibleName(before!);
  await expect(points.nth(0)).toHaveAccessibleName("Impulse · Word of mouth · emotion \u22123");

  // Exportable: the SVG download is the drawing (with its stages); the PNG is a real PNG.
  await ada.keyboard.press("Escape");
  const [svg] = await Promise.all([ada.waitForEvent("download"), ada.getByTestId("loop-export-svg").click()]);
  expect(svg.suggestedFilename()).toMatch(/-loop\.svg$/);
  const svgText = Buffer.concat(await (await svg.createReadStream()).toArray()).toString("utf8");
  expect(svgText).toContain("<svg");
  expect(svgText).toContain("Recommend");
  const [png] = await Promise.all([ada.waitForEvent("download"), ada.getByTestId("loop-export-png").click()]);
  expect(png.suggestedFilename()).toMatch(/-loop\.png$/);
  const pngBytes = Buffer.concat(await (await png.createReadStream()).toArray());
  expect(pngBytes.subarray(1, 4).toString("latin1")).toBe("PNG");

  // Remembered: the loop view comes back after a reload.
  await ada.reload();
  await expect(ada.getByTestId("loop-view")).toBeVisible();
  await ada.getByTestId("map-view-grid").click();
  await expect(ada.getByTestId("map-grid")).toBeVisible();
});

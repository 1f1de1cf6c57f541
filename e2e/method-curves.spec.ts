// Issue 13, part B ("curves") in a real browser: a map with two personas gets an emotion per persona
// (rated by keyboard after choosing the persona), the legend toggles a persona's curve off and on,
// and the journey outcomes dialog shows the NPS trend pushed through the metrics API. Works in its
// own map (other specs use Acme in parallel).
import type { APIRequestContext } from "@playwright/test";
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 90_000 });

async function createCurvesMap(request: APIRequestContext): Promise<{ id: string; personas: string[] }> {
  const list = await request.get("/api/v1/workspaces/acme/personas");
  expect(list.ok()).toBe(true);
  const personas = ((await list.json()) as { id: string }[]).slice(0, 2).map((p) => p.id);
  expect(personas).toHaveLength(2);
  const created = await request.post("/api/v1/workspaces/acme/maps", { data: { title: "Curves per persona" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const put = await request.put(`/api/v1/maps/${id}`, {
    data: {
      format: "journeyboard.map/v1", title: "Curves per persona", state: "current", personaIds: personas,
      stages: [{ id: "s1", name: "Setup" }],
      touchpoints: [
        { id: "tp-invite", stageId: "s1", title: "Invite team", emotion: 1 },
        { id: "tp-sso", stageId: "s1", title: "SSO setup", emotion: 0 },
      ],
      journeyKpis: [{ id: "nps", name: "NPS", metric: "nps", target: 40 }],
    },
  });
  expect(put.status()).toBe(200);
  const metrics = await request.post(`/api/v1/maps/${id}/metrics`, {
    data: [
      { scope: "journey", kpi: "NPS", value: 18, at: "2026-06-01T09:00:00Z" },
      { scope: "journey", kpi: "NPS", value: 24, at: "2026-07-01T09:00:00Z" },
      { scope: "journey", kpi: "NPS", value: 31, at: "2026-08-01T09:00:00Z" },
    ],
  });
  expect(metrics.status()).toBe(201);
  return { id, personas };
}

test("rate two personas, toggle a curve via the legend, see the NPS trend", async ({ pageAs }) => {
  const page = await pageAs(DEMO.ada);
  const { id, personas: [first, second] } = await createCurvesMap(page.request);
  await page.goto(`/w/acme/maps/${id}`);
  await expect(page.getByTestId("map-grid")).toBeVisible();
  await expect(page.getByTestId("persona-curve-controls")).toBeVisible();

  // Persona 1: SSO setup −3 (keyboard: "-" then "3"); persona 2: +2.
  await page.getByTestId("rate-persona").selectOption(first);
  const sso = page.getByTestId("cell-emotion-tp-sso");
  await sso.focus();
  await page.keyboard.press("-");
  await page.keyboard.press("3");
  await expect(sso).toHaveAttribute("data-score", "-3");
  await page.getByTestId("rate-persona").selectOption(second);
  await expect(sso).toHaveAttribute("data-score", "");
  await sso.focus();
  await page.keyboard.press("2");
  await expect(sso).toHaveAttribute("data-score", "2");
  // The default emotion is untouched.
  await page.getByTestId("rate-persona").selectOption("");
  await expect(sso).toHaveAttribute("data-score", "0");
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "saved");
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/maps/${id}`)).json()) as { touchpoints: { id: string; personaEmotions: Record<string, number> }[] }).touchpoints.find((t) => t.id === "tp-sso")?.personaEmotions)
    .toEqual({ [first]: -3, [second]: 2 });

  // Both curves drawn; persona 1's lowest point is marked and named.
  await expect(page.locator(`[data-testid="persona-point"][data-persona-id="${first}"][data-lowest]`)).toHaveAttribute("data-touchpoint-id", "tp-sso");
  await expect(page.getByTestId("persona-lowest")).toContainText("SSO setup");
  // Legend: toggle persona 2 off and on again.
  const toggle = page.getByTestId(`curve-toggle-${second}`);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId(`persona-curve-${second}`)).toHaveCount(0);
  await expect(page.getByTestId(`persona-curve-${first}`)).toHaveCount(1);
  await toggle.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId(`persona-curve-${second}`)).toHaveCount(1);

  // Journey outcomes: the NPS trend (chart with its table alternative).
  await page.getByTestId("journey-outcomes-button").click();
  const dialog = page.getByTestId("journey-outcomes-dialog");
  await expect(dialog.getByTestId("journey-kpi-name")).toHaveValue("NPS");
  const trend = dialog.getByTestId("journey-kpi-trend");
  await expect(trend.locator(".recharts-line")).toHaveCount(1);
  await trend.getByRole("button", { pressed: false }).first().click();
  await expect(trend.locator("tbody tr")).toHaveCount(3);
  await expect(trend.locator("tbody tr").last()).toContainText("31");
  await expect(dialog.getByTestId("journey-kpi-actual")).toHaveValue("31");
});

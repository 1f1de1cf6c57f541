// Dashboard end to end: filters change the charts and the URL, the table and CSV alternatives,
// a viewer reads it, and another workspace's people never see Acme's data.
import { DEMO, expect, test } from "./fixtures";

type DashboardJson = { overview: { maps: number; touchpoints: number }; emotionByStage: { stage: string }[] };

test("filters change the charts and the URL; table toggle and CSV show the same data", async ({ pageAs }) => {
  const page = await pageAs(DEMO.ada);
  const all = (await (await page.request.get("/api/v1/workspaces/acme/dashboard")).json()) as DashboardJson;
  const future = (await (await page.request.get("/api/v1/workspaces/acme/dashboard?state=future")).json()) as DashboardJson;
  expect(all.overview.maps).toBeGreaterThan(future.overview.maps);
  expect(future.overview.maps).toBeGreaterThan(0);

  // Other specs add maps to Acme while this one runs: the page must show what the API says at the
  // same moment (reloaded until both read the same data).
  const expectSameFiguresAsApi = async (query: string) => {
    await expect(async () => {
      await page.reload();
      const now = (await (await page.request.get(`/api/v1/workspaces/acme/dashboard${query}`)).json()) as DashboardJson;
      await expect(page.getByTestId("overview-maps")).toHaveText(String(now.overview.maps), { timeout: 3_000 });
      await expect(page.getByTestId("overview-touchpoints")).toHaveText(String(now.overview.touchpoints), { timeout: 3_000 });
    }).toPass({ timeout: 45_000 });
  };

  await page.goto("/w/acme/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expectSameFiguresAsApi("");
  // Each card's title is the insight computed from the data.
  await expect(page.getByTestId("insight-emotion-by-stage")).toHaveText(/suffer most|weakest stage/);

  // A filter from the bar: the URL changes and so do the figures.
  await page.getByTestId("filter-state").selectOption("future");
  await expect(page).toHaveURL(/[?&]state=future/);
  // The figures follow the filter without a reload (fewer future maps than maps in all)…
  await expect(page.getByTestId("overview-maps")).not.toHaveText(String(all.overview.maps));
  // …and equal the API's for that filter.
  await expectSameFiguresAsApi("?state=future");

  // Clicking a bar filters by its stage.
  const stage = future.emotionByStage[0].stage;
  // dispatchEvent: the whisker (error bar) may sit over the bar centre where a pointer click lands.
  await page.getByTestId("panel-emotion-by-stage").locator(".recharts-bar-rectangle path").first().dispatchEvent("click");
  await expect(page).toHaveURL(new RegExp(`[?&]stage=${encodeURIComponent(stage).replace(/%20/g, "(\\+|%20)")}`));
  await expect(page).toHaveURL(/[?&]state=future/);
  await expect(page.getByTestId("filter-stage")).toHaveValue(stage);

  // The accessible table shows exactly the filtered stage, and the CSV has the same rows.
  const panel = page.getByTestId("panel-emotion-by-stage");
  await panel.getByRole("button", { name: "Show table" }).click();
  const table = panel.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr").first().locator("td").first()).toHaveText(stage);
  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByTestId("csv-emotion-by-stage").click()]);
  expect(download.suggestedFilename()).toBe("emotion-by-stage.csv");
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, ""));
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toMatch(/^Stage,Average emotion,/);
  expect(lines).toHaveLength(2);
  expect(lines[1].startsWith(stage.includes(",") ? `"${stage}"` : stage)).toBe(true);

  // The filtered view is shareable: reloading the URL keeps it.
  await page.reload();
  await expect(page.getByTestId("filter-state")).toHaveValue("future");
  await expect(page.getByTestId("filter-stage")).toHaveValue(stage);

  await page.getByTestId("filter-clear").click();
  await expect(page).toHaveURL(/\/w\/acme\/dashboard$/);
  await expectSameFiguresAsApi("");
});

test("a viewer sees the dashboard and its API", async ({ pageAs }) => {
  const page = await pageAs(DEMO.vic);
  const response = await page.goto("/w/acme/dashboard");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("panel-emotion-by-stage")).toBeVisible();
  await expect(page.getByTestId("panel-worst-touchpoints")).toBeVisible();
  const api = await page.request.get("/api/v1/workspaces/acme/dashboard?state=current");
  expect(api.status()).toBe(200);
});

test("another workspace's people never see Acme's dashboard or data", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const acmeMaps = (await (await ada.request.get("/api/v1/workspaces/acme/maps")).json()) as { title: string }[];
  expect(acmeMaps.length).toBeGreaterThan(0);

  const oz = await pageAs(DEMO.oz);
  const response = await oz.goto("/w/acme/dashboard");
  expect(response?.status()).toBe(404);
  expect((await oz.request.get("/api/v1/workspaces/acme/dashboard")).status()).toBe(404);

  await oz.goto("/w/globex/dashboard");
  await expect(oz.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const body = await oz.locator("main").innerText();
  for (const map of acmeMaps) expect(body).not.toContain(map.title);
  const globex = (await (await oz.request.get("/api/v1/workspaces/globex/dashboard")).json()) as DashboardJson & Record<string, unknown>;
  const json = JSON.stringify(globex);
  for (const map of acmeMaps) expect(json).not.toContain(map.title);
});

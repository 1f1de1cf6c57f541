// Search everything: Ctrl+K opens the palette from any signed-in page, typing finds a touchpoint by
// its title and another by a word in its activity lane, the arrow keys move, Enter lands on the
// exact cell; the search page lists the results with the match marked and filters by kind.
import { DEMO, expect, test } from "./fixtures";

test("palette: Ctrl+K, type, arrow down, Enter lands on the matching cell; the search page lists and filters", async ({ pageAs }) => {
  const page = await pageAs(DEMO.ada);
  const word = `zorblax${Date.now().toString(36)}`;
  // An own map (other specs share Acme): one touchpoint with the word in its title, one in its activity.
  const created = await page.request.post("/api/v1/workspaces/acme/maps", { data: { title: `Search check ${word}` } });
  expect(created.status()).toBe(201);
  const mapId = ((await created.json()) as { id: string }).id;
  const put = await page.request.put(`/api/v1/maps/${mapId}`, {
    data: {
      format: "journeyboard.map/v1", title: `Search check ${word}`, stages: [{ id: "s1", name: "Intake" }],
      touchpoints: [
        { id: "tp-title", stageId: "s1", title: `${word} intake form` },
        { id: "tp-body", stageId: "s1", title: "Phone follow-up", activity: `Asks for the ${word} reference number` },
      ],
    },
  });
  expect(put.status(), await put.text()).toBe(200);
  // The projection (and with it the index) follows the live document.
  await expect.poll(async () => ((await (await page.request.get(`/api/v1/workspaces/acme/search?q=${word}`)).json()) as { results: unknown[] }).results.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  await page.goto("/w/acme/personas");
  await page.getByTestId("persona-card-link").first().waitFor();
  await page.keyboard.press("Control+k");
  const input = page.getByTestId("palette-input");
  await expect(input).toBeFocused();
  await input.fill(word);
  const results = page.getByTestId("palette-result");
  await expect(results.filter({ hasText: "Phone follow-up" })).toBeVisible();
  // The map's title, then the title hit, then the activity hit (maps group first; title above body).
  const options = page.getByRole("listbox").getByRole("option");
  await expect(options).toHaveCount(3);
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(options.nth(1)).toContainText(`${word} intake form`);
  await expect(options.nth(2)).toContainText("Phone follow-up");
  await expect(options.nth(2).locator("mark")).toHaveText(word);
  await input.press("ArrowDown");
  await input.press("ArrowDown");
  await expect(options.nth(2)).toHaveAttribute("aria-selected", "true");
  await expect(input).toHaveAttribute("aria-activedescendant", (await options.nth(2).getAttribute("id"))!);
  await input.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/w/acme/maps/${mapId}\\?tp=tp-body&lane=activity`));
  await expect(page.getByTestId("cell-activity-tp-body")).toBeFocused({ timeout: 20_000 });

  // Esc closes the palette and gives focus back.
  await page.getByTestId("search-button").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("command-palette")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("command-palette")).toHaveCount(0);
  await expect(page.getByTestId("search-button")).toBeFocused();

  // The search page: every result, the match marked, filters by kind.
  await page.goto(`/w/acme/search?q=${word}`);
  const listed = page.getByTestId("search-result");
  await expect(listed).toHaveCount(3);
  await expect(listed.first()).toHaveAttribute("data-kind", "map");
  await expect(listed.filter({ hasText: "Phone follow-up" }).locator("mark")).toHaveText(word);
  await page.getByTestId("search-filter-touchpoint").click();
  await expect(page).toHaveURL(/kind=touchpoint/);
  await expect(listed).toHaveCount(2);
  await listed.filter({ hasText: `${word} intake form` }).click();
  await expect(page.getByTestId("cell-title-tp-title")).toBeFocused({ timeout: 20_000 });

  await page.request.delete(`/api/v1/maps/${mapId}`);
});

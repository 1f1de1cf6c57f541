// Map versions in the browser: save a named version, change the map, compare the version with now;
// a viewer sees the history but cannot save versions.
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const content = (emotionOfChat: number, extra: object[] = []) => ({
  format: "journeyboard.map/v1",
  title: "History check",
  state: "current",
  stages: [{ id: "discover", name: "Discover" }],
  touchpoints: [
    { id: "tp-ad", stageId: "discover", title: "Ad on a website", emotion: 1, channel: "Website" },
    { id: "tp-chat", stageId: "discover", title: "Support chat", emotion: emotionOfChat, channel: "Chat" },
    ...extra,
  ],
});

test("an editor saves a version, the map changes, and the comparison shows exactly what changed", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const created = await ada.request.post("/api/v1/workspaces/acme/maps", { data: { title: "History check" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await ada.request.put(`/api/v1/maps/${id}`, { data: content(-2) })).status()).toBe(200);

  await ada.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await ada.getByTestId("history-button").click();
  const panel = ada.getByTestId("history-panel");
  await expect(panel.getByTestId("history-empty")).toBeVisible();
  await panel.getByTestId("history-label").fill("Before the workshop");
  await panel.getByTestId("history-save").click();
  await expect(panel.getByTestId("history-version")).toHaveCount(1);
  await expect(panel.getByTestId("history-version")).toContainText("Before the workshop");

  // The workshop improves the chat and adds a touchpoint (through the live document).
  const after = content(1, [{ id: "tp-faq", stageId: "discover", title: "FAQ page", emotion: 2, channel: "Website" }]);
  expect((await ada.request.put(`/api/v1/maps/${id}`, { data: after })).status()).toBe(200);

  await panel.getByTestId("history-compare").click();
  const diff = panel.getByTestId("history-diff");
  await expect(diff.getByTestId("history-added")).toContainText("FAQ page");
  await expect(diff.getByTestId("history-changed")).toContainText("Support chat");
  await expect(diff.getByTestId("history-changed")).toContainText(/[-−]2/);
  await expect(diff.getByTestId("history-average")).toBeVisible();

  // A viewer sees the version and can compare, but has no save form.
  const vic = await pageAs(DEMO.vic);
  await vic.goto(`/w/acme/maps/${id}`);
  await expect(vic.getByTestId("map-grid")).toBeVisible();
  await vic.getByTestId("history-button").click();
  await expect(vic.getByTestId("history-version")).toContainText("Before the workshop");
  await expect(vic.getByTestId("history-save-form")).toHaveCount(0);
});

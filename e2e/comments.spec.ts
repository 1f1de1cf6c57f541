// Comments in the browser: two people on one map see a comment and a reply arrive live (through
// the sync connection), resolving moves a thread out of "Open"; a viewer mentions a department and
// its member finds the comment in the inbox, whose link opens the map at that touchpoint.
import { DEMO, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const content = (title: string) => ({
  format: "journeyboard.map/v1",
  title,
  state: "current",
  stages: [{ id: "onboard", name: "Onboarding" }],
  touchpoints: [
    { id: "tp-mail", stageId: "onboard", title: "Welcome e-mail", emotion: 1, channel: "E-mail", department: "Customer Service" },
    { id: "tp-call", stageId: "onboard", title: "Kick-off call", emotion: -1, channel: "Phone", department: "Sales" },
  ],
});

async function createMap(page: import("@playwright/test").Page, title: string): Promise<string> {
  const created = await page.request.post("/api/v1/workspaces/acme/maps", { data: { title } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await page.request.put(`/api/v1/maps/${id}`, { data: content(title) })).status()).toBe(200);
  return id;
}

test("a comment and a reply appear live for the other person; resolving hides the thread from Open", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const cem = await pageAs(DEMO.cem);
  const id = await createMap(ada, `Comments live ${Date.now()}`);

  await ada.goto(`/w/acme/maps/${id}`);
  await cem.goto(`/w/acme/maps/${id}`);
  await expect(ada.getByTestId("map-grid")).toBeVisible();
  await expect(cem.getByTestId("map-grid")).toBeVisible();
  await cem.getByTestId("comments-button").click();
  const cemPanel = cem.getByTestId("comments-panel");
  await expect(cemPanel.getByTestId("comments-empty")).toBeVisible();

  // Ada comments on the touchpoint through its marker.
  await ada.getByTestId("comment-marker-touchpoint-tp-call").click();
  const adaPanel = ada.getByTestId("comments-panel");
  await expect(adaPanel.getByTestId("comments-anchor")).toContainText("Kick-off call");
  await adaPanel.getByTestId("comment-input").fill("Do we still need this call?");
  await adaPanel.getByTestId("comment-input-submit").click();
  await expect(adaPanel.getByTestId("comment-body")).toContainText("Do we still need this call?");

  // Cem sees it arrive without reloading, with the marker count on the touchpoint.
  const thread = cemPanel.getByTestId("comment-thread").filter({ hasText: "Do we still need this call?" });
  await expect(thread).toBeVisible();
  await expect(thread).toContainText("Kick-off call");
  await expect(cem.getByTestId("comment-marker-touchpoint-tp-call")).toHaveAttribute("data-count", "1");

  // Cem replies; Ada sees the reply live.
  await thread.getByTestId("reply-button").click();
  await thread.getByTestId("reply-input").fill("Yes, for enterprise customers");
  await thread.getByTestId("reply-input-submit").click();
  await expect(adaPanel.getByTestId("comment-reply")).toContainText("Yes, for enterprise customers");
  await expect(ada.getByTestId("comment-marker-touchpoint-tp-call")).toHaveAttribute("data-count", "2");

  // Ada resolves: the thread leaves "Open" for both, and is listed under "Resolved".
  await adaPanel.getByTestId("resolve-button").click();
  await adaPanel.getByTestId("comments-show-all").click();
  await expect(adaPanel.getByTestId("comment-thread")).toHaveCount(0);
  await expect(cemPanel.getByTestId("comment-thread")).toHaveCount(0);
  await cemPanel.getByTestId("comments-tab-resolved").click();
  await expect(cemPanel.getByTestId("comment-thread")).toContainText("Do we still need this call?");
  await expect(cem.getByTestId("comment-marker-touchpoint-tp-call")).toHaveAttribute("data-count", "0");
});

test("a viewer mentions @[Customer Service]; Ben finds it in his inbox and its link opens the touchpoint", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createMap(ada, `Hand-over ${Date.now()}`);
  // Unique at the start: the inbox shows the beginning, and a retry must not find the first attempt's mention.
  const text = `${Date.now().toString(36)} Who follows up after the welcome e-mail?`;

  const vic = await pageAs(DEMO.vic);
  await vic.goto(`/w/acme/maps/${id}`);
  await expect(vic.getByTestId("map-grid")).toBeVisible();
  await expect(vic.getByTestId("map-editor")).toHaveAttribute("data-can-edit", "false");
  await vic.getByTestId("comment-marker-touchpoint-tp-mail").click();
  const panel = vic.getByTestId("comments-panel");
  const input = panel.getByTestId("comment-input");
  await input.fill(`${text} `);
  await input.pressSequentially("@Custom");
  await panel.getByTestId("mention-option-department").filter({ hasText: "Customer Service" }).click();
  await expect(input).toHaveValue(`${text} @[Customer Service] `);
  await panel.getByTestId("comment-input-submit").click();
  await expect(panel.getByTestId("comment-body")).toContainText("@Customer Service");

  // A mention of someone outside the workspace is refused with a clear message; nothing is added.
  await input.fill("Ask @oz@globex.example please");
  await panel.getByTestId("comment-input-submit").click();
  await expect(panel.getByTestId("comment-error")).toContainText("oz@globex.example");
  await expect(panel.getByTestId("comment-thread")).toHaveCount(1);

  const ben = await pageAs(DEMO.ben);
  await ben.goto("/w/acme");
  await expect(ben.getByTestId("inbox-unread").first()).toBeVisible();
  await ben.getByTestId("inbox-bell").first().click();
  const item = ben.getByTestId("inbox-item").filter({ hasText: "Welcome e-mail" }).filter({ hasText: text.slice(0, 30) });
  await expect(item).toHaveAttribute("data-read", "false");
  await expect(item).toHaveAttribute("data-kind", "mention");
  await item.getByTestId("inbox-link").click();

  await ben.waitForURL(new RegExp(`/w/acme/maps/${id}\\?tp=tp-mail&comment=`));
  await expect(ben.getByTestId("comments-panel").getByTestId("comment-thread")).toContainText(text);
  await expect(ben.getByTestId("cell-title-tp-mail")).toBeFocused();
});

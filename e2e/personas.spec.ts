// Personas end to end: live co-editing by two people, read-only viewers, tenant isolation, bad input.
import type { Page } from "@playwright/test";
import { DEMO, expect, test } from "./fixtures";

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function createPersona(page: Page, body: Record<string, unknown>): Promise<string> {
  const res = await page.request.post("/api/v1/workspaces/acme/personas", { data: body });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function openSheet(page: Page, id: string) {
  await page.goto(`/w/acme/personas/${id}`);
  await expect(page.getByTestId("persona-sheet")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
}

test("two editors co-edit a persona live, with presence; the edits are stored and projected", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const ben = await pageAs(DEMO.ben);
  const name = unique("Petra Co-Edit");
  const id = await createPersona(ada, { name, segment: "Daily user" });
  await openSheet(ada, id);
  await openSheet(ben, id);

  // Each sees the other.
  await expect(ada.getByTestId("presence-avatar")).toHaveCount(1);
  await expect(ben.getByTestId("presence-avatar").first()).toHaveAttribute("title", "Ada Lindqvist");

  await ada.getByTestId("persona-quote").fill("I need answers before my next call.");
  await expect(ben.getByTestId("persona-quote")).toHaveValue("I need answers before my next call.");

  await ben.getByTestId("add-painPoints").click();
  await ben.keyboard.type("Search does not find old company names");
  await expect(ada.getByTestId("persona-list-painPoints").getByRole("textbox")).toHaveCount(1);
  await expect(ada.getByTestId("persona-list-painPoints").getByRole("textbox").first()).toHaveValue("Search does not find old company names");
  await expect(ben.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  // Stored: a fresh load and the REST export have both edits; the list shows the projected quote.
  await ada.reload();
  await expect(ada.getByTestId("persona-quote")).toHaveValue("I need answers before my next call.");
  const exported = await (await ada.request.get(`/api/v1/personas/${id}`)).json();
  expect(exported).toMatchObject({ format: "journeyboard.persona/v1", id, name, quote: "I need answers before my next call.", painPoints: ["Search does not find old company names"] });
  await expect
    .poll(async () => ((await (await ada.request.get("/api/v1/workspaces/acme/personas")).json()) as { id: string; quote: string }[]).find((p) => p.id === id)?.quote)
    .toBe("I need answers before my next call.");
  await ada.goto("/w/acme/personas");
  await ada.getByLabel("Search personas").fill(name);
  await expect(ada.getByTestId("persona-card-link")).toHaveText([name]);
});

test("a viewer reads a persona without any edit control, and the server refuses their writes", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createPersona(ada, { name: unique("Viewer Check"), quote: "Read me" });
  const vic = await pageAs(DEMO.vic);
  await vic.goto("/w/acme/personas");
  await expect(vic.getByRole("heading", { name: "Personas", exact: true })).toBeVisible();
  await expect(vic.getByTestId("new-persona")).toHaveCount(0);

  await vic.goto(`/w/acme/personas/${id}`);
  await expect(vic.getByTestId("read-only-note")).toBeVisible();
  await expect(vic.getByTestId("persona-quote")).toHaveValue("Read me");
  await expect(vic.getByTestId("persona-quote")).toHaveAttribute("readonly", "");
  await expect(vic.getByRole("button", { name: /^Add to / })).toHaveCount(0);
  await expect(vic.getByTestId("avatar-input")).toHaveCount(0);
  await expect(vic.getByTestId("delete-persona")).toHaveCount(0);

  expect((await vic.request.post("/api/v1/workspaces/acme/personas", { data: { name: "Nope" } })).status()).toBe(403);
  expect((await vic.request.put(`/api/v1/personas/${id}`, { data: { format: "journeyboard.persona/v1", name: "Hijacked" } })).status()).toBe(403);
  expect((await vic.request.put(`/api/v1/personas/${id}/avatar`, { data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) })).status()).toBe(403);
  expect(((await (await vic.request.get(`/api/v1/personas/${id}`)).json()) as { name: string }).name).toMatch(/^Viewer Check/);
});

test("another workspace gets 404 for a persona, in the UI and the API", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const id = await createPersona(ada, { name: unique("Private Persona") });
  const oz = await pageAs(DEMO.oz);
  expect((await oz.request.get(`/api/v1/personas/${id}`)).status()).toBe(404);
  expect((await oz.request.get(`/api/v1/personas/${id}/avatar`)).status()).toBe(404);
  expect((await oz.request.put(`/api/v1/personas/${id}`, { data: { format: "journeyboard.persona/v1", name: "x" } })).status()).toBe(404);
  expect((await oz.request.get("/api/v1/workspaces/acme/personas")).status()).toBe(404);
  expect((await oz.goto(`/w/acme/personas/${id}`))?.status()).toBe(404);
  expect((await oz.goto(`/w/globex/personas/${id}`))?.status()).toBe(404);
});

test("bad input gets a clear error and changes nothing: over-long fields, oversized avatar", async ({ pageAs }) => {
  const ada = await pageAs(DEMO.ada);
  const before = (await (await ada.request.get("/api/v1/workspaces/acme/personas")).json()) as unknown[];
  const tooLong = await ada.request.post("/api/v1/workspaces/acme/personas", { data: { name: "x".repeat(121) } });
  expect(tooLong.status()).toBe(422);
  expect(((await tooLong.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "invalid_input", message: expect.stringContaining("name") });
  const badList = await ada.request.post("/api/v1/workspaces/acme/personas", { data: { format: "journeyboard.persona/v1", name: "Ok", goals: ["g".repeat(501)] } });
  expect(badList.status()).toBe(422);
  expect((await (await ada.request.get("/api/v1/workspaces/acme/personas")).json()) as unknown[]).toHaveLength(before.length);

  const id = await createPersona(ada, { name: unique("Avatar Check") });
  const put = await ada.request.put(`/api/v1/personas/${id}`, { data: { format: "journeyboard.persona/v1", name: "Fine", quote: "q".repeat(501) } });
  expect(put.status()).toBe(422);
  expect(((await (await ada.request.get(`/api/v1/personas/${id}`)).json()) as { name: string }).name).toMatch(/^Avatar Check/);

  await openSheet(ada, id);
  const big = Buffer.alloc(300 * 1024);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
  await ada.getByTestId("avatar-input").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: big });
  await expect(ada.getByTestId("avatar-error")).toHaveText("The image is larger than 256 KB. Choose a smaller one or compress it.");
  // The server refuses it on its own too, and keeps no image.
  const direct = await ada.request.put(`/api/v1/personas/${id}/avatar`, { data: big });
  expect(direct.status()).toBe(413);
  expect((await ada.request.get(`/api/v1/personas/${id}/avatar`)).status()).toBe(404);
  // Not an image at all.
  await ada.getByTestId("avatar-input").setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("just text") });
  await expect(ada.getByTestId("avatar-error")).toHaveText("This is not a PNG, JPEG or WebP image.");
  // A real small PNG works and is served back.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
  await ada.getByTestId("avatar-input").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await expect(ada.getByTestId("persona-avatar-image")).toBeVisible();
  const served = await ada.request.get(`/api/v1/personas/${id}/avatar`);
  expect(served.headers()["content-type"]).toBe("image/png");
});

// Foundation end to end: accounts, workspaces, invitations, roles, tenant isolation, tokens.
import { request as playwrightRequest, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { linkIn, waitForMail } from "./fixtures/mail";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates an invitation on the members page (as a signed-in owner/admin) and returns the link. */
async function invite(page: Page, slug: string, email: string, role: "viewer" | "editor" | "admin") {
  await page.goto(`/w/${slug}/members`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = page.getByTestId("invitation-link");
  await expect(link).toHaveValue(/\/invite\/jb_inv_/);
  return link.inputValue();
}

/** A new person opens an invitation link in their own browser, signs up from it and joins. */
async function signUpAndJoin(browser: Browser, baseURL: string, link: string, name: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?invitation=/);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create an account" }).click();
  // The sign-up action brings them back to the invitation.
  await expect(page).toHaveURL(/\/invite\/jb_inv_/);
  await page.getByRole("button", { name: /^Join / }).click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  return { context, page };
}

test("sign-up → create workspace → invite → a second person signs up through the link and joins once", async ({ page, browser, baseURL }) => {
  test.slow(); // two people, two sign-ups (memory-hard password hashing) on a shared CI machine
  const founder = `${unique("founder")}@e2e.example`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Fiona Founder");
  await page.getByLabel("E-mail").fill(founder);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  // The address is confirmed through the link in the mail the sign-up sent.
  await page.goto(linkIn(await waitForMail(founder, /Confirm your e-mail/)));
  await page.getByRole("button", { name: "Confirm your e-mail address" }).click();
  await expect(page.getByTestId("verify-done")).toBeVisible();
  await page.goto("/onboarding");

  const slug = unique("initech");
  await page.getByLabel("Workspace name").fill("Initech");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  await expect(page.getByTestId("my-role")).toHaveText("Owner");

  const invitee = `${unique("peter")}@e2e.example`;
  const link = await invite(page, slug, invitee, "editor");
  await expect(page.getByTestId("pending-invitations")).toContainText(invitee);

  const second = await signUpAndJoin(browser, baseURL!, link, "Peter Gibbons");
  await expect(second.page).toHaveURL(new RegExp(`/w/${slug}$`));
  await expect(second.page.getByTestId("workspace-name")).toHaveText("Initech");
  await expect(second.page.getByTestId("my-role")).toHaveText("Editor");

  // The link works once.
  await second.page.goto(link);
  await expect(second.page.getByRole("heading", { name: "Invitation already used" })).toBeVisible();
  await expect(second.page.getByTestId("invitation-error")).toHaveText("This link has already been used.");
  await second.context.close();

  await page.goto(`/w/${slug}/members`);
  await expect(page.getByTestId(`member-${invitee}`)).toBeVisible();
  await expect(page.getByLabel("Role of Peter Gibbons")).toHaveValue("editor");
  await expect(page.getByText("No open invitations.")).toBeVisible();
});

test("a demo user signs in through the form; a wrong password shows the error and signs nobody in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(DEMO.cem);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("E-mail or password is wrong. Check both and try again.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/api/v1/workspaces")).status()).toBe(401);

  // The e-mail is kept; only the password needs retyping.
  await expect(page.getByLabel("E-mail")).toHaveValue(DEMO.cem);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/w\/acme$/);
  await expect(page.getByTestId("my-role")).toHaveText("Editor");
});

test("a viewer sees no edit controls; promoted to admin, they get them after a reload", async ({ pageAs, browser, baseURL }) => {
  test.slow();
  const ada = await pageAs(DEMO.ada);
  const email = `${unique("vera")}@e2e.example`;
  const link = await invite(ada, "acme", email, "viewer");
  const { context, page: vera } = await signUpAndJoin(browser, baseURL!, link, "Vera Viewer");
  await expect(vera.getByTestId("my-role")).toHaveText("Viewer");

  await vera.goto("/w/acme/members");
  await expect(vera.getByTestId("members-read-only")).toBeVisible();
  await expect(vera.getByTestId(`member-${email}`)).toBeVisible();
  await expect(vera.getByRole("combobox")).toHaveCount(0);
  await expect(vera.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
  await expect(vera.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await vera.goto("/w/acme/settings");
  await expect(vera.getByTestId("workspace-name-read-only")).toContainText("Acme");
  await expect(vera.getByTestId("departments-read-only")).toContainText("Marketing");
  await expect(vera.getByRole("textbox")).toHaveCount(0);
  await expect(vera.getByRole("button", { name: /Rename|Delete|Add department/ })).toHaveCount(0);
  await expect(vera.getByRole("heading", { name: "Audit log" })).toHaveCount(0);

  await ada.goto("/w/acme/members");
  await ada.getByLabel("Role of Vera Viewer").selectOption("admin");
  await expect(ada.getByLabel("Role of Vera Viewer")).toHaveValue("admin");

  await vera.reload();
  await expect(vera.getByTestId("my-role")).toHaveText("Admin");
  await expect(vera.getByLabel("Workspace name")).toHaveValue("Acme");
  await vera.goto("/w/acme/members");
  await expect(vera.getByRole("button", { name: "Create invitation" })).toBeVisible();
  await expect(vera.getByLabel("Role of Ben Okafor")).toBeVisible();
  // Admins manage everyone except owners.
  await expect(vera.getByLabel("Role of Ada Lindqvist")).toHaveCount(0);

  // The owner's audit log shows the change, translated.
  await ada.goto("/w/acme/settings");
  await expect(ada.getByTestId("audit-log")).toContainText("Changed a role");
  await expect(ada.getByTestId("audit-log")).toContainText("Viewer → Admin");
  await context.close();
});

test("a forged server-action call from a viewer is refused and changes nothing", async ({ pageAs, baseURL }) => {
  // Capture the real action call an owner's browser would send, without letting it through.
  const ada = await pageAs(DEMO.ada);
  await ada.goto("/w/acme/members");
  let captured: { id: string; body: string; contentType: string } | null = null;
  await ada.route("**/w/acme/members", async (route) => {
    const req = route.request();
    const id = req.headers()["next-action"];
    if (req.method() === "POST" && id) {
      captured = { id, body: req.postData() ?? "", contentType: req.headers()["content-type"] ?? "text/plain;charset=UTF-8" };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await ada.getByLabel("Role of Ben Okafor").selectOption("admin");
  await expect.poll(() => captured).not.toBeNull();
  const forged = captured!;
  expect(forged.body).toContain('"role":"admin"');

  const vic = await pageAs(DEMO.vic);
  const response = await vic.request.post("/w/acme/members", {
    headers: { "Next-Action": forged.id, "Content-Type": forged.contentType, Accept: "text/x-component", Origin: baseURL! },
    data: forged.body,
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('"code":"forbidden"');

  const ben = await pageAs(DEMO.ben);
  expect(await (await ben.request.get("/api/v1/workspaces")).json()).toEqual([{ slug: "acme", name: "Acme", role: "editor" }]);
  // The REST API refuses a viewer's write too.
  const post = await vic.request.post("/api/v1/workspaces/acme/maps", { data: { title: "Forged map" } });
  expect(post.status()).toBe(403);
});

test("a user of another workspace gets 404 for Acme's pages and API", async ({ pageAs }) => {
  const oz = await pageAs(DEMO.oz);
  for (const path of ["/w/acme", "/w/acme/members", "/w/acme/settings", "/w/acme/maps"]) {
    const response = await oz.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(oz.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  for (const path of ["/api/v1/workspaces/acme/maps", "/api/v1/workspaces/acme/personas", "/api/v1/workspaces/acme/dashboard"]) {
    const response = await oz.request.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  }
  expect((await oz.request.post("/api/v1/workspaces/acme/maps", { data: { title: "Intruder" } })).status()).toBe(404);
  // Same request, Acme member: it exists.
  const ada = await pageAs(DEMO.ada);
  expect((await ada.request.get("/api/v1/workspaces/acme/maps")).status()).toBe(200);
});

test("a personal access token is shown once, works as a bearer for the API, and stops working when revoked", async ({ pageAs, baseURL }) => {
  const oz = await pageAs(DEMO.oz);
  await oz.goto("/account");
  const name = unique("ci");
  await oz.getByPlaceholder("e.g. Weekly KPI import").fill(name);
  await oz.getByLabel("Expires after").selectOption("30");
  await oz.getByRole("button", { name: "Create token" }).click();
  const token = await oz.getByTestId("token-value").inputValue();
  expect(token).toMatch(/^jb_pat_/);
  await expect(oz.getByTestId("tokens-table")).toContainText(name);

  const api = await playwrightRequest.newContext({ baseURL });
  const auth = { Authorization: `Bearer ${token}` };
  const mine = await api.get("/api/v1/workspaces", { headers: auth });
  expect(mine.status()).toBe(200);
  expect(await mine.json()).toEqual([{ slug: "globex", name: "Globex", role: "owner" }]);
  expect((await api.get("/api/v1/workspaces/acme/maps", { headers: auth })).status()).toBe(404);

  // After a reload the secret is gone from the page; only the prefix remains.
  await oz.reload();
  await expect(oz.getByTestId("token-value")).toHaveCount(0);
  await expect(oz.getByTestId("tokens-table")).toContainText(token.slice(0, 11));
  await oz.getByRole("button", { name: `Revoke ${name}` }).click();
  await oz.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(oz.getByTestId("tokens-table").getByText(name)).toHaveCount(0);

  const after = await api.get("/api/v1/workspaces", { headers: auth });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("unauthenticated");
  await api.dispose();
});

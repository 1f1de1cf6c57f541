// Single sign-on end to end against the real OpenID Connect provider the test run starts
// (e2e/fixtures/oidc-idp-server.ts: its dev login form takes any login, which becomes the e-mail).
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, test } from "./fixtures";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Signs in through the app's SSO button and the IdP's login (and, first time, consent) pages.
 * `start` leads from a blank page to the sign-in page (default: open it directly).
 */
async function signInWithSso(browser: Browser, baseURL: string, email: string, start?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  if (start) await start(page);
  else await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The IdP asks for consent the first time this account authorises the client.
  const consent = page.getByRole("button", { name: "Continue" });
  const onApp = () => page.url().startsWith(`${baseURL}/`);
  await expect(async () => expect(onApp() || (await consent.isVisible())).toBe(true)).toPass();
  if (!onApp()) await consent.click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/`));
  return page;
}

test("a first SSO sign-in creates the user from the verified e-mail; the domain rule lets them join as viewer", async ({ pageAs, browser, baseURL }) => {
  test.slow(); // three people and two round trips through the identity provider
  const domain = `${unique("sso")}.example`;
  const ada = await pageAs(DEMO.ada);
  await ada.goto("/w/acme/settings");
  await ada.getByLabel("Anyone with a verified e-mail address at this domain may join").check();
  await ada.getByLabel("E-mail domain").fill(domain);
  // The settings page has more than one "Save" (discussion settings): the join-domain form's own.
  await ada.locator("form").filter({ has: ada.getByLabel("E-mail domain") }).getByRole("button", { name: "Save", exact: true }).click();
  await expect(ada.getByText("Saved", { exact: true })).toBeVisible();

  const newcomer = await signInWithSso(browser, baseURL!, `nora.newcomer@${domain}`);
  await expect(newcomer).toHaveURL(/\/onboarding$/);
  const joinable = newcomer.getByTestId("joinable-workspaces");
  await expect(joinable).toContainText("Acme");
  await joinable.getByRole("button", { name: "Join Acme" }).click();
  await expect(newcomer).toHaveURL(/\/w\/acme$/);
  await expect(newcomer.getByTestId("my-role")).toHaveText("Viewer");
  // Name from the IdP's profile.
  await expect(newcomer.getByText("Nora Newcomer", { exact: true })).toBeVisible();

  // Switching the rule off again: a second SSO user of the domain sees nothing to join.
  await ada.reload();
  await ada.getByLabel("Anyone with a verified e-mail address at this domain may join").uncheck();
  await expect(ada.getByText("Saved", { exact: true })).toBeVisible();
  await expect(ada.getByTestId("audit-log")).toContainText("Changed the join domain");
  await ada.reload();
  await expect(ada.getByLabel("Anyone with a verified e-mail address at this domain may join")).not.toBeChecked();
  const late = await signInWithSso(browser, baseURL!, `larry.late@${domain}`);
  await expect(late).toHaveURL(/\/onboarding$/);
  await expect(late.getByTestId("joinable-workspaces")).toHaveCount(0);
  await newcomer.context().close();
  await late.context().close();
});

// Linking by e-mail happens only for local accounts whose address WE verified (the demo accounts
// are); an unverified one is claimed instead — e2e/security-auth.spec.ts attacks that path.
test("SSO with the e-mail of an existing, verified local account links it instead of creating a second user", async ({ pageAs, browser, baseURL }) => {
  test.slow();
  const cem = await signInWithSso(browser, baseURL!, DEMO.cem);
  // The existing account: its workspace, its role, its name.
  await expect(cem).toHaveURL(/\/w\/acme$/);
  await expect(cem.getByTestId("my-role")).toHaveText("Editor");
  await expect(cem.getByText("Cem Yilmaz", { exact: true })).toBeVisible();
  await cem.context().close();

  const ada = await pageAs(DEMO.ada);
  await ada.goto("/w/acme/members");
  await expect(ada.getByTestId(`member-${DEMO.cem}`)).toHaveCount(1);
  await ada.goto("/w/acme/settings");
  await expect(ada.getByTestId("audit-log")).toContainText("Linked a single sign-on account");
  await expect(ada.getByTestId("audit-log")).toContainText("with single sign-on");

  // The password still works for the same account.
  const again = await pageAs(DEMO.cem);
  expect(await (await again.request.get("/api/v1/workspaces")).json()).toEqual([{ slug: "acme", name: "Acme", role: "editor" }]);
});

test("an invited person signs in through SSO from the invitation link and joins with the invited role", async ({ pageAs, browser, baseURL }) => {
  test.slow();
  const ada = await pageAs(DEMO.ada);
  const email = `${unique("sam")}@partner.example`;
  await ada.goto("/w/acme/members");
  await ada.getByLabel("E-mail").fill(email);
  await ada.getByLabel("Role", { exact: true }).selectOption("editor");
  await ada.getByLabel("Department", { exact: true }).selectOption({ label: "Sales" });
  await ada.getByRole("button", { name: "Create invitation" }).click();
  const link = await ada.getByTestId("invitation-link").inputValue();

  const sam = await signInWithSso(browser, baseURL!, email, async (page) => {
    await page.goto(link);
    await expect(page.getByTestId("invitation-role")).toHaveText("You will join as Editor in Sales.");
    await page.getByRole("link", { name: "Sign in to accept" }).click();
  });
  // Back on the invitation, now signed in.
  await expect(sam).toHaveURL(/\/invite\/jb_inv_/);
  await expect(sam.getByText(`Signed in as ${email}.`)).toBeVisible();
  await sam.getByRole("button", { name: "Join Acme" }).click();
  await expect(sam).toHaveURL(/\/w\/acme$/);
  await expect(sam.getByTestId("my-role")).toHaveText("Editor");
  await sam.context().close();

  await ada.goto("/w/acme/members");
  await expect(ada.getByTestId(`member-${email}`).getByRole("combobox", { name: /^Role of/ })).toHaveValue("editor");
  await expect(ada.getByTestId(`member-${email}`).getByRole("combobox", { name: /^Department of/ }).locator("option:checked")).toHaveText("Sales");
});

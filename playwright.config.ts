// Browser tests: Debian's Chromium against the real server (built app, embedded PostgreSQL in a
// fresh data directory, demo workspace seeded) and a real OpenID Connect provider for SSO.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Chosen once in the main process; workers inherit the environment and re-read the same values.
const randomPort = () => String(20_000 + Math.floor(Math.random() * 30_000));
process.env.E2E_PORT ??= randomPort();
process.env.E2E_IDP_PORT ??= randomPort();
process.env.E2E_SMTP_PORT ??= randomPort();
process.env.E2E_SMTP_HTTP_PORT ??= randomPort();
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "journeyboard-e2e-"));

const baseURL = `http://localhost:${process.env.E2E_PORT}`;
const issuer = `http://localhost:${process.env.E2E_IDP_PORT}`;
const distDir = process.env.NEXT_DIST_DIR || ".next";

export const E2E_OIDC = { issuer, clientId: "journeyboard-e2e", clientSecret: "journeyboard-e2e-secret", name: "Acme SSO" };

const chromiumArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: chromiumArgs } } }],
  webServer: [
    {
      command: "npx tsx e2e/fixtures/oidc-idp-server.ts",
      url: `${issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      stdout: "pipe",
      // The app is reached as localhost and as 127.0.0.1 (e2e/security-auth.spec.ts): register both callbacks.
      env: {
        IDP_PORT: process.env.E2E_IDP_PORT!, IDP_CLIENT_ID: E2E_OIDC.clientId, IDP_CLIENT_SECRET: E2E_OIDC.clientSecret,
        IDP_REDIRECT_URI: `${baseURL}/api/auth/callback/oidc,http://127.0.0.1:${process.env.E2E_PORT}/api/auth/callback/oidc`,
      },
    },
    {
      // A real SMTP server: the app sends verification, reset and invitation mails; specs read them.
      command: "npx tsx e2e/fixtures/smtp-server.ts",
      url: `http://127.0.0.1:${process.env.E2E_SMTP_HTTP_PORT}/health`,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { SMTP_PORT: process.env.E2E_SMTP_PORT!, SMTP_HTTP_PORT: process.env.E2E_SMTP_HTTP_PORT! },
    },
    {
      command: "npx tsx server.ts",
      url: `${baseURL}/api/auth/providers`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        PORT: process.env.E2E_PORT!,
        DATA_DIR: process.env.E2E_DATA_DIR!,
        DATABASE_URL: "",
        // One process, a fresh PGlite: login throttling counts in its own table. With the machine's
        // Redis it would count across test runs (20 sign-ups per IP and hour), and the next run would fail.
        REDIS_URL: "",
        DEMO: "1",
        // The specs expect the English demo whatever the machine's LANG (a German one would seed it in German).
        DEMO_LOCALE: "en",
        AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
        AUTH_OIDC_ISSUER: issuer,
        AUTH_OIDC_ID: E2E_OIDC.clientId,
        AUTH_OIDC_SECRET: E2E_OIDC.clientSecret,
        AUTH_OIDC_NAME: E2E_OIDC.name,
        // e2e/share-versions.spec.ts watches a share link expire within seconds.
        SHARE_LINK_MIN_EXPIRY_MINUTES: "0",
        SMTP_URL: `smtp://mailer:e2e-mail-secret@127.0.0.1:${process.env.E2E_SMTP_PORT}?tls=off`,
        MAIL_FROM: "Journeyboard E2E <e2e@journeyboard.test>",
      },
    },
  ],
});

// Authorisation of the upgrade: credentials, Origin, document name, workspace and membership.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyMaps, personalAccessTokens } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import {
  closeCodeOf, connectClient, connectRaw, createAccessToken, createMapRow, createPersonaRow, createStakeholderMapRow,
  sessionCookie, startTestCollab, waitFor, waitForSync, type TestCollab,
} from "@/test/collab-server";
import { CloseCode } from "./close-codes";
import { isOriginAllowed, parseAllowedOrigins } from "./upgrade";

// Creating a database runs every migration: slow on a busy machine, so hooks get more than the default.
const SETUP_TIMEOUT = 180_000;

describe("origin rule", () => {
  it("accepts the request's own host (http or https) and configured origins only", () => {
    const allowed = parseAllowedOrigins("https://journeys.example.com, http://proxy.local:8080/");
    expect(isOriginAllowed("http://localhost:3000", "localhost:3000", [])).toBe(true);
    expect(isOriginAllowed("https://LOCALHOST:3000", "localhost:3000", [])).toBe(true);
    expect(isOriginAllowed("http://127.0.0.1:3000", "localhost:3000", [])).toBe(false);
    expect(isOriginAllowed("https://journeys.example.com", "internal:3000", allowed)).toBe(true);
    expect(isOriginAllowed("http://proxy.local:8080", "internal:3000", allowed)).toBe(true);
    expect(isOriginAllowed("https://evil.example", "localhost:3000", allowed)).toBe(false);
    expect(isOriginAllowed("null", "localhost:3000", allowed)).toBe(false);
    expect(isOriginAllowed("file://x", "localhost:3000", allowed)).toBe(false);
  });
});

describe.each(testDrivers)("collab upgrade (%s)", { timeout: 120_000 }, (driver) => {
  let tdb: TestDatabase;
  let collab: TestCollab;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let other: Awaited<ReturnType<typeof createTeam>>;
  let map: { id: string; docName: string };

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    // A short re-check interval so that revocations reach open connections within the test.
    collab = await startTestCollab(tdb.db, { allowedOrigins: ["https://app.example.com"], timings: { accessRecheckMs: 250 } });
    team = await createTeam(tdb.db);
    other = await createTeam(tdb.db);
    map = await createMapRow(tdb.db, team.workspace.id);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await collab?.close();
    await tdb?.close();
  }, SETUP_TIMEOUT);

  it("closes with 4401 without credentials, with a forged cookie and with an unknown token", async () => {
    expect(await closeCodeOf(collab.url, map.docName, {})).toBe(CloseCode.unauthenticated);
    expect(await closeCodeOf(collab.url, map.docName, { cookie: "authjs.session-token=forged" })).toBe(CloseCode.unauthenticated);
    expect(await closeCodeOf(collab.url, map.docName, { bearer: "jb_unknown" })).toBe(CloseCode.unauthenticated);
    expect(await closeCodeOf(collab.url, map.docName, { queryToken: "jb_unknown" })).toBe(CloseCode.unauthenticated);
  });

  it("closes with 4403 for another workspace's document, an unknown document and a malformed name", async () => {
    const outsider = await sessionCookie(other.owner.id);
    expect(await closeCodeOf(collab.url, map.docName, { cookie: outsider })).toBe(CloseCode.forbidden);
    const owner = await sessionCookie(team.owner.id);
    expect(await closeCodeOf(collab.url, "map:00000000-0000-4000-8000-000000000000", { cookie: owner })).toBe(CloseCode.forbidden);
    for (const bad of ["map:not-a-uuid", "maps:" + map.id, "map", "map:" + map.id + "/x", "%E0%A4%A", "x".repeat(500)]) {
      expect(await closeCodeOf(collab.url, bad, { cookie: owner }), bad).toBe(CloseCode.forbidden);
    }
    // A persona id under the map prefix is not that map.
    const persona = await createPersonaRow(tdb.db, team.workspace.id);
    expect(await closeCodeOf(collab.url, `map:${persona.id}`, { cookie: owner })).toBe(CloseCode.forbidden);
  });

  it("refuses a soft-deleted document", async () => {
    const gone = await createMapRow(tdb.db, team.workspace.id);
    await tdb.db.update(journeyMaps).set({ deletedAt: new Date() }).where(eq(journeyMaps.id, gone.id));
    expect(await closeCodeOf(collab.url, gone.docName, { cookie: await sessionCookie(team.owner.id) })).toBe(CloseCode.forbidden);
  });

  it("refuses a foreign Origin and accepts the own host and configured origins", async () => {
    const cookie = await sessionCookie(team.owner.id);
    expect(await closeCodeOf(collab.url, map.docName, { cookie, origin: "https://evil.example" })).toBe(CloseCode.forbidden);
    expect(collab.logs.some((l) => l.event === "upgrade_refused" && l.fields.reason === "origin not allowed")).toBe(true);

    for (const origin of [`http://127.0.0.1:${collab.port}`, "https://app.example.com"]) {
      const c = connectClient(collab.url, map.docName, { cookie, origin });
      await waitForSync(c);
      c.destroy();
    }
  });

  it("accepts a bearer token in the Authorization header and in ?token=, for every document kind", async () => {
    const { token } = await createAccessToken(tdb.db, team.editor.id);
    const persona = await createPersonaRow(tdb.db, team.workspace.id);
    const stakeholders = await createStakeholderMapRow(tdb.db, team.workspace.id);
    const viaHeader = connectClient(collab.url, map.docName, { bearer: token });
    const viaQuery = connectClient(collab.url, persona.docName, { queryToken: token });
    const third = connectClient(collab.url, stakeholders.docName, { queryToken: token });
    await waitForSync(viaHeader);
    await waitForSync(viaQuery);
    await waitForSync(third);
    // The token never reaches the log.
    expect(JSON.stringify(collab.logs)).not.toContain(token);
    for (const c of [viaHeader, viaQuery, third]) c.destroy();
  });

  it("refuses a revoked token, and closes open connections of a token once it is revoked", async () => {
    const { token, id } = await createAccessToken(tdb.db, team.editor.id);
    const open = connectRaw(collab.url, map.docName, { bearer: token });
    await open.opened;
    await waitFor(() => open.messages.length > 0, "server greets");
    await tdb.db.update(personalAccessTokens).set({ revokedAt: new Date() }).where(eq(personalAccessTokens.id, id));
    expect(await closeCodeOf(collab.url, map.docName, { bearer: token })).toBe(CloseCode.unauthenticated);
    expect(await closeCodeOf(collab.url, map.docName, { queryToken: token })).toBe(CloseCode.unauthenticated);
    // The periodic re-check closes the connection that was opened with it.
    expect((await open.closed).code).toBe(CloseCode.unauthenticated);
  });
});

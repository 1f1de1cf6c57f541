// Integration (both drivers): designing the future state of a current map, the pair link, the
// side-by-side comparison through the REST API, authorisation, and unlinking on delete.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createTeam, createUser } from "@/test/factories";
import { createPersona } from "@/test/map-factory";
import { setDatabase } from "@/db/client";
import { mapPairs, mapTouchpoints } from "@/db/schema";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { createMap } from "@/lib/maps/create-map";
import { deleteMap } from "@/lib/maps/delete-map";
import { restoreMap } from "@/lib/maps/restore-map";
import { editMapDocument, readMapDocument } from "@/lib/maps/map-documents";
import { onMapChanged } from "@/lib/maps/project-map";
import { readMap, setEmotion, setFutureStatus, setPersonaIds } from "@/lib/maps/map-document";
import { designFutureState } from "./design-future-state";
import { findMapPair, listMapPairs } from "./pairs";
import { getCurrentVsFuture } from "@/lib/dashboard/current-vs-future";

vi.mock("server-only", () => ({}));
const pairRoute = await import("@/app/api/v1/maps/[id]/future-state/route");
const mapRoute = await import("@/app/api/v1/maps/[id]/route");

const call = (handler: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>, method: string, id: string, token: string, body?: unknown) =>
  handler(
    new Request(`http://localhost/api/v1/maps/${id}/future-state`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }),
    { params: Promise.resolve({ id }) },
  );

describe.each(testDrivers)("current ⇄ future pair on %s", (driver) => {
  let t: TestDatabase;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let tokens: { editor: string; viewer: string; outsider: string };

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    team = await createTeam(t.db);
    const outsider = await createUser(t.db);
    const elsewhere = await createTeam(t.db);
    await addMember(t.db, elsewhere.workspace.id, outsider.id, "owner");
    const tok = async (userId: string) => (await createAccessToken(t.db, { userId, name: "test", expiresInDays: 30 })).token;
    tokens = { editor: await tok(team.editor.id), viewer: await tok(team.viewer.id), outsider: await tok(outsider.id) };
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  async function currentMap() {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Onboarding", template: "saas-b2b", locale: "en" });
    const persona = await createPersona(t.db, team.workspace.id, { name: "Admin Anna" });
    await editMapDocument(t.db, team.workspace.id, map.id, (doc) => setPersonaIds(doc, [persona.id]));
    return { map, personaId: persona.id };
  }

  it("creates a linked future map: links, personas, stages; a second call returns the same future", async () => {
    const { map, personaId } = await currentMap();
    const current = readMap(await readMapDocument(t.db, team.workspace.id, map.id));
    const first = await designFutureState(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.editor.id, title: "Onboarding – future" });
    expect(first.created).toBe(true);
    const future = readMap(await readMapDocument(t.db, team.workspace.id, first.futureMapId));
    expect(future).toMatchObject({ state: "future", title: "Onboarding – future", personaIds: [personaId] });
    expect(future.stages.map((s) => [s.id, s.name])).toEqual(current.stages.map((s) => [s.id, s.name]));
    expect(future.touchpoints.map((tp) => tp.sourceTouchpointId)).toEqual(current.touchpoints.map((tp) => tp.id));
    expect(future.touchpoints.every((tp) => tp.futureStatus === "idea" && !current.touchpoints.some((c) => c.id === tp.id))).toBe(true);
    // The projection knows the statuses (for the dashboard panel).
    const projected = await t.db.select({ s: mapTouchpoints.futureStatus }).from(mapTouchpoints).where(eq(mapTouchpoints.mapId, first.futureMapId));
    expect(projected.map((r) => r.s)).toEqual(future.touchpoints.map(() => "idea"));

    const again = await designFutureState(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.editor.id, title: "Another" });
    expect(again).toEqual({ futureMapId: first.futureMapId, created: false });
    // Asked from the future side: the same future map.
    expect(await designFutureState(t.db, { workspaceId: team.workspace.id, mapId: first.futureMapId, userId: team.editor.id, title: "x" })).toEqual(again);
    expect(await findMapPair(t.db, team.workspace.id, map.id)).toMatchObject({ role: "current", pairedMapId: first.futureMapId });
    expect(await findMapPair(t.db, team.workspace.id, first.futureMapId)).toMatchObject({ role: "future", pairedMapId: map.id, pairedMapTitle: "Onboarding" });
  });

  it("REST: editors design, viewers read the comparison but cannot design, another workspace gets 404", async () => {
    const { map } = await currentMap();
    expect((await call(pairRoute.POST, "POST", map.id, tokens.viewer)).status).toBe(403);
    expect((await call(pairRoute.POST, "POST", map.id, tokens.outsider)).status).toBe(404);
    expect((await call(pairRoute.GET, "GET", map.id, tokens.viewer)).status).toBe(404); // not paired yet
    expect(await listMapPairs(t.db, team.workspace.id)).not.toContainEqual(expect.objectContaining({ currentMapId: map.id }));

    const created = await call(pairRoute.POST, "POST", map.id, tokens.editor, { title: "Future via API" });
    expect(created.status).toBe(201);
    const { futureMapId } = (await created.json()) as { futureMapId: string };
    const second = await call(pairRoute.POST, "POST", map.id, tokens.editor);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ futureMapId, created: false });

    // Change an emotion and a status in the future map; the comparison shows it.
    const future = readMap(await readMapDocument(t.db, team.workspace.id, futureMapId));
    const target = future.touchpoints[0];
    const before = target.emotion;
    const after = before === 3 ? -3 : 3;
    await editMapDocument(t.db, team.workspace.id, futureMapId, (doc) => {
      setEmotion(doc, target.id, after);
      setFutureStatus(doc, target.id, "live");
    });
    const doc = await readMapDocument(t.db, team.workspace.id, futureMapId);
    await onMapChanged(t.db, `map:${futureMapId}`, doc, { workspaceId: team.workspace.id, userIds: [team.editor.id] });

    const res = await call(pairRoute.GET, "GET", futureMapId, tokens.viewer);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { current: { id: string }; future: { id: string }; comparison: { counts: Record<string, number>; touchpoints: { kind: string; futureId: string; emotion: unknown }[]; progress: { live: number } } };
    expect(body.current.id).toBe(map.id);
    expect(body.future.id).toBe(futureMapId);
    expect(body.comparison.touchpoints.find((x) => x.futureId === target.id)).toMatchObject({ kind: "changed", emotion: { before, after } });
    expect(body.comparison.counts).toMatchObject({ changed: 1, added: 0, removed: 0 });
    expect(body.comparison.progress.live).toBe(1);
    expect((await call(pairRoute.GET, "GET", futureMapId, tokens.outsider)).status).toBe(404);

    // GET /maps/{id} names the other map of the pair.
    const got = await call(mapRoute.GET, "GET", map.id, tokens.viewer);
    expect(((await got.json()) as { pairedMapId: string }).pairedMapId).toBe(futureMapId);

    // Dashboard panel data: this pair with both averages and the live share.
    const panel = await getCurrentVsFuture(t.db, team.workspace.id);
    const row = panel.pairs.find((p) => p.currentMapId === map.id)!;
    expect(row).toMatchObject({ futureMapId, futureTitle: "Future via API", live: 1, total: future.touchpoints.length });
    expect(row.liveShare).toBeCloseTo(1 / future.touchpoints.length);
    expect(typeof row.currentAverage).toBe("number");
  });

  it("deleting either map unlinks; a restored map comes back unpaired; a new future can be designed", async () => {
    const { map } = await currentMap();
    const { futureMapId } = await designFutureState(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.editor.id, title: "F1" });
    await deleteMap(t.db, { workspaceId: team.workspace.id, mapId: futureMapId, userId: team.editor.id });
    expect(await t.db.select().from(mapPairs).where(eq(mapPairs.currentMapId, map.id))).toEqual([]);
    expect(await findMapPair(t.db, team.workspace.id, map.id)).toBeNull();
    await restoreMap(t.db, { workspaceId: team.workspace.id, mapId: futureMapId, userId: team.editor.id });
    expect(await findMapPair(t.db, team.workspace.id, futureMapId)).toBeNull();

    const next = await designFutureState(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.editor.id, title: "F2" });
    expect(next.created).toBe(true);
    expect(next.futureMapId).not.toBe(futureMapId);
    await deleteMap(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.editor.id });
    expect(await t.db.select().from(mapPairs).where(eq(mapPairs.futureMapId, next.futureMapId))).toEqual([]);
    expect(await findMapPair(t.db, team.workspace.id, next.futureMapId)).toBeNull();
  });

  it("a future-state map that is not paired cannot get a future of its own", async () => {
    const { map } = await currentMap();
    const { futureMapId } = await designFutureState(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.editor.id, title: "F" });
    await deleteMap(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.editor.id });
    await expect(designFutureState(t.db, { workspaceId: team.workspace.id, mapId: futureMapId, userId: team.editor.id, title: "FF" })).rejects.toMatchObject({ code: "conflict" });
  });
});

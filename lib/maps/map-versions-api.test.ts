// Integration: the versions REST API (CONTRACT §8) on real databases and a real sync service at
// port 0 — save/list/get with roles and workspace scoping, compare two versions (touchpoints, text
// lanes, pain points, opportunities, KPIs), restore through the live document (a connected
// y-websocket client sees it; the state before is saved as a version), and the daily version job.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createTeam, createUser } from "@/test/factories";
import { connectClient, sessionCookie, startTestCollab, waitFor, type TestCollab } from "@/test/collab-server";
import { setDatabase } from "@/db/client";
import { journeyMaps, mapVersions } from "@/db/schema";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { createMap } from "./create-map";
import { addKpi, addOpportunity, addPainPoint, addTouchpoint, readMap, removeTouchpoint, setEmotion, setTitle, updateTouchpointField, type MapExportOutput } from "./map-document";
import { editMapDocument } from "./map-documents";
import { compareMapVersions } from "./map-versions";
import { saveDailyVersions } from "./save-daily-versions";

vi.mock("server-only", () => ({}));

const versionsRoute = await import("@/app/api/v1/maps/[id]/versions/route");
const versionRoute = await import("@/app/api/v1/maps/[id]/versions/[versionId]/route");
const restoreRoute = await import("@/app/api/v1/maps/[id]/versions/[versionId]/restore/route");

function request(method: string, url: string, token: string, body?: unknown) {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = <P,>(p: P) => ({ params: Promise.resolve(p) });

describe.each(testDrivers)("map versions REST API on %s", (driver) => {
  let t: TestDatabase;
  let collab: TestCollab;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let tokens: { editor: string; viewer: string; outsider: string };

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    // Registered: REST edits go through this live service, as in the app.
    collab = await startTestCollab(t.db, { register: true });
    team = await createTeam(t.db);
    const outsider = await createUser(t.db);
    const elsewhere = await createTeam(t.db);
    await addMember(t.db, elsewhere.workspace.id, outsider.id, "owner");
    const tok = async (userId: string) => (await createAccessToken(t.db, { userId, name: "test", expiresInDays: 30 })).token;
    tokens = { editor: await tok(team.editor.id), viewer: await tok(team.viewer.id), outsider: await tok(outsider.id) };
  }, 180_000);
  afterAll(async () => {
    await collab?.close();
    await t?.close();
  });

  async function saveVersion(mapId: string, name: string, token = tokens.editor) {
    return versionsRoute.POST(request("POST", `/api/v1/maps/${mapId}/versions`, token, { name }), params({ id: mapId }));
  }

  it("saves, lists and reads versions; viewers read only; other workspaces 404", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Shop", template: "ecommerce" });
    const created = await saveVersion(map.id, "Workshop");
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await saveVersion(map.id, "x", tokens.viewer)).status).toBe(403);
    expect((await saveVersion(map.id, "x", tokens.outsider)).status).toBe(404);
    expect((await saveVersion(map.id, "  ")).status).toBe(422);

    const list = await (await versionsRoute.GET(request("GET", `/api/v1/maps/${map.id}/versions`, tokens.viewer), params({ id: map.id }))).json();
    expect(list).toEqual([expect.objectContaining({ id, name: "Workshop", kind: "named", createdByName: "Editor" })]);
    expect((await versionsRoute.GET(request("GET", `/api/v1/maps/${map.id}/versions`, tokens.outsider), params({ id: map.id }))).status).toBe(404);

    const got = await versionRoute.GET(request("GET", `/api/v1/maps/${map.id}/versions/${id}`, tokens.viewer), params({ id: map.id, versionId: id }));
    expect(got.status).toBe(200);
    const body = (await got.json()) as MapExportOutput & { version: { name: string } };
    expect(body.format).toBe("journeyboard.map/v1");
    expect(body.title).toBe("Shop");
    expect(body.version.name).toBe("Workshop");
    expect(body.touchpoints.length).toBe(map.touchpointCount);
    expect((await versionRoute.GET(request("GET", `/api/v1/maps/${map.id}/versions/${id}`, tokens.outsider), params({ id: map.id, versionId: id }))).status).toBe(404);
    // A version of another map under this map's URL is not found.
    const other = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Other" });
    expect((await versionRoute.GET(request("GET", `/api/v1/maps/${other.id}/versions/${id}`, tokens.editor), params({ id: other.id, versionId: id }))).status).toBe(404);
  });

  it("compares any two versions: touchpoints, text lanes, pain points, opportunities, KPIs", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Compare", template: "ecommerce" });
    const original = readMap(await collab.service.getDocumentState(`map:${map.id}`));
    const v1 = (await (await saveVersion(map.id, "Before")).json()).id;
    const [first, second, third] = original.touchpoints;
    let added = "";
    await editMapDocument(t.db, team.workspace.id, map.id, (doc) => {
      updateTouchpointField(doc, first.id, "thoughts", "Why is this so slow?");
      addPainPoint(doc, first.id, "Shipping costs appear late");
      addOpportunity(doc, second.id, { text: "Show shipping costs upfront" });
      addKpi(doc, second.id, { name: "Bounce rate", target: 40, actual: 55, higherIsBetter: false });
      setEmotion(doc, second.id, -2);
      removeTouchpoint(doc, third.id);
      added = addTouchpoint(doc, original.stages[0].id, undefined, { title: "Podcast mention" });
    });
    const v2 = (await (await saveVersion(map.id, "After")).json()).id;
    // And a change after v2, which the v1→v2 comparison must not show.
    await editMapDocument(t.db, team.workspace.id, map.id, (doc) => setTitle(doc, "Compare (later)"));

    const { diff, from, to } = await compareMapVersions(t.db, { workspaceId: team.workspace.id, mapId: map.id, fromId: v1, toId: v2 });
    expect([from.label, to?.label]).toEqual(["Before", "After"]);
    expect(diff.touchpoints.added.map((x) => x.id)).toEqual([added]);
    expect(diff.touchpoints.removed.map((x) => x.id)).toEqual([third.id]);
    const c1 = diff.touchpoints.changed.find((c) => c.id === first.id)!;
    expect(c1.changes.texts).toEqual([{ field: "thoughts", before: first.thoughts, after: "Why is this so slow?" }]);
    expect(c1.changes.painPoints).toEqual({ added: ["Shipping costs appear late"], removed: [] });
    const c2 = diff.touchpoints.changed.find((c) => c.id === second.id)!;
    expect(c2.changes.emotion).toEqual({ before: second.emotion, after: -2 });
    expect(c2.changes.opportunities).toEqual({ added: ["Show shipping costs upfront"], removed: [] });
    expect(diff.kpiValues).toEqual([expect.objectContaining({ touchpointId: second.id, name: "Bounce rate", change: "added", actual: { before: null, after: 55 } })]);
    expect(diff.stages.renamed).toEqual([]);
    // v2 → now: only the map title changed since, which is no touchpoint change.
    const toNow = await compareMapVersions(t.db, { workspaceId: team.workspace.id, mapId: map.id, fromId: v2, toId: null });
    expect(toNow.to).toBeNull();
    expect(toNow.diff.touchpoints.changed).toEqual([]);
  });

  it("restores a version through the live document: a connected client sees it, the state before is saved", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Restore me", template: "ecommerce" });
    const docName = `map:${map.id}`;
    const client = connectClient(collab.url, docName, { cookie: await sessionCookie(team.viewer.id) });
    await waitFor(() => client.provider.synced, "client synced");
    const v1 = (await (await saveVersion(map.id, "Good state")).json()).id;
    const before = readMap(client.doc);
    await editMapDocument(t.db, team.workspace.id, map.id, (doc) => {
      setTitle(doc, "Broken");
      for (const tp of readMap(doc).touchpoints.slice(0, 3)) removeTouchpoint(doc, tp.id);
    });
    await waitFor(() => readMap(client.doc).title === "Broken", "bad edit reached the client");

    expect((await restoreRoute.POST(request("POST", `/api/v1/maps/${map.id}/versions/${v1}/restore`, tokens.viewer), params({ id: map.id, versionId: v1 }))).status).toBe(403);
    expect((await restoreRoute.POST(request("POST", `/api/v1/maps/${map.id}/versions/${v1}/restore`, tokens.outsider), params({ id: map.id, versionId: v1 }))).status).toBe(404);
    const res = await restoreRoute.POST(request("POST", `/api/v1/maps/${map.id}/versions/${v1}/restore`, tokens.editor), params({ id: map.id, versionId: v1 }));
    expect(res.status).toBe(200);
    const { savedVersionId, map: restored } = await res.json();
    expect(restored.title).toBe("Restore me");

    await waitFor(() => readMap(client.doc).title === "Restore me", "restore reached the connected client");
    expect(readMap(client.doc).touchpoints.map((x) => x.id)).toEqual(before.touchpoints.map((x) => x.id));
    // Projected for lists and dashboards too.
    const [row] = await t.db.select({ title: journeyMaps.title, n: journeyMaps.touchpointCount }).from(journeyMaps).where(eq(journeyMaps.id, map.id));
    expect(row).toEqual({ title: "Restore me", n: before.touchpoints.length });
    // The broken state was saved first: restoring that one undoes the restore.
    const [saved] = await t.db.select({ kind: mapVersions.kind, label: mapVersions.label }).from(mapVersions).where(eq(mapVersions.id, savedVersionId));
    expect(saved).toEqual({ kind: "restore", label: "Before restoring “Good state”" });
    const undo = await restoreRoute.POST(request("POST", `/api/v1/maps/${map.id}/versions/${savedVersionId}/restore`, tokens.editor), params({ id: map.id, versionId: savedVersionId }));
    expect(undo.status).toBe(200);
    await waitFor(() => readMap(client.doc).title === "Broken", "undo of the restore reached the client");
    client.destroy();
  });

  it("saves a daily version once a day for maps that changed since their last version, once they are quiet", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Daily" });
    const t0 = Date.now();
    const at = (hours: number) => new Date(t0 + hours * 60 * 60 * 1000);
    const count = async () => (await t.db.select({ id: mapVersions.id }).from(mapVersions).where(eq(mapVersions.mapId, map.id))).length;
    const touch = (hours: number) => t.db.update(journeyMaps).set({ updatedAt: at(hours) }).where(eq(journeyMaps.id, map.id));
    // Just edited: not in the middle of the work.
    expect(await saveDailyVersions(t.db, at(0))).toBe(0);
    await saveDailyVersions(t.db, at(3));
    expect(await count()).toBe(1);
    // Nothing changed since: no new version, even a day later.
    await saveDailyVersions(t.db, at(27));
    expect(await count()).toBe(1);
    // A day-old map edited all the time still gets one a day, never two.
    await touch(28);
    await saveDailyVersions(t.db, at(28.01));
    expect(await count()).toBe(2);
    await touch(29);
    await saveDailyVersions(t.db, at(30));
    expect(await count()).toBe(2);
    await saveDailyVersions(t.db, at(52));
    expect(await count()).toBe(3);
    // Deleted maps are skipped.
    await t.db.update(journeyMaps).set({ deletedAt: at(53), updatedAt: at(53) }).where(eq(journeyMaps.id, map.id));
    await saveDailyVersions(t.db, at(80));
    expect(await count()).toBe(3);
  });
});

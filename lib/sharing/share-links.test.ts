// Integration: share links end to end on real databases and a real sync service at port 0 —
// REST lifecycle (create, list, revoke) with roles and workspace scoping, expiry, passwords with
// throttling, and the anonymous live viewer on /collab (read-only, no member names, closed on revoke).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createTeam, createUser } from "@/test/factories";
import { closeCodeOf, connectClient, sessionCookie, startTestCollab, waitFor, type TestCollab } from "@/test/collab-server";
import { setDatabase } from "@/db/client";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { createMap } from "@/lib/maps/create-map";
import { readMap, setTitle } from "@/lib/maps/map-document";
import { checkShareLinkPassword, findActiveShareLink } from "./open-share-link";
import { signShareCollabCredential } from "./share-credential";

vi.mock("server-only", () => ({}));

const linksRoute = await import("@/app/api/v1/maps/[id]/share-links/route");
const personaLinksRoute = await import("@/app/api/v1/personas/[id]/share-links/route");
const linkRoute = await import("@/app/api/v1/share-links/[id]/route");

const DAY = 24 * 60 * 60 * 1000;
function request(method: string, url: string, token: string, body?: unknown) {
  return new Request(`http://localhost:3000${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, host: "localhost:3000", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = <P,>(p: P) => ({ params: Promise.resolve(p) });
const secretOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

/** A stock provider connected as the anonymous viewer of a share link. */
function connectShared(collab: TestCollab, docName: string, credential: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collab.url, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { share: credential },
    maxBackoffTime: 300,
  });
  const closes: number[] = [];
  provider.on("connection-close", (e) => e && closes.push(e.code));
  return { doc, provider, closes, destroy: () => (provider.destroy(), doc.destroy()) };
}

describe.each(testDrivers)("share links on %s", (driver) => {
  let t: TestDatabase;
  let collab: TestCollab;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let tokens: { editor: string; viewer: string; outsider: string };

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    // Registered, so that revoking closes live shared views in this process.
    collab = await startTestCollab(t.db, { register: true, timings: { accessRecheckMs: 60_000 } });
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

  it("creates, lists and revokes a link; viewers cannot create, other workspaces get 404", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Shop", template: "ecommerce" });
    const url = `/api/v1/maps/${map.id}/share-links`;
    const created = await linksRoute.POST(request("POST", url, tokens.editor, {}), params({ id: map.id }));
    expect(created.status).toBe(201);
    const link = await created.json();
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/s\/jbs_[A-Za-z0-9_-]+$/);
    expect(link.expiresAt).toBeNull();

    expect((await linksRoute.POST(request("POST", url, tokens.viewer, {}), params({ id: map.id }))).status).toBe(403);
    expect((await linksRoute.POST(request("POST", url, tokens.outsider, {}), params({ id: map.id }))).status).toBe(404);
    expect((await linksRoute.GET(request("GET", url, tokens.outsider), params({ id: map.id }))).status).toBe(404);
    // A persona id under the maps route (and vice versa) is not found.
    expect((await personaLinksRoute.GET(request("GET", `/api/v1/personas/${map.id}/share-links`, tokens.editor), params({ id: map.id }))).status).toBe(404);

    const listed = await (await linksRoute.GET(request("GET", url, tokens.viewer), params({ id: map.id }))).json();
    expect(listed).toEqual([expect.objectContaining({ id: link.id, hasPassword: false, openCount: 0, expiresAt: null })]);
    // The secret is stored hashed: the list never contains it.
    expect(JSON.stringify(listed)).not.toContain(secretOf(link.url));

    const active = await findActiveShareLink(t.db, secretOf(link.url));
    expect(active).toMatchObject({ id: link.id, kind: "map", docId: map.id, workspaceId: team.workspace.id });

    expect((await linkRoute.DELETE(request("DELETE", `/api/v1/share-links/${link.id}`, tokens.viewer), params({ id: link.id }))).status).toBe(403);
    expect((await linkRoute.DELETE(request("DELETE", `/api/v1/share-links/${link.id}`, tokens.outsider), params({ id: link.id }))).status).toBe(404);
    expect((await linkRoute.DELETE(request("DELETE", `/api/v1/share-links/${link.id}`, tokens.editor), params({ id: link.id }))).status).toBe(204);
    expect(await findActiveShareLink(t.db, secretOf(link.url))).toBeNull();
    expect((await linkRoute.DELETE(request("DELETE", `/api/v1/share-links/${link.id}`, tokens.editor), params({ id: link.id }))).status).toBe(404);
    expect(await (await linksRoute.GET(request("GET", url, tokens.editor), params({ id: map.id }))).json()).toEqual([]);
  });

  it("refuses expiries outside 1…90 days and ends a link when it expires", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Expiry" });
    const url = `/api/v1/maps/${map.id}/share-links`;
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    for (const bad of [at(DAY / 2), at(91 * DAY), "tomorrow"]) {
      const res = await linksRoute.POST(request("POST", url, tokens.editor, { expiresAt: bad }), params({ id: map.id }));
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe("invalid_input");
    }
    const res = await linksRoute.POST(request("POST", url, tokens.editor, { expiresAt: at(DAY) }), params({ id: map.id }));
    expect(res.status).toBe(201);
    const { url: shareUrl } = await res.json();
    expect(await findActiveShareLink(t.db, secretOf(shareUrl))).not.toBeNull();
    expect(await findActiveShareLink(t.db, secretOf(shareUrl), new Date(Date.now() + 2 * DAY))).toBeNull();
  });

  it("checks passwords (hashed, never stored in clear) and throttles wrong ones", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Secret" });
    const res = await linksRoute.POST(request("POST", `/api/v1/maps/${map.id}/share-links`, tokens.editor, { password: "board-2026" }), params({ id: map.id }));
    expect(res.status).toBe(201);
    const link = (await findActiveShareLink(t.db, secretOf((await res.json()).url)))!;
    expect(link.hasPassword).toBe(true);
    expect(link.passwordHash).toMatch(/^scrypt\$/);
    expect(link.passwordHash).not.toContain("board-2026");
    const ip = `10.0.0.${Math.floor(Math.random() * 200)}`;
    expect(await checkShareLinkPassword(link, "board-2026", ip)).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) expect(await checkShareLinkPassword(link, "guess", ip)).toEqual({ ok: false, reason: "wrong" });
    // Throttled now, even with the right password, for this IP; another IP is unaffected.
    expect(await checkShareLinkPassword(link, "board-2026", ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await checkShareLinkPassword(link, "board-2026", "10.9.9.9")).toEqual({ ok: true });
    const short = await linksRoute.POST(request("POST", `/api/v1/maps/${map.id}/share-links`, tokens.editor, { password: "abc" }), params({ id: map.id }));
    expect(short.status).toBe(422);
  });

  it("gives a live, read-only view over /collab without member names, closed once revoked", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Live" });
    const docName = `map:${map.id}`;
    const res = await linksRoute.POST(request("POST", `/api/v1/maps/${map.id}/share-links`, tokens.editor, {}), params({ id: map.id }));
    const { id: linkId } = await res.json();
    const { credential } = signShareCollabCredential(linkId, docName);

    // An editor is present (awareness with a name).
    const editor = connectClient(collab.url, docName, { cookie: await sessionCookie(team.editor.id) });
    editor.provider.awareness.setLocalStateField("user", { name: "Erika Editor" });
    await waitFor(() => editor.provider.synced, "editor synced");

    const shared = connectShared(collab, docName, credential);
    await waitFor(() => shared.provider.synced, "shared view synced");
    expect(readMap(shared.doc).title).toBe("Live");

    // A change by the editor arrives live.
    editor.doc.transact(() => setTitle(editor.doc, "Live, renamed"));
    await waitFor(() => readMap(shared.doc).title === "Live, renamed", "live change reached the shared view");

    // What the shared view types is never applied.
    setTitle(shared.doc, "Vandalised");
    await new Promise((r) => setTimeout(r, 300));
    await collab.service.flush();
    expect(readMap(await collab.service.getDocumentState(docName)).title).toBe("Live, renamed");
    expect(readMap(editor.doc).title).toBe("Live, renamed");

    // No member names reach it (awareness hidden), and it announces no presence of its own.
    shared.provider.awareness.setLocalStateField("user", { name: "Intruder" });
    await new Promise((r) => setTimeout(r, 300));
    const seen = [...shared.provider.awareness.getStates().values()].map((s) => JSON.stringify(s));
    expect(seen.join()).not.toContain("Erika Editor");
    expect([...editor.provider.awareness.getStates().values()].map((s) => JSON.stringify(s)).join()).not.toContain("Intruder");

    // Forged, foreign-document and unknown-link credentials are refused.
    expect(await closeCodeOf(collab.url, `${docName}?share=${encodeURIComponent(credential.slice(0, -3) + "AAA")}`, {})).toBe(4401);
    const other = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Other" });
    expect(await closeCodeOf(collab.url, `map:${other.id}?share=${encodeURIComponent(credential)}`, {})).toBe(4403);

    // Revoke: the open shared view is closed (4403) and a new connection is refused.
    expect((await linkRoute.DELETE(request("DELETE", `/api/v1/share-links/${linkId}`, tokens.editor), params({ id: linkId }))).status).toBe(204);
    await waitFor(() => shared.closes.includes(4403), "shared view closed on revoke");
    expect(await closeCodeOf(collab.url, `${docName}?share=${encodeURIComponent(credential)}`, {})).toBe(4403);
    // The editor stays connected.
    expect(editor.provider.wsconnected).toBe(true);
    shared.destroy();
    editor.destroy();
  });
});

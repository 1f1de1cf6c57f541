// Roles on the wire: viewers read everything and change nothing (even with a hand-made client);
// role changes reach open connections.
import { and, eq } from "drizzle-orm";
import * as awarenessProtocol from "y-protocols/awareness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { collabUpdates, memberships } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import {
  connectClient, connectRaw, createMapRow, rawMessage, sessionCookie, startTestCollab, waitFor, waitForSync,
  type TestClient, type TestCollab,
} from "@/test/collab-server";
import { CloseCode } from "./close-codes";
import { attachStoredAck } from "./client/stored-ack";

// Creating a database runs every migration: slow on a busy machine, so hooks get more than the default.
const SETUP_TIMEOUT = 180_000;

describe.each(testDrivers)("collab roles (%s)", { timeout: 120_000 }, (driver) => {
  let tdb: TestDatabase;
  let collab: TestCollab;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const clients: TestClient[] = [];
  const client = async (docName: string, userId: string) => {
    const c = connectClient(collab.url, docName, { cookie: await sessionCookie(userId) });
    clients.push(c);
    return c;
  };
  const storedRows = async (docName: string) =>
    (await tdb.db.select({ id: collabUpdates.id }).from(collabUpdates).where(eq(collabUpdates.docName, docName))).length;

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    collab = await startTestCollab(tdb.db);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await collab?.close();
    await tdb?.close();
  }, SETUP_TIMEOUT);

  it("gives a viewer the document, drops its writes (not applied, relayed or stored) and relays its awareness", async () => {
    team = await createTeam(tdb.db);
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const editor = await client(docName, team.editor.id);
    await waitForSync(editor);
    editor.doc.getText("t").insert(0, "written by the editor");
    await collab.service.flush();
    await waitFor(async () => (await storedRows(docName)) > 0, "editor's edit stored");
    const rowsBefore = await storedRows(docName);

    // A stock provider as viewer: it syncs (its sync step 1 is answered) and receives updates.
    const viewer = await client(docName, team.viewer.id);
    await waitForSync(viewer);
    await waitFor(() => viewer.doc.getText("t").toString() === "written by the editor", "viewer receives the document");

    // A hand-made client as viewer sends an update and a sync step 2 with content.
    const raw = connectRaw(collab.url, docName, { cookie: await sessionCookie(team.viewer.id) });
    await raw.opened;
    const forged = new Y.Doc();
    forged.getText("t").insert(0, "VANDALISM ");
    const forgedUpdate = Y.encodeStateAsUpdate(forged);
    raw.send(rawMessage.update(forgedUpdate, 2));
    raw.send(rawMessage.update(forgedUpdate, 1));
    // Its awareness is relayed to the editor.
    const presence = new awarenessProtocol.Awareness(new Y.Doc());
    presence.setLocalStateField("user", { name: "Vic (viewer)" });
    raw.send(rawMessage.awareness(awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID])));
    await waitFor(() => editor.provider.awareness.getStates().has(presence.clientID), "viewer presence relayed");

    // The connection stays open (dropping is not an error), and nothing changed anywhere.
    editor.doc.getText("t").insert(0, "later ");
    await waitFor(() => viewer.doc.getText("t").toString() === "later written by the editor", "later edit reaches the viewer");
    expect(raw.isClosed()).toBe(false);
    expect(editor.doc.getText("t").toString()).not.toContain("VANDALISM");
    await collab.service.flush();
    expect((await collab.service.getDocumentState(docName)).getText("t").toString()).toBe("later written by the editor");
    expect(await storedRows(docName)).toBe(rowsBefore + 1);
    expect(collab.service.stats().counters.droppedMessages).toBeGreaterThanOrEqual(2);
    raw.ws.close();
    presence.destroy();
  });

  it("acknowledges a viewer's writes as read-only without storing them", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const viewer = connectClient(collab.url, docName, { cookie: await sessionCookie(team.viewer.id) }, { connect: false });
    clients.push(viewer);
    const tracker = attachStoredAck(viewer.provider);
    viewer.provider.connect();
    await waitFor(() => tracker.status === "saved" && tracker.readOnly, "read-only ack");
    viewer.doc.getText("t").insert(0, "not saved");
    await waitFor(() => tracker.status === "saved", "acknowledged");
    expect(await storedRows(docName)).toBe(0);
  });

  it("applies demotion, promotion and removal to open connections (refreshMember)", async () => {
    const t = await createTeam(tdb.db);
    const { docName } = await createMapRow(tdb.db, t.workspace.id);
    const owner = await client(docName, t.owner.id);
    const member = await client(docName, t.editor.id);
    await waitForSync(owner);
    await waitForSync(member);
    member.doc.getText("t").insert(0, "editor edit;");
    await waitFor(() => owner.doc.getText("t").toString() === "editor edit;", "editor edit relayed");

    // Demoted to viewer: from now on its edits stay local.
    await tdb.db.update(memberships).set({ role: "viewer" }).where(and(eq(memberships.workspaceId, t.workspace.id), eq(memberships.userId, t.editor.id)));
    await collab.service.refreshMember(t.workspace.id, t.editor.id);
    member.doc.getText("t").insert(member.doc.getText("t").length, "as viewer;");
    owner.doc.getText("t").insert(0, "owner;");
    await waitFor(() => member.doc.getText("t").toString().startsWith("owner;"), "viewer still receives");
    expect(owner.doc.getText("t").toString()).toBe("owner;editor edit;");

    // Promoted back: writable again; the edit it made while read-only is synced on promotion.
    await tdb.db.update(memberships).set({ role: "editor" }).where(and(eq(memberships.workspaceId, t.workspace.id), eq(memberships.userId, t.editor.id)));
    await collab.service.refreshMember(t.workspace.id, t.editor.id);
    member.doc.getText("t").insert(0, "promoted;");
    await waitFor(() => owner.doc.getText("t").toString().startsWith("promoted;"), "promoted edit relayed");
    await waitFor(() => owner.doc.getText("t").toString().includes("as viewer;"), "held-back edit synced on promotion");

    // Removed: the connection is closed with 4403 and does not come back.
    await tdb.db.delete(memberships).where(and(eq(memberships.workspaceId, t.workspace.id), eq(memberships.userId, t.editor.id)));
    const closesBefore = member.closes.length;
    await collab.service.refreshMember(t.workspace.id, t.editor.id);
    await waitFor(() => member.closes.length > closesBefore, "removed member closed");
    // Exactly one close, 4403, and the provider decided there and then not to reconnect (4400-4499
    // are permanent for y-websocket): no reconnect can follow, so nothing to wait for.
    expect(member.closes.slice(closesBefore)).toEqual([expect.objectContaining({ code: CloseCode.forbidden })]);
    expect(member.provider.shouldConnect).toBe(false);
    expect(member.provider.wsconnected).toBe(false);
  });
});

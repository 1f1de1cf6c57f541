// Sync through the real service: stock providers converge; awareness is relayed; the stored
// acknowledgement drives the client's "saved" status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import {
  connectClient, createMapRow, sessionCookie, startTestCollab, waitFor, waitForSync, type TestClient, type TestCollab,
} from "@/test/collab-server";
import { attachStoredAck, type SaveStatus } from "./client/stored-ack";

// Creating a database runs every migration: slow on a busy machine, so hooks get more than the default.
const SETUP_TIMEOUT = 180_000;

describe.each(testDrivers)("collab sync (%s)", { timeout: 120_000 }, (driver) => {
  let tdb: TestDatabase;
  let collab: TestCollab;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let ownerCookie: string;
  let editorCookie: string;
  const clients: TestClient[] = [];
  const client = (docName: string, cookie: string, options?: Parameters<typeof connectClient>[3]) => {
    const c = connectClient(collab.url, docName, { cookie }, options);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    collab = await startTestCollab(tdb.db);
    team = await createTeam(tdb.db);
    ownerCookie = await sessionCookie(team.owner.id);
    editorCookie = await sessionCookie(team.editor.id);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await collab?.close();
    await tdb?.close();
  }, SETUP_TIMEOUT);

  it("two clients converge on text, map and array edits, including concurrent ones", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const a = client(docName, ownerCookie);
    const b = client(docName, editorCookie);
    await waitForSync(a);
    await waitForSync(b);

    a.doc.getText("title").insert(0, "Onboarding");
    a.doc.getMap("meta").set("state", "current");
    a.doc.getArray<string>("stages").push(["Aware", "Join"]);
    await waitFor(() => b.doc.getText("title").toString() === "Onboarding" && b.doc.getArray("stages").length === 2, "b sees a's edits");

    // Concurrent edits: both sides change before seeing each other.
    a.doc.getText("title").insert(0, "A:");
    b.doc.getText("title").insert(b.doc.getText("title").length, ":B");
    a.doc.getMap("meta").set("owner", "ada");
    b.doc.getMap("meta").set("owner", "ben");
    a.doc.getArray<string>("stages").insert(0, ["First"]);
    b.doc.getArray<string>("stages").push(["Last"]);
    const sameState = () => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc)));
    await waitFor(() => sameState() && b.doc.getArray("stages").length === 4 && a.doc.getText("title").toString().includes(":B"), "convergence");
    expect(a.doc.getText("title").toString()).toBe("A:Onboarding:B");
    expect(a.doc.getArray("stages").toArray()).toEqual(["First", "Aware", "Join", "Last"]);
    expect(["ada", "ben"]).toContain(a.doc.getMap("meta").get("owner"));
    expect(b.doc.getMap("meta").get("owner")).toBe(a.doc.getMap("meta").get("owner"));

    // A third client joining later receives everything.
    const c = client(docName, ownerCookie);
    await waitForSync(c);
    await waitFor(
      () => c.doc.getText("title").toString() === "A:Onboarding:B" && c.doc.getArray("stages").length === 4 && c.doc.getMap("meta").get("owner") === a.doc.getMap("meta").get("owner"),
      "late joiner has the document",
    );
  });

  it("relays awareness between clients and removes it when a client leaves", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const a = client(docName, ownerCookie);
    const b = client(docName, editorCookie);
    await waitForSync(a);
    await waitForSync(b);
    a.provider.awareness.setLocalStateField("user", { name: "Ada" });
    // The server stamps the socket's own account name over what the client wrote (presence.ts).
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === "Owner", "b sees a's presence");
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), "a's presence removed");
  });

  it("takes the awareness echoes of stock clients in a busy room without dropping or closing anyone", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const room = Array.from({ length: 8 }, (_, i) => client(docName, i % 2 ? ownerCookie : editorCookie));
    for (const c of room) await waitForSync(c);
    const droppedBefore = collab.service.stats().counters.droppedMessages;
    for (let round = 0; round < 5; round++) {
      room.forEach((c, i) => c.provider.awareness.setLocalStateField("cursor", { round, i }));
      await new Promise((r) => setTimeout(r, 50));
    }
    await waitFor(
      () => room.every((c) => room.every((o) => (c.provider.awareness.getStates().get(o.doc.clientID) as { cursor?: { round: number } } | undefined)?.cursor?.round === 4)),
      "everyone sees everyone's last cursor",
    );
    expect(collab.service.stats().counters.droppedMessages).toBe(droppedBefore);
    expect(room.every((c) => c.provider.wsconnected)).toBe(true);
  });

  it("reports saving → saved once the server has stored the edits, and offline when disconnected", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const a = client(docName, ownerCookie, { connect: false });
    const tracker = attachStoredAck(a.provider);
    const seen: SaveStatus[] = [];
    tracker.onStatusChange((s) => seen.push(s));
    expect(tracker.status).toBe("offline");
    a.provider.connect();
    await waitForSync(a);
    await waitFor(() => tracker.status === "saved", "saved after connect");

    for (let i = 0; i < 20; i++) a.doc.getText("t").insert(0, `edit ${i} `);
    expect(tracker.status).toBe("saving");
    await waitFor(() => tracker.status === "saved", "saved after edits");
    // Saved means stored: a fresh read from the database has every edit.
    const stored = await collab.service.getDocumentState(docName);
    expect(stored.getText("t").toString()).toContain("edit 19");
    expect(stored.getText("t").toString()).toContain("edit 0");

    a.provider.disconnect();
    await waitFor(() => tracker.status === "offline", "offline");
    // Edits made offline travel with the reconnect and are acknowledged too.
    a.doc.getText("t").insert(0, "offline edit ");
    a.provider.connect();
    await waitFor(() => tracker.status === "saved", "saved after reconnect");
    expect((await collab.service.getDocumentState(docName)).getText("t").toString()).toContain("offline edit");
    expect(seen).toContain("saving");
    tracker.destroy();
  });
});

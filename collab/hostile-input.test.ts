// Attacks on /collab from issue 9: a malformed cookie (finding 5), presence identity (finding 9)
// and an update that decodes but fails to apply (finding 12) — against a real server at port 0.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { collabUpdates } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createDepartment, createTeam, createUser } from "@/test/factories";
import {
  closeCodeOf, connectClient, connectRaw, createMapRow, createPersonaRow, rawMessage, sessionCookie, startTestCollab, waitFor, waitForSync,
  type TestClient, type TestCollab,
} from "@/test/collab-server";
import { colorForUser } from "@/lib/presence/color-for-user";
import { CloseCode } from "./close-codes";
import { encodeAwarenessEntries } from "./presence";

const SETUP_TIMEOUT = 180_000;

type PresenceState = { user?: { id?: string; name?: string; color?: string }; cursor?: number; marker?: string } | null;

describe.each(testDrivers)("collab hostile input (%s)", { timeout: 120_000 }, (driver) => {
  let tdb: TestDatabase;
  let collab: TestCollab;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    collab = await startTestCollab(tdb.db);
    team = await createTeam(tdb.db);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await collab?.close();
    await tdb?.close();
  }, SETUP_TIMEOUT);

  const rowsOf = async (docName: string) =>
    (await tdb.db.select({ n: count() }).from(collabUpdates).where(and(eq(collabUpdates.docName, docName))))[0].n;

  it("closes with 4401 (not 1011) for a cookie with a malformed escape", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    expect(await closeCodeOf(collab.url, docName, { cookie: "authjs.session-token=%E0%A4" })).toBe(CloseCode.unauthenticated);
    expect(await closeCodeOf(collab.url, docName, { cookie: "theme=%E0%A4" })).toBe(CloseCode.unauthenticated);
    // A valid session next to a malformed foreign cookie still connects.
    const ok = connectRaw(collab.url, docName, { cookie: `theme=%E0%A4; ${await sessionCookie(team.editor.id)}` });
    await ok.opened;
    ok.send(new Uint8Array([3]));
    await waitFor(() => ok.messages.length > 0 || ok.isClosed(), "an answer");
    expect(ok.isClosed()).toBe(false);
    ok.ws.close();
  });

  it("stamps the socket's identity on presence, drops other identities, and lets nobody remove another's presence", async () => {
    const department = await createDepartment(tdb.db, team.workspace.id, "Support");
    const member = await createUser(tdb.db, { name: "Dana Support" });
    await addMember(tdb.db, team.workspace.id, member.id, "editor", department.id);
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const victim = connectClient(collab.url, docName, { cookie: await sessionCookie(member.id) });
    const watcher = connectClient(collab.url, docName, { cookie: await sessionCookie(team.owner.id) });
    clients.push(victim, watcher);
    await waitForSync(victim);
    await waitForSync(watcher);
    // The victim's client writes a colour of its own choosing: peers see the department's colour.
    victim.provider.awareness.setLocalState({ user: { id: member.id, name: "Dana", color: "#123456" }, cursor: 1 });
    const stateOf = (clientId: number) => watcher.provider.awareness.getStates().get(clientId) as PresenceState | undefined;
    await waitFor(() => stateOf(victim.doc.clientID)?.cursor === 1, "victim presence");
    expect(stateOf(victim.doc.clientID)!.user).toEqual({ id: member.id, name: "Dana Support", color: department.color });

    // A viewer tries: to appear as the victim; to appear under a false name; to erase and to overwrite the victim.
    const viewer = connectRaw(collab.url, docName, { cookie: await sessionCookie(team.viewer.id) });
    await viewer.opened;
    const victimClock = watcher.provider.awareness.meta.get(victim.doc.clientID)!.clock;
    const own = 4242;
    const send = (entries: { clientId: number; clock: number; state: unknown }[]) => viewer.send(rawMessage.awareness(encodeAwarenessEntries(entries)));
    send([{ clientId: 777, clock: 1, state: { user: { id: member.id, name: "Dana Support", color: department.color }, cursor: 9 } }]);
    send([{ clientId: victim.doc.clientID, clock: victimClock + 5, state: null }]);
    send([{ clientId: victim.doc.clientID, clock: victimClock + 6, state: { user: { id: team.viewer.id, name: "x" }, cursor: 666 } }]);
    send([{ clientId: own, clock: 1, state: { user: { id: team.viewer.id, name: "The CEO", color: "#000000" }, cursor: 5 } }]);
    send([{ clientId: own + 1, clock: 1, state: { marker: "last" } }]);
    // Messages are handled and relayed in order: once the marker arrives, everything before it has been decided.
    await waitFor(() => stateOf(own + 1)?.marker === "last", "marker");

    expect(stateOf(777)).toBeUndefined();
    expect(stateOf(victim.doc.clientID)).toMatchObject({ cursor: 1, user: { id: member.id, name: "Dana Support" } });
    expect(stateOf(own)!.user).toEqual({ id: team.viewer.id, name: "Viewer", color: "#64748b" });
    expect(stateOf(own + 1)!.user).toEqual({ id: team.viewer.id, name: "Viewer", color: "#64748b" });
    expect(viewer.isClosed()).toBe(false);

    // The viewer may remove its own presence.
    send([{ clientId: own, clock: 2, state: null }]);
    await waitFor(() => stateOf(own) === undefined, "own presence removed");
    viewer.ws.close();
    await waitFor(() => stateOf(own + 1) === undefined, "presence gone with the socket");
    expect(stateOf(victim.doc.clientID)?.cursor).toBe(1);

    // Personas and stakeholder maps: a colour per user (as their editors show it).
    const persona = await createPersonaRow(tdb.db, team.workspace.id);
    const a = connectClient(collab.url, persona.docName, { cookie: await sessionCookie(team.editor.id) });
    const b = connectClient(collab.url, persona.docName, { cookie: await sessionCookie(team.owner.id) });
    clients.push(a, b);
    await waitForSync(a);
    await waitForSync(b);
    a.provider.awareness.setLocalState({ selection: "x" });
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), "persona presence");
    expect((b.provider.awareness.getStates().get(a.doc.clientID) as PresenceState)!.user).toEqual({ id: team.editor.id, name: "Editor", color: colorForUser(team.editor.id) });
  });

  it("closes only the sender of an update that decodes but fails to apply; others, other documents and storage are untouched", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const { docName: otherDoc } = await createMapRow(tdb.db, team.workspace.id);
    const baseDoc = new Y.Doc();
    baseDoc.clientID = 1;
    const author = connectClient(collab.url, docName, { cookie: await sessionCookie(team.editor.id) }, { doc: baseDoc });
    const reader = connectClient(collab.url, docName, { cookie: await sessionCookie(team.owner.id) });
    const elsewhere = connectClient(collab.url, otherDoc, { cookie: await sessionCookie(team.owner.id) });
    clients.push(author, reader, elsewhere);
    await Promise.all([waitForSync(author), waitForSync(reader), waitForSync(elsewhere)]);
    buildBase(baseDoc);
    elsewhere.doc.getText("t").insert(0, "other");
    await waitFor(() => reader.doc.getText("t").toString() === "precious", "base relayed");
    await waitFor(async () => (await rowsOf(otherDoc)) > 0 && (await rowsOf(docName)) >= 1, "stored");
    const rowsBefore = await rowsOf(docName);
    const baseState = Y.encodeStateAsUpdate(baseDoc);

    for (const hex of HOSTILE_UPDATES) {
      const hostile = Uint8Array.from(Buffer.from(hex, "hex"));
      // The attack is real: it decodes, and integrating it into the base state throws.
      expect(() => Y.decodeUpdate(hostile)).not.toThrow();
      const probe = new Y.Doc();
      Y.applyUpdate(probe, baseState);
      expect(() => Y.applyUpdate(probe, hostile)).toThrow();

      const attacker = connectRaw(collab.url, docName, { cookie: await sessionCookie(team.editor.id) });
      await attacker.opened;
      attacker.send(rawMessage.update(hostile));
      expect((await attacker.closed).code).toBe(CloseCode.badMessage);
    }

    // Nobody else was disturbed: no closes, the edits keep flowing both ways.
    expect(author.closes).toEqual([]);
    expect(reader.closes).toEqual([]);
    expect(elsewhere.closes).toEqual([]);
    reader.doc.getText("t").insert(0, ">");
    author.doc.getText("t").insert(author.doc.getText("t").length, "!");
    await waitFor(() => author.doc.getText("t").toString() === ">precious!" && reader.doc.getText("t").toString() === ">precious!", "converged");
    expect(collab.logs.some((l) => l.event === "document_reset")).toBe(false);
    // Nothing of the hostile updates was stored: only the two edits above are new.
    await waitFor(async () => (await rowsOf(docName)) === rowsBefore + 2, "two new rows");
    const stored = await collab.service.getDocumentState(docName);
    expect(stored.getText("t").toString()).toBe(">precious!");
    expect(stored.getArray("a").toJSON()).toEqual([1, 2, { x: 1 }]);
    expect((await collab.service.getDocumentState(otherDoc)).getText("t").toString()).toBe("other");
  });

  it("does not take an update that depends on changes the server lacks (1013, resync); nothing waits in the room", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const victim = connectClient(collab.url, docName, { cookie: await sessionCookie(team.editor.id) });
    const peer = connectClient(collab.url, docName, { cookie: await sessionCookie(team.owner.id) });
    clients.push(victim, peer);
    await Promise.all([waitForSync(victim), waitForSync(peer)]);
    victim.doc.getText("t").insert(0, "abc");
    await waitFor(() => peer.doc.getText("t").toString() === "abc", "relayed");
    // The attacker builds on the victim's *future* edit (same client id, next clocks): kept, its
    // structs would sit in the room until the victim's real next edit completes them.
    const future = new Y.Doc();
    future.clientID = victim.doc.clientID;
    Y.applyUpdate(future, Y.encodeStateAsUpdate(victim.doc));
    future.getText("t").insert(3, "FUTURE");
    const attackerDoc = new Y.Doc();
    Y.applyUpdate(attackerDoc, Y.encodeStateAsUpdate(future));
    const sv = Y.encodeStateVector(attackerDoc);
    attackerDoc.getText("t").insert(9, "!!");
    const dependent = Y.encodeStateAsUpdate(attackerDoc, sv);
    const rowsBefore = await rowsOf(docName);

    const attacker = connectRaw(collab.url, docName, { cookie: await sessionCookie(team.editor.id) });
    await attacker.opened;
    attacker.send(rawMessage.update(dependent));
    expect((await attacker.closed).code).toBe(CloseCode.tryAgainLater);

    victim.doc.getText("t").insert(3, "def");
    await waitFor(() => peer.doc.getText("t").toString() === "abcdef", "victim's edit relayed");
    await waitFor(async () => (await rowsOf(docName)) === rowsBefore + 1, "victim's edit stored");
    expect((await collab.service.getDocumentState(docName)).getText("t").toString()).toBe("abcdef");
    expect(victim.closes).toEqual([]);
    expect(peer.closes).toEqual([]);
  });
});

/** Content whose encoding the hostile updates below were derived from (client id 1). */
function buildBase(doc: Y.Doc): void {
  doc.getText("t").insert(0, "precious");
  doc.getMap("m").set("k", "v");
  doc.getArray("a").push([1, 2, { x: 1 }]);
}

// Mutations of a valid update from client 2 on top of buildBase(): each decodes, but integrating it
// throws ("Unexpected case" in a delete set, a struct whose origin/parent is not what it claims).
const HOSTILE_UPDATES = [
  "01030200c401020103025859c80109010a0177017a2701016d026b32010101015700",
  "01030200c401020103025859c80109010a0177017a272b026d026b32010101010002",
  "01030200c401020203025859c80109010a0177017a2701016d026b32010101010002",
];


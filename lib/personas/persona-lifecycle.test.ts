// Integration: persona lifecycle, projection, avatar upload and the persona ⇄ map queries on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { ZodError } from "zod";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam, createWorkspace } from "@/test/factories";
import { findPersona, findPersonaAvatar, listPersonaCoverage, listPersonaMaps, listPersonas, listUnlinkedMapTitles } from "@/db/queries/personas";
import { collabDocuments, journeyMaps, mapPersonas, mapTouchpoints, personas } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { archivePersona } from "./archive-persona";
import { createPersona } from "./create-persona";
import { deletePersona, restorePersona } from "./delete-persona";
import { getDocumentStore } from "./document-store";
import { duplicatePersona } from "./duplicate-persona";
import { onPersonaChanged } from "./on-persona-changed";
import { addListItem, readPersona, setAvatarColor, setPersonaText } from "./persona-document";
import { AVATAR_MAX_BYTES, detectImageType, removePersonaAvatar, setPersonaAvatar } from "./set-persona-avatar";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]);

async function expectAppError(promise: Promise<unknown>, code: string) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe.each(testDrivers)("personas on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates a persona with its document, projects edits, duplicates", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const created = await createPersona(t.db, {
      workspaceId: workspace.id,
      userId: editor.id,
      content: { format: "journeyboard.persona/v1", name: "Ines Hartmann", segment: "IT admin", goals: ["Fewer tools"] },
    });
    const [doc] = await t.db.select().from(collabDocuments).where(eq(collabDocuments.name, `persona:${created.id}`));
    expect(doc.workspaceId).toBe(workspace.id);

    const store = getDocumentStore(t.db);
    const name = `persona:${created.id}`;
    await store.edit(name, workspace.id, (d) => {
      setPersonaText(d, "name", "Ines H.");
      setPersonaText(d, "quote", "SSO or nothing.");
      setAvatarColor(d, "#16a34a");
      addListItem(d, "painPoints", "Manual provisioning");
    });
    const live = await store.read(name, workspace.id);
    expect(readPersona(live)).toMatchObject({ name: "Ines H.", segment: "IT admin", goals: ["Fewer tools"], painPoints: ["Manual provisioning"] });

    // The change hook projects into the row; other documents and other workspaces are ignored.
    await onPersonaChanged(t.db, name, live, { workspaceId: workspace.id });
    await onPersonaChanged(t.db, "map:00000000-0000-0000-0000-000000000000", live, { workspaceId: workspace.id });
    const other = await createWorkspace(t.db);
    setPersonaText(live, "name", "Hijacked");
    await onPersonaChanged(t.db, name, live, { workspaceId: other.id });
    const row = await findPersona(t.db, workspace.id, created.id);
    expect(row).toMatchObject({ name: "Ines H.", segment: "IT admin", quote: "SSO or nothing.", avatarColor: "#16a34a" });

    const copy = await duplicatePersona(t.db, { workspaceId: workspace.id, userId: editor.id, personaId: created.id, copySuffix: "(copy)" });
    expect(copy.name).toBe("Ines H. (copy)");
    const copyDoc = await store.read(`persona:${copy.id}`, workspace.id);
    expect(readPersona(copyDoc).painPoints).toEqual(["Manual provisioning"]);
    await expectAppError(duplicatePersona(t.db, { workspaceId: other.id, userId: editor.id, personaId: created.id, copySuffix: "(copy)" }), "not_found");
  });

  it("refuses over-long fields and stores nothing", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const before = await t.db.select({ n: count() }).from(personas).where(eq(personas.workspaceId, workspace.id));
    for (const content of [
      { name: "n".repeat(121) },
      { name: "Dana", quote: "q".repeat(501) },
      { name: "Dana", segment: "s".repeat(121) },
      { format: "journeyboard.persona/v1", name: "Dana", goals: ["g".repeat(501)] },
    ]) {
      await expect(createPersona(t.db, { workspaceId: workspace.id, userId: editor.id, content: content as never })).rejects.toBeInstanceOf(ZodError);
    }
    const after = await t.db.select({ n: count() }).from(personas).where(eq(personas.workspaceId, workspace.id));
    expect(after[0].n).toBe(before[0].n);
  });

  it("archives, deletes softly and restores, scoped by workspace", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const other = await createWorkspace(t.db);
    const a = await createPersona(t.db, { workspaceId: workspace.id, userId: editor.id, content: { name: "Anna" } });
    const b = await createPersona(t.db, { workspaceId: workspace.id, userId: editor.id, content: { name: "Bert", segment: "Daily user" } });
    expect((await listPersonas(t.db, workspace.id)).map((p) => p.name)).toEqual(["Anna", "Bert"]);
    expect(await listPersonas(t.db, other.id)).toEqual([]);

    await archivePersona(t.db, { workspaceId: workspace.id, personaId: a.id, archived: true });
    expect((await listPersonas(t.db, workspace.id)).map((p) => p.name)).toEqual(["Bert"]);
    expect((await listPersonas(t.db, workspace.id, { includeArchived: true })).map((p) => p.name)).toEqual(["Anna", "Bert"]);

    await expectAppError(deletePersona(t.db, { workspaceId: other.id, personaId: b.id, userId: null }), "not_found");
    expect(await findPersona(t.db, workspace.id, b.id)).not.toBeNull();
    await deletePersona(t.db, { workspaceId: workspace.id, personaId: b.id, userId: editor.id });
    expect(await findPersona(t.db, workspace.id, b.id)).toBeNull();
    expect((await listPersonas(t.db, workspace.id, { includeArchived: true })).map((p) => p.name)).toEqual(["Anna"]);
    await restorePersona(t.db, { workspaceId: workspace.id, personaId: b.id });
    expect(await findPersona(t.db, workspace.id, b.id)).not.toBeNull();
  });

  it("accepts PNG/JPEG/WebP avatars up to 256 KB and refuses the rest without changing anything", async () => {
    expect(detectImageType(PNG)).toBe("image/png");
    expect(detectImageType(JPEG)).toBe("image/jpeg");
    expect(detectImageType(WEBP)).toBe("image/webp");
    expect(detectImageType(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();

    const { workspace, editor } = await createTeam(t.db);
    const other = await createWorkspace(t.db);
    const p = await createPersona(t.db, { workspaceId: workspace.id, userId: editor.id, content: { name: "Anna" } });
    await setPersonaAvatar(t.db, { workspaceId: workspace.id, personaId: p.id, bytes: PNG });
    expect((await findPersonaAvatar(t.db, workspace.id, p.id))?.mime).toBe("image/png");

    const big = new Uint8Array(AVATAR_MAX_BYTES + 1);
    big.set(JPEG);
    const err = await expectAppError(setPersonaAvatar(t.db, { workspaceId: workspace.id, personaId: p.id, bytes: big }), "too_large");
    expect(err.message).toMatch(/256 KB/);
    await expectAppError(setPersonaAvatar(t.db, { workspaceId: workspace.id, personaId: p.id, bytes: new TextEncoder().encode("GIF89a.....") }), "invalid_input");
    await expectAppError(setPersonaAvatar(t.db, { workspaceId: other.id, personaId: p.id, bytes: JPEG }), "not_found");
    const still = await findPersonaAvatar(t.db, workspace.id, p.id);
    expect(still?.mime).toBe("image/png");
    expect([...still!.image]).toEqual([...PNG]);
    expect(await findPersonaAvatar(t.db, other.id, p.id)).toBeNull();

    const exact = new Uint8Array(AVATAR_MAX_BYTES);
    exact.set(WEBP);
    await setPersonaAvatar(t.db, { workspaceId: workspace.id, personaId: p.id, bytes: exact });
    expect((await findPersonaAvatar(t.db, workspace.id, p.id))?.mime).toBe("image/webp");
    await removePersonaAvatar(t.db, { workspaceId: workspace.id, personaId: p.id });
    expect(await findPersonaAvatar(t.db, workspace.id, p.id)).toBeNull();
  });

  it("lists a persona's maps with their curves and the coverage matrix", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const other = await createWorkspace(t.db);
    const admin = await createPersona(t.db, { workspaceId: workspace.id, userId: editor.id, content: { name: "Admin" } });
    const user = await createPersona(t.db, { workspaceId: workspace.id, userId: editor.id, content: { name: "User" } });
    const [onboardingNow, onboardingFuture, support, deleted, unlinked] = await t.db
      .insert(journeyMaps)
      .values([
        { workspaceId: workspace.id, title: "Onboarding", state: "current", avgEmotion: -0.5 },
        { workspaceId: workspace.id, title: "Onboarding", state: "future", avgEmotion: 1.5 },
        { workspaceId: workspace.id, title: "Support", state: "current", avgEmotion: 0 },
        { workspaceId: workspace.id, title: "Gone", state: "current", deletedAt: new Date() },
        { workspaceId: workspace.id, title: "Renewal", state: "current" },
      ])
      .returning();
    const [foreignMap] = await t.db.insert(journeyMaps).values({ workspaceId: other.id, title: "Foreign" }).returning();
    await t.db.insert(mapPersonas).values([
      { mapId: onboardingNow.id, personaId: admin.id, workspaceId: workspace.id },
      { mapId: onboardingFuture.id, personaId: admin.id, workspaceId: workspace.id },
      { mapId: support.id, personaId: user.id, workspaceId: workspace.id },
      { mapId: deleted.id, personaId: admin.id, workspaceId: workspace.id },
      // A foreign workspace's row naming our persona must never show up.
      { mapId: foreignMap.id, personaId: admin.id, workspaceId: other.id },
    ]);
    await t.db.insert(mapTouchpoints).values([
      { mapId: onboardingNow.id, touchpointId: "t2", workspaceId: workspace.id, stageId: "s1", stageName: "Setup", position: 1, title: "SSO setup", emotion: -2, momentOfTruth: true },
      { mapId: onboardingNow.id, touchpointId: "t1", workspaceId: workspace.id, stageId: "s1", stageName: "Setup", position: 0, title: "Welcome mail", emotion: 1 },
    ]);
    const maps = await listPersonaMaps(t.db, workspace.id, admin.id);
    expect(maps.map((m) => [m.title, m.state])).toEqual([["Onboarding", "current"], ["Onboarding", "future"]].sort((a, b) => (a[1] < b[1] ? -1 : 1)));
    const current = maps.find((m) => m.state === "current")!;
    expect(current.touchpoints.map((tp) => [tp.title, tp.emotion, tp.momentOfTruth])).toEqual([["Welcome mail", 1, false], ["SSO setup", -2, true]]);

    const coverage = await listPersonaCoverage(t.db, workspace.id);
    expect(coverage.map((c) => `${c.personaId === admin.id ? "admin" : "user"}:${c.title}:${c.state}`).sort()).toEqual([
      "admin:Onboarding:current",
      "admin:Onboarding:future",
      "user:Support:current",
    ]);
    expect(await listUnlinkedMapTitles(t.db, workspace.id)).toEqual(["Renewal"]);
    expect(await listPersonaCoverage(t.db, other.id)).toEqual([]);
    expect((await listPersonas(t.db, workspace.id)).find((p) => p.id === admin.id)?.mapCount).toBe(2);
    void unlinked;
  });
});

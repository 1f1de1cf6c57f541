// Integration: search everything through the real REST handler (personal access tokens) on a real
// database (both drivers): ranking, German and English stemming, prefixes, every lane, personas,
// stakeholders, comments, workspace isolation, deleted documents, bad queries, and the backfill.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import { setDatabase } from "@/db/client";
import { comments, journeyMaps, searchEntries } from "@/db/schema";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { createMap } from "@/lib/maps/create-map";
import { addLane, addStage, addTouchpoint, createMapDocument, readMap, setLaneValue } from "@/lib/maps/map-document";
import { createPersona } from "@/lib/personas/create-persona";
import { createStakeholderMap } from "@/lib/stakeholders/create-stakeholder-map";
import { createComment } from "@/lib/comments/create-comment";
import { findCommentDocument } from "@/lib/comments/comment-document";
import { loadStoredDocument } from "@/lib/live-documents/stored";
import { projectMap } from "@/lib/maps/project-map";
import { backfillSearchIndex } from "./backfill-search-index";
import type { SearchResult } from "./search-workspace";

vi.mock("server-only", () => ({}));
process.env.AUTH_SECRET ??= "search-test-secret-0123456789abcdef";

const route = await import("@/app/api/v1/workspaces/[slug]/search/route");

describe.each(testDrivers)("search on %s", { timeout: 120_000 }, (driver) => {
  let t: TestDatabase;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let other: Awaited<ReturnType<typeof createTeam>>;
  let tok: { viewer: string; outsider: string };
  let mapId: string;
  let ids: Record<string, string>;
  let laneId: string;

  const search = async (q: string, token = tok.viewer, slug = team.workspace.slug, extra = "") => {
    const res = await route.GET(
      new Request(`http://journeyboard.test/api/v1/workspaces/${slug}/search?q=${encodeURIComponent(q)}${extra}`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ slug }) },
    );
    return { status: res.status, body: (await res.json()) as { results: SearchResult[]; error?: { code: string } } };
  };
  const titles = (results: SearchResult[]) => results.map((r) => r.title);

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    team = await createTeam(t.db);
    other = await createTeam(t.db);
    tok = {
      viewer: (await createAccessToken(t.db, { userId: team.viewer.id, name: "t", expiresInDays: 1 })).token,
      outsider: (await createAccessToken(t.db, { userId: other.owner.id, name: "t", expiresInDays: 1 })).token,
    };

    const doc = createMapDocument({ title: "Billing journey", outcome: "Customers pay without calling us." });
    const stage = addStage(doc, "Payment");
    laneId = addLane(doc, "Legal notes");
    ids = {
      invoiceTitle: addTouchpoint(doc, stage, undefined, { title: "Invoice", activity: "Checks the amounts." }),
      invoiceBody: addTouchpoint(doc, stage, undefined, { title: "Dunning letter", activity: "Compares the reminder with the invoice from March." }),
      rechnung: addTouchpoint(doc, stage, undefined, { title: "Zahlungserinnerung", thoughts: "Die Rechnung war falsch.", painPoints: ["Mahngebühr ohne Vorwarnung"] }),
      lane: addTouchpoint(doc, stage, undefined, { title: "Contract", opportunities: [{ text: "Offer SEPA direct debit" }] }),
    };
    setLaneValue(doc, ids.lane, laneId, "Widerrufsbelehrung fehlt");
    mapId = (await createMap(t.db, { workspaceId: team.workspace.id, userId: team.owner.id, title: "Billing journey", doc })).id;

    // Another workspace holds the same words: never returned.
    const foreign = createMapDocument({ title: "Invoice secrets" });
    addTouchpoint(foreign, addStage(foreign, "Payment"), undefined, { title: "Invoice Globex", thoughts: "Rechnungen" });
    await createMap(t.db, { workspaceId: other.workspace.id, userId: other.owner.id, title: "Invoice secrets", doc: foreign });

    await createPersona(t.db, {
      workspaceId: team.workspace.id, userId: team.owner.id,
      content: { format: "journeyboard.persona/v1", name: "Karin Vogt", segment: "CFO", painPoints: ["Invoices that do not match"], competitors: ["Compares every offer with Salesforce pricing"] },
    });
    await createStakeholderMap(t.db, {
      workspaceId: team.workspace.id, userId: team.owner.id,
      content: { title: "Ecosystem", stakeholders: [{ id: "fin", name: "Finance", type: "department", department: "Finance", ring: "indirect", angle: 10, influence: -1, description: "Sends invoices and reminders." }], relationships: [] },
    });
    const mapDoc = await findCommentDocument(t.db, "map", mapId);
    await createComment(t.db, { doc: mapDoc, authorId: team.owner.id, body: "Who approves the refund policy?", anchor: { touchpointId: ids.invoiceTitle }, baseUrl: "http://journeyboard.test" });
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it("ranks a title hit above a body hit and jumps to the exact cell", async () => {
    const { status, body } = await search("invoice");
    expect(status).toBe(200);
    const touchpoints = body.results.filter((r) => r.kind === "touchpoint");
    expect(touchpoints[0]).toMatchObject({ title: "Invoice", field: "title", docId: mapId, itemId: ids.invoiceTitle });
    const dunning = touchpoints.find((r) => r.itemId === ids.invoiceBody)!;
    expect(dunning).toMatchObject({ field: "activity", context: "Billing journey › Payment" });
    expect(dunning.rank).toBeLessThan(touchpoints[0].rank);
    expect(dunning.path).toBe(`/w/${team.workspace.slug}/maps/${mapId}?tp=${ids.invoiceBody}&lane=activity`);
    expect(dunning.snippet.some((p) => p.match && /invoice/i.test(p.text))).toBe(true);
  });

  it("stems English and German: invoices → invoice, Rechnungen → Rechnung", async () => {
    const en = await search("invoices");
    expect(en.body.results.find((r) => r.itemId === ids.invoiceTitle)).toBeTruthy();
    const de = await search("Rechnungen");
    const hit = de.body.results.find((r) => r.itemId === ids.rechnung);
    expect(hit).toMatchObject({ field: "thoughts" });
    expect(hit!.snippet.find((p) => p.match)!.text).toBe("Rechnung");
  });

  it("matches prefixes for type-ahead, pain points, opportunities and custom lanes", async () => {
    expect((await search("Zahlungserin")).body.results[0]).toMatchObject({ itemId: ids.rechnung, field: "title" });
    expect((await search("Mahngebühr")).body.results[0]).toMatchObject({ itemId: ids.rechnung, field: "painPoints" });
    expect((await search("SEPA")).body.results[0]).toMatchObject({ itemId: ids.lane, field: "opportunities" });
    expect((await search("Widerrufsbelehrung")).body.results[0]).toMatchObject({ itemId: ids.lane, field: `lane:${laneId}` });
  });

  it("finds maps, personas (competitors too), stakeholders and comments, and filters by kind", async () => {
    const { body } = await search("invoices");
    expect(new Set(body.results.map((r) => r.kind))).toEqual(new Set(["touchpoint", "persona", "stakeholder"]));
    const persona = body.results.find((r) => r.kind === "persona")!;
    expect(persona).toMatchObject({ title: "Karin Vogt", field: "pains" });
    expect(persona.path).toMatch(/\/personas\/[0-9a-f-]+\?focus=pains$/);
    expect((await search("Salesforce")).body.results[0]).toMatchObject({ kind: "persona", field: "competitors" });
    expect((await search("invoice", tok.viewer, team.workspace.slug, "&kind=stakeholder")).body.results.map((r) => r.kind)).toEqual(["stakeholder"]);
    expect((await search("billing")).body.results[0]).toMatchObject({ kind: "map", field: "title", path: `/w/${team.workspace.slug}/maps/${mapId}` });
    const comment = (await search("refund")).body.results[0];
    expect(comment).toMatchObject({ kind: "comment", title: "Billing journey", context: "Invoice" });
    expect(comment.path).toContain(`tp=${ids.invoiceTitle}`);
    expect(comment.path).toContain("comment=");
  });

  it("never returns another workspace's content; another workspace's slug answers 404", async () => {
    const { body } = await search("invoice");
    expect(titles(body.results)).not.toContain("Invoice Globex");
    expect(titles(body.results)).not.toContain("Invoice secrets");
    expect((await search("Rechnungen")).body.results.every((r) => r.title !== "Invoice Globex")).toBe(true);
    expect((await search("invoice", tok.outsider)).status).toBe(404);
    const own = await search("invoice", tok.outsider, other.workspace.slug);
    expect(titles(own.body.results)).toContain("Invoice Globex");
    expect(own.body.results.every((r) => r.docId !== mapId)).toBe(true);
  });

  it("leaves out deleted documents and their comments", async () => {
    await t.db.update(journeyMaps).set({ deletedAt: new Date() }).where(eq(journeyMaps.id, mapId));
    try {
      expect((await search("refund")).body.results).toEqual([]);
      expect((await search("Zahlungserinnerung")).body.results).toEqual([]);
    } finally {
      await t.db.update(journeyMaps).set({ deletedAt: null }).where(eq(journeyMaps.id, mapId));
    }
    expect((await search("refund")).body.results).toHaveLength(1);
    expect((await t.db.select().from(comments).where(eq(comments.docId, mapId))).length).toBe(1);
  });

  it("answers 400 for an empty or too long q and an unknown kind", async () => {
    expect((await search("")).status).toBe(400);
    expect((await search("   ")).status).toBe(400);
    expect((await search("x".repeat(201))).status).toBe(400);
    expect((await search("invoice", tok.viewer, team.workspace.slug, "&kind=everything")).status).toBe(400);
    // Operators and stop words alone are no error, just no results.
    expect((await search("the & | ! :* (")).status).toBe(200);
  });

  it("follows edits through the projection, rewriting only the cells that changed", async () => {
    const xmin = async (itemId: string, field: string) => {
      const res = await t.db.execute(sql`select xmin::text as x from search_entries where doc_id = ${mapId} and item_id = ${itemId} and field = ${field}`);
      return ((Array.isArray(res) ? res : (res as { rows: { x: string }[] }).rows) as { x: string }[])[0]?.x;
    };
    const untouched = await xmin(ids.rechnung, "thoughts");
    const doc = await loadStoredDocument(t.db, `map:${mapId}`);
    const map = readMap(doc);
    map.touchpoints.find((tp) => tp.id === ids.invoiceBody)!.activity = "Compares the reminder with the quote.";
    await projectMap(t.db, { workspaceId: team.workspace.id, mapId, map });
    expect((await search("invoice")).body.results.find((r) => r.itemId === ids.invoiceBody)).toBeUndefined();
    expect((await search("quote")).body.results[0]).toMatchObject({ itemId: ids.invoiceBody, field: "activity" });
    expect(await xmin(ids.rechnung, "thoughts")).toBe(untouched);
  });

  it("backfills documents without search rows", async () => {
    await t.db.delete(searchEntries).where(and(eq(searchEntries.docId, mapId)));
    expect((await search("Zahlungserinnerung")).body.results).toEqual([]);
    expect(await backfillSearchIndex(t.db)).toBe(1);
    expect((await search("Zahlungserinnerung")).body.results[0]).toMatchObject({ itemId: ids.rechnung });
    expect(await backfillSearchIndex(t.db)).toBe(0);
    // Rows of a document purged for good go too.
    await t.db.insert(searchEntries).values({ workspaceId: team.workspace.id, docKind: "map", docId: "00000000-0000-4000-8000-000000000001", field: "title", body: "Orphan" });
    await backfillSearchIndex(t.db);
    expect(await t.db.select().from(searchEntries).where(eq(searchEntries.docId, "00000000-0000-4000-8000-000000000001"))).toEqual([]);
  });
});

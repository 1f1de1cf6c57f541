// Integration: comments, mentions, inbox, e-mail, review cadence and activity through the real REST
// handlers (personal access tokens), a real database (both drivers), a real sync service and a
// real SMTP server (smtp-server on port 0) that receives what the mail worker sends.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createDepartment, createTeam, createUser } from "@/test/factories";
import { startTestSmtpServer, type TestSmtpServer } from "@/test/smtp-server";
import { setDatabase } from "@/db/client";
import { comments, journeyMaps, mailOutbox, mapActivity, notifications } from "@/db/schema";
import { createInProcessLiveDocuments, startCollabService, type CollabService } from "@/collab/index";
import { setLiveDocuments } from "@/lib/live-documents/port";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { createMap } from "@/lib/maps/create-map";
import { readMapDocument } from "@/lib/maps/map-documents";
import { readMap, toExport } from "@/lib/maps/map-document";
import { createMailTransport, deliverDueMail } from "@/lib/mail";
import { getMapActivity } from "@/lib/activity/get-map-activity";
import { recordMapVisit } from "@/lib/activity/map-visits";
import { updateDiscussionSettings } from "./discussion-settings";
import { setEmailMode } from "@/lib/notifications/notification-settings";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { createInvitation } from "@/lib/members/create-invitation";
import { runDailyJobs } from "@/lib/reviews/run-daily-jobs";
import { markMapReviewed } from "@/lib/maps/mark-map-reviewed";
import { getFreshness } from "@/lib/dashboard/freshness";
import { ZDashboardFilters } from "@/lib/dashboard/filters";

vi.mock("server-only", () => ({}));
process.env.AUTH_SECRET ??= "discuss-test-secret-0123456789abcdef";

const mapComments = await import("@/app/api/v1/maps/[id]/comments/route");
const oneComment = await import("@/app/api/v1/comments/[id]/route");
const inbox = await import("@/app/api/v1/notifications/route");
const readInbox = await import("@/app/api/v1/notifications/read/route");
const mapRoute = await import("@/app/api/v1/maps/[id]/route");
const unsubscribe = await import("@/app/api/unsubscribe/route");

const BASE = "http://journeyboard.test:4123";
function request(method: string, path: string, token: string, body?: unknown) {
  return new Request(`${BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = <P,>(p: P) => ({ params: Promise.resolve(p) });

describe.each(testDrivers)("discuss and follow up on %s", { timeout: 120_000 }, (driver) => {
  let t: TestDatabase;
  let collab: CollabService;
  let smtp: TestSmtpServer;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let people: Record<"cs1" | "cs2" | "sales" | "outsider", { id: string; email: string }>;
  let tok: Record<"owner" | "editor" | "viewer" | "cs1" | "cs2" | "sales" | "outsider", string>;
  let mapId: string;
  let touchpointId: string;
  let stageId: string;

  const countRows = async () => ({
    comments: (await t.db.select().from(comments)).length,
    notifications: (await t.db.select().from(notifications)).length,
    mails: (await t.db.select().from(mailOutbox)).length,
  });
  const post = (token: string, body: unknown, id = mapId) => mapComments.POST(request("POST", `/api/v1/maps/${id}/comments`, token, body), params({ id }));
  const inboxOf = async (token: string) => (await inbox.GET(request("GET", "/api/v1/notifications", token), params({}))).json();

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    collab = await startCollabService({ db: t.db, redisUrl: null, allowedOrigins: [], register: true });
    setLiveDocuments(createInProcessLiveDocuments(collab));
    smtp = await startTestSmtpServer();
    team = await createTeam(t.db);
    const cs = await createDepartment(t.db, team.workspace.id, "Customer Service");
    const sales = await createDepartment(t.db, team.workspace.id, "Sales");
    const mk = async (name: string, dept?: string) => {
      const u = await createUser(t.db, { name });
      await addMember(t.db, team.workspace.id, u.id, "editor", dept);
      return u;
    };
    const cs1 = await mk("Ben Okafor", cs.id);
    const cs2 = await mk("Bea Service", cs.id);
    const salesPerson = await mk("Cem Yilmaz", sales.id);
    const outsider = await createUser(t.db, { name: "Oz" });
    const elsewhere = await createTeam(t.db);
    await addMember(t.db, elsewhere.workspace.id, outsider.id, "owner");
    people = { cs1, cs2, sales: salesPerson, outsider };
    const token = async (userId: string) => (await createAccessToken(t.db, { userId, name: "test", expiresInDays: 30 })).token;
    tok = {
      owner: await token(team.owner.id), editor: await token(team.editor.id), viewer: await token(team.viewer.id),
      cs1: await token(cs1.id), cs2: await token(cs2.id), sales: await token(salesPerson.id), outsider: await token(outsider.id),
    };
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Onboarding", template: "saas-b2b", locale: "en" });
    mapId = map.id;
    const data = readMap(await readMapDocument(t.db, team.workspace.id, mapId));
    touchpointId = data.touchpoints[0].id;
    stageId = data.stages[0].id;
  }, 180_000);

  afterAll(async () => {
    setLiveDocuments(null);
    await collab?.close();
    await smtp?.close();
    await t?.close();
  });

  it("a viewer mentions a person and a department: inbox entries for exactly those members, e-mails with a link to the cell", async () => {
    const created = await post(tok.viewer, { body: `Hand-over unclear — @[Customer Service] please check, cc @${people.sales.email}.`, anchor: { touchpointId } });
    expect(created.status).toBe(201);
    const comment = await created.json();
    expect(comment.anchor).toMatchObject({ kind: "touchpoint", id: touchpointId });
    expect(comment.mentions.userIds).toEqual([people.sales.id]);

    const rows = await t.db.select().from(notifications).where(eq(notifications.commentId, comment.id));
    expect(rows.map((r) => r.userId).sort()).toEqual([people.cs1.id, people.cs2.id, people.sales.id].sort());
    expect(rows.every((r) => r.kind === "mention")).toBe(true);
    const benInbox = await inboxOf(tok.cs1);
    expect(benInbox).toHaveLength(1);
    expect(benInbox[0]).toMatchObject({ kind: "mention", readAt: null, commentId: comment.id });
    expect(benInbox[0].path).toBe(`/w/${team.workspace.slug}/maps/${mapId}?tp=${touchpointId}&comment=${comment.id}`);
    expect(await inboxOf(tok.editor)).toEqual([]);
    expect(await inboxOf(tok.viewer)).toEqual([]);

    // The e-mails go out through the real SMTP server.
    const transport = createMailTransport(smtp.url);
    while ((await deliverDueMail(t.db, { transport, from: "Journeyboard <jb@journeyboard.test>", log: () => {} })) > 0);
    for (const p of [people.cs1, people.cs2, people.sales]) {
      const mail = await smtp.waitFor(p.email, { subject: /mentioned you/ });
      expect(mail.text).toContain(`${BASE}/w/${team.workspace.slug}/maps/${mapId}?tp=${touchpointId}&comment=${comment.id}`);
      expect(mail.text).toContain("Hand-over unclear");
      expect(mail.text).toMatch(new RegExp(`${BASE}/unsubscribe\\?u=${p.id}&t=`));
    }
    expect(smtp.mails.filter((m) => m.to.includes(team.viewer.email) || m.to.includes(team.editor.email))).toEqual([]);

    // The unsubscribe link works without signing in; a forged one does not.
    const link = new URL(/(http\S+\/unsubscribe\S+)/.exec(smtp.mails.find((m) => m.to.includes(people.cs2.email))!.text)![1]);
    const form = (u: string, tk: string) => new Request(`${BASE}/api/unsubscribe`, { method: "POST", body: new URLSearchParams({ u, t: tk }) });
    expect((await unsubscribe.POST(form(people.cs1.id, link.searchParams.get("t")!))).status).toBe(404);
    expect((await unsubscribe.POST(form(people.cs2.id, link.searchParams.get("t")!))).status).toBe(303);
    const before = (await t.db.select().from(mailOutbox)).length;
    await post(tok.viewer, { body: "again @[Customer Service]", anchor: { stageId } });
    const after = await t.db.select().from(mailOutbox);
    expect(after.length - before).toBe(1); // cs1 only: cs2 unsubscribed (still in the inbox)
    expect((await inboxOf(tok.cs2)).length).toBe(2);
  });

  it("refuses a mention of a stranger, an unknown department, empty and too long bodies — and stores nothing", async () => {
    const before = await countRows();
    const stranger = await post(tok.editor, { body: `ask @${people.outsider.email} please` });
    expect(stranger.status).toBe(422);
    const err = (await stranger.json()).error;
    expect(err.code).toBe("invalid_input");
    expect(err.message).toContain(people.outsider.email);
    expect(err.message).toMatch(/no access/);
    expect((await post(tok.editor, { body: "ask @[Legal]" })).status).toBe(422);
    expect((await post(tok.editor, { body: "   " })).status).toBe(422);
    expect((await post(tok.editor, { body: "x".repeat(10_001) })).status).toBe(422);
    expect((await post(tok.editor, { body: "x", anchor: { touchpointId: "nope" } })).status).toBe(422);
    expect((await post(tok.editor, { body: "x", anchor: { touchpointId, stageId } })).status).toBe(422);
    expect(await countRows()).toEqual(before);
    expect((await post(tok.editor, { body: "y".repeat(10_000) })).status).toBe(201);
  });

  it("viewers comment but cannot edit the map; the workspace can turn viewer comments off", async () => {
    const exported = toExport(readMap(await readMapDocument(t.db, team.workspace.id, mapId)), mapId);
    expect((await mapRoute.PUT(request("PUT", `/api/v1/maps/${mapId}`, tok.viewer, exported), params({ id: mapId }))).status).toBe(403);
    expect((await post(tok.viewer, { body: "Looks good to me" })).status).toBe(201);
    await updateDiscussionSettings(t.db, team.workspace.id, { viewersMayComment: false });
    expect((await post(tok.viewer, { body: "Not any more" })).status).toBe(403);
    await updateDiscussionSettings(t.db, team.workspace.id, { viewersMayComment: true });
  });

  it("replies notify the thread; resolve hides it from open; authors edit and delete their own, admins any; other workspaces get 404", async () => {
    const root = await (await post(tok.cs1, { body: "Who owns the welcome e-mail?", anchor: { touchpointId } })).json();
    const reply = await post(tok.sales, { body: "Marketing, I think", parentId: root.id });
    expect(reply.status).toBe(201);
    const replyBody = await reply.json();
    expect(replyBody.threadId).toBe(root.id);
    const benReplies = (await inboxOf(tok.cs1)).filter((n: { kind: string }) => n.kind === "reply");
    expect(benReplies).toHaveLength(1);

    const list = async (token: string, q = "") => mapComments.GET(request("GET", `/api/v1/maps/${mapId}/comments${q}`, token), params({ id: mapId }));
    const open = await (await list(tok.viewer, "?status=open")).json();
    const thread = open.find((x: { id: string }) => x.id === root.id);
    expect(thread.replies.map((r: { body: string }) => r.body)).toEqual(["Marketing, I think"]);
    expect(thread.anchor).toMatchObject({ kind: "touchpoint", id: touchpointId, removed: false });

    const patch = (token: string, id: string, body: unknown) => oneComment.PATCH(request("PATCH", `/api/v1/comments/${id}`, token, body), params({ id }));
    const del = (token: string, id: string) => oneComment.DELETE(request("DELETE", `/api/v1/comments/${id}`, token), params({ id }));
    expect((await patch(tok.viewer, root.id, { resolved: true })).status).toBe(200);
    expect((await (await list(tok.viewer, "?status=open")).json()).some((x: { id: string }) => x.id === root.id)).toBe(false);
    expect((await (await list(tok.viewer, "?status=resolved")).json()).some((x: { id: string }) => x.id === root.id)).toBe(true);
    expect((await patch(tok.viewer, root.id, { resolved: false })).status).toBe(200);
    expect((await patch(tok.editor, root.id, { body: "hijack" })).status).toBe(403);
    expect((await patch(tok.cs1, root.id, { body: "Who owns the welcome e-mail now?" })).status).toBe(200);
    expect((await patch(tok.cs1, root.id, {})).status).toBe(422);

    // Another workspace: 404 everywhere, nothing revealed; its inbox does not see ours.
    expect((await list(tok.outsider)).status).toBe(404);
    expect((await post(tok.outsider, { body: "hi" })).status).toBe(404);
    expect((await patch(tok.outsider, root.id, { resolved: true })).status).toBe(404);
    expect((await del(tok.outsider, root.id)).status).toBe(404);
    expect(await inboxOf(tok.outsider)).toEqual([]);
    const benIds = (await inboxOf(tok.cs1)).map((n: { id: string }) => n.id);
    const foreignRead = await readInbox.POST(request("POST", "/api/v1/notifications/read", tok.outsider, { ids: benIds }), params({}));
    expect(await foreignRead.json()).toEqual({ updated: 0 });
    expect((await readInbox.POST(request("POST", "/api/v1/notifications/read", tok.cs1, { ids: [benIds[0]] }), params({}))).status).toBe(200);
    expect((await inboxOf(tok.cs1)).find((n: { id: string }) => n.id === benIds[0]).readAt).not.toBeNull();
    expect((await readInbox.POST(request("POST", "/api/v1/notifications/read", tok.cs1, { ids: ["x"] }), params({}))).status).toBe(422);

    // Delete: not someone else's (editor), own reply yes, an owner (admin) deletes any thread.
    expect((await del(tok.editor, replyBody.id)).status).toBe(403);
    expect((await del(tok.sales, replyBody.id)).status).toBe(204);
    expect((await del(tok.owner, root.id)).status).toBe(204);
    expect(await t.db.select().from(comments).where(eq(comments.id, root.id))).toEqual([]);
  });

  it("a removed touchpoint's thread stays readable, flagged as on a removed touchpoint", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Trial", template: "saas-b2b", locale: "en" });
    const data = readMap(await readMapDocument(t.db, team.workspace.id, map.id));
    const gone = data.touchpoints[1];
    const c = await (await post(tok.editor, { body: "About to go", anchor: { touchpointId: gone.id } }, map.id)).json();
    const exported = toExport(data, map.id);
    exported.touchpoints = exported.touchpoints.filter((x) => x.id !== gone.id);
    expect((await mapRoute.PUT(request("PUT", `/api/v1/maps/${map.id}`, tok.editor, exported), params({ id: map.id }))).status).toBe(200);
    const threads = await (await mapComments.GET(request("GET", `/api/v1/maps/${map.id}/comments`, tok.viewer), params({ id: map.id }))).json();
    expect(threads.find((x: { id: string }) => x.id === c.id).anchor).toMatchObject({ removed: true, label: gone.title });
  });

  it("activity feed lists a REST change with its author; the next visit highlights what others changed", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Renewal", template: "saas-b2b", locale: "en" });
    expect(await recordMapVisit(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.viewer.id })).toEqual([]);
    const data = readMap(await readMapDocument(t.db, team.workspace.id, map.id));
    const exported = toExport(data, map.id);
    const edited = exported.touchpoints[2];
    edited.title = "Renamed by REST";
    const moved = exported.touchpoints.splice(0, 1)[0];
    exported.touchpoints.splice(1, 0, moved);
    const res = await mapRoute.PUT(request("PUT", `/api/v1/maps/${map.id}`, tok.cs1, exported), params({ id: map.id }));
    expect(res.status).toBe(200);
    const feed = await getMapActivity(t.db, { workspaceId: team.workspace.id, mapId: map.id });
    const group = feed.find((e) => e.type === "touchpoints");
    expect(group).toMatchObject({ type: "touchpoints", actorId: people.cs1.id, actorName: "Ben Okafor" });
    const changes = group!.type === "touchpoints" ? group!.changes : [];
    expect(changes).toContainEqual({ kind: "touchpoint_edited", touchpointId: edited.id, title: "Renamed by REST" });
    expect(changes.filter((c) => c.kind === "touchpoint_moved")).toHaveLength(1);
    expect(changes.some((c) => c.kind === "touchpoint_added" || c.kind === "touchpoint_removed")).toBe(false);
    // Creating the map (its first projection) is not listed as changes.
    expect((await t.db.select().from(mapActivity).where(eq(mapActivity.mapId, map.id))).length).toBe(changes.length);
    const highlighted = await recordMapVisit(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: team.viewer.id });
    expect(highlighted.sort()).toEqual(changes.map((c) => c.touchpointId).sort());
    // The author's own changes are not highlighted for them.
    await recordMapVisit(t.db, { workspaceId: team.workspace.id, mapId: map.id, userId: people.cs1.id });
  });

  it("naming a member as a touchpoint's owner tells them", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Support", template: "saas-b2b", locale: "en" });
    const exported = toExport(readMap(await readMapDocument(t.db, team.workspace.id, map.id)), map.id);
    exported.touchpoints[0].owner = "Bea Service";
    await mapRoute.PUT(request("PUT", `/api/v1/maps/${map.id}`, tok.editor, exported), params({ id: map.id }));
    const bea = await inboxOf(tok.cs2);
    expect(bea.find((n: { kind: string; docId: string }) => n.kind === "touchpoint_owner" && n.docId === map.id)).toBeTruthy();
  });

  it("a map due for review reminds its owner once (inbox + mail job), the daily job runs once per day, a review resets it", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Stale map", template: "blank", locale: "en" });
    const old = new Date(Date.now() - 40 * 86_400_000);
    await t.db.update(journeyMaps).set({ ownerId: people.sales.id, updatedAt: old, reviewedAt: null }).where(eq(journeyMaps.id, map.id));
    const now = new Date();
    const day = (d: number) => new Date(now.getTime() + d * 86_400_000);
    // Not due at 40 days with the workspace default (90)…
    await updateDiscussionSettings(t.db, team.workspace.id, { reviewIntervalDays: 90 });
    const first = await runDailyJobs(t.db, { now: day(0), baseUrl: BASE });
    expect(first.ran).toBe(true);
    const reminders = () => t.db.select().from(notifications).where(and(eq(notifications.kind, "review_due"), eq(notifications.docId, map.id)));
    expect(await reminders()).toEqual([]);
    // …due with a 30-day default; two instances at once: one runs.
    await updateDiscussionSettings(t.db, team.workspace.id, { reviewIntervalDays: 30 });
    const mailsBefore = (await t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, people.sales.email))).length;
    const both = await Promise.all([runDailyJobs(t.db, { now: day(1), baseUrl: BASE }), runDailyJobs(t.db, { now: day(1), baseUrl: BASE })]);
    expect(both.filter((r) => r.ran)).toHaveLength(1);
    const due = await reminders();
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ userId: people.sales.id, title: "Stale map" });
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, people.sales.email));
    expect(mails.length - mailsBefore).toBe(1);
    expect(mails.at(-1)!.text).toContain(`${BASE}/w/${team.workspace.slug}/maps/${map.id}?review=1`);
    // Same day again: nothing; next day: still no second reminder for the same period.
    expect((await runDailyJobs(t.db, { now: day(1), baseUrl: BASE })).ran).toBe(false);
    await runDailyJobs(t.db, { now: day(2), baseUrl: BASE });
    expect(await reminders()).toHaveLength(1);
    // The freshness panel uses the interval and lists it; a review with a note makes it fresh.
    const filters = ZDashboardFilters.parse({});
    expect((await getFreshness(t.db, team.workspace.id, filters)).stale.map((s) => s.title)).toContain("Stale map");
    await markMapReviewed(t.db, { workspaceId: team.workspace.id, mapId: map.id, reviewerId: people.sales.id, note: "Checked with support" });
    expect((await getFreshness(t.db, team.workspace.id, filters)).stale.map((s) => s.title)).not.toContain("Stale map");
    const feed = await getMapActivity(t.db, { workspaceId: team.workspace.id, mapId: map.id });
    expect(feed[0]).toMatchObject({ type: "review", note: "Checked with support", actorId: people.sales.id });
    await updateDiscussionSettings(t.db, team.workspace.id, { reviewIntervalDays: 90 });
  });

  it("digest users get no single e-mails, then one daily digest listing what is unread", async () => {
    const digestUser = await createUser(t.db, { name: "Dora Digest" });
    await addMember(t.db, team.workspace.id, digestUser.id, "editor");
    await setEmailMode(t.db, digestUser.id, "digest");
    const mine = () => t.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, digestUser.email));
    expect((await post(tok.editor, { body: `First for @${digestUser.email}` })).status).toBe(201);
    expect((await post(tok.editor, { body: `Second for @${digestUser.email}` })).status).toBe(201);
    expect(await mine()).toEqual([]);
    const far = new Date(Date.now() + 30 * 86_400_000);
    expect((await runDailyJobs(t.db, { now: far, baseUrl: BASE })).ran).toBe(true);
    const mails = await mine();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/2 new notifications/);
    expect(mails[0].text).toContain(`${BASE}/w/${team.workspace.slug}/maps/${mapId}`);
    expect(mails[0].text).toContain("/unsubscribe?u=");
  });

  it("an accepted invitation tells whoever sent it", async () => {
    const invitee = await createUser(t.db, { name: "Ivy Invitee" });
    const { token } = await createInvitation(t.db, { workspaceId: team.workspace.id, actorId: team.owner.id, email: invitee.email, role: "viewer" });
    await acceptInvitation(t.db, { token, userId: invitee.id });
    const owners = await inboxOf(tok.owner);
    expect(owners.find((n: { kind: string }) => n.kind === "invitation_accepted")).toMatchObject({ title: "Ivy Invitee", path: `/w/${team.workspace.slug}/members` });
  });

  it("flags map owners who are no longer members", async () => {
    const map = await createMap(t.db, { workspaceId: team.workspace.id, userId: team.editor.id, title: "Orphan", template: "blank", locale: "en" });
    const gone = await createUser(t.db, { name: "Gone Person" });
    await t.db.update(journeyMaps).set({ ownerId: gone.id }).where(eq(journeyMaps.id, map.id));
    const f = await getFreshness(t.db, team.workspace.id, ZDashboardFilters.parse({}));
    expect(f.formerOwners).toContainEqual({ mapId: map.id, title: "Orphan", touchpointId: null, touchpointTitle: null, owner: "Gone Person" });
  });

  it("a comment reaches open documents through the sync service", async () => {
    const seen: unknown[] = [];
    const original = collab.broadcast.bind(collab);
    collab.broadcast = async (docName, payload) => {
      seen.push({ docName, payload });
      await original(docName, payload);
    };
    try {
      const c = await (await post(tok.editor, { body: "live" })).json();
      expect(seen).toEqual([{ docName: `map:${mapId}`, payload: { type: "comment", action: "created", commentId: c.id, threadId: c.id, authorId: team.editor.id } }]);
    } finally {
      collab.broadcast = original;
    }
  });
});

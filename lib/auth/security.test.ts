// The account-security attack suite on real databases (and a real /collab service): each finding of
// issue 9 that lives below the browser, as an attack that must fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { accountTokens, auditEvents, invitations, personalAccessTokens, users } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createTeam, createUser } from "@/test/factories";
import { closeCodeOf, connectRaw, createMapRow, startTestCollab, waitFor, type TestCollab } from "@/test/collab-server";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { createInvitation } from "@/lib/members/create-invitation";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { issueAccountToken } from "./account-tokens";
import { changePassword } from "./change-password";
import { claimUnverifiedAccount } from "./claim-unverified-account";
import { hashPassword, verifyPassword } from "./password";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { resolveCaller } from "./resolve-caller";
import { signOutEverywhere } from "./sign-out-everywhere";
import { ThrottledError, consumeSignInAttempt, consumeSignUp } from "./throttle";
import { verifyEmail } from "./verify-email";
import { clientIpFromForwardedFor } from "@/lib/server/forwarded-for";
import { mailOutbox } from "@/db/schema";

const cookieFor = async (userId: string, sv: number) =>
  `authjs.session-token=${await encode({ token: { sub: userId, sv }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" })}`;

describe.each(testDrivers)("account security (%s)", (driver) => {
  let t: TestDatabase;
  let collab: TestCollab;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    collab = await startTestCollab(t.db);
  }, 120_000);
  afterAll(async () => {
    await collab?.close();
    await t?.close();
  });

  it("40 parallel sign-in attempts for one account: only 5 are let through to the password check, from any IP", async () => {
    const email = `target-${Date.now()}@example.test`;
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => consumeSignInAttempt(t.db, email, `198.51.100.${i % 7}`)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.every((r) => r.reason instanceof ThrottledError && r.reason.retryAfter > 0)).toBe(true);
    // Another account from those IPs is still allowed (the per-IP budget is larger).
    await expect(consumeSignInAttempt(t.db, `other-${Date.now()}@example.test`, "198.51.100.1")).resolves.toBeUndefined();
  });

  it("one IP is throttled across many accounts, and sign-ups per IP are throttled", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}`;
    let allowed = 0;
    for (let i = 0; i < 55; i++) {
      try {
        await consumeSignInAttempt(t.db, `spray-${i}-${Date.now()}@example.test`, ip);
        allowed++;
      } catch (err) {
        expect(err).toBeInstanceOf(ThrottledError);
      }
    }
    expect(allowed).toBe(50);
    const signUpIp = `192.0.2.${Math.floor(Math.random() * 200)}`;
    const signUps = await Promise.allSettled(Array.from({ length: 25 }, () => consumeSignUp(t.db, signUpIp)));
    expect(signUps.filter((r) => r.status === "fulfilled")).toHaveLength(20);
  });

  it("behind a trusted proxy the rightmost X-Forwarded-For hop is the client, not a client-sent leftmost one", () => {
    expect(clientIpFromForwardedFor("6.6.6.6, 10.0.0.7")).toBe("10.0.0.7");
    expect(clientIpFromForwardedFor("10.0.0.7")).toBe("10.0.0.7");
    expect(clientIpFromForwardedFor("")).toBeNull();
  });

  it("verification links: work once, not after expiry, not after the address changed", async () => {
    const user = await createUser(t.db, { emailVerified: null });
    const secret = await issueAccountToken(t.db, user.id, user.email, "verify_email");
    await verifyEmail(t.db, secret);
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(after.emailVerified).toBeInstanceOf(Date);
    await expect(verifyEmail(t.db, secret)).rejects.toMatchObject({ code: "already_used" });
    await expect(verifyEmail(t.db, "jb_ve_forged")).rejects.toMatchObject({ code: "not_found" });

    const other = await createUser(t.db, { emailVerified: null });
    const expiring = await issueAccountToken(t.db, other.id, other.email, "verify_email");
    await t.db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.userId, other.id));
    await expect(verifyEmail(t.db, expiring)).rejects.toMatchObject({ code: "expired" });
    const fresh = await issueAccountToken(t.db, other.id, other.email, "verify_email");
    await t.db.update(users).set({ email: `changed-${Date.now()}@example.test` }).where(eq(users.id, other.id));
    await expect(verifyEmail(t.db, fresh)).rejects.toMatchObject({ code: "already_used" });
    const [still] = await t.db.select().from(users).where(eq(users.id, other.id));
    expect(still.emailVerified).toBeNull();
  });

  it("password reset: mailed link (not for unknown addresses), single use, expires, ends sessions, verifies the address, audited", async () => {
    const user = await createUser(t.db, { emailVerified: null, passwordHash: await hashPassword("old-password-123") });
    const before = await t.db.select().from(mailOutbox);
    await requestPasswordReset(t.db, { email: `nobody-${Date.now()}@example.test`, ip: "192.0.2.50", origin: "http://127.0.0.1:3000" });
    expect(await t.db.select().from(mailOutbox)).toHaveLength(before.length);
    await requestPasswordReset(t.db, { email: user.email, ip: "192.0.2.50", origin: "http://127.0.0.1:3000" });
    const [mail] = await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.recipient, user.email), eq(mailOutbox.kind, "password_reset")));
    const link = mail.text.match(/http:\/\/127\.0\.0\.1:3000\/reset-password\/(\S+)/);
    expect(link).not.toBeNull();
    const secret = decodeURIComponent(link![1]);

    const oldCookie = await cookieFor(user.id, 0);
    expect(await resolveCaller(t.db, { cookie: oldCookie })).toMatchObject({ userId: user.id });
    await resetPassword(t.db, { secret, password: "new-password-456" });
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword("new-password-456", after.passwordHash)).toBe(true);
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(after.sessionVersion).toBe(1);
    expect(await resolveCaller(t.db, { cookie: oldCookie })).toBeNull();
    await expect(resetPassword(t.db, { secret, password: "third-password-789" })).rejects.toMatchObject({ code: "already_used" });
    const [unchanged] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword("new-password-456", unchanged.passwordHash)).toBe(true);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, user.id), eq(auditEvents.action, "auth.password_reset")));
    expect(events).toHaveLength(1);

    // Expired link.
    const expiring = await issueAccountToken(t.db, user.id, user.email, "password_reset");
    await t.db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, "password_reset")));
    await expect(resetPassword(t.db, { secret: expiring, password: "whatever-password" })).rejects.toMatchObject({ code: "expired" });
  });

  it("change password needs the current one; a wrong one changes nothing", async () => {
    const user = await createUser(t.db, { passwordHash: await hashPassword("current-password-1") });
    await expect(changePassword(t.db, { userId: user.id, current: "wrong-password-1", next: "next-password-12" })).rejects.toMatchObject({ code: "invalid_input" });
    const [same] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(same.passwordHash).toBe(user.passwordHash);
    expect(same.sessionVersion).toBe(0);
    await changePassword(t.db, { userId: user.id, current: "current-password-1", next: "next-password-12" });
    const [changed] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword("next-password-12", changed.passwordHash)).toBe(true);
    expect(changed.sessionVersion).toBe(1);
  });

  it("SSO claims an unverified local account: the stranger's password, sessions and tokens stop working; a verified one is left alone", async () => {
    const victimEmail = `victim-${Date.now()}@corp.example`;
    const stranger = await createUser(t.db, { email: victimEmail, emailVerified: null, passwordHash: await hashPassword("stranger-password") });
    const pat = await createAccessToken(t.db, { userId: stranger.id, name: "backdoor", expiresInDays: 30 });
    const strangerCookie = await cookieFor(stranger.id, 0);
    expect(await resolveCaller(t.db, { cookie: strangerCookie })).not.toBeNull();

    expect(await claimUnverifiedAccount(t.db, { email: victimEmail, provider: "oidc" })).toBe(stranger.id);
    const [claimed] = await t.db.select().from(users).where(eq(users.id, stranger.id));
    expect(claimed.passwordHash).toBeNull();
    expect(await verifyPassword("stranger-password", claimed.passwordHash)).toBe(false);
    expect(claimed.emailVerified).toBeInstanceOf(Date);
    expect(await resolveCaller(t.db, { cookie: strangerCookie })).toBeNull();
    expect(await resolveCaller(t.db, { authorization: `Bearer ${pat.token}` })).toBeNull();
    const [tok] = await t.db.select().from(personalAccessTokens).where(eq(personalAccessTokens.id, pat.id));
    expect(tok.revokedAt).toBeInstanceOf(Date);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, stranger.id), eq(auditEvents.action, "auth.account_claimed")));
    expect(event.metadata).toMatchObject({ provider: "oidc" });

    const verified = await createUser(t.db, { passwordHash: await hashPassword("owner-password-1") });
    expect(await claimUnverifiedAccount(t.db, { email: verified.email, provider: "oidc" })).toBeNull();
    const [untouched] = await t.db.select().from(users).where(eq(users.id, verified.id));
    expect(untouched.passwordHash).toBe(verified.passwordHash);
  });

  it("sign out everywhere: old cookies stop working and an open /collab socket of that session closes", async () => {
    const team = await createTeam(t.db);
    const map = await createMapRow(t.db, team.workspace.id);
    const cookie = await cookieFor(team.editor.id, 0);
    const raw = connectRaw(collab.url, map.docName, { cookie });
    await raw.opened;
    // Token sockets of the same user are not sessions: they stay.
    const pat = await createAccessToken(t.db, { userId: team.editor.id, name: "bot", expiresInDays: 30 });
    const bot = connectRaw(collab.url, map.docName, { bearer: pat.token });
    await bot.opened;

    await signOutEverywhere(t.db, { userId: team.editor.id });
    // This test's service is not the registered one: its periodic re-check must catch it.
    await collab.service.refreshUserSessions(team.editor.id);
    const closed = await raw.closed;
    expect(closed.code).toBe(4401);
    expect(bot.isClosed()).toBe(false);
    expect(await resolveCaller(t.db, { cookie })).toBeNull();
    expect(await closeCodeOf(collab.url, map.docName, { cookie })).toBe(4401);
    const fresh = await cookieFor(team.editor.id, 1);
    const again = connectRaw(collab.url, map.docName, { cookie: fresh });
    await again.opened;
    again.ws.close();
    bot.ws.close();
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, team.editor.id), eq(auditEvents.action, "auth.signed_out_everywhere")));
    expect(events).toHaveLength(1);
  });

  it("an expired session cookie's socket is closed by the periodic re-check", async () => {
    const team = await createTeam(t.db);
    const map = await createMapRow(t.db, team.workspace.id);
    const exp = Math.floor(Date.now() / 1000) + 2;
    const value = await encode({ token: { sub: team.editor.id, sv: 0, exp }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token", maxAge: 2 });
    const raw = connectRaw(collab.url, map.docName, { cookie: `authjs.session-token=${value}` });
    await raw.opened;
    await new Promise((r) => setTimeout(r, 2500));
    await collab.service.refreshUserSessions(team.editor.id);
    await waitFor(() => raw.isClosed(), "socket closed after expiry", 10_000);
    expect((await raw.closed).code).toBe(4401);
  });

  it("invitations are bound to the invited address unless 'anyone with the link', and die when the inviter loses rights", async () => {
    const team = await createTeam(t.db);
    const admin = await createUser(t.db);
    await addMember(t.db, team.workspace.id, admin.id, "admin");
    const invitedEmail = `invited-${Date.now()}@example.test`;
    const { token } = await createInvitation(t.db, { workspaceId: team.workspace.id, actorId: admin.id, email: invitedEmail, role: "editor", origin: "http://localhost:3000" });
    const [mail] = await t.db.select().from(mailOutbox).where(and(eq(mailOutbox.recipient, invitedEmail), eq(mailOutbox.kind, "invitation")));
    expect(mail.text).toContain(`http://localhost:3000/invite/${token}`);
    expect(mail.workspaceId).toBe(team.workspace.id);

    const stranger = await createUser(t.db);
    await expect(acceptInvitation(t.db, { token, userId: stranger.id })).rejects.toMatchObject({ code: "wrong_account" });
    const invitee = await createUser(t.db, { email: invitedEmail, emailVerified: null });
    await expect(acceptInvitation(t.db, { token, userId: invitee.id })).resolves.toMatchObject({ workspaceId: team.workspace.id });

    const open = await createInvitation(t.db, { workspaceId: team.workspace.id, actorId: admin.id, email: `anyone-${Date.now()}@example.test`, role: "viewer", anyoneWithLink: true });
    const bound = await createInvitation(t.db, { workspaceId: team.workspace.id, actorId: admin.id, email: `later-${Date.now()}@example.test`, role: "viewer" });
    await expect(acceptInvitation(t.db, { token: open.token, userId: stranger.id })).resolves.toMatchObject({ workspaceId: team.workspace.id });

    await changeMemberRole(t.db, { workspaceId: team.workspace.id, actorId: team.owner.id, userId: admin.id, role: "editor" });
    const [revoked] = await t.db.select().from(invitations).where(eq(invitations.id, bound.invitation.id));
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const later = await createUser(t.db, { email: bound.invitation.email });
    await expect(acceptInvitation(t.db, { token: bound.token, userId: later.id })).rejects.toMatchObject({ code: "not_found" });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, team.workspace.id), eq(auditEvents.action, "invitation.revoked")));
    expect(events.map((e) => e.metadata)).toContainEqual(expect.objectContaining({ reason: "inviter_lost_rights" }));
  });
});

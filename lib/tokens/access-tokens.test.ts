// Personal access tokens against real databases: create → resolve → revoke / expire, via resolveCaller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { listAccessTokens } from "@/db/queries/personal-access-tokens";
import { auditEvents, personalAccessTokens } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { resolveCaller } from "@/lib/auth/resolve-caller";
import { ZCreateAccessToken } from "@/lib/validations/account";
import { createAccessToken } from "./create-access-token";
import { revokeAccessToken } from "./revoke-access-token";

describe.each(testDrivers)("personal access tokens (%s)", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("a created token resolves to its user, is stored hashed, lists without the secret, and records last use", async () => {
    const user = await createUser(t.db);
    const created = await createAccessToken(t.db, { userId: user.id, name: "CI export", expiresInDays: 90 });
    expect(created.token).toMatch(/^jb_pat_/);
    expect(created.prefix).toBe(created.token.slice(0, created.prefix.length));
    expect(created.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 89 * 24 * 3600 * 1000);
    const rows = await t.db.select().from(personalAccessTokens).where(eq(personalAccessTokens.userId, user.id));
    expect(JSON.stringify(rows)).not.toContain(created.token);

    expect(await resolveCaller(t.db, bearer(created.token))).toEqual({ userId: user.id, via: "token", tokenId: created.id, scope: "read_write" });
    expect(await resolveCaller(t.db, { queryToken: created.token })).toMatchObject({ userId: user.id });
    // lastUsedAt is written in the background: wait for it rather than for a fixed time.
    await expect.poll(async () => (await listAccessTokens(t.db, user.id))[0].lastUsedAt).not.toBeNull();
    const [listed] = await listAccessTokens(t.db, user.id);
    expect(Object.keys(listed)).not.toContain("tokenHash");
    expect(listed).toMatchObject({ name: "CI export", prefix: created.prefix });

    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, user.id), eq(auditEvents.action, "token.created")));
    expect(event).toMatchObject({ targetId: created.id, metadata: { name: "CI export", expiresInDays: 90, scope: "read_write" } });
  });

  it("a revoked token stops resolving at once; only its owner can revoke it", async () => {
    const user = await createUser(t.db);
    const other = await createUser(t.db);
    const { id, token } = await createAccessToken(t.db, { userId: user.id, name: "laptop", expiresInDays: 365 });
    await expect(revokeAccessToken(t.db, { userId: other.id, tokenId: id })).rejects.toMatchObject({ code: "not_found" });
    expect(await resolveCaller(t.db, bearer(token))).not.toBeNull();
    await revokeAccessToken(t.db, { userId: user.id, tokenId: id });
    expect(await resolveCaller(t.db, bearer(token))).toBeNull();
    expect(await listAccessTokens(t.db, user.id)).toEqual([]);
    await expect(revokeAccessToken(t.db, { userId: user.id, tokenId: id })).rejects.toMatchObject({ code: "not_found" });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.actorId, user.id), eq(auditEvents.action, "token.revoked")));
    expect(events).toHaveLength(1);
  });

  it("an expired token does not resolve, and a bad bearer never falls back to the cookie", async () => {
    const user = await createUser(t.db);
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    const { token } = await createAccessToken(t.db, { userId: user.id, name: "old", expiresInDays: 30, now: longAgo });
    expect(await resolveCaller(t.db, bearer(token))).toBeNull();
    expect(await resolveCaller(t.db, bearer("jb_pat_forged"))).toBeNull();
    expect(await resolveCaller(t.db, { authorization: "Bearer jb_pat_forged", cookie: "authjs.session-token=whatever" })).toBeNull();
  });

  it("validates names, lifetimes and scopes", async () => {
    expect(ZCreateAccessToken.safeParse({ name: "", expiresInDays: 30 }).error?.issues[0].message).toBe("token_name_required");
    expect(ZCreateAccessToken.safeParse({ name: "n".repeat(81), expiresInDays: 30 }).error?.issues[0].message).toBe("token_name_too_long");
    expect(ZCreateAccessToken.safeParse({ name: "ok", expiresInDays: 7 }).success).toBe(false);
    // Every token expires, within a year; the scope defaults to read.
    expect(ZCreateAccessToken.safeParse({ name: "ok", expiresInDays: null }).success).toBe(false);
    expect(ZCreateAccessToken.safeParse({ name: "ok" }).success).toBe(false);
    expect(ZCreateAccessToken.safeParse({ name: "ok", expiresInDays: 365 }).data?.scope).toBe("read");
    expect(ZCreateAccessToken.safeParse({ name: "ok", expiresInDays: 30, scope: "admin" }).success).toBe(false);
    await expect(createAccessToken(t.db, { userId: "x", name: "ok", expiresInDays: 366 })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

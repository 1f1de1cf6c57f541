"use server";
// Public actions of the shared view (no account): give a link's password, renew the live view's
// collab credential. Both re-check the link (revoked, expired → "gone") on every call.
import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requestIp, requestOrigin } from "@/lib/server/request-info";
import { checkShareLinkPassword, findActiveShareLink } from "@/lib/sharing/open-share-link";
import { shareUnlockCookieName, signShareCollabCredential, signShareUnlock, SHARE_UNLOCK_TTL_MS, verifyShareUnlock } from "@/lib/sharing/share-credential";
import { shareDocName } from "@/lib/sharing/share-targets";

const ZUnlock = z.object({ token: z.string().min(1).max(200), password: z.string().max(1000) });

export type UnlockResult = { ok: true } | { ok: false; error: "wrong" | "throttled" | "gone" | "required"; retryAfter?: number };

export async function unlockShareLinkAction(input: { token: string; password: string }): Promise<UnlockResult> {
  const parsed = ZUnlock.safeParse(input);
  if (!parsed.success) return { ok: false, error: "gone" };
  if (!parsed.data.password) return { ok: false, error: "required" };
  const db = await getDb();
  const link = await findActiveShareLink(db, parsed.data.token);
  if (!link) return { ok: false, error: "gone" };
  const check = await checkShareLinkPassword(link, parsed.data.password, (await requestIp()) ?? "unknown");
  if (!check.ok) return check.reason === "throttled" ? { ok: false, error: "throttled", retryAfter: check.retryAfter } : { ok: false, error: "wrong" };
  (await cookies()).set(shareUnlockCookieName(link.id), signShareUnlock(link.id), {
    httpOnly: true,
    sameSite: "lax",
    secure: (await requestOrigin()).startsWith("https:"),
    path: "/s/",
    maxAge: SHARE_UNLOCK_TTL_MS / 1000,
  });
  return { ok: true };
}

/** A fresh collab credential while the shared view stays open; null once the link has ended. */
export async function renewShareCredentialAction(input: { token: string }): Promise<string | null> {
  const token = z.string().min(1).max(200).safeParse(input?.token);
  if (!token.success) return null;
  const db = await getDb();
  const link = await findActiveShareLink(db, token.data);
  if (!link) return null;
  if (link.hasPassword && !verifyShareUnlock((await cookies()).get(shareUnlockCookieName(link.id))?.value, link.id)) return null;
  return signShareCollabCredential(link.id, shareDocName(link.kind, link.docId)).credential;
}

// Creates a view-only share link for a map, persona or stakeholder map. The secret in the URL is
// returned once; only its SHA-256 is stored (like personal access tokens), the optional password
// is hashed like account passwords.
import { z } from "zod";
import type { Database } from "@/db/client";
import { shareLinks } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { getEnv } from "@/env";
import { AppError } from "@/lib/errors";
import { listShareLinks } from "./list-share-links";
import { findShareTargetWorkspace, type ShareKind } from "./share-targets";

const DAY = 24 * 60 * 60 * 1000;
/** Longest expiry a link may have (besides "never"). */
export const MAX_SHARE_DAYS = 90;
/** Active links per document: enough for any real use, bounded against scripted abuse. */
export const MAX_ACTIVE_LINKS_PER_DOC = 50;

export const ZShareLinkInput = z.object({
  /** Absolute expiry (ISO); omitted or null = never. Between 1 day … 90 days from now (a minute of slack). */
  expiresAt: z.iso.datetime({ offset: true }).nullish(),
  password: z.string().min(4, "password_too_short").max(200, "password_too_long").nullish(),
  showNames: z.boolean().optional().default(false),
});
export type ShareLinkInput = z.input<typeof ZShareLinkInput>;

export type CreatedShareLink = { id: string; url: string; expiresAt: Date | null };

export async function createShareLink(
  db: Database,
  options: { workspaceId: string; kind: ShareKind; docId: string; userId: string; origin: string; input: ShareLinkInput; now?: Date },
): Promise<CreatedShareLink> {
  const input = ZShareLinkInput.parse(options.input);
  const docId = options.docId.toLowerCase();
  if ((await findShareTargetWorkspace(db, options.kind, docId)) !== options.workspaceId) throw new AppError("not_found");
  const now = options.now ?? new Date();
  let expiresAt: Date | null = null;
  if (input.expiresAt) {
    expiresAt = new Date(input.expiresAt);
    const ms = expiresAt.getTime() - now.getTime();
    const minMs = getEnv().SHARE_LINK_MIN_EXPIRY_MINUTES * 60_000;
    if (ms <= 0 || ms < minMs - 60_000 || ms > MAX_SHARE_DAYS * DAY + 60_000) {
      throw new AppError("invalid_input", "expiresAt must be between 1 and 90 days from now (or omitted for never).", { expiresAt: "expiry_range" });
    }
  }
  const active = (await listShareLinks(db, { workspaceId: options.workspaceId, kind: options.kind, docId, now })).length;
  if (active >= MAX_ACTIVE_LINKS_PER_DOC) throw new AppError("conflict", `at most ${MAX_ACTIVE_LINKS_PER_DOC} active links per document`);
  const secret = generateSecret("jbs");
  const [row] = await db
    .insert(shareLinks)
    .values({
      workspaceId: options.workspaceId,
      docKind: options.kind,
      docId,
      tokenHash: hashSecret(secret),
      passwordHash: input.password ? await hashPassword(input.password) : null,
      showNames: input.showNames,
      expiresAt,
      createdBy: options.userId,
    })
    .returning({ id: shareLinks.id, expiresAt: shareLinks.expiresAt });
  return { id: row.id, url: `${options.origin.replace(/\/$/, "")}/s/${secret}`, expiresAt: row.expiresAt };
}

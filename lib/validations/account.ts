// Input schemas for the account page: display name and personal access tokens.
import { z } from "zod";

export const ZAccountName = z.object({ name: z.string().trim().min(1, "name_required").max(100, "name_too_long") });

/** Token lifetimes offered in the UI. Every token expires, at the latest after a year. */
export const TOKEN_EXPIRY_DAYS = [30, 90, 365] as const;
export const TOKEN_SCOPES = ["read", "read_write"] as const;

export const ZCreateAccessToken = z.object({
  name: z.string().trim().min(1, "token_name_required").max(80, "token_name_too_long"),
  expiresInDays: z.union([z.literal(30), z.literal(90), z.literal(365)], { error: "token_expiry_required" }),
  scope: z.enum(TOKEN_SCOPES).default("read"),
});
export const ZRevokeAccessToken = z.object({ tokenId: z.uuid() });

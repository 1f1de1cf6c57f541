// Uploaded persona avatars: PNG, JPEG or WebP up to 256 KB, recognised by their magic bytes (never
// by a client-sent type or file name).
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { personas } from "@/db/schema";
import { AppError } from "@/lib/errors";

export const AVATAR_MAX_BYTES = 256 * 1024;
export type AvatarMime = "image/png" | "image/jpeg" | "image/webp";

/** The image type of `bytes` from its signature, or null when it is none of the accepted types. */
export function detectImageType(bytes: Uint8Array): AvatarMime | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (bytes.length >= 3 && starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export type SetPersonaAvatarOptions = { workspaceId: string; personaId: string; bytes: Uint8Array };

/** Stores an uploaded avatar. Too large or not an image → AppError, and nothing changes. */
export async function setPersonaAvatar(db: DbOrTx, { workspaceId, personaId, bytes }: SetPersonaAvatarOptions): Promise<{ mime: AvatarMime; bytes: number }> {
  if (bytes.byteLength > AVATAR_MAX_BYTES) {
    throw new AppError("too_large", `The image is ${Math.ceil(bytes.byteLength / 1024)} KB; avatars may be at most 256 KB.`, { avatar: "avatar_too_large" });
  }
  if (bytes.byteLength === 0) throw new AppError("invalid_input", "The image is empty.", { avatar: "avatar_type" });
  const mime = detectImageType(bytes);
  if (!mime) throw new AppError("invalid_input", "Avatars must be PNG, JPEG or WebP images.", { avatar: "avatar_type" });
  const rows = await db
    .update(personas)
    .set({ avatarImage: bytes, avatarMime: mime, updatedAt: new Date() })
    .where(and(eq(personas.id, personaId), eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .returning({ id: personas.id });
  if (rows.length === 0) throw new AppError("not_found");
  return { mime, bytes: bytes.byteLength };
}

/** Goes back to the generated avatar (initials on the persona's colour). */
export async function removePersonaAvatar(db: DbOrTx, { workspaceId, personaId }: Omit<SetPersonaAvatarOptions, "bytes">): Promise<void> {
  const rows = await db
    .update(personas)
    .set({ avatarImage: null, avatarMime: null, updatedAt: new Date() })
    .where(and(eq(personas.id, personaId), eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .returning({ id: personas.id });
  if (rows.length === 0) throw new AppError("not_found");
}

import { z } from "zod";

export const ZWorkspaceName = z.string().trim().min(1, "name_required").max(80, "name_too_long");
export const ZWorkspaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "slug_too_short")
  .max(40, "slug_too_long")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "slug_invalid");

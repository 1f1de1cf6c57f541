import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const ZPassword = z.string().min(10, "password_too_short").max(200, "password_too_long");
export const ZDisplayName = z.string().trim().min(1).max(100);

export const ZCredentials = z.object({ email: ZEmail, password: z.string().min(1).max(200) });
export const ZSignUp = z.object({
  name: ZDisplayName,
  email: ZEmail,
  password: ZPassword,
  invitation: z.string().max(200).optional(),
});

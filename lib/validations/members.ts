// Input schemas for members, invitations and the domain join rule. Error messages are message keys
// of the `members` namespace, so forms can show them next to the field in the user's language.
import { z } from "zod";
import { ROLES } from "@/lib/auth/policy";
import { ZEmail } from "./auth";

export const ZRole = z.enum(ROLES, { error: "role_invalid" });
export const ZUserId = z.string().min(1).max(100);
export const ZDepartmentRef = z.uuid().nullable();

export const ZChangeMemberRole = z.object({ userId: ZUserId, role: ZRole });
export const ZChangeMemberDepartment = z.object({ userId: ZUserId, departmentId: ZDepartmentRef });
export const ZRemoveMember = z.object({ userId: ZUserId });

export const ZInvitationEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "email_too_long")
  .pipe(z.email("email_invalid"));

export const ZCreateInvitation = z.object({
  email: ZInvitationEmail,
  role: ZRole,
  departmentId: ZDepartmentRef.optional(),
  /** "Anyone with the link" instead of only the invited address (a checkbox: "on" from forms). */
  anyoneWithLink: z.union([z.boolean(), z.literal("on")]).optional().transform((v) => v === true || v === "on"),
});
export const ZInvitationRef = z.object({ invitationId: z.uuid() });

/** An invitation link's secret, as it arrives in a URL. */
export const ZInvitationToken = z.string().min(10).max(200).regex(/^[A-Za-z0-9_-]+$/);

export { ZEmail };

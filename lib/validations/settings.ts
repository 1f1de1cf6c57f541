// Input schemas for workspace settings: name, departments, join-domain rule. Messages are keys of
// the `settings` namespace.
import { z } from "zod";
import { ZWorkspaceName } from "./workspace";

export const ZRenameWorkspace = z.object({ name: ZWorkspaceName });

export const ZDepartmentName = z.string().trim().min(1, "department_name_required").max(60, "department_name_too_long");
export const ZDepartmentColor = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, "color_invalid");

export const ZCreateDepartment = z.object({ name: ZDepartmentName, color: ZDepartmentColor });
export const ZUpdateDepartment = z.object({
  departmentId: z.uuid(),
  name: ZDepartmentName.optional(),
  color: ZDepartmentColor.optional(),
});
export const ZDeleteDepartment = z.object({ departmentId: z.uuid() });

/**
 * An e-mail domain for the join rule: lower-case, no "@", at least one dot, valid labels.
 * Accepts "@example.com" and "Example.com" and normalises both to "example.com".
 */
export const ZJoinDomain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/^@/, ""))
  .pipe(
    z
      .string()
      .max(253, "domain_invalid")
      .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "domain_invalid"),
  );

export const ZSetJoinDomain = z.object({ domain: z.union([ZJoinDomain, z.literal("").transform(() => null), z.null()]) });

export const ZAuditPage = z.coerce.number().int().min(1).max(10_000).catch(1);

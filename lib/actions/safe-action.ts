// The one authenticated action client. Every server action is a public endpoint: it loads the
// session, validates input with zod, reloads the workspace through the caller's membership
// (never trusting a client-sent id) and checks the role before any domain code runs.
import "server-only";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth/config";
import { getDb, type Database } from "@/db/client";
import { findAccessBySlug, type WorkspaceAccess } from "@/db/queries/memberships";
import { can, type Ability } from "@/lib/auth/policy";
import { AppError, type ErrorCode } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

export type UserContext = { db: Database; userId: string };
export type WorkspaceContext = UserContext & { access: WorkspaceAccess };

async function fail(code: ErrorCode, fields?: Record<string, string>): Promise<ActionResult<never>> {
  const t = await getTranslations("errors");
  return { ok: false, error: { code, message: t(code), fields } };
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  return fields;
}

async function run<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.fields);
    throw err;
  }
}

/** An action for any signed-in user (no workspace involved: account settings, creating a workspace). */
export function userAction<S extends z.ZodType, T>(schema: S, fn: (input: z.infer<S>, ctx: UserContext) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const session = await auth();
    if (!session?.user?.id) return fail("unauthenticated");
    const parsed = schema.safeParse(input);
    if (!parsed.success) return fail("invalid_input", fieldErrors(parsed.error));
    const db = await getDb();
    return run(() => fn(parsed.data, { db, userId: session.user!.id! }));
  };
}

const ZWorkspaceRef = z.object({ workspace: z.string().min(1).max(64) });

/**
 * An action inside a workspace. Input must carry `workspace` (the slug); the caller must be a member
 * with `ability`. Non-members get `not_found`, so another workspace's existence is never revealed.
 */
export function workspaceAction<S extends z.ZodObject, T>(
  ability: Ability,
  schema: S,
  fn: (input: z.infer<S>, ctx: WorkspaceContext) => Promise<T>,
) {
  const full = schema.extend(ZWorkspaceRef.shape);
  return async (input: z.input<S> & { workspace: string }): Promise<ActionResult<T>> => {
    const session = await auth();
    if (!session?.user?.id) return fail("unauthenticated");
    const parsed = full.safeParse(input);
    if (!parsed.success) return fail("invalid_input", fieldErrors(parsed.error));
    const db = await getDb();
    const access = await findAccessBySlug(db, session.user.id, (parsed.data as { workspace: string }).workspace);
    if (!access) return fail("not_found");
    if (!can(access.role, ability)) return fail("forbidden");
    return run(() => fn(parsed.data as z.infer<S>, { db, userId: session.user!.id!, access }));
  };
}

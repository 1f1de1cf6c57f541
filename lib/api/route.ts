// Route-handler wrapper for the REST API: resolves the caller (bearer token or session cookie),
// turns AppError and zod errors into `{"error": {"code", "message"}}` with the right status.
import "server-only";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { findAccessById, findAccessBySlug, type WorkspaceAccess } from "@/db/queries/memberships";
import { can, type Ability } from "@/lib/auth/policy";
import { resolveCaller, type Caller } from "@/lib/auth/resolve-caller";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clientIpFromForwardedFor } from "@/lib/server/forwarded-for";
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "./read-body";

export type ApiContext<P> = { db: Database; caller: Caller; params: P; request: Request };

const MESSAGES: Record<string, string> = {
  unauthenticated: "Sign in or send a valid personal access token (Authorization: Bearer …).",
  forbidden: "Your role in this workspace does not allow this.",
  not_found: "Not found.",
  invalid_input: "The request is invalid.",
  too_large: "The request body is too large.",
  rate_limited: "Too many requests. Try again later.",
  conflict: "The request conflicts with the current state.",
};

export function apiError(status: number, code: string, message?: string, extra?: Record<string, unknown>) {
  return Response.json({ error: { code, message: message ?? MESSAGES[code] ?? code, ...extra } }, { status });
}

export function apiRoute<P = Record<string, string>>(handler: (ctx: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = await getDb();
      const authStarted = performance.now();
      const caller = await resolveCaller(db, {
        authorization: request.headers.get("authorization"),
        cookie: request.headers.get("cookie"),
      });
      if (!caller) return apiError(401, "unauthenticated");
      const method = request.method.toUpperCase();
      const writes = !["GET", "HEAD", "OPTIONS"].includes(method);
      // A read-scoped token never changes anything, whatever the user's role.
      if (writes && caller.via === "token" && caller.scope === "read") {
        return apiError(403, "forbidden", "This personal access token is read-only.");
      }
      const auth = performance.now() - authStarted;
      const response = await handler({ db, caller, params: await context.params, request });
      // Where the time went (session decode + session-version lookup): browsers' devtools and the benchmark read it.
      try {
        response.headers.append("server-timing", `auth;dur=${auth.toFixed(1)}`);
      } catch {
        // Immutable headers (a redirect): no timing.
      }
      // REST creations and deletions are audited (the UI's actions audit their own).
      if ((method === "POST" && response.status === 201) || (method === "DELETE" && response.ok)) {
        await recordAuditEvent(db, {
          action: method === "POST" ? "api.created" : "api.deleted",
          actorId: caller.userId,
          ip: clientIpFromForwardedFor(request.headers.get("x-forwarded-for")),
          metadata: { path: new URL(request.url).pathname, via: caller.via, ...(caller.tokenId ? { tokenId: caller.tokenId } : {}) },
        });
      }
      return response;
    } catch (err) {
      if (err instanceof AppError) {
        return apiError(err.status, err.code, err.message !== err.code ? err.message : undefined, err.fields ? { fields: err.fields } : undefined);
      }
      if (err instanceof z.ZodError) {
        const first = err.issues[0];
        return apiError(422, "invalid_input", `${first.path.join(".") || "body"}: ${first.message}`, {
          fields: Object.fromEntries(err.issues.map((i) => [i.path.join("."), i.message])),
        });
      }
      console.error("api error", err);
      return apiError(500, "internal", "Something went wrong on our side.");
    }
  };
}

/** Reads and validates a JSON body with a size cap (enforced while streaming: chunked bodies too). */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = 1_000_000): Promise<z.infer<S>> {
  const bytes = await readBodyLimited(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("invalid_input", "The body is not valid JSON.");
  }
  return schema.parse(json);
}

/** The caller's access to a workspace by slug with `ability`; 404 for non-members, 403 for too weak a role. */
export async function requireWorkspaceBySlug(db: Database, caller: Caller, slug: string, ability: Ability): Promise<WorkspaceAccess> {
  const access = await findAccessBySlug(db, caller.userId, slug);
  return assertAbility(access, ability);
}

/** Same by workspace id (after loading a resource, which tells its workspace). */
export async function requireWorkspaceById(db: Database, caller: Caller, workspaceId: string, ability: Ability): Promise<WorkspaceAccess> {
  const access = await findAccessById(db, caller.userId, workspaceId);
  return assertAbility(access, ability);
}

function assertAbility(access: WorkspaceAccess | null, ability: Ability): WorkspaceAccess {
  if (!access) throw new AppError("not_found");
  if (!can(access.role, ability)) throw new AppError("forbidden");
  return access;
}

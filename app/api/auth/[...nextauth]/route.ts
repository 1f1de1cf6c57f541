// Auth.js endpoints: /api/auth/csrf, /providers, /callback/{credentials,oidc}, /session, /signout…
// (configuration in lib/auth/config.ts; requests are first rebased on the browser's own origin).
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { onRequestOrigin } from "@/lib/auth/request-origin";

export const GET = (req: NextRequest) => handlers.GET(onRequestOrigin(req));
export const POST = (req: NextRequest) => handlers.POST(onRequestOrigin(req));

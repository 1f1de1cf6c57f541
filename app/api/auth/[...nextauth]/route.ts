// Auth.js endpoints: /api/auth/csrf, /providers, /callback/{credentials,oidc}, /session, /signout…
import { handlers } from "@/auth";

export const { GET, POST } = handlers;

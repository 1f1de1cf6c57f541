// POST /api/unsubscribe — form fields `u` (user id) and `t` (signed token from a notification
// e-mail): turns that user's notification e-mails off without signing in. Bad token → 404.
import { getDb } from "@/db/client";
import { setEmailMode } from "@/lib/notifications/notification-settings";
import { verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

export async function POST(request: Request): Promise<Response> {
  let u = "";
  let t = "";
  try {
    const form = await request.formData();
    u = String(form.get("u") ?? "");
    t = String(form.get("t") ?? "");
  } catch {
    // fall through: invalid
  }
  if (!u || u.length > 100 || !t || t.length > 100 || !verifyUnsubscribeToken(u, t)) {
    return Response.json({ error: { code: "not_found", message: "This unsubscribe link is not valid." } }, { status: 404 });
  }
  const db = await getDb();
  try {
    await setEmailMode(db, u, "off");
  } catch {
    // The user was deleted meanwhile (foreign key): nothing left to unsubscribe.
    return Response.json({ error: { code: "not_found", message: "This unsubscribe link is not valid." } }, { status: 404 });
  }
  // Relative redirect: works at whatever host the app is reached on.
  return new Response(null, { status: 303, headers: { location: `/unsubscribe?u=${encodeURIComponent(u)}&t=${encodeURIComponent(t)}&done=1` } });
}

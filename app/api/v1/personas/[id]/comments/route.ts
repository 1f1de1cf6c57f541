// GET  /api/v1/personas/{id}/comments — the persona's comment threads (`?status=open|resolved&mentions=me`)
// POST /api/v1/personas/{id}/comments — start a thread or reply: `{body, anchor?, parentId?}` → 201
import { commentCreateHandler, commentListHandler } from "@/lib/comments/comments-api";

export const GET = commentListHandler("persona");
export const POST = commentCreateHandler("persona");

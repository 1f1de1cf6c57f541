// GET  /api/v1/maps/{id}/comments — the journey map's comment threads (`?status=open|resolved&mentions=me`)
// POST /api/v1/maps/{id}/comments — start a thread or reply: `{body, anchor?, parentId?}` → 201
import { commentCreateHandler, commentListHandler } from "@/lib/comments/comments-api";

export const GET = commentListHandler("map");
export const POST = commentCreateHandler("map");

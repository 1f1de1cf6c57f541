// GET  /api/v1/stakeholder-maps/{id}/comments — the stakeholder map's comment threads (`?status=open|resolved&mentions=me`)
// POST /api/v1/stakeholder-maps/{id}/comments — start a thread or reply: `{body, anchor?, parentId?}` → 201
import { commentCreateHandler, commentListHandler } from "@/lib/comments/comments-api";

export const GET = commentListHandler("stakeholders");
export const POST = commentCreateHandler("stakeholders");

// GET  /api/v1/personas/{id}/share-links — the active view-only share links (members)
// POST /api/v1/personas/{id}/share-links — create one: {expiresAt?, password?, showNames?} → 201 {id, url} (editors)
import { shareLinkRoutes } from "@/lib/sharing/share-link-api";

const routes = shareLinkRoutes("persona");
export const GET = routes.GET;
export const POST = routes.POST;

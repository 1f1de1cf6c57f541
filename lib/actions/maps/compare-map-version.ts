"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { compareMapVersion } from "@/lib/maps/map-versions";
import { ZMapId } from "@/lib/validations/maps";

/** What changed between a saved version and the map now. */
export const compareMapVersionAction = workspaceAction("read", z.object({ mapId: ZMapId, versionId: z.uuid() }), async (input, { db, access }) =>
  compareMapVersion(db, { workspaceId: access.workspaceId, mapId: input.mapId, versionId: input.versionId }),
);

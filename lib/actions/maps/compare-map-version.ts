"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { compareMapVersions } from "@/lib/maps/map-versions";
import { ZMapId } from "@/lib/validations/maps";

/** What changed from a saved version to another one (`otherVersionId`) or to the map now. */
export const compareMapVersionAction = workspaceAction(
  "read",
  z.object({ mapId: ZMapId, versionId: z.uuid(), otherVersionId: z.uuid().nullish() }),
  async (input, { db, access }) =>
    compareMapVersions(db, { workspaceId: access.workspaceId, mapId: input.mapId, fromId: input.versionId, toId: input.otherVersionId ?? null }),
);

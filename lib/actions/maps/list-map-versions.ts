"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { listMapVersions } from "@/lib/maps/map-versions";
import { ZMapRef } from "@/lib/validations/maps";

/** The map's saved versions, newest first. */
export const listMapVersionsAction = workspaceAction("read", ZMapRef, async (input, { db, access }) => listMapVersions(db, access.workspaceId, input.mapId));

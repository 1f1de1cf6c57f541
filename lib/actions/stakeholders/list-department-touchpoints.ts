"use server";
import { z } from "zod";
import { departmentTouchpointStats, listDepartmentTouchpoints } from "@/db/queries/stakeholders";
import { workspaceAction } from "@/lib/actions/safe-action";

/** The touchpoints a department owns across the workspace's maps, with their average emotion and moments of truth. */
export const listDepartmentTouchpointsAction = workspaceAction(
  "read",
  z.object({ department: z.string().trim().min(1).max(80) }),
  async (input, { db, access }) => {
    const [touchpoints, stats] = await Promise.all([
      listDepartmentTouchpoints(db, access.workspaceId, input.department),
      departmentTouchpointStats(db, access.workspaceId, [input.department]),
    ]);
    return { touchpoints, stats: stats[0] ?? { department: input.department.toLowerCase(), touchpoints: 0, avgEmotion: null, momentsOfTruth: 0 } };
  },
);

// Panel "Activity": who changed which maps recently.
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, users } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { mapScopeWithContent } from "./scope";

export type ActivityRow = {
  mapId: string;
  title: string;
  state: "current" | "future";
  updatedAt: Date;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
};
export type ActivityPerson = { userId: string | null; name: string | null; email: string | null; maps: number; lastChange: Date };
export type Activity = { recent: ActivityRow[]; /** Last changes per person over the maps in scope, most maps first. */ people: ActivityPerson[] };

/** The most recently changed maps with the person who changed them last, and a per-person summary. */
export async function getActivity(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, limit = 15): Promise<Activity> {
  const scope = mapScopeWithContent(workspaceId, filters);
  const [recent, people] = await Promise.all([
    db
      .select({
        mapId: journeyMaps.id,
        title: journeyMaps.title,
        state: journeyMaps.state,
        updatedAt: journeyMaps.updatedAt,
        userId: journeyMaps.updatedBy,
        userName: users.name,
        userEmail: users.email,
      })
      .from(journeyMaps)
      .leftJoin(users, eq(users.id, journeyMaps.updatedBy))
      .where(scope)
      .orderBy(desc(journeyMaps.updatedAt), desc(journeyMaps.id))
      .limit(limit),
    db
      .select({
        userId: journeyMaps.updatedBy,
        name: users.name,
        email: users.email,
        maps: sql<number>`count(*)::int`,
        lastChange: sql<string>`max(${journeyMaps.updatedAt})`.mapWith(journeyMaps.updatedAt),
      })
      .from(journeyMaps)
      .leftJoin(users, eq(users.id, journeyMaps.updatedBy))
      .where(scope)
      .groupBy(journeyMaps.updatedBy, users.name, users.email)
      .orderBy(desc(sql`count(*)`), desc(sql`max(${journeyMaps.updatedAt})`))
      .limit(limit),
  ]);
  return { recent, people: people as ActivityPerson[] };
}

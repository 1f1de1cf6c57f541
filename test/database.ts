// Test databases: a fresh in-memory PGlite, or — when DATABASE_URL is set — a fresh throwaway
// database on that PostgreSQL server. Both get the real migrations.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Database } from "@/db/client";
import { postgresForTests } from "./services";

export type TestDatabase = { db: Database; driver: "pglite" | "postgres"; close: () => Promise<void> };

/**
 * Drivers to run integration tests against: PGlite always, PostgreSQL when DATABASE_URL is set —
 * under CI=true a missing DATABASE_URL fails (postgresForTests), so PostgreSQL-only tests cannot vanish.
 */
export const testDrivers: ("pglite" | "postgres")[] = postgresForTests() ? ["pglite", "postgres"] : ["pglite"];

export async function createTestDatabase(driver: "pglite" | "postgres" = "pglite"): Promise<TestDatabase> {
  if (driver === "pglite") {
    const handle = await openDatabase();
    return { db: handle.db, driver, close: handle.close };
  }
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL is not set");
  const name = `jb_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    db: handle.db,
    driver,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

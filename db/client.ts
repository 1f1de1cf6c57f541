// The one database client. PGlite (embedded PostgreSQL under DATA_DIR) by default, postgres.js
// when DATABASE_URL is set — same Drizzle schema, same migrations.
//
// The handle lives on globalThis: the custom server (server.ts, collab/) and the Next.js bundles
// load this module separately in one process, and PGlite must be opened by exactly one owner.
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { getEnv } from "../env";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Transaction;

type Handle = { db: Database; driver: "pglite" | "postgres"; close: () => Promise<void> };
const KEY = Symbol.for("journeyboard.db");
const g = globalThis as unknown as { [KEY]?: Promise<Handle> };

export function migrationsFolder(): string {
  // Works from source (tsx) and when bundled by Next (cwd is the project root there).
  const candidates = [
    path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations"),
    path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations"),
  ];
  const found = candidates.find((c) => fs.existsSync(path.join(c, "meta", "_journal.json")));
  if (!found) throw new Error(`Database migrations not found (looked in ${candidates.join(", ")})`);
  return found;
}

/** Opens a database, applies migrations and returns its handle. Used by the app and by tests. */
export async function openDatabase(options: { url?: string; dataDir?: string } = {}): Promise<Handle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzle(client, { schema }) as unknown as Database;
    await migrate(db as never, { migrationsFolder: migrationsFolder() });
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = options.dataDir;
  if (dir) fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
  const client = dir ? await PGlite.create(path.resolve(/*turbopackIgnore: true*/ dir)) : await PGlite.create();
  const db = drizzle(client, { schema }) as unknown as Database;
  await migrate(db as never, { migrationsFolder: migrationsFolder() });
  return { db, driver: "pglite", close: () => client.close() };
}

function openFromEnv(): Promise<Handle> {
  const env = getEnv();
  return env.DATABASE_URL
    ? openDatabase({ url: env.DATABASE_URL })
    : openDatabase({ dataDir: path.join(env.DATA_DIR, "pglite") });
}

/** The process-wide database, opened on first use (never at import: `next build` imports modules). */
export async function getDb(): Promise<Database> {
  g[KEY] ??= openFromEnv().catch((err) => {
    g[KEY] = undefined;
    throw err;
  });
  return (await g[KEY]).db;
}

export async function getDbDriver(): Promise<Handle["driver"]> {
  await getDb();
  return (await g[KEY]!).driver;
}

/** Lets tests and alternative entry points install their own handle. */
export function setDatabase(handle: Handle): void {
  g[KEY] = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const handle = g[KEY];
  g[KEY] = undefined;
  if (handle) await (await handle).close();
}

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { schema };

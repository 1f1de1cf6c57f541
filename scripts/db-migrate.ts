// `npm run db:migrate`: apply committed migrations to DATABASE_URL or the embedded database.
// Not while the app runs on PGlite: PGlite has no cross-process lock.
import { closeDb, getDb, getDbDriver } from "../db/client";

await getDb(); // opening applies the migrations
console.log(`Migrations applied (${await getDbDriver()}).`);
await closeDb();

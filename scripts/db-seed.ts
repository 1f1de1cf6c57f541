// `npm run db:seed`: seed the demo workspace into an empty database.
import { closeDb, getDb } from "../db/client";
import { seedDemo } from "../lib/demo/seed-demo";

const seeded = await seedDemo(await getDb());
console.log(seeded ? "Demo workspace seeded." : "The database already has users: nothing seeded.");
await closeDb();

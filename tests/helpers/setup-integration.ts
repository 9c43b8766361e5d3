import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../lib/db";

process.env.DATABASE_URL = inject("databaseUrl");
// PGlite interleaves statements of concurrent connections: one connection there.
process.env.DATABASE_POOL_SIZE = inject("databaseIsEmbedded") ? "1" : "20";

afterAll(async () => {
  await disconnectDb();
});

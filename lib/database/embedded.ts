// The embedded default: PGlite (PostgreSQL compiled to WebAssembly) behind
// its wire-protocol socket server, so Prisma and pg connect as to any
// PostgreSQL. PGlite runs one statement at a time and interleaves the
// statements of concurrent connections, so the app uses one connection
// against it (DATABASE_POOL_SIZE=1, set by the launcher).
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdirSync } from "node:fs";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export async function startEmbeddedDatabase(options: { dataDir?: string; port?: number }): Promise<EmbeddedDatabase> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const database = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db: database,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: 8,
  });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await database.close();
    },
  };
}

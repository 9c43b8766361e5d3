import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// One connection pool per process, shared by Prisma (through its driver
// adapter) and by the few statements that talk to node-postgres directly
// because they sit on the hot path of a registration rush
// (docs/decisions/0010). Created on first use so that importing a module
// never needs a database (next build, unit tests).
const holder = globalThis as unknown as { komma_pool?: pg.Pool; komma_db?: PrismaClient };

/** The process's connection pool, for hot-path statements in plain SQL. */
export function sqlPool(): pg.Pool {
  if (!holder.komma_pool) {
    holder.komma_pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
    // An idle connection that breaks (the server restarted) is dropped from
    // the pool and replaced on the next checkout; it must not end the process.
    holder.komma_pool.on("error", () => {});
  }
  return holder.komma_pool;
}

function client(): PrismaClient {
  holder.komma_db ??= new PrismaClient({ adapter: new PrismaPg(sqlPool()) });
  return holder.komma_db;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await holder.komma_db?.$disconnect();
  holder.komma_db = undefined;
  await holder.komma_pool?.end();
  holder.komma_pool = undefined;
}

import "server-only";
import { randomBytes } from "node:crypto";
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

const serials = new WeakMap<pg.PoolClient, string>();
// Random per process: processes that share the embedded server (test
// workers, a worker next to the app) must not pick the same names.
const processTag = randomBytes(4).toString("hex");
let nextSerial = 0;

/**
 * Runs a hot-path statement as a named prepared statement, which PostgreSQL
 * parses and plans once per connection instead of on every call (measured:
 * 169 against 234 registrations/s, docs/decisions/0010). The name carries
 * a tag of the process and the connection: the embedded server serves every
 * connection from one backend session, where names must not clash.
 */
export async function preparedQuery<R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  const connection = await sqlPool().connect();
  let serial = serials.get(connection);
  if (serial === undefined) {
    serial = `${processTag}-${nextSerial++}`;
    serials.set(connection, serial);
  }
  try {
    const result = await connection.query<R>({ name: `${name}-${serial}`, text, values });
    connection.release();
    return result;
  } catch (error) {
    // A broken connection is closed instead of going back to the pool.
    connection.release(error instanceof Error ? error : true);
    throw error;
  }
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

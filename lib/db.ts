import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// One client per process; created on first use so that importing a module
// never needs a database (next build, unit tests).
const holder = globalThis as unknown as { komma_db?: PrismaClient };

function client(): PrismaClient {
  holder.komma_db ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE }),
  });
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
}

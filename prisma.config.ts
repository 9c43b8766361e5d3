// Prisma 6.19 runs its WebAssembly schema engine through the pg driver
// adapter: no native engine is downloaded (docs/decisions/0001).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error("DATABASE_URL is not set. `npm run dev` and `npm start` start the embedded database and set it for you.");
    }
    return new PrismaPg({ connectionString });
  },
});

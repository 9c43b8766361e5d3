// Prisma 6.19 runs its WebAssembly schema engine through the pg driver
// adapter: no native engine is downloaded (docs/decisions/0001).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { loadEnvFiles } from "./lib/runtime/load-env-files";

// Prisma skips its own .env loading when this file exists ("Prisma config
// detected, skipping environment variable loading"): read .env, .env.local
// and the rest as every other entry point does. npm runs this in the project root.
loadEnvFiles(process.cwd(), { development: process.env.NODE_ENV !== "production" });

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error(
        "DATABASE_URL is not set (in the environment, .env or .env.local). `npm run dev` and `npm start` start the embedded database and set it for you.",
      );
    }
    return new PrismaPg({ connectionString });
  },
});

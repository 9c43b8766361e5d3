// The first import of every script: reads .env, .env.local and the rest as
// Next.js does (lib/runtime/load-env-files.ts), before any other module can
// look at process.env. `npm run dev` and `npm start` (scripts/start.ts)
// choose the mode by their command instead.
import { fileURLToPath } from "node:url";
import { loadEnvFiles } from "../lib/runtime/load-env-files";

loadEnvFiles(fileURLToPath(new URL("..", import.meta.url)), { development: process.env.NODE_ENV !== "production" });

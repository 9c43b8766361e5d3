import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = {
  "@/": root,
  // Tests import server modules directly; the guard only matters in the Next.js bundle.
  "server-only": fileURLToPath(new URL("./tests/helpers/server-only.ts", import.meta.url)),
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          setupFiles: ["tests/helpers/setup-unit.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/global-setup-database.ts"],
          setupFiles: ["tests/helpers/setup-integration.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database per run; files share it, so they run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});

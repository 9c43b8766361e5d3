// Every entry point reads .env files the way Next.js does (issue 19: the
// example said "copy to .env.local", and `npm run dev` and `npm run db:migrate`
// ignored it).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEnvFiles } from "@/lib/runtime/load-env-files";

const names = ["KOMMA_T_LOCAL", "KOMMA_T_MODE", "KOMMA_T_OUTSIDE", "KOMMA_T_PLAIN"] as const;
let dir: string;
let nodeEnv: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "komma-env-"));
  writeFileSync(join(dir, ".env"), names.map((name) => `${name}=from .env`).join("\n"));
  writeFileSync(join(dir, ".env.local"), "KOMMA_T_LOCAL=from .env.local\nKOMMA_T_MODE=from .env.local\n");
  writeFileSync(join(dir, ".env.development"), "KOMMA_T_MODE=from .env.development\n");
  writeFileSync(join(dir, ".env.production.local"), "KOMMA_T_MODE=from .env.production.local\n");
  nodeEnv = process.env.NODE_ENV;
  for (const name of names) delete process.env[name];
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  (process.env as Record<string, string | undefined>).NODE_ENV = nodeEnv;
  for (const name of names) delete process.env[name];
});

const read = () => Object.fromEntries(names.map((name) => [name, process.env[name]]));

describe("loading .env files", () => {
  it("reads .env.local over .env in development (npm run dev, the scripts), and never overrides the environment", () => {
    (process.env as Record<string, string>).NODE_ENV = "development";
    process.env.KOMMA_T_OUTSIDE = "from the environment";
    const files = loadEnvFiles(dir, { development: true, quiet: true, forceReload: true });
    expect(files).toEqual([".env.local", ".env.development", ".env"]);
    expect(read()).toEqual({
      KOMMA_T_LOCAL: "from .env.local",
      KOMMA_T_MODE: "from .env.local",
      KOMMA_T_OUTSIDE: "from the environment",
      KOMMA_T_PLAIN: "from .env",
    });
  });

  it("reads the production files for npm start and production scripts", () => {
    loadEnvFiles(dir, { development: false, quiet: true, forceReload: true });
    expect(read()).toMatchObject({ KOMMA_T_MODE: "from .env.production.local", KOMMA_T_LOCAL: "from .env.local", KOMMA_T_PLAIN: "from .env" });
  });
});

describe("every entry point uses that loader", () => {
  const root = new URL("../../", import.meta.url);
  const source = (path: string) => readFileSync(new URL(path, root), "utf8");

  it("each script imports scripts/load-env.ts before any other module", () => {
    const scripts = readdirSync(new URL("scripts/", root)).filter((file) => file.endsWith(".ts") && !["load-env.ts", "start.ts"].includes(file));
    expect(scripts.length).toBeGreaterThan(5);
    for (const script of scripts) {
      const firstImport = source(`scripts/${script}`).match(/^import .*$/m)?.[0];
      expect(firstImport, script).toBe('import "./load-env";');
    }
  });

  it("the launcher loads the files before it decides anything, and so does the Prisma CLI's config", () => {
    const launcher = source("scripts/start.ts");
    expect(launcher.indexOf("loadEnvFiles(root")).toBeGreaterThan(0);
    expect(launcher.indexOf("loadEnvFiles(root")).toBeLessThan(launcher.indexOf("decideRuntimeMode(process.env)"));
    expect(source("prisma.config.ts")).toMatch(/^loadEnvFiles\(/m);
  });

  it("npm run build, dev and start keep Next.js telemetry off", () => {
    const scripts = (JSON.parse(source("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toMatch(/^NEXT_TELEMETRY_DISABLED=1 next build/);
    expect(source("scripts/start.ts")).toContain('process.env.NEXT_TELEMETRY_DISABLED = "1"');
  });
});

// The one way every entry point reads .env files: Next.js' own loader
// (@next/env, the one `next dev` and `next build` use), so `npm run dev`,
// `npm start`, the worker, the seed, the user scripts and the Prisma CLI
// (prisma.config.ts) all see the same variables. Files, strongest first:
// .env.<mode>.local, .env.local (skipped when NODE_ENV=test), .env.<mode>,
// .env, where <mode> is development, production or test. A variable already
// set in the environment always wins over every file.
import nextEnv from "@next/env";

export type LoadEnvOptions = {
  /** .env.development* instead of .env.production* (NODE_ENV=test picks .env.test*). */
  development: boolean;
  /** Without the "Loaded env from …" line per file on stderr. */
  quiet?: boolean;
  /** Read the files again (tests): @next/env otherwise loads once per process. */
  forceReload?: boolean;
};

/** Loads the .env files in `dir` into process.env; returns the files read, relative to `dir`. */
export function loadEnvFiles(dir: string, options: LoadEnvOptions): string[] {
  const log = { info: options.quiet ? () => {} : (message: string) => console.error(message), error: console.error };
  const { loadedEnvFiles } = nextEnv.loadEnvConfig(dir, options.development, log, options.forceReload);
  return loadedEnvFiles.map((file) => file.path);
}

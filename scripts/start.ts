// `npm run dev` / `npm start`: the one way the app is served. It decides the
// setup (try-out or production, lib/runtime/decide-runtime-mode.ts) before
// anything starts, applies the migrations and runs Next.js in this process
// behind its own HTTP server, which sees the socket and so can tell the
// client's address (docs/decisions/0012-safe-modes-and-client-addresses.md).
//
// try-out: without DATABASE_URL an embedded PGlite database in .data/pglite
//   with the KommA programme, an open mailbox and a first administrator;
//   listens on 127.0.0.1 unless HOSTNAME says otherwise.
// production (NODE_ENV=production): refuses to start with one message that
//   lists everything missing; listens on 0.0.0.0 unless HOSTNAME is set.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { decideRuntimeMode, describeRefusal } from "../lib/runtime/decide-runtime-mode";
import { loadEnvFiles } from "../lib/runtime/load-env-files";

const command = process.argv[2] === "start" ? "start" : "dev";
const root = fileURLToPath(new URL("..", import.meta.url));
// .env, .env.local and the rest, as `next dev` / `next start` read them, before anything looks at the environment.
loadEnvFiles(root, { development: command === "dev" });
const decision = decideRuntimeMode(process.env);
if (command === "dev" && decision.mode === "production")
  decision.problems.push("`npm run dev` is the development server; run `npm run build` and `npm start` for production");
if (decision.problems.length > 0) {
  console.error(describeRefusal(decision));
  process.exit(1);
}
const port = Number(process.env.PORT ?? "3000");
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`KommA-Anmeldung does not start: PORT "${process.env.PORT}" is not a port number.`);
  process.exit(1);
}

const { startEmbeddedDatabase } = await import("../lib/database/embedded");
const { migrateDatabase } = await import("../lib/database/migrate");
let embedded: Awaited<ReturnType<typeof startEmbeddedDatabase>> | undefined;

if (decision.mode === "try-out") {
  // lib/env.ts reads the same decision from NODE_ENV, which becomes
  // "production" below for `npm start`: this keeps it a try-out there.
  process.env.KOMMA_TRYOUT = "true";
  if (!process.env.DATABASE_URL) {
    const dataDir = process.env.PGLITE_DIR ?? `${root}.data/pglite`;
    const firstStart = !existsSync(dataDir);
    // The first start creates the database (a minute or more on a small machine): say so instead of sitting silent.
    const starting = step(
      firstStart
        ? `Creating the embedded database (PGlite) in ${dataDir}, which takes a minute or two the first time (DATABASE_URL uses your own PostgreSQL instead)`
        : `Starting the embedded database (PGlite) in ${dataDir}`,
    );
    embedded = await startEmbeddedDatabase({
      dataDir,
      port: Number(process.env.PGLITE_PORT ?? 0),
    });
    starting.done();
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_POOL_SIZE = "1";
    // The try-out setup has no mail server: its mailbox is how people read their mail.
    process.env.MAILBOX_OPEN ??= "true";
    // …and somebody to sign in as, to try the organiser area (README).
    process.env.ADMIN_EMAILS ??= "admin@example.org";
    // A try-out installation needs no configuration: keep a generated secret beside the data.
    if (!process.env.AUTH_SECRET) {
      const secretFile = `${root}.data/auth-secret`;
      mkdirSync(`${root}.data`, { recursive: true });
      if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
      process.env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
    }
    console.log(`Embedded database (PGlite) at ${embedded.url}`);
  }
  process.env.APP_URL ??= `http://localhost:${port}`;
}
// Next.js picks its production or development code (and React's) by NODE_ENV;
// a custom server has to set it itself, before Next.js is loaded.
(process.env as Record<string, string>).NODE_ENV = command === "start" ? "production" : "development";

// Everything else is validated here, once, before the database is touched.
const { env } = await import("../lib/env");
try {
  env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await embedded?.stop();
  process.exit(1);
}

const migrating = step("Applying the database migrations");
await migrateDatabase(env().DATABASE_URL);
migrating.done();
if (embedded) {
  // Seed through a child so that this process holds no second connection.
  const seeding = step("Loading the KommA programme (only when it is not there yet)");
  const seeded = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", `${root}scripts/seed.ts`], { stdio: "inherit", env: process.env });
  await new Promise((resolve) => seeded.on("exit", resolve));
  seeding.done();
}

const { logger } = await import("../lib/logging/logger");
const { acceptedRequestId, loggablePath } = await import("../lib/logging/loggable-path");
const { rewriteForwardedHeaders } = await import("../lib/http/forwarded-headers");
const { transportSecurityHeaders } = await import("../lib/http/security-headers");
const { servePublicPages } = await import("../lib/http/serve-public-page");
const { default: next } = await import("next");

process.env.NEXT_TELEMETRY_DISABLED = "1";
const trust = env().TRUST_PROXY;
const transportSecurity = Object.entries(transportSecurityHeaders(env().APP_URL));
const development = command === "dev";

const server = createServer();
const app = next({ dev: development, dir: root, hostname: decision.hostname, port, httpServer: server });
const nextHandle = app.getRequestHandler();
// The public pages everybody loads at once are rendered once per page and
// language every few seconds (docs/decisions/0024); the development server renders every time.
const handle = development ? nextHandle : servePublicPages(nextHandle, env().PUBLIC_PAGE_CACHE_MS);
const preparing = step(development ? "Starting Next.js (pages are compiled on their first visit)" : "Starting Next.js");
await app.prepare();
preparing.done();

/** One JSON line per request: no query string, no token, no client address (lib/logging/loggable-path.ts). */
function logRequest(request: IncomingMessage, response: ServerResponse, requestId: string, started: bigint): void {
  const path = loggablePath(request.url);
  // The development server's own assets and live-reload requests would drown the rest.
  if (development && path.startsWith("/_next/")) return;
  const fields = {
    event: "http.request",
    requestId,
    method: request.method,
    path,
    status: response.statusCode,
    durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
    ...(response.writableFinished ? {} : { aborted: true }),
  };
  if (response.statusCode >= 500) logger.error(fields, "request");
  else logger.info(fields, "request");
}

server.on("request", (request: IncomingMessage, response: ServerResponse) => {
  const started = process.hrtime.bigint();
  const requestId = acceptedRequestId(request.headers["x-request-id"], randomUUID);
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  // Before Next.js sees the request, which would keep a client's own X-Forwarded-For.
  rewriteForwardedHeaders(request.headers, request.socket.remoteAddress, trust);
  for (const [name, value] of transportSecurity) response.setHeader(name, value);
  response.once("close", () => logRequest(request, response, requestId, started));
  handle(request, response).catch((error: unknown) => {
    logger.error({ event: "http.error", requestId, error: error instanceof Error ? error.name : "unknown" }, "request handler failed");
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    response.end();
  });
});

await new Promise<void>((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, decision.hostname, resolve);
});
const address = server.address();
const listeningPort = typeof address === "object" && address ? address.port : port;
logger.info(
  { event: "server.listening", mode: decision.mode, hostname: decision.hostname, port: listeningPort, appUrl: env().APP_URL, trustProxy: trust.kind },
  "listening",
);
if (decision.mode === "try-out") {
  console.log(`\n  KommA-Anmeldung: ${env().APP_URL}`);
  if (embedded) console.log(`  Mailbox: ${env().APP_URL}/postfach · sign in at ${env().APP_URL}/anmelden as ${process.env.ADMIN_EMAILS}`);
  console.log("");
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let requests in flight finish
 * (a load balancer moves on to the other instances), let the outbox worker
 * and job loop finish their round (instrumentation.ts), then exit. A second
 * signal, or 25 seconds, ends it at once; a repeat within two seconds does
 * not count as a second one (systemd and npm/tsx may each pass the same stop on).
 */
let stoppingSince: number | undefined;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stoppingSince !== undefined) {
    if (Date.now() - stoppingSince > 2_000) process.exit(1);
    return;
  }
  stoppingSince = Date.now();
  logger.info({ event: "server.stopping", signal }, "stopping");
  setTimeout(() => process.exit(1), 25_000).unref();
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const loops = globalThis as unknown as { komma_outbox_worker?: () => Promise<void>; komma_jobs?: () => Promise<void> };
  await Promise.all([closed, loops.komma_outbox_worker?.(), loops.komma_jobs?.()]);
  await app.close();
  await embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

/**
 * In the try-out, a line on the console before a step that takes a while and
 * how long it took after it. Production keeps its output to the JSON log lines.
 */
function step(what: string): { done: () => void } {
  if (decision.mode !== "try-out") return { done: () => {} };
  console.log(`${what}…`);
  const started = Date.now();
  return { done: () => console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`) };
}

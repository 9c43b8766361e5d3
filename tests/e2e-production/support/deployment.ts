// The production deployment the suite runs (global-setup.ts builds it): its
// fixed addresses, and the state file through which the specs (in Playwright's
// worker process) reach the processes that the setup started.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const ports = (process.env.E2E_PRODUCTION_APP_PORTS ?? "3231,3232").split(",").map(Number);

export const HOST = "anmeldung.komma.test";
export const HTTPS_PORT = Number(process.env.E2E_PRODUCTION_HTTPS_PORT ?? 8443);
export const HTTP_PORT = Number(process.env.E2E_PRODUCTION_HTTP_PORT ?? 8081);
export const SMTP_PORT = Number(process.env.E2E_PRODUCTION_SMTP_PORT ?? 2526);
export const APP_PORTS = [ports[0] ?? 3231, ports[1] ?? 3232] as const;
export const APP_URL = `https://${HOST}:${HTTPS_PORT}`;
/** Made the first administrator through ADMIN_EMAILS, as README "Running in production" says. */
export const ADMIN = "it-service@komma.example.org";
/** Where the setup keeps the certificate, nginx's files, the captured mail and every process's log. */
export const WORK_DIR = resolve(".data/e2e-production");
export const MAIL_DIR = `${WORK_DIR}/mail`;

export type DeploymentState = {
  /** The database as the tests reach it (directly, not through the cuttable proxy). */
  databaseUrl: string;
  /** The database as the app and worker reach it: through the proxy the readiness test cuts. */
  appDatabaseUrl: string;
  databaseName: string;
  certificate: string;
  /** Process ids by role; the failover test replaces an instance's pid when it restarts it. */
  pids: { nginx?: number; worker?: number; databaseProxy?: number; instances: Record<string, number> };
};

const stateFile = `${WORK_DIR}/state.json`;

export function readState(): DeploymentState {
  return JSON.parse(readFileSync(stateFile, "utf8")) as DeploymentState;
}

export function writeState(state: DeploymentState): void {
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
}

/** The environment of every app instance and the worker: the production template's variables, test values. */
export function productionEnvironment(state: Pick<DeploymentState, "appDatabaseUrl">): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    DATABASE_URL: state.appDatabaseUrl,
    DATABASE_POOL_SIZE: "5",
    APP_URL,
    AUTH_SECRET: "production-e2e-secret-production-e2e-secret",
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    MAIL_FROM_NAME: "KommA-Anmeldung",
    MAIL_FROM_ADDRESS: "anmeldung@komma.example.org",
    ADMIN_EMAILS: ADMIN,
    TRUST_PROXY: "1",
    OUTBOX_WORKER: "off",
    LOG_LEVEL: "info",
    HOSTNAME: "127.0.0.1",
  };
}

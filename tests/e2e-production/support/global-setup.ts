// Builds the production deployment of README "Running in production" on this
// machine, with test values: a fresh PostgreSQL database migrated and seeded
// with the README's commands, a certificate for anmeldung.komma.test, an SMTP
// server that keeps every message, Debian's nginx with the shipped site, two
// app instances and one worker started with the systemd units' commands.
// Needs a PostgreSQL server (TEST_DATABASE_URL), nginx and openssl; root (CI)
// or a user who may bind the ports.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import pg from "pg";
import { startMailServer } from "../../helpers/smtp-server";
import { APP_PORTS, HOST, MAIL_DIR, SMTP_PORT, WORK_DIR, productionEnvironment, readState, writeState, type DeploymentState } from "./deployment";
import { writeNginxConfig } from "./nginx-config";
import { isRunning, startInstance, startProcess, stopProcess, waitUntilReady, WORKER_COMMAND } from "./processes";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server)
    throw new Error("The production e2e suite needs a PostgreSQL server: set TEST_DATABASE_URL (CI: postgresql://postgres@127.0.0.1:5432/postgres).");
  for (const tool of ["nginx", "openssl"]) {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    } catch {
      throw new Error(`The production e2e suite needs ${tool} (apt-get install ${tool}).`);
    }
  }
  await stopLeftovers();
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  mkdirSync(`${WORK_DIR}/nginx-temp`, { recursive: true });
  mkdirSync(`${WORK_DIR}/acme`, { recursive: true });

  const state: DeploymentState = { databaseUrl: "", appDatabaseUrl: "", databaseName: "", certificate: "", pids: { instances: {} } };
  let mail: Awaited<ReturnType<typeof startMailServer>> | undefined;
  const teardown = async () => {
    await stopDeployment();
    await mail?.close();
  };
  try {
    // 1. PostgreSQL: an empty database, then the README's migrate and seed commands.
    state.databaseName = `komma_e2e_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${state.databaseName}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${state.databaseName}`;
    state.databaseUrl = url.toString();
    writeState(state);
    // With the production environment, as an operator runs them with /etc/komma-anmeldung/env loaded.
    const npmEnv = { ...productionEnvironment({ appDatabaseUrl: state.databaseUrl }), PRISMA_HIDE_UPDATE_MESSAGE: "1" };
    execFileSync("npm", ["run", "--silent", "db:migrate"], { env: npmEnv, stdio: ["ignore", "ignore", "inherit"] });
    execFileSync("npm", ["run", "--silent", "db:seed"], { env: npmEnv, stdio: ["ignore", "ignore", "inherit"] });

    // 2. The database as the app reaches it: through a proxy the readiness test can cut.
    const proxy = spawn(process.execPath, ["--import", "tsx", "tests/e2e-production/support/database-proxy.ts", state.databaseUrl], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    state.pids.databaseProxy = proxy.pid;
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: proxy.stdout }).once("line", resolve);
      proxy.once("exit", () => reject(new Error("the database proxy exited")));
    });
    proxy.stdout.resume();
    const appDatabase = new URL(state.databaseUrl);
    appDatabase.host = `127.0.0.1:${(JSON.parse(firstLine) as { port: number }).port}`;
    state.appDatabaseUrl = appDatabase.toString();

    // 3. A certificate for the host name, as an operator's CA would issue it.
    state.certificate = `${WORK_DIR}/fullchain.pem`;
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "2",
        "-subj",
        `/CN=${HOST}`,
        "-addext",
        `subjectAltName=DNS:${HOST}`,
        "-keyout",
        `${WORK_DIR}/privkey.pem`,
        "-out",
        state.certificate,
      ],
      { stdio: "ignore" },
    );

    // 4. The mail relay: every message the worker sends lands in MAIL_DIR, for the specs to read.
    let count = 0;
    mail = await startMailServer(SMTP_PORT, ({ raw }) => writeFileSync(`${MAIL_DIR}/${String(++count).padStart(4, "0")}.eml`, raw));

    // 5. Two app instances and the worker, as the systemd units start them.
    // One after the other: each launcher applies pending migrations first, and two at once can
    // wait on each other's migration lock past Prisma's 10 s (systemd would just restart the loser).
    const env = productionEnvironment(state);
    for (const port of APP_PORTS) {
      state.pids.instances[port] = startInstance(port, env);
      writeState(state);
      await waitUntilReady(port);
    }
    state.pids.worker = startProcess("worker", process.execPath, WORKER_COMMAND, env);
    writeState(state);

    // 6. nginx with the shipped site.
    const nginxConfig = writeNginxConfig({ certificate: state.certificate, key: `${WORK_DIR}/privkey.pem` });
    execFileSync("nginx", ["-t", "-q", "-e", `${WORK_DIR}/nginx-error.log`, "-p", WORK_DIR, "-c", nginxConfig], { stdio: "inherit" });
    state.pids.nginx = startProcess(
      "nginx",
      "nginx",
      ["-e", `${WORK_DIR}/nginx-error.log`, "-p", WORK_DIR, "-c", nginxConfig, "-g", "daemon off;"],
      process.env,
    );
    writeState(state);

    if (!isRunning(state.pids.worker)) throw new Error(`The worker exited; see ${WORK_DIR}/worker.log`);
    if (!isRunning(state.pids.nginx)) throw new Error(`nginx exited; see ${WORK_DIR}/nginx-error.log`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** Stops every process of the deployment (including instances a spec restarted) and drops the database. */
async function stopDeployment(): Promise<void> {
  const state = readState();
  await Promise.all([...Object.values(state.pids.instances), state.pids.worker].map((pid) => stopProcess(pid)));
  await stopProcess(state.pids.nginx);
  await stopProcess(state.pids.databaseProxy);
  if (state.databaseName && process.env.TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${state.databaseName}" WITH (FORCE)`);
    await admin.end();
  }
}

/** A run that was killed leaves its processes and database behind; the next run ends them first. */
async function stopLeftovers(): Promise<void> {
  if (existsSync(`${WORK_DIR}/state.json`)) await stopDeployment().catch(() => undefined);
}

// Starting and stopping the deployment's processes the way the systemd units
// do (deploy/systemd: the same ExecStart commands), with their output in log
// files under WORK_DIR.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { WORK_DIR } from "./deployment";

/** deploy/systemd/komma-anmeldung@.service's ExecStart (PORT and HOSTNAME from the unit). */
export const INSTANCE_COMMAND = ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "start"];
/** deploy/systemd/komma-anmeldung-worker.service's ExecStart. */
export const WORKER_COMMAND = ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"];

export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const log = openSync(`${WORK_DIR}/${name}.log`, "a");
  // Detached, so that a process a spec (re)starts outlives Playwright's worker; the teardown stops it by pid.
  const child = spawn(command, args, { env, stdio: ["ignore", log, log], detached: true });
  closeSync(log);
  child.unref();
  if (!child.pid) throw new Error(`${name} did not start`);
  return child.pid;
}

export function startInstance(port: number, env: NodeJS.ProcessEnv): number {
  return startProcess(`instance-${port}`, process.execPath, INSTANCE_COMMAND, { ...env, PORT: String(port) });
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A process that has exited but that nobody reaped yet (its parent, a spec's worker, is gone) is not running.
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

/** Sends the signal and waits until the process is gone (SIGKILL after the grace period). */
export async function stopProcess(pid: number | undefined, signal: NodeJS.Signals = "SIGTERM", graceMs = 20_000): Promise<void> {
  if (!pid || !isRunning(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + graceMs;
  while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isRunning(pid)) process.kill(pid, "SIGKILL");
}

/** Polls an instance's readiness endpoint directly (as a load balancer does) until it answers 200. */
export async function waitUntilReady(port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The instance on port ${port} was not ready after ${timeoutMs} ms (${last}); see ${WORK_DIR}/instance-${port}.log`);
}

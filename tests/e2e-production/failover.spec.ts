import { expect, test } from "@playwright/test";
import { viaNginx } from "./support/client";
import { clearRateLimits, sessionIdsOf, withDatabase } from "./support/database";
import { APP_PORTS, productionEnvironment, readState, writeState } from "./support/deployment";
import { isRunning, startInstance, stopProcess, waitUntilReady } from "./support/processes";

// One app instance is stopped (SIGTERM, as `systemctl stop` or an upgrade
// does) while clients keep reading pages and registering through nginx.
type Outcome = { method: "GET" | "POST"; status: number; email?: string; afterStop: boolean };

test("an instance stops mid-run: nginx fails over, reads never fail, and every registration is whole", async () => {
  test.setTimeout(120_000);
  await clearRateLimits();
  const [sessionId] = await sessionIdsOf("vielfaltsorientierte-verwaltung");
  await withDatabase((client) => client.query(`UPDATE sessions SET capacity = "confirmedCount" + 500 WHERE id = $1`, [sessionId]));

  const outcomes: Outcome[] = [];
  let running = true;
  let stopped = false;
  const record = async (method: Outcome["method"], send: () => Promise<{ status: number }>, email?: string) => {
    const afterStop = stopped;
    const status = await send().then(
      (answer) => answer.status,
      () => 0,
    );
    outcomes.push({ method, status, email, afterStop });
  };

  const readers = Array.from({ length: 3 }, async () => {
    while (running) await record("GET", () => viaNginx("/", { headers: { "accept-language": "de" } }));
  });
  // Registrations from one address: below its limit of 30 per 10 minutes.
  const registrar = (async () => {
    for (let sequence = 0; running && sequence < 26; sequence++) {
      const email = `failover.${sequence}.${Date.now()}@example.org`;
      await record(
        "POST",
        () =>
          viaNginx(`/api/v1/sessions/${sessionId}/registrations`, {
            method: "POST",
            headers: { "content-type": "application/json", "accept-language": "de" },
            body: JSON.stringify({
              firstName: "Frieda",
              lastName: `Failover ${sequence}`,
              email,
              organisation: "Gemeinde Beispiel",
              role: "ADMINISTRATION",
              consent: true,
              privacyNoticeVersion: 1,
            }),
          }),
        email,
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  })();

  const state = readState();
  const [stoppedPort] = APP_PORTS;
  try {
    await expect.poll(() => outcomes.filter((outcome) => outcome.method === "POST").length, { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    stopped = true;
    await stopProcess(state.pids.instances[stoppedPort]);
    expect(isRunning(state.pids.instances[stoppedPort]!)).toBe(false);
    // Pages come from the launcher's short cache (decision 0024), so reads pile up far faster than
    // registrations: wait for both, not for a number of answers of either kind.
    await expect
      .poll(
        () => {
          const after = outcomes.filter((outcome) => outcome.afterStop);
          return after.length >= 60 && after.filter((outcome) => outcome.method === "POST").length >= 5;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
  } finally {
    running = false;
    await Promise.all([...readers, registrar]);
    // Back to two instances for whatever runs next.
    state.pids.instances[stoppedPort] = startInstance(stoppedPort, productionEnvironment(state));
    writeState(state);
    await waitUntilReady(stoppedPort);
  }

  const reads = outcomes.filter((outcome) => outcome.method === "GET");
  const registrations = outcomes.filter((outcome) => outcome.method === "POST");
  // GETs are retried on the other instance, even one that was in flight.
  expect(reads.filter((outcome) => outcome.status !== 200)).toEqual([]);
  expect(reads.filter((outcome) => outcome.afterStop).length).toBeGreaterThan(40);
  // A POST is never resent by nginx: at most the one in flight at the stop may fail, and only with a gateway error.
  // (The API answers 202 to every accepted registration, new or not: it does not tell whether an address is registered.)
  const accepted = (outcome: Outcome) => outcome.status === 201 || outcome.status === 202;
  const failed = registrations.filter((outcome) => !accepted(outcome));
  expect(failed.length).toBeLessThanOrEqual(1);
  expect(failed.every((outcome) => outcome.status === 502 || outcome.status === 0)).toBe(true);
  expect(registrations.filter((outcome) => outcome.afterStop && accepted(outcome)).length).toBeGreaterThan(3);

  // Nothing half-written: each accepted POST (a new address each) is one whole registration (seat counted, private link, confirmation queued), nothing else.
  const emails = registrations.map((outcome) => outcome.email!);
  const stored = await withDatabase(async (client) => {
    const { rows } = await client.query<{ email: string; status: string; complete: boolean }>(
      `SELECT r.email, r.status,
              EXISTS (SELECT 1 FROM manage_tokens t WHERE t."registrationId" = r.id) AND EXISTS (SELECT 1 FROM outbox_messages o WHERE o."registrationId" = r.id) AS complete
       FROM registrations r WHERE r.email = ANY($1)`,
      [emails],
    );
    const { rows: counter } = await client.query<{ consistent: boolean }>(
      `SELECT "confirmedCount" = (SELECT count(*) FROM registrations WHERE "sessionId" = $1 AND status = 'CONFIRMED') AS consistent FROM sessions WHERE id = $1`,
      [sessionId],
    );
    return { rows, consistent: counter[0]!.consistent };
  });
  const created = registrations
    .filter(accepted)
    .map((outcome) => outcome.email)
    .sort();
  const storedEmails = stored.rows.map((row) => row.email).sort();
  // A failed POST was either never received or committed before its answer was lost: never partly.
  expect(storedEmails.filter((email) => !created.includes(email)).length).toBeLessThanOrEqual(failed.length);
  expect(created.every((email) => storedEmails.includes(email!))).toBe(true);
  expect(stored.rows.every((row) => row.complete && row.status === "CONFIRMED")).toBe(true);
  expect(stored.consistent).toBe(true);
});

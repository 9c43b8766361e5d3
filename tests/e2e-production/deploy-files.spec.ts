import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { expect, test } from "@playwright/test";
import { productionEnvironment } from "./support/deployment";
import { INSTANCE_COMMAND, WORKER_COMMAND } from "./support/processes";

// What the suite runs is what deploy/ ships: the units' commands and the
// template's variables; and the units are valid for systemd.
const UNITS = ["komma-anmeldung@.service", "komma-anmeldung-worker.service", "komma-anmeldung-backup.service", "komma-anmeldung-backup.timer"];
const unit = (name: string) => readFileSync(`deploy/systemd/${name}`, "utf8");
const setting = (text: string, key: string) => text.match(new RegExp(`^${key}=(.*)$`, "m"))?.[1];

test("the systemd units start the commands the suite runs, and systemd-analyze verify finds nothing", () => {
  expect(setting(unit("komma-anmeldung@.service"), "ExecStart")).toBe(`/usr/bin/node ${INSTANCE_COMMAND.join(" ")}`);
  expect(setting(unit("komma-anmeldung-worker.service"), "ExecStart")).toBe(`/usr/bin/node ${WORKER_COMMAND.join(" ")}`);
  expect(setting(unit("komma-anmeldung@.service"), "Environment")).toContain("HOSTNAME=127.0.0.1");

  const directory = mkdtempSync(`${tmpdir()}/komma-units-`);
  try {
    for (const name of UNITS) copyFileSync(`deploy/systemd/${name}`, `${directory}/${name}`);
    symlinkSync("komma-anmeldung@.service", `${directory}/komma-anmeldung@3001.service`);
    const files = ["komma-anmeldung@3001.service", ...UNITS.slice(1)].map((name) => `${directory}/${name}`);
    const verify = spawnSync("systemd-analyze", ["verify", ...files], { encoding: "utf8" });
    expect({ status: verify.status, output: `${verify.stdout}${verify.stderr}` }).toEqual({ status: 0, output: "" });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test("deploy/env.example sets every variable the suite's production environment sets", () => {
  const template = readFileSync("deploy/env.example", "utf8");
  const templateKeys = [...template.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]);
  // Set by the units or the test harness rather than the operator's file.
  const notOperatorSettings = ["PATH", "HOME", "NEXT_TELEMETRY_DISABLED", "CHECKPOINT_DISABLE", "HOSTNAME"];
  const suiteKeys = Object.keys(productionEnvironment({ appDatabaseUrl: "postgresql://x" })).filter((key) => !notOperatorSettings.includes(key));
  expect(templateKeys.sort()).toEqual(expect.arrayContaining(suiteKeys.sort()));
  expect(template).toMatch(/^TRUST_PROXY=1$/m);
  expect(template).toMatch(/^OUTBOX_WORKER=off$/m);
  expect(template).toMatch(/^NODE_ENV=production$/m);
});

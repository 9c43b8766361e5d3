import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { unusedPort } from "../helpers/smtp-server";
import { direct, viaNginx, type Answer } from "./support/client";
import { clearRateLimits } from "./support/database";
import { APP_PORTS, productionEnvironment, readState } from "./support/deployment";
import { startInstance, stopProcess, waitUntilReady } from "./support/processes";

// Wrong private links count against the client's address (60 per 10 minutes).
// A client that writes its own X-Forwarded-For, new on every request, must
// still be counted as the one address it is.
const ATTEMPTS = 65;
const limited = (answer: Answer) => answer.body.includes("Zu viele Aufrufe in kurzer Zeit");
const wrongLink = () => `/r/${randomBytes(32).toString("base64url")}`;
let spoofed = 0;
const spoofedAddress = () => `203.0.113.${++spoofed % 250}, 198.51.100.${spoofed % 250}`;

async function guessLinks(send: (path: string, headers: Record<string, string>) => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) answers.push(await send(wrongLink(), { "x-forwarded-for": spoofedAddress(), "accept-language": "de" }));
  return answers;
}

function expectLimitedAfterwards(answers: Answer[]) {
  expect(answers.every((answer) => answer.status === 200 && answer.body.includes("Link nicht gültig"))).toBe(true);
  const firstLimited = answers.findIndex(limited);
  expect(firstLimited).toBeGreaterThan(0);
  expect(answers.slice(firstLimited).every(limited)).toBe(true);
}

test.beforeEach(clearRateLimits);

test("with TRUST_PROXY off, an instance counts the socket address whatever X-Forwarded-For says", async () => {
  const port = await unusedPort();
  const pid = startInstance(port, { ...productionEnvironment(readState()), TRUST_PROXY: "false" });
  try {
    await waitUntilReady(port);
    expectLimitedAfterwards(await guessLinks((path, headers) => direct(port, path, { headers })));
  } finally {
    await stopProcess(pid);
  }
});

test("through nginx (TRUST_PROXY=1), a client's own X-Forwarded-For is replaced, while the proxy's entry still tells clients apart", async () => {
  expectLimitedAfterwards(await guessLinks((path, headers) => viaNginx(path, { headers })));
  // The limit is the client's, not everybody's: the entry nginx writes for another client is counted apart.
  const otherClient = await direct(APP_PORTS[1], wrongLink(), { headers: { "x-forwarded-for": "198.51.100.77", "accept-language": "de" } });
  expect(otherClient.body).toContain("Link nicht gültig");
  expect(limited(otherClient)).toBe(false);
});

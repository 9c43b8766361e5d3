import { expect, test } from "@playwright/test";
import { resetSeedData, sessionIdOf, withDatabase } from "./support/database";
import { openManageLinkFromMail } from "./support/mailbox";

// The public addresses became German (docs/decisions/0026). Links in mails
// sent before, bookmarks and embeds elsewhere keep working: the old address
// answers 308 with the new one, query string included, and a form posted to
// an old address is repeated there with its method and body.

test.beforeEach(resetSeedData);

const W2 = "amts-und-mandatspersonen-schuetzen";
const port = Number(process.env.E2E_PORT ?? 3210);
const origin = `http://localhost:${port}`;

test("old addresses lead to the German ones with a permanent redirect that keeps the query string", async ({ request }) => {
  const session = await sessionIdOf(W2, 0);
  const moved: [string, string][] = [
    [`/sessions/${session}/register?quelle=newsletter`, `/termine/${session}/anmeldung?quelle=newsletter`],
    [`/sessions/${session}/register/eingegangen`, `/termine/${session}/anmeldung/eingegangen`],
    ["/materials/0b7e2f4c-1d2a-4c3b-9e8f-123456789abc", "/materialien/0b7e2f4c-1d2a-4c3b-9e8f-123456789abc"],
    ["/mailbox", "/postfach"],
    ["/mailbox/0b7e2f4c-1d2a-4c3b-9e8f-123456789abc/attachments/0", "/postfach/0b7e2f4c-1d2a-4c3b-9e8f-123456789abc/anhaenge/0"],
  ];
  for (const [from, to] of moved) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(new URL(response.headers()["location"]!, origin).toString(), from).toBe(`${origin}${to}`);
  }
  // The organiser's sign-out keeps its address; only a participant's cancellation moved.
  expect((await request.get("/abmelden", { maxRedirects: 0 })).status()).toBe(200);
});

test("the cancellation link of an old mail still opens the cancellation step, and keeps its token out of the Referer", async ({ page, request }) => {
  const session = await sessionIdOf(W2, 0);
  await page.goto(`/sessions/${session}/register`);
  await expect(page).toHaveURL(`${origin}/termine/${session}/anmeldung`);
  await page.getByLabel("Vorname").fill("Olga");
  await page.getByLabel("Nachname").fill("Altlink");
  await page.getByLabel("E-Mail-Adresse").fill("olga.altlink@example.org");
  await page.getByLabel("Kommune bzw. Institution").fill("Gemeinde Beispiel");
  await page.getByLabel("Ihre Funktion").selectOption("ADMINISTRATION");
  await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole("button", { name: /Verbindlich anmelden/ }).click();
  await expect(page).toHaveURL(`${origin}/termine/${session}/anmeldung/eingegangen`);

  const managePath = await openManageLinkFromMail(page, "olga.altlink@example.org", /Anmeldung bestätigt/);
  const old = await request.get(`${managePath}/abmelden`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers()["referrer-policy"]).toBe("no-referrer");
  await page.goto(`${managePath}/abmelden`);
  await expect(page).toHaveURL(`${origin}${managePath}/absagen`);
  await expect(page.getByRole("heading", { level: 1, name: "Teilnahme wirklich absagen?" })).toBeVisible();
});

test("a registration form posted to the old address (a page opened before the rename) is repeated at the new one and registers", async ({ request }) => {
  const session = await sessionIdOf(W2, 0);
  const html = await (await request.get(`/termine/${session}/anmeldung`)).text();
  const hidden: Record<string, string> = {};
  for (const [input] of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (!name) continue;
    const value = (input.match(/value="([^"]*)"/)?.[1] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
    hidden[name] = value;
  }
  expect(Object.keys(hidden)).toContain("sessionId");
  const form = {
    ...hidden,
    firstName: "Paul",
    lastName: "Postform",
    email: "paul.postform@example.org",
    organisation: "Gemeinde Beispiel",
    role: "ADMINISTRATION",
    consent: "on",
    website: "",
  };

  const first = await request.post(`/sessions/${session}/register`, { headers: { Origin: origin }, multipart: form, maxRedirects: 0 });
  expect(first.status()).toBe(308);
  expect(new URL(first.headers()["location"]!, origin).pathname).toBe(`/termine/${session}/anmeldung`);

  const followed = await request.post(`/sessions/${session}/register`, { headers: { Origin: origin }, multipart: form });
  expect(followed.url()).toBe(`${origin}/termine/${session}/anmeldung/eingegangen`);
  const stored = await withDatabase((client) =>
    client.query<{ status: string }>(`SELECT status FROM registrations WHERE email = 'paul.postform@example.org' AND "sessionId" = $1`, [session]),
  );
  expect(stored.rows.map((row) => row.status)).toEqual(["CONFIRMED"]);
});

test("the language switch of a page rendered before the rename still sets the language", async ({ request }) => {
  const response = await request.post("/locale", { headers: { Origin: origin, referer: `${origin}/impressum` }, form: { locale: "en" }, maxRedirects: 0 });
  expect(response.status()).toBe(308);
  const followed = await request.post("/locale", { headers: { Origin: origin, referer: `${origin}/impressum` }, form: { locale: "en" } });
  expect(followed.url()).toBe(`${origin}/impressum`);
  expect(await followed.text()).toContain('lang="en"');
});

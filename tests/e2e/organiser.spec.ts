import { expect, test, type Browser, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { sessionIdOf, withDatabase } from "./support/database";
import { newestSignInLink, newOrganiser, requestSignInLink, signIn } from "./support/sign-in";
import { expectNoAxeViolations } from "./support/axe";

async function createWorkshop(page: Page, title: string, slug: string) {
  await page.getByRole("link", { name: "Neuen Workshop anlegen" }).click();
  await page.getByRole("textbox", { name: "Titel", exact: true }).fill(title);
  await page.getByLabel("Adresse (Kurzname)").fill(slug);
  await page.getByRole("textbox", { name: "Kurzbeschreibung", exact: true }).fill("Ein Workshop, den die Tests anlegen.");
  await page.getByRole("textbox", { name: "Beschreibung", exact: true }).fill("Beschreibung des Workshops.");
  await page.getByRole("textbox", { name: "Leitfragen", exact: true }).fill("Wie moderieren wir?\nWer hilft?");
  await page.getByRole("button", { name: "Workshop anlegen" }).click();
  await expect(page.getByText("Der Workshop ist angelegt. Er ist noch nicht veröffentlicht.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

async function noScriptPage(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

function calendarOf(attachments: { content: string }[]) {
  const component = new ICAL.Component(ICAL.parse(attachments[0]!.content));
  const event = component.getFirstSubcomponent("vevent")!;
  return {
    method: component.getFirstPropertyValue("method"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
  };
}

test.describe("the organiser area", () => {
  test("answers an unknown address like a known one and keeps anonymous visitors out", async ({ page }) => {
    await page.goto("/organisation/workshops");
    await expect(page).toHaveURL(/\/anmelden\?callbackUrl=/);
    await expectNoAxeViolations(page);
    await page.getByLabel("E-Mail-Adresse").fill("unbekannt@example.org");
    await page.getByRole("button", { name: "Anmeldelink anfordern" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bitte prüfen Sie Ihr Postfach");
    await expectNoAxeViolations(page);
    const sent = await withDatabase((client) => client.query(`SELECT 1 FROM outbox_messages WHERE "toAddress" = 'unbekannt@example.org'`));
    expect(sent.rows).toHaveLength(0);
  });

  test("creates a session, sees a registrant, moves the session and records attendance", async ({ page, browser }) => {
    await signIn(page);
    await expectNoAxeViolations(page);

    // A workshop of its own, so the seeded programme stays as the other tests expect it.
    await page.getByRole("navigation", { name: "Organisationsbereich" }).getByRole("link", { name: "Workshops" }).click();
    await expectNoAxeViolations(page);
    await createWorkshop(page, "E2E-Workshop Moderation", "e2e-moderation");
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect(page.getByText("Der Workshop ist veröffentlicht.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Neuen Termin anlegen" }).click();
    await page.getByRole("button", { name: "Termin anlegen" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole("textbox", { name: "Datum", exact: true }).fill("2031-03-05");
    await page.getByRole("textbox", { name: "Beginn", exact: true }).fill("10:00");
    await page.getByRole("textbox", { name: "Ende", exact: true }).fill("12:00");
    await page.getByLabel("Anzahl der Plätze").fill("20");
    await page.getByLabel("Zugangslink (Videokonferenz)").fill("https://video.example.org/komma-maerz");
    await page.getByRole("button", { name: "Termin anlegen" }).click();
    await expect(page.getByText("Der Termin ist angelegt.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Mittwoch, 5. März 2031, 10:00–12:00 Uhr");
    const sessionId = page.url().split("/termine/")[1]!.split("?")[0]!;
    await expectNoAxeViolations(page);

    // Someone registers on the public form, in a browser of their own.
    const visitor = await browser.newPage();
    await visitor.goto(`/termine/${sessionId}/anmeldung`);
    await visitor.getByLabel("Vorname").fill("Erika");
    await visitor.getByLabel("Nachname").fill("Organisatorentest");
    await visitor.getByLabel("E-Mail-Adresse").fill("erika.org@example.org");
    await visitor.getByLabel("Kommune bzw. Institution").fill("Stadt Musterhausen");
    await visitor.getByLabel("Ihre Funktion").selectOption("ADMINISTRATION");
    await visitor.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
    await visitor.getByRole("button", { name: "Verbindlich anmelden" }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
    await visitor.close();

    await page.reload();
    const row = page.getByRole("row").filter({ hasText: "Erika Organisatorentest" });
    await expect(row).toContainText("bestätigt");
    await expect(page.getByText("1 von 20 Plätzen belegt")).toBeVisible();

    await page.getByRole("link", { name: "Termin bearbeiten" }).click();
    await page.getByRole("textbox", { name: "Beginn", exact: true }).fill("11:00");
    await page.getByRole("textbox", { name: "Ende", exact: true }).fill("13:00");
    await page.getByRole("button", { name: "Termin speichern" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Teilnehmende werden informiert" })).toContainText("1 Teilnehmende*r wird per E-Mail informiert");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Änderung speichern und informieren" }).click();
    await expect(page.getByText(/Der Termin ist gespeichert\..*1 Person wurde informiert\./)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("11:00–13:00 Uhr");

    const changed = await withDatabase((client) =>
      client.query<{ attachments: { content: string }[] }>(
        `SELECT attachments FROM outbox_messages WHERE kind = 'session-changed' AND "toAddress" = 'erika.org@example.org'`,
      ),
    );
    expect(changed.rows).toHaveLength(1);
    const invitation = calendarOf(changed.rows[0]!.attachments);
    expect(invitation).toMatchObject({ method: "REQUEST", sequence: 1 });
    expect(invitation.start.toISOString()).toBe("2031-03-05T10:00:00.000Z");

    // The session has begun (arranged in the database): attendance can be recorded.
    await withDatabase((client) =>
      client.query(`UPDATE sessions SET "startsAt" = now() - interval '1 hour', "endsAt" = now() + interval '1 hour' WHERE id = $1`, [sessionId]),
    );
    await page.reload();
    await expectNoAxeViolations(page);
    await page.getByRole("group", { name: "Teilnahme von Erika Organisatorentest" }).getByRole("radio", { name: "teilgenommen", exact: true }).check();
    await page.getByRole("button", { name: "Teilnahme speichern" }).click();
    await expect(page.getByText("Die Teilnahme ist gespeichert.")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Erika Organisatorentest" })).toContainText("teilgenommen");
    const stored = await withDatabase((client) => client.query(`SELECT attended FROM registrations WHERE email = 'erika.org@example.org'`));
    expect(stored.rows).toEqual([{ attended: true }]);

    await page.getByRole("link", { name: "Zum Workshop" }).click();
    await page.getByRole("button", { name: "Nicht mehr veröffentlichen" }).click();
    await expect(page.getByText("Der Workshop ist nicht mehr veröffentlicht.")).toBeVisible();
  });

  test("has no WCAG 2.1 AA violations on the other organiser pages", async ({ page }) => {
    await signIn(page);
    const sessionId = await sessionIdOf("amts-und-mandatspersonen-schuetzen", 1);
    const workshopId = await withDatabase(
      async (client) => (await client.query<{ id: string }>(`SELECT id FROM workshops WHERE slug = 'amts-und-mandatspersonen-schuetzen'`)).rows[0]!.id,
    );
    for (const path of [
      "/organisation/workshops/neu",
      `/organisation/workshops/${workshopId}/texte`,
      `/organisation/workshops/${workshopId}/fragen`,
      `/organisation/workshops/${workshopId}/materialien`,
      `/organisation/termine/${sessionId}/hinzufuegen`,
      `/organisation/termine/${sessionId}/absagen`,
      `/organisation/termine/${sessionId}/drucken`,
    ]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
    await page.goto(`/organisation/termine/${sessionId}/nachricht`);
    await page.getByLabel("Betreff").fill("Hinweis zum Termin");
    await page.getByRole("textbox", { name: "Nachricht", exact: true }).fill("Guten Tag,\n\nbitte beachten Sie …");
    await page.getByRole("button", { name: "Vorschau anzeigen" }).click();
    await expect(page.getByRole("heading", { name: "Vorschau" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("works without JavaScript: adding a person, errors with a summary, the confirmation step, sign-out", async ({ browser }) => {
    const { context, page } = await noScriptPage(browser);
    await signIn(page);
    await page.goto("/organisation/workshops");
    await createWorkshop(page, "E2E-Workshop ohne JavaScript", "e2e-ohne-js");
    await page.getByRole("link", { name: "Neuen Termin anlegen" }).click();
    await page.getByRole("textbox", { name: "Datum", exact: true }).fill("2031-03-12");
    await page.getByRole("button", { name: "Termin anlegen" }).click();
    await expect(page.getByText("Der Termin ist angelegt.")).toBeVisible();

    await page.getByRole("link", { name: "Person hinzufügen" }).click();
    await page.getByLabel("Vorname").fill("Max");
    await page.getByLabel("Nachname").fill("Telefonanmeldung");
    await page.getByLabel("E-Mail-Adresse").fill("max.telefon@example.org");
    await page.getByLabel("Kommune bzw. Institution").fill("Landkreis Beispiel");
    await page.getByLabel("Funktion").selectOption("ELECTED_OFFICIAL");
    await page.getByRole("button", { name: "Person eintragen" }).click();
    await expect(page.getByText("Die Person ist eingetragen.")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Max Telefonanmeldung" })).toContainText("bestätigt");

    await page.getByRole("link", { name: "Termin bearbeiten" }).click();
    await page.getByRole("textbox", { name: "Datum", exact: true }).fill("");
    await page.getByRole("button", { name: "Termin speichern" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" });
    await expect(summary.getByRole("link", { name: /Bitte füllen Sie dieses Feld aus/ })).toHaveAttribute("href", "#field-date");
    await expect(page.getByRole("textbox", { name: "Datum", exact: true })).toHaveAttribute("aria-describedby", /field-date-error/);

    await page.getByRole("textbox", { name: "Datum", exact: true }).fill("2031-04-02");
    await page.getByRole("button", { name: "Termin speichern" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Teilnehmende werden informiert" })).toContainText("1 Teilnehmende*r");
    await page.getByRole("button", { name: "Änderung speichern und informieren" }).click();
    await expect(page.getByText(/Der Termin ist gespeichert\..*1 Person wurde informiert\./)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2. April 2031");

    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page.getByText("Sie sind abgemeldet.")).toBeVisible();
    await page.goto("/organisation");
    await expect(page).toHaveURL(/\/anmelden/);
    await context.close();
  });
});

test.describe("sign-in links", () => {
  test("are asked for on plain documents: no script runs on the sign-in pages, and the sign-in's cookie is still set", async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    const response = await page.goto("/anmelden");
    expect(response!.headers()["content-security-policy"]).toContain("script-src 'none'");
    expect(await page.locator("script").count()).toBe(0);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).toContainEqual(expect.stringContaining("csrf-token"));
    await requestSignInLink(page);
    expect(await page.locator("script").count()).toBe(0);
    expect(scripts).toEqual([]);
  });

  test("survive a mail scanner: GET and HEAD spend nothing, the page's button signs in, without JavaScript", async ({ browser, playwright }) => {
    const email = await newOrganiser("scanned");
    const { context, page } = await noScriptPage(browser);
    await requestSignInLink(page, email);
    const link = await newestSignInLink(email);
    expect(new URL(link).pathname).toBe("/anmelden/link");

    // A scanner, with no cookies of the person's browser, opens the link (and an old-style callback link) several times.
    const scanner = await playwright.request.newContext();
    for (let fetch = 0; fetch < 3; fetch++) {
      const opened = await scanner.get(link);
      expect(opened.status()).toBe(200);
      expect(await opened.text()).toContain("Jetzt anmelden");
      expect((await scanner.head(link)).status()).toBe(200);
    }
    const callback = new URL(link);
    callback.pathname = "/api/auth/callback/email";
    for (const method of ["GET", "HEAD"] as const) {
      const response = await scanner.fetch(callback.toString(), { method, maxRedirects: 0 });
      expect(response.status()).toBe(303);
      expect(new URL(response.headers()["location"]!).pathname).toBe("/anmelden/link");
      expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
    }
    // Another site's form posting the token: refused before next-auth sees it, nothing spent, nobody signed in.
    const crossSite = await scanner.post(callback.toString(), {
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      form: {},
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    expect(crossSite.headers()["set-cookie"] ?? "").not.toContain("session-token");
    await scanner.dispose();

    // A preview with JavaScript (opening spends nothing): accessible, not cached, no Referer carries the token.
    const previewContext = await browser.newContext();
    const preview = await previewContext.newPage();
    const response = await preview.goto(link);
    expect(response!.headers()["cache-control"]).toContain("no-store");
    await expect(preview.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
    await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Anmelden");
    await expect(preview.getByText(`Sie melden sich als ${email} im Organisationsbereich an.`)).toBeVisible();
    await expectNoAxeViolations(preview);
    await previewContext.close();

    // The person opens the link afterwards, without JavaScript, and the button signs in.
    await page.goto(link);
    const post = page.waitForRequest((request) => request.method() === "POST" && request.url().includes("/api/auth/callback/email"));
    await page.getByRole("button", { name: "Jetzt anmelden" }).click();
    expect((await post).headers()["referer"]).toBeUndefined();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Übersicht");

    await context.close();

    // Used once, the link is spent (seen from another browser: a signed-in one just goes on to the overview).
    const other = await noScriptPage(browser);
    await other.page.goto(link);
    await other.page.getByRole("button", { name: "Jetzt anmelden" }).click();
    await expect(other.page.getByRole("alert")).toContainText("abgelaufen oder wurde schon benutzt");
    await other.context.close();
  });

  test("a made-up session cookie blocks nothing: /abmelden clears it, and signing in works with it", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const madeUp = { name: "next-auth.session-token", value: "0b5d3c1e-made-up-session-cookie", url: baseURL! };
    await context.addCookies([madeUp]);

    await page.goto("/abmelden");
    await expect(page.getByRole("status")).toHaveText("Sie sind abgemeldet.");
    await expect(page.getByRole("link", { name: "Wieder anmelden" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Anmeldedaten löschen" }).click();
    await expect(page.getByRole("status")).toHaveText("Sie sind abgemeldet.");
    await expect(page.getByRole("button", { name: "Anmeldedaten löschen" })).toHaveCount(0);
    expect((await context.cookies()).find((cookie) => cookie.name === madeUp.name)).toBeUndefined();

    await context.addCookies([madeUp]);
    await signIn(page, await newOrganiser("made-up-cookie"));
    const session = (await context.cookies()).find((cookie) => cookie.name === madeUp.name);
    expect(session?.value).not.toBe(madeUp.value);
    await context.close();
  });

  test("never sends a signed-in person to another site after sign-in", async ({ page, baseURL }) => {
    await signIn(page, await newOrganiser("redirected"));
    for (const hostile of [`${baseURL}//evil.example/`, "//evil.example/", "/\\evil.example/", "/%5Cevil.example/", "https://evil.example/"]) {
      const response = await page.request.get(`/anmelden?callbackUrl=${encodeURIComponent(hostile)}`, { maxRedirects: 0 });
      expect(response.status(), hostile).toBe(307);
      expect(response.headers()["location"], hostile).toBe("/organisation");
    }
  });
});

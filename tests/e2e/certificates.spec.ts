import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Download } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { resetSeedData, sessionIdOf, withDatabase } from "./support/database";
import { openMail } from "./support/mailbox";
import { signIn } from "./support/sign-in";

const WORKSHOP = "Amts- und Mandatspersonen bei Anfeindungen schützen und stärken";
const EMAIL = "juergen.gross@example.org";

async function pdfText(download: Download): Promise<string> {
  const path = await download.path();
  return execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/**
 * A session of the seeded workshop that ended an hour ago, with Jürgen
 * confirmed on it. His private link is made here the way the app makes one
 * (a random token, its SHA-256 stored): the mail that would carry it is not
 * what this spec is about.
 */
async function endedSessionWithParticipant(): Promise<{ sessionId: string; token: string }> {
  const sessionId = await sessionIdOf("amts-und-mandatspersonen-schuetzen", 0);
  const token = randomBytes(32).toString("base64url");
  await withDatabase(async (client) => {
    await client.query(
      `UPDATE sessions SET "startsAt" = now() - interval '3 hours', "endsAt" = now() - interval '1 hour', "registrationOpensAt" = NULL, "registrationClosesAt" = NULL, "confirmedCount" = 1 WHERE id = $1`,
      [sessionId],
    );
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO registrations (id, "sessionId", status, "firstName", "lastName", email, organisation, role, "privacyNoticeId", "consentedAt", "confirmedAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'CONFIRMED', 'Jürgen', 'Groß-Öztürk', $2, 'Stadt Weißenfels', 'ADMINISTRATION', id, now(), now(), now() FROM privacy_notices LIMIT 1
       RETURNING id`,
      [sessionId, EMAIL],
    );
    await client.query(`INSERT INTO manage_tokens (hash, "registrationId") VALUES ($1, $2)`, [createHash("sha256").update(token).digest("hex"), rows[0]!.id]);
  });
  return { sessionId, token };
}

test.beforeAll(resetSeedData);
test.afterAll(async () => {
  await resetSeedData();
  await withDatabase((client) => client.query(`DELETE FROM certificate_settings`));
});

test("after the session and the attendance mark, the participant downloads the certificate from the manage link and the verification page confirms its code", async ({
  page,
  browser,
}) => {
  const { sessionId, token } = await endedSessionWithParticipant();
  // Without JavaScript, as a participant's locked-down office browser may be.
  const participantContext = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const participant = await participantContext.newPage();

  // Before the attendance is marked, the manage page says when the certificate comes.
  await participant.goto(`/r/${token}`);
  const section = participant.getByRole("region", { name: "Teilnahmebescheinigung" });
  await expect(section).toContainText("Sobald die Veranstaltenden Ihre Teilnahme eingetragen haben");
  await expect(section.getByRole("link")).toHaveCount(0);
  // Asked for directly, there is no certificate yet: back to the manage page.
  const early = await participant.request.get(`/r/${token}/bescheinigung.pdf`, { maxRedirects: 0 });
  expect(early.status()).toBe(303);

  // The organiser marks the attendance on the session page.
  await signIn(page);
  await page.goto(`/organisation/termine/${sessionId}`);
  await expect(page.getByRole("region", { name: "Teilnahmebescheinigungen" })).toContainText("Noch ist für niemanden eine Teilnahme eingetragen.");
  await page.getByRole("group", { name: "Teilnahme von Jürgen Groß-Öztürk" }).getByLabel("teilgenommen", { exact: true }).check();
  await page.getByRole("button", { name: "Teilnahme speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Teilnahme" })).toBeVisible();
  const certificates = page.getByRole("region", { name: "Teilnahmebescheinigungen" });
  await expect(certificates.getByRole("button", { name: "Alle 1 Bescheinigung als ein PDF herunterladen" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The organiser's download of one person's certificate (a form post; audited).
  const [organiserDownload] = await Promise.all([
    page.waitForEvent("download"),
    certificates.getByRole("button", { name: "Bescheinigung für Jürgen Groß-Öztürk herunterladen (PDF)" }).click(),
  ]);
  expect(organiserDownload.suggestedFilename()).toBe("Teilnahmebescheinigung-Jürgen-Groß-Öztürk.pdf");
  expect(await pdfText(organiserDownload)).toContain("Jürgen Groß-Öztürk");
  const audited = await withDatabase((client) =>
    client.query(`SELECT 1 FROM audit_events WHERE action = 'certificate.download' AND "subjectId" = $1`, [sessionId]),
  );
  expect(audited.rows).toHaveLength(0);
  const auditedOne = await withDatabase((client) =>
    client.query(`SELECT 1 FROM audit_events WHERE action = 'certificate.download' AND details->>'sessionId' = $1`, [sessionId]),
  );
  expect(auditedOne.rows).toHaveLength(1);

  // The materials mail after the session names the certificate, with a link to it.
  await page.getByRole("button", { name: "Materialien an Teilnehmende senden" }).click();
  await expect(page.getByRole("status").filter({ hasText: "gesendet" })).toHaveText("Die Materialien werden an 1 Person gesendet.");
  await openMail(page, EMAIL, /Materialien zum Workshop/);
  await expect(page.locator(".mailbox-text")).toContainText("Ihre Teilnahmebescheinigung können Sie als PDF herunterladen.");
  await expect(page.locator(".mailbox-text a", { hasText: "/bescheinigung.pdf" })).toHaveCount(1);

  // Now the manage page offers the certificate; the participant downloads it.
  await participant.goto(`/r/${token}`);
  await expect(section).toContainText("Sie haben am Workshop teilgenommen.");
  const [download] = await Promise.all([
    participant.waitForEvent("download"),
    section.getByRole("link", { name: "Teilnahmebescheinigung herunterladen (PDF)" }).click(),
  ]);
  const text = await pdfText(download);
  expect(text).toContain("Teilnahmebescheinigung");
  expect(text).toContain("Jürgen Groß-Öztürk");
  expect(text).toContain(WORKSHOP);
  expect(text).toContain("Stadt Weißenfels");
  const code = /Prüfcode: ([2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){4})/.exec(text)?.[1];
  expect(code).toBeTruthy();

  // An employer checks the code on the public page, without JavaScript.
  const employerContext = await browser.newContext({ javaScriptEnabled: false });
  const employer = await employerContext.newPage();
  await employer.goto("/bescheinigung/pruefen");
  await expect(employer.getByRole("heading", { level: 1 })).toHaveText("Teilnahmebescheinigung prüfen");
  await employer.getByLabel("Prüfcode").fill(code!.toLowerCase());
  await employer.getByRole("button", { name: "Prüfen" }).click();
  await expect(employer).toHaveURL(/\/bescheinigung\/pruefen\?code=/);
  const verdict = employer.getByRole("status");
  await expect(verdict).toContainText("Diese Teilnahmebescheinigung ist echt.");
  await expect(verdict).toContainText("Jürgen Groß-Öztürk");
  await expect(verdict).toContainText(WORKSHOP);
  // Name, workshop and date: nothing about the person's organisation or address.
  await expect(verdict).not.toContainText("Weißenfels");
  await expect(verdict).not.toContainText(EMAIL);
  await employerContext.close();

  // A wrong code is told apart; the pages pass axe (with JavaScript, which axe needs).
  const checked = await page.goto("/bescheinigung/pruefen?code=ABCD-EFGH-JKLM-NPQR-STUV");
  expect(checked!.headers()["content-security-policy"]).toContain("script-src 'none'");
  await expect(page.getByRole("alert").filter({ hasText: "keine gültige" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/bescheinigung/pruefen?code=${encodeURIComponent(code!)}`);
  await expectNoAxeViolations(page);
  await page.goto(`/r/${token}`);
  await expectNoAxeViolations(page);
  await participantContext.close();
});

test("an administrator sets the issuer and uploads a signature; the certificate carries both", async ({ page }) => {
  await resetSeedData();
  const { sessionId } = await endedSessionWithParticipant();
  await withDatabase((client) => client.query(`UPDATE registrations SET attended = true WHERE email = $1`, [EMAIL]));
  await signIn(page);
  await page.goto("/organisation/admin");
  await page.getByRole("link", { name: "Bescheinigungen" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Teilnahmebescheinigungen");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name der unterzeichnenden Person").fill("Dr. Jana Weiß");
  await page.getByLabel("Funktion (optional)").fill("Programmleitung");
  await page.getByRole("button", { name: "Aussteller speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Aussteller" })).toHaveText("Der Aussteller ist gespeichert.");

  // A file that is no image is refused by its content.
  await page.getByLabel("Bild der Unterschrift").setInputFiles({ name: "unterschrift.png", mimeType: "image/png", buffer: Buffer.from("keine Grafik") });
  await page.getByRole("button", { name: "Unterschrift hochladen" }).click();
  await expect(page.locator(".notice--error")).toHaveText("Das ist kein PNG- oder JPEG-Bild. Es wurde nichts gespeichert.");
  // A scan of several megabytes gets the page's message too, not an error page.
  await page.getByLabel("Bild der Unterschrift").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: Buffer.alloc(3_000_000, 7) });
  await page.getByRole("button", { name: "Unterschrift hochladen" }).click();
  await expect(page.locator(".notice--error")).toHaveText("Das Bild ist größer als 500 KB. Bitte verkleinern Sie es. Es wurde nichts gespeichert.");
  await page.getByLabel("Bild der Unterschrift").setInputFiles({
    name: "unterschrift.png",
    mimeType: "image/png",
    buffer: readFileSync(new URL("../fixtures/signature.png", import.meta.url)),
  });
  await page.getByRole("button", { name: "Unterschrift hochladen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unterschrift" })).toHaveText("Die Unterschrift ist gespeichert.");
  await expect(page.getByRole("img", { name: "Gespeicherte Unterschrift" })).toBeVisible();
  expect(await page.getByRole("img", { name: "Gespeicherte Unterschrift" }).evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(360);
  await expectNoAxeViolations(page);

  await page.goto(`/organisation/termine/${sessionId}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /^Alle 1 Bescheinigung als ein PDF herunterladen$/ }).click(),
  ]);
  const text = await pdfText(download);
  expect(text).toContain("Dr. Jana Weiß Programmleitung");
  expect(readFileSync((await download.path())!).includes(Buffer.from("/Subtype /Image"))).toBe(true);

  await page.goto("/organisation/admin/bescheinigung");
  await page.getByRole("button", { name: "Unterschrift entfernen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unterschrift" })).toHaveText("Die Unterschrift ist entfernt.");
});

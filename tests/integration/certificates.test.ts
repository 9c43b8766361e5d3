import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/auth/authorisation";
import { sessionCertificatesResponse } from "@/lib/certificates/certificates-response";
import { downloadSessionCertificates } from "@/lib/certificates/download-session-certificates";
import { participantCertificate } from "@/lib/certificates/participant-certificate";
import { removeCertificateSignature } from "@/lib/certificates/remove-certificate-signature";
import { saveCertificateIssuer } from "@/lib/certificates/save-certificate-issuer";
import { signatureUploadResponse } from "@/lib/certificates/signature-upload-response";
import { uploadCertificateSignature } from "@/lib/certificates/upload-certificate-signature";
import { formatVerificationCode } from "@/lib/certificates/verification-code";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { db } from "@/lib/db";
import { sendSessionMaterials } from "@/lib/materials/send-session-materials";
import { anonymiseRegistrations } from "@/lib/privacy/anonymise-registrations";
import { RATE_LIMITS } from "@/lib/rate-limit/consume-rate-limit";
import { findRegistrationByToken } from "@/lib/registrations/manage-queries";
import { pdfLikeBytes, uploadRequest } from "../helpers/material-upload";
import { addRegistration, organiserWorld } from "../helpers/organiser-world";

const HOUR = 3600_000;

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "certificate-")), "certificate.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

function pages(pdf: Buffer): number {
  const file = join(mkdtempSync(join(tmpdir(), "certificate-")), "certificate.pdf");
  writeFileSync(file, pdf);
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
}

function uniqueIp(): string {
  return `2001:db8::${randomUUID().replace(/-/g, "").slice(0, 4)}`;
}

/** A wrong code of the right shape (the alphabet has no 0, O, 1 or I). */
function wrongCode(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  return Array.from({ length: 20 }, () => alphabet[Math.floor(Math.random() * 32)]).join("");
}

/** Workshop A's past session, ended an hour ago: one attended (umlauts), one absent, one not marked, one from the world not marked. */
async function endedSession() {
  const world = await organiserWorld();
  await db.session.update({ where: { id: world.pastSessionA }, data: { endsAt: new Date(Date.now() - HOUR) } });
  const attended = await addRegistration(world.pastSessionA, world.privacyNoticeId, { status: "CONFIRMED", attended: true });
  await db.registration.update({ where: { id: attended.id }, data: { firstName: "Jürgen", lastName: "Groß-Öztürk" } });
  const absent = await addRegistration(world.pastSessionA, world.privacyNoticeId, { status: "CONFIRMED", attended: false });
  const unmarked = await addRegistration(world.pastSessionA, world.privacyNoticeId, { status: "CONFIRMED" });
  return { world, attended, absent, unmarked };
}

async function codeOf(registrationId: string): Promise<string | null> {
  return (await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { certificateCode: true } })).certificateCode;
}

describe("certificates of attendance for participants", () => {
  it("exist for a person marked as attended once the session is over, in their language, with a code that stays the same", async () => {
    const { world, attended } = await endedSession();
    const first = await participantCertificate(attended.id);
    if (!first.ok) throw new Error("expected a certificate");
    const text = pdfText(first.pdf);
    expect(text).toContain("Jürgen Groß-Öztürk");
    expect(text).toContain("Workshop A");
    const code = await codeOf(attended.id);
    expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{20}$/);
    expect(text).toContain(formatVerificationCode(code!));
    expect(first.fileName).toBe("Teilnahmebescheinigung-Jürgen-Groß-Öztürk.pdf");

    const again = await participantCertificate(attended.id);
    expect(again.ok && pdfText(again.pdf)).toContain(formatVerificationCode(code!));
    expect(await codeOf(attended.id)).toBe(code);

    await db.registration.update({ where: { id: attended.id }, data: { locale: "en" } });
    const english = await participantCertificate(attended.id);
    expect(english.ok && pdfText(english.pdf)).toContain("Certificate of attendance");

    await db.workshop.update({ where: { id: world.workshopA.id }, data: { titleEn: "Workshop A in English" } });
    const translated = await participantCertificate(attended.id);
    expect(translated.ok && pdfText(translated.pdf)).toContain("Workshop A in English");
  });

  it("do not exist for someone marked absent or not marked, nor before the session has ended, nor when it was called off", async () => {
    const { world, attended, absent, unmarked } = await endedSession();
    expect(await participantCertificate(absent.id)).toEqual({ ok: false, code: "no-certificate" });
    expect(await participantCertificate(unmarked.id)).toEqual({ ok: false, code: "no-certificate" });
    // Nobody without a certificate gets a code.
    expect(await codeOf(absent.id)).toBeNull();
    expect(await codeOf(unmarked.id)).toBeNull();

    await db.session.update({ where: { id: world.pastSessionA }, data: { endsAt: new Date(Date.now() + HOUR) } });
    expect(await participantCertificate(attended.id)).toEqual({ ok: false, code: "no-certificate" });
    await db.session.update({ where: { id: world.pastSessionA }, data: { endsAt: new Date(Date.now() - HOUR), status: "CANCELLED" } });
    expect(await participantCertificate(attended.id)).toEqual({ ok: false, code: "no-certificate" });
  });

  it("are linked from the materials mail of those who attended, through a private link that leads to the certificate", async () => {
    const { world, attended, absent } = await endedSession();
    await db.instrument.create({
      data: {
        programmeId: (await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id }, select: { programmeId: true } })).programmeId,
        title: `Instrument ${randomUUID().slice(0, 8)}`,
        slug: `instrument-${randomUUID().slice(0, 8)}`,
        workshops: { create: { workshopId: world.workshopA.id } },
      },
    });
    expect(await sendSessionMaterials(world.actors.organiserA, world.pastSessionA, "confirmed")).toMatchObject({ ok: true });
    const mails = await db.outboxMessage.findMany({
      where: { kind: "session-materials", registration: { sessionId: world.pastSessionA } },
      select: { toAddress: true, text: true },
    });
    const attendedMail = mails.find((mail) => mail.toAddress === attended.email)!;
    const link = /\/r\/([A-Za-z0-9_-]{43})\/bescheinigung\.pdf/.exec(attendedMail.text!);
    expect(link).not.toBeNull();
    expect(attendedMail.text).toContain("Teilnahmebescheinigung");
    expect(await findRegistrationByToken(link![1]!)).toEqual({ id: attended.id });
    expect(mails.find((mail) => mail.toAddress === absent.email)!.text).not.toContain("bescheinigung.pdf");
  });
});

describe("certificates for organisers", () => {
  it("the workshop's organiser downloads all of a session's certificates as one PDF with a page per attendee; the download is audited", async () => {
    const { world, attended } = await endedSession();
    const second = await addRegistration(world.pastSessionA, world.privacyNoticeId, { status: "CONFIRMED", attended: true, locale: "en" });
    const outcome = await downloadSessionCertificates(world.actors.organiserA, world.pastSessionA, null, { locale: "de" });
    if (!outcome.ok) throw new Error("expected certificates");
    expect(outcome.count).toBe(2);
    expect(pages(outcome.pdf)).toBe(2);
    const text = pdfText(outcome.pdf);
    expect(text).toContain("Jürgen Groß-Öztürk");
    expect(text).toContain("Certificate of attendance");
    expect(await codeOf(second.id)).not.toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { action: "certificate.download", subjectId: world.pastSessionA },
      select: { actorId: true, details: true },
    });
    expect(audit).toEqual([{ actorId: world.actors.organiserA.id, details: { sessionId: world.pastSessionA, count: 2 } }]);

    const one = await downloadSessionCertificates(world.actors.organiserA, world.pastSessionA, attended.id, { locale: "de" });
    expect(one.ok && pages(one.pdf)).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "certificate.download", subjectId: attended.id } })).toBe(1);
  });

  it("an organiser of another workshop, or nobody signed in, gets nothing, and no code is issued", async () => {
    const { world, attended } = await endedSession();
    for (const actor of [world.actors.organiserB, world.actors.anonymous]) {
      await expect(downloadSessionCertificates(actor, world.pastSessionA, null, { locale: "de" })).rejects.toBeInstanceOf(AuthorizationError);
      await expect(downloadSessionCertificates(actor, world.pastSessionA, attended.id, { locale: "de" })).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect(await codeOf(attended.id)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "certificate.download", details: { path: ["sessionId"], equals: world.pastSessionA } } })).toBe(0);

    // Naming a registration of another session through one's own session finds nobody.
    const other = await organiserWorld();
    await db.session.update({ where: { id: other.pastSessionA }, data: { endsAt: new Date(Date.now() - HOUR) } });
    const foreign = await addRegistration(other.pastSessionA, other.privacyNoticeId, { status: "CONFIRMED", attended: true });
    expect(await downloadSessionCertificates(world.actors.organiserA, world.pastSessionA, foreign.id, { locale: "de" })).toEqual({
      ok: false,
      code: "no-certificates",
    });
  });

  it("the download route refuses another site's post and answers 403 to an organiser of another workshop", async () => {
    const { world } = await endedSession();
    const post = (origin: string) =>
      new Request(`http://localhost:3000/organisation/termine/${world.pastSessionA}/bescheinigungen`, {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: "",
      });
    expect((await sessionCertificatesResponse(world.actors.organiserA, post("https://evil.example"), world.pastSessionA, "de")).status).toBe(403);
    expect((await sessionCertificatesResponse(world.actors.organiserB, post("http://localhost:3000"), world.pastSessionA, "de")).status).toBe(403);
    const response = await sessionCertificatesResponse(world.actors.organiserA, post("http://localhost:3000"), world.pastSessionA, "de");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
  });

  it("with nobody marked as attended, the organiser is told so instead of getting an empty file", async () => {
    const world = await organiserWorld();
    await db.session.update({ where: { id: world.pastSessionA }, data: { endsAt: new Date(Date.now() - HOUR) } });
    expect(await downloadSessionCertificates(world.actors.organiserA, world.pastSessionA, null, { locale: "de" })).toEqual({
      ok: false,
      code: "no-certificates",
    });
  });
});

describe("verifying a certificate", () => {
  async function issued() {
    const setup = await endedSession();
    const certificate = await participantCertificate(setup.attended.id);
    expect(certificate.ok).toBe(true);
    return { ...setup, code: (await codeOf(setup.attended.id))! };
  }

  it("shows name, workshop and date for a valid code, however it is typed, and nothing else", async () => {
    const { code, world } = await issued();
    const result = await verifyCertificate(` ${formatVerificationCode(code).toLowerCase()} `, uniqueIp());
    const session = await db.session.findUniqueOrThrow({ where: { id: world.pastSessionA }, select: { startsAt: true } });
    expect(result).toEqual({
      state: "valid",
      name: "Jürgen Groß-Öztürk",
      workshopTitle: "Workshop A",
      workshopTitleEn: null,
      startsAt: session.startsAt,
      timeZone: "Europe/Berlin",
    });
    expect(await verifyCertificate("not a code", uniqueIp())).toEqual({ state: "malformed" });
    expect(await verifyCertificate(wrongCode(), uniqueIp())).toEqual({ state: "unknown" });
  });

  it("counts wrong codes per address: after the limit even a correct code is refused from there, other addresses are unaffected; correct codes count nothing", async () => {
    const { code } = await issued();
    const ip = uniqueIp();
    // Correct codes are never counted: an employer may check as many as they have.
    for (let attempt = 0; attempt < RATE_LIMITS.certificateCodePerIp.limit + 5; attempt += 1) expect((await verifyCertificate(code, ip)).state).toBe("valid");
    for (let attempt = 0; attempt < RATE_LIMITS.certificateCodePerIp.limit; attempt += 1)
      expect((await verifyCertificate(wrongCode(), ip)).state).toBe("unknown");
    expect(await verifyCertificate(code, ip)).toEqual({ state: "rate-limited" });
    expect(await verifyCertificate(wrongCode(), ip)).toEqual({ state: "rate-limited" });
    expect((await verifyCertificate(code, uniqueIp())).state).toBe("valid");
    // The limit is the rule's: not more attempts, and for an hour.
    expect(RATE_LIMITS.certificateCodePerIp).toEqual({ name: "certificate:ip", limit: 20, windowSeconds: 3600 });
  });

  it("a correct code writes nothing: no counter, no row changed (a link scanner may fetch the page)", async () => {
    const { code } = await issued();
    const ip = uniqueIp();
    const before = await db.rateLimit.count();
    const registrationsBefore = await db.registration.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true } });
    await verifyCertificate(code, ip);
    await verifyCertificate("malformed", ip);
    expect(await db.rateLimit.count()).toBe(before);
    expect(await db.registration.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true } })).toEqual(registrationsBefore);
  });

  it("no longer verifies once the registration is anonymised or deleted, or its attendance is taken back", async () => {
    const first = await issued();
    await db.$transaction((tx) => anonymiseRegistrations(tx, [first.attended.id], new Date()));
    expect(await codeOf(first.attended.id)).toBeNull();
    expect(await verifyCertificate(first.code, uniqueIp())).toEqual({ state: "unknown" });

    const second = await issued();
    await db.registration.update({ where: { id: second.attended.id }, data: { attended: false } });
    expect(await verifyCertificate(second.code, uniqueIp())).toEqual({ state: "unknown" });

    const third = await issued();
    await db.manageToken.deleteMany({ where: { registrationId: third.attended.id } });
    await db.registration.delete({ where: { id: third.attended.id } });
    expect(await verifyCertificate(third.code, uniqueIp())).toEqual({ state: "unknown" });
  });
});

describe("certificate settings", () => {
  const png = readFileSync(new URL("../fixtures/signature.png", import.meta.url));

  it("an administrator sets the issuer and a PNG signature, both printed on certificates; organisers may not", async () => {
    const { world, attended } = await endedSession();
    await expect(saveCertificateIssuer(world.actors.organiserA, { issuerName: "X" })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(uploadCertificateSignature(world.actors.organiserA, { bytes: png })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await saveCertificateIssuer(world.actors.admin, { issuerName: "Dr. Jana Weiß", issuerRole: "Programmleitung" })).toEqual({ ok: true });
    expect(await uploadCertificateSignature(world.actors.admin, { bytes: png })).toEqual({ ok: true });
    const certificate = await participantCertificate(attended.id);
    if (!certificate.ok) throw new Error("expected a certificate");
    expect(pdfText(certificate.pdf)).toContain("Dr. Jana Weiß Programmleitung");
    // The image is in the PDF.
    expect(certificate.pdf.includes(Buffer.from("/Subtype /Image"))).toBe(true);
    expect(await removeCertificateSignature(world.actors.admin)).toEqual({ ok: true });
    const without = await participantCertificate(attended.id);
    expect(without.ok && without.pdf.includes(Buffer.from("/Subtype /Image"))).toBe(false);
  });

  it("takes the upload form's post and answers every outcome with the page and its message, a file of megabytes too", async () => {
    const { world } = await endedSession();
    const url = "http://localhost:3000/organisation/admin/bescheinigung/unterschrift";
    const post = (file: Parameters<typeof uploadRequest>[1], origin?: string) => uploadRequest({}, file, { url, origin, fileField: "signature" });
    const stored = () => db.certificateSettings.findMany({ where: { signature: { not: null } }, select: { programmeId: true } });
    const flashOf = (response: Response) => {
      expect(response.status).toBe(303);
      return new URL(response.headers.get("location")!).search;
    };

    // Five megabytes, sent in pieces without a length: read only up to the limit, then refused with the page's message.
    const huge = await signatureUploadResponse(async () => world.actors.admin, post({ name: "scan.png", type: "image/png", content: pdfLikeBytes(5_000_000) }));
    expect(flashOf(huge)).toBe("?fehler=signature-too-large");
    expect(await stored()).toEqual([]);

    const organiser = await signatureUploadResponse(async () => world.actors.organiserA, post({ name: "u.png", type: "image/png", content: png }));
    expect(flashOf(organiser)).toBe("?fehler=forbidden");
    const nothing = await signatureUploadResponse(async () => world.actors.admin, post(null));
    expect(flashOf(nothing)).toBe("?fehler=file-missing");
    const foreign = await signatureUploadResponse(async () => world.actors.admin, post({ name: "u.png", content: png }, "https://evil.example"));
    expect(foreign.status).toBe(403);
    const anonymous = await signatureUploadResponse(async () => null, post({ name: "u.png", content: png }));
    expect(anonymous.headers.get("location")).toContain("/anmelden?callbackUrl=");
    expect(await stored()).toEqual([]);

    const saved = await signatureUploadResponse(async () => world.actors.admin, post({ name: "unterschrift.png", type: "image/png", content: png }));
    expect(flashOf(saved)).toBe("?meldung=certificate-signature-saved");
    expect(await stored()).toHaveLength(1);
  });

  it("refuses what is not a PNG or JPEG by content, whatever it is called, and images that are too large", async () => {
    const { world } = await endedSession();
    expect(await uploadCertificateSignature(world.actors.admin, { bytes: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") })).toEqual({
      ok: false,
      code: "signature-type-refused",
    });
    const pdf = readFileSync(new URL("../fixtures/materials/handout.pdf", import.meta.url));
    expect(await uploadCertificateSignature(world.actors.admin, { bytes: pdf })).toEqual({ ok: false, code: "signature-type-refused" });
    expect(await uploadCertificateSignature(world.actors.admin, { bytes: Buffer.alloc(600_000, 1) })).toEqual({ ok: false, code: "signature-too-large" });
    expect(await uploadCertificateSignature(world.actors.admin, null)).toEqual({ ok: false, code: "file-missing" });
    // A PNG signature cut off after its header: file-type says PNG, the PDF library cannot read it.
    expect(await uploadCertificateSignature(world.actors.admin, { bytes: png.subarray(0, 60) })).toEqual({ ok: false, code: "signature-unreadable" });
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { certificateState } from "../../lib/certificates/availability";
import { formatDuration, renderCertificates, type CertificateContent } from "../../lib/certificates/draw-certificate";
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  createVerificationCode,
  formatVerificationCode,
  normaliseVerificationCode,
} from "../../lib/certificates/verification-code";

// CERTIFICATE_PREVIEW=/tmp/x writes the rendered PDFs to /tmp/x-de.pdf etc.,
// to look at them (pdftoppm -png) while changing the layout.

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "certificate-")), "certificate.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

function pageCount(pdf: Buffer): number {
  const file = join(mkdtempSync(join(tmpdir(), "certificate-")), "certificate.pdf");
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** pdftotext breaks lines where the PDF wraps them: compare text with whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, " ");
/** It also drops a hyphen at the end of a line (it takes it for hyphenation): compare without any. */
const squashed = (text: string) => text.replace(/[\s-]+/g, "");

const signature = readFileSync(new URL("../fixtures/signature.png", import.meta.url));

function content(overrides: Partial<CertificateContent> = {}): CertificateContent {
  return {
    locale: "de",
    programmeName: "KommA – Kommunen gegen Anfeindungen",
    participantName: "Jürgen Groß-Ölçer",
    organisation: "Stadtverwaltung Weißenfels",
    workshopTitle: "Amts- und Mandatspersonen bei Anfeindungen schützen und stärken",
    startsAt: new Date("2026-09-10T12:00:00Z"),
    endsAt: new Date("2026-09-10T14:30:00Z"),
    timeZone: "Europe/Berlin",
    format: "ONLINE",
    location: null,
    instruments: ["Übergriffsmanagement", "Mitarbeitenden-Befragung"],
    issuer: { name: "Dr. Jana Beispiel", role: "Programmleitung" },
    signature,
    code: "7KQMX3PAHRTW9CZN4EUB",
    verifyUrl: "https://anmeldung.example.org/bescheinigung/pruefen",
    issuedAt: new Date("2026-09-11T08:00:00Z"),
    ...overrides,
  };
}

describe("certificate of attendance (PDF)", () => {
  it("says who took part in what, when, for how long, with which instruments, and carries the verification code", async () => {
    const pdf = await renderCertificates([content()], { title: "Teilnahmebescheinigung", author: "KommA" });
    const text = flat(pdfText(pdf));
    expect(text).toContain("Teilnahmebescheinigung");
    expect(text).toContain("Jürgen Groß-Ölçer");
    expect(text).toContain("Stadtverwaltung Weißenfels");
    expect(text).toContain("Amts- und Mandatspersonen bei Anfeindungen schützen und stärken");
    expect(text).toContain("Donnerstag, 10. September 2026, 14:00–16:30 Uhr");
    expect(text).toContain("2 Stunden 30 Minuten");
    expect(text).toContain("Online-Veranstaltung");
    expect(text).toContain("Übergriffsmanagement");
    expect(text).toContain("Mitarbeitenden-Befragung");
    expect(text).toContain("Prüfcode: 7KQM-X3PA-HRTW-9CZN-4EUB");
    expect(text).toContain("https://anmeldung.example.org/bescheinigung/pruefen");
    expect(text).toContain("Dr. Jana Beispiel");
    expect(text).toContain("Ausgestellt am 11. September 2026");
    expect(pageCount(pdf)).toBe(1);
    if (process.env.CERTIFICATE_PREVIEW) writeFileSync(`${process.env.CERTIFICATE_PREVIEW}-de.pdf`, pdf);
  });

  it("wraps a very long name and a long title onto more lines and keeps every word, on one page", async () => {
    const longName = "Maximiliane Friederike Theodora Ludowika von und zu Hohenzollern-Sigmaringen-Weißenburg-Süßmilch-Schönfeld";
    const longTitle =
      "Vielfaltsorientierte Verwaltung: Strategien, Instrumente und Erfahrungen aus Kommunen für eine diskriminierungssensible Öffentlichkeitsarbeit";
    const instruments = Array.from({ length: 9 }, (_, index) => `Instrument Nummer ${index + 1} mit einem längeren Titel über Beteiligung`);
    const pdf = await renderCertificates([content({ participantName: longName, workshopTitle: longTitle, instruments })], { title: "T", author: "A" });
    const raw = pdfText(pdf);
    const text = flat(raw);
    expect(squashed(raw)).toContain(squashed(longName));
    // Wrapped, not cut: the name spans more than one line and each part is there.
    for (const part of longName.split(/[\s-]/)) expect(text).toContain(part);
    const firstLine = raw.split("\n").find((line) => line.includes("Maximiliane")) ?? "";
    expect(firstLine).not.toContain("Schönfeld");
    expect(text).toContain(longTitle);
    for (const instrument of instruments) expect(text).toContain(instrument);
    expect(pageCount(pdf)).toBe(1);
    if (process.env.CERTIFICATE_PREVIEW) writeFileSync(`${process.env.CERTIFICATE_PREVIEW}-long.pdf`, pdf);
  });

  it("is in English for an English-speaking participant, in person with the place", async () => {
    const pdf = await renderCertificates(
      [content({ locale: "en", format: "ON_SITE", location: "Rathaus Köln, Saal 2", signature: null, issuer: { name: "", role: "" } })],
      { title: "Certificate", author: "KommA" },
    );
    const text = flat(pdfText(pdf));
    expect(text).toContain("Certificate of attendance");
    expect(text).toContain("This is to certify that");
    expect(text).toContain("Thursday, 10 September 2026");
    expect(text).toContain("2 hours 30 minutes");
    expect(text).toContain("In-person event, Rathaus Köln, Saal 2");
    expect(text).toContain("Verification code: 7KQM-X3PA-HRTW-9CZN-4EUB");
    expect(text).toContain("On behalf of the organisers");
    if (process.env.CERTIFICATE_PREVIEW) writeFileSync(`${process.env.CERTIFICATE_PREVIEW}-en.pdf`, pdf);
  });

  it("marks a German workshop title and programme name on an English certificate as German for screen readers, an English title not", async () => {
    const english = { locale: "en" as const, signature: null };
    const german = await renderCertificates([content({ ...english, workshopTitleLang: "de", programmeNameLang: "de" })], { title: "T", author: "A" });
    expect(flat(pdfText(german))).toContain("Amts- und Mandatspersonen bei Anfeindungen schützen und stärken");
    expect(german.toString("latin1").match(/\/Lang \(de-DE\)/g)).toHaveLength(2);
    expect(german.toString("latin1")).toContain("/Lang (en-GB)");
    const translated = await renderCertificates([content({ ...english, workshopTitle: "Protecting officials and elected representatives" })], {
      title: "T",
      author: "A",
    });
    expect(flat(pdfText(translated))).toContain("Protecting officials and elected representatives");
    expect(translated.toString("latin1")).not.toContain("/Lang (de-DE)");
  });

  it("puts one certificate on each page of a session's PDF", async () => {
    const names = ["Ayşe Yılmaz", "Łukasz Żółć", "Zoë Brontë"];
    const pdf = await renderCertificates(
      names.map((participantName) => content({ participantName })),
      { title: "T", author: "A" },
    );
    expect(pageCount(pdf)).toBe(3);
    const text = pdfText(pdf);
    const pages = text.split("\f").filter((part) => part.trim());
    expect(pages).toHaveLength(3);
    names.forEach((name, index) => expect(flat(pages[index]!)).toContain(name));
  });

  it("is tagged for screen readers: text in reading order under one section per page, the title a heading, the signature a figure with a text alternative", async () => {
    const pdf = await renderCertificates([content(), content({ participantName: "Anna Älter", signature: null })], {
      title: "Teilnahmebescheinigungen",
      author: "KommA",
    });
    const file = join(mkdtempSync(join(tmpdir(), "certificate-")), "certificate.pdf");
    writeFileSync(file, pdf);
    const structure = execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8" });
    const elements = structure.split("\n").filter((line) => line.trim() && !line.trim().startsWith('"'));
    expect(elements[0]).toBe("Document");
    expect(elements.filter((line) => line.trim() === "Sect")).toHaveLength(2);
    expect(structure).toMatch(/H1 \(block\)\n\s+"Teilnahmebescheinigung"/);
    // Reading order: the person before the workshop, the workshop before the code.
    const order = ["Jürgen Groß-Ölçer", "Amts- und Mandatspersonen", "Übergriffsmanagement", "Prüfcode: 7KQM-X3PA-HRTW-9CZN-4EUB", "Anna Älter"].map((text) =>
      structure.indexOf(text),
    );
    expect(order.every((position, index) => position > (order[index - 1] ?? -1))).toBe(true);
    // Only the first certificate has a signature: one figure, described.
    expect(elements.filter((line) => line.trim() === "Figure")).toHaveLength(1);
    expect(pdf.toString("latin1").match(/\/Alt \(Unterschrift\)/g)).toHaveLength(1);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes/m);
  });

  it("gives the duration in hours and minutes", () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
    expect(formatDuration("de", at(0), at(60))).toBe("1 Stunde");
    expect(formatDuration("de", at(0), at(45))).toBe("45 Minuten");
    expect(formatDuration("en", at(0), at(121))).toBe("2 hours 1 minute");
  });
});

describe("verification codes", () => {
  it("have 20 characters of the readable alphabet (100 bits) and differ every time", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    for (const confusable of ["0", "O", "1", "I"]) expect(CODE_ALPHABET).not.toContain(confusable);
    const codes = new Set(Array.from({ length: 2000 }, createVerificationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    // Every character turns up: the low five bits of a byte pick uniformly.
    const seen = new Set([...codes].join(""));
    expect(seen.size).toBe(32);
  });

  it("are printed in groups of four and read back whatever the case, spaces or dashes", () => {
    expect(formatVerificationCode("7KQMX3PAHRTW9CZN4EUB")).toBe("7KQM-X3PA-HRTW-9CZN-4EUB");
    expect(normaliseVerificationCode(" 7kqm-x3pa hrtw–9czn-4eub ")).toBe("7KQMX3PAHRTW9CZN4EUB");
    expect(normaliseVerificationCode("7KQM-X3PA-HRTW-9CZN-4EU")).toBeNull();
    expect(normaliseVerificationCode("7KQM-X3PA-HRTW-9CZN-4EUO")).toBeNull();
    expect(normaliseVerificationCode("7KQM-X3PA-HRTW-9CZN-4EU1")).toBeNull();
    expect(normaliseVerificationCode("")).toBeNull();
  });
});

describe("who has a certificate", () => {
  const now = new Date("2026-09-10T15:00:00Z");
  const ended = { status: "SCHEDULED" as const, endsAt: new Date("2026-09-10T14:00:00Z") };
  const running = { status: "SCHEDULED" as const, endsAt: new Date("2026-09-10T16:00:00Z") };

  it("a confirmed person marked as attended, once the session is over", () => {
    expect(certificateState({ status: "CONFIRMED", attended: true, session: ended }, now)).toBe("available");
    expect(certificateState({ status: "CONFIRMED", attended: true, session: running }, now)).toBe("after-session");
    expect(certificateState({ status: "CONFIRMED", attended: null, session: running }, now)).toBe("after-session");
    expect(certificateState({ status: "CONFIRMED", attended: null, session: ended }, now)).toBe("awaiting-attendance");
  });

  it("nobody marked absent, not confirmed, or whose session was called off", () => {
    expect(certificateState({ status: "CONFIRMED", attended: false, session: ended }, now)).toBe("none");
    for (const status of ["PENDING", "WAITLISTED", "CANCELLED", "REJECTED"] as const) {
      expect(certificateState({ status, attended: true, session: ended }, now)).toBe("none");
    }
    expect(certificateState({ status: "CONFIRMED", attended: true, session: { ...ended, status: "CANCELLED" } }, now)).toBe("none");
  });
});

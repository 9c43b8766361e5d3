import { readdirSync, readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { renderCancellationConfirmed } from "@/lib/email/templates/cancellation-confirmed";
import { escapeHtml } from "@/lib/email/templates/layout";
import { renderOrganiserMessage } from "@/lib/email/templates/organiser-message";
import { renderRegisteredForOtherDate } from "@/lib/email/templates/registered-for-other-date";
import { renderRegistrationOptIn } from "@/lib/email/templates/registration-opt-in";
import { renderRegistrationRejected } from "@/lib/email/templates/registration-rejected";
import { renderReminder } from "@/lib/email/templates/reminder";
import { renderSessionCancelled } from "@/lib/email/templates/session-cancelled";
import { renderSessionSwitched } from "@/lib/email/templates/session-switched";
import { renderSessionChanged } from "@/lib/email/templates/session-changed";
import { renderSignInLink } from "@/lib/email/templates/sign-in-link";
import type { Locale, MailSession, RenderedEmail } from "@/lib/email/templates/types";
import { renderWaitlisted } from "@/lib/email/templates/waitlisted";

import { renderEvaluationInvitation } from "@/lib/email/templates/evaluation-invitation";
import { cases, confirmUrl, evaluationUrl, joinUrl, manageUrl, previousSession, programme, recipient, session, signInUrl } from "../helpers/email-cases";
import { renderRegistrationApproved, renderRegistrationConfirmed, renderWaitlistPromoted } from "@/lib/email/templates/seat-confirmed";

// next-intl reports a missing message or a bad ICU argument on console.error
// and falls back to the key; an email must never go out like that.
let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});
afterEach(() => {
  const errors = consoleError.mock.calls.map((call) => String(call[0]));
  consoleError.mockRestore();
  expect(errors).toEqual([]);
});

describe("the sample messages", () => {
  it("include every template, so the checks below and the layout test in Chromium see each one", () => {
    const helper = readFileSync("tests/helpers/email-cases.ts", "utf8");
    const templates = readdirSync("lib/email/templates")
      .map((file) => file.replace(/\.ts$/, ""))
      .filter((name) => !["layout", "session-parts", "session-time", "types"].includes(name));
    for (const template of templates) expect(helper, template).toContain(`@/lib/email/templates/${template}"`);
  });
});

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
}

const localeCases = cases.flatMap((messageCase) => (["de", "en"] as const).map((locale) => ({ ...messageCase, locale })));

describe.each(localeCases)("$name ($locale)", (messageCase) => {
  const { locale } = messageCase;
  let email: RenderedEmail;
  beforeEach(() => {
    email = messageCase.render(locale);
  });

  it("has a subject in the reader's language", () => {
    expect(email.subject.trim()).not.toBe("");
    expect(email.subject).toMatch(messageCase.subject[locale]);
    const other: Locale = locale === "de" ? "en" : "de";
    expect(email.subject).not.toMatch(messageCase.subject[other]);
  });

  it("is an HTML document in the reader's language with one main heading", () => {
    expect(email.html).toContain(`<html lang="${locale}">`);
    expect(email.html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(email.html).not.toMatch(/<img|<link|<style|\bsrc=/i);
  });

  it("greets the reader by name without letting the name become markup", () => {
    expect(email.html).not.toContain("<script");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("Jörg &amp; Söhne");
    expect(email.html).not.toContain("Jörg & Söhne");
    expect(email.text).toContain("Jörg & Söhne");
  });

  it("leaves no placeholder unfilled", () => {
    for (const part of [email.subject, email.html, email.text]) expect(part).not.toMatch(/[{}]/);
  });

  it(messageCase.joinLink ? "tells a confirmed participant how to join, in both alternatives" : "never reveals the join link", () => {
    if (messageCase.joinLink) {
      expect(email.html).toContain(`href="${escapeHtml(joinUrl)}"`);
      expect(email.text).toContain(joinUrl);
    } else {
      expect(email.html).not.toContain("meet.example.org");
      expect(email.text).not.toContain("meet.example.org");
    }
  });

  it("carries the reader's personal links as clickable links and spelled out in plain text", () => {
    for (const url of messageCase.links) {
      expect(email.html).toContain(`href="${escapeHtml(url)}"`);
      expect(email.html).toContain(`>${escapeHtml(url)}</a>`);
      expect(email.text).toContain(url);
    }
    const hasManageLink = messageCase.links.includes(manageUrl);
    expect(email.text.includes(manageUrl)).toBe(hasManageLink);
  });

  it("spells out in the plain text every link the HTML offers", () => {
    for (const href of hrefs(email.html)) expect(email.text).toContain(href.replace(/^mailto:/, ""));
  });

  it("names the programme and how to ask a question", () => {
    expect(email.text).toContain(programme.name);
    expect(email.text).toContain(programme.contactEmail);
    expect(email.text).toContain(locale === "de" ? "Antworten Sie einfach auf diese E-Mail" : "Simply reply to this email");
  });
});

describe.each(localeCases.filter((messageCase) => messageCase.showsSession))("$name ($locale) session details", (messageCase) => {
  let email: RenderedEmail;
  beforeEach(() => {
    email = messageCase.render(messageCase.locale);
  });

  it("gives the session time in Berlin time (12:00 UTC is 14:00 in September)", () => {
    expect(email.text).toContain("14:00–16:00");
    if (messageCase.locale === "de") expect(email.text).toContain("Mittwoch, 10. September 2025, 14:00–16:00 Uhr");
  });

  it("names the workshop, escaped in the HTML", () => {
    expect(email.html).toContain("Rassismus erkennen &amp; handeln");
    expect(email.html).not.toContain("Rassismus erkennen & handeln");
    expect(email.text).toContain("Rassismus erkennen & handeln");
  });
});

// An English mail for a workshop with only a German title shows the German
// title, marked so screen readers pronounce it as German (docs/decisions/0032).
const germanTitle: MailSession = { ...session, workshopTitle: { text: "Rassismus erkennen & handeln", lang: "de" } };
const englishTitle: MailSession = { ...session, workshopTitle: { text: "Recognising racism & acting on it" } };
const namingTheWorkshop = cases.filter((messageCase) => messageCase.render("en").text.includes(session.workshopTitle.text));

function body(html: string): string {
  return html.slice(html.indexOf("<body"));
}

describe.each(namingTheWorkshop)("$name in English", (messageCase) => {
  it("marks the German title lang=de wherever the HTML names it", () => {
    const email = messageCase.render("en", { session: germanTitle });
    const named = body(email.html).split("Rassismus erkennen &amp; handeln").length - 1;
    const marked = body(email.html).split('<span lang="de">Rassismus erkennen &amp; handeln</span>').length - 1;
    expect(named).toBeGreaterThan(0);
    expect(marked).toBe(named);
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it("keeps the plain text and the subject free of markup", () => {
    const email = messageCase.render("en", { session: germanTitle });
    expect(email.text).toContain("Rassismus erkennen & handeln");
    expect(email.text + email.subject).not.toContain("<span");
    expect(email.text + email.subject).not.toContain("\uE000");
  });

  it("shows an English title without the mark", () => {
    const email = messageCase.render("en", { session: englishTitle });
    expect(body(email.html)).toContain("Recognising racism &amp; acting on it");
    expect(email.html).not.toMatch(/lang="de">Recognising/);
  });
});

describe("a German programme name in an English mail", () => {
  it("is marked lang=de in the signature and the footer, not in the plain text", () => {
    const email = renderReminder({ locale: "en", programme: { ...programme, nameLang: "de" }, recipient, session, hoursBefore: 24, manageUrl });
    expect(email.html.match(/<span lang="de">KommA – Kommunale Allianzen gegen Rassismus und Hass<\/span>/g)?.length).toBe(2);
    expect(email.text).toContain("KommA – Kommunale Allianzen gegen Rassismus und Hass");
    expect(email.text).not.toContain("<span");
  });
});

describe("registration confirmed", () => {
  it("says that the calendar invitation is attached", () => {
    expect(renderRegistrationConfirmed({ locale: "de", programme, recipient, session, manageUrl }).text).toContain("Kalendereinladung");
    expect(renderRegistrationConfirmed({ locale: "en", programme, recipient, session, manageUrl }).text).toContain(
      "calendar invitation (ICS file) is attached",
    );
  });

  it("tells an online participant the join link will follow when none is set yet", () => {
    const email = renderRegistrationConfirmed({ locale: "de", programme, recipient, session: { ...session, joinUrl: null }, manageUrl });
    expect(email.text).toContain("Den Link zum Online-Raum erhalten Sie rechtzeitig vor Beginn");
  });

  it("gives an on-site participant the place, not a join link", () => {
    const onSite: MailSession = { ...session, format: "ON_SITE", location: "Rathaus, Saal 2" };
    const email = renderRegistrationConfirmed({ locale: "de", programme, recipient, session: onSite, manageUrl });
    expect(email.text).toContain("Ort: Rathaus, Saal 2");
    expect(email.text).not.toContain("meet.example.org");
  });

  it("does not make a join link clickable unless it is a web address", () => {
    const email = renderRegistrationConfirmed({ locale: "en", programme, recipient, session: { ...session, joinUrl: "javascript:alert(1)" }, manageUrl });
    expect(email.html).not.toContain('href="javascript:');
  });
});

describe("waitlisted", () => {
  it("tells the reader their position and that the seat is not confirmed yet", () => {
    const de = renderWaitlisted({ locale: "de", programme, recipient, session, position: 3, manageUrl });
    expect(de.text).toContain("Ihre Position auf der Warteliste: 3");
    expect(de.text).toContain("Bis dahin ist Ihre Teilnahme nicht bestätigt");
    expect(de.text).not.toContain("Kalendereinladung");
    const en = renderWaitlisted({ locale: "en", programme, recipient, session, position: 3, manageUrl });
    expect(en.text).toContain("Your position on the waiting list: 3");
  });

  it("offers a way to leave the waiting list", () => {
    const email = renderWaitlisted({ locale: "de", programme, recipient, session, position: 1, manageUrl });
    expect(email.text).toContain(`Warteliste verlassen:\n${manageUrl}`);
  });
});

describe("promoted from the waiting list", () => {
  it("says the seat is now confirmed and the invitation attached", () => {
    const email = renderWaitlistPromoted({ locale: "de", programme, recipient, session, manageUrl });
    expect(email.text).toContain("Ihre Teilnahme ist jetzt bestätigt");
    expect(email.text).toContain("Kalendereinladung");
  });
});

describe("cancellation confirmed", () => {
  it("says the seat has been released", () => {
    const email = renderCancellationConfirmed({ locale: "de", programme, recipient, session });
    expect(email.text).toContain("Ihr Platz ist damit freigegeben");
    expect(renderCancellationConfirmed({ locale: "en", programme, recipient, session }).text).toContain("Your seat has been released");
  });

  it("speaks of the waiting list when the reader only had a place there", () => {
    const email = renderCancellationConfirmed({ locale: "de", programme, recipient, session, previousStatus: "WAITLISTED" });
    expect(email.text).toContain("die Warteliste für den Workshop");
    expect(email.text).toContain("verlassen");
    expect(email.text).not.toContain("Ihr Platz ist damit freigegeben");
  });

  it("offers the way back: the workshop's dates with free seats and the programme, as links", () => {
    const wayBack = { workshopUrl: "https://komma.example/workshops/amtspersonen", programmeUrl: "https://komma.example/" };
    const de = renderCancellationConfirmed({ locale: "de", programme, recipient, session, wayBack });
    expect(de.text).toContain("erneut anmelden, solange Plätze frei sind");
    expect(de.text).toContain(`Termine und freie Plätze ansehen:\n${wayBack.workshopUrl}`);
    expect(de.text).toContain(`Zur Programmübersicht:\n${wayBack.programmeUrl}`);
    expect(de.html).toContain(`href="${wayBack.workshopUrl}"`);
    const en = renderCancellationConfirmed({ locale: "en", programme, recipient, session, wayBack });
    expect(en.text).toContain(`See the dates and free seats:\n${wayBack.workshopUrl}`);
  });
});

describe("session changed", () => {
  it("shows the new time next to the old one and says the updated invitation is attached", () => {
    const email = renderSessionChanged({ locale: "de", programme, recipient, session, previous: previousSession, registrationStatus: "CONFIRMED", manageUrl });
    expect(email.text).toContain("Neuer Termin: Mittwoch, 10. September 2025, 14:00–16:00 Uhr");
    expect(email.text).toContain("Bisheriger Termin: Mittwoch, 3. September 2025, 14:00–16:00 Uhr");
    expect(email.text).toContain("aktualisierte Kalendereinladung");
  });

  it("points out a new join link and does not claim the time moved", () => {
    const previous = { ...session, joinUrl: "https://meet.example.org/alt" };
    const email = renderSessionChanged({ locale: "de", programme, recipient, session, previous, registrationStatus: "CONFIRMED", manageUrl });
    expect(email.text).toContain("Der Link zum Online-Raum hat sich geändert");
    expect(email.text).toContain(joinUrl);
    expect(email.text).not.toContain("https://meet.example.org/alt");
    expect(email.text).not.toContain("Bisheriger Termin");
  });

  it("announces a join link given for the first time as news, not as a change", () => {
    const previous = { ...session, joinUrl: null };
    for (const [locale, news, change] of [
      ["de", "Der Link zum Online-Raum steht jetzt fest", "Der Link zum Online-Raum hat sich geändert"],
      ["en", "The link to the online room is now available", "The link to the online room has changed"],
    ] as const) {
      const email = renderSessionChanged({ locale, programme, recipient, session, previous, registrationStatus: "CONFIRMED", manageUrl });
      expect(email.text).toContain(news);
      expect(email.text).not.toContain(change);
      expect(email.text).toContain(joinUrl);
    }
  });

  it("shows a new place next to the old one and does not speak of a new time", () => {
    const before = { ...session, format: "ON_SITE" as const, location: "Rathaus, Saal 1" };
    const now = { ...before, location: "Bürgerhaus, Raum 2" };
    const email = renderSessionChanged({ locale: "de", programme, recipient, session: now, previous: before, registrationStatus: "CONFIRMED", manageUrl });
    expect(email.text).toContain("Neuer Ort: Bürgerhaus, Raum 2");
    expect(email.text).toContain("Bisheriger Ort: Rathaus, Saal 1");
    expect(email.text).not.toContain("Bisheriger Termin");
    expect(email.text).not.toContain("zum neuen Termin");
    expect(email.text).toContain("unter den geänderten Angaben");
  });

  it("gives someone on the waiting list the new time but no join link and no invitation", () => {
    const email = renderSessionChanged({ locale: "de", programme, recipient, session, previous: previousSession, registrationStatus: "WAITLISTED", manageUrl });
    expect(email.text).toContain("Neuer Termin");
    expect(email.text).not.toContain("Kalendereinladung");
    expect(email.text).toContain(`Warteliste verlassen:\n${manageUrl}`);
  });
});

describe("date switched", () => {
  const switched = (locale: "de" | "en", status: "CONFIRMED" | "WAITLISTED", cancelsPreviousEvent = true) =>
    renderSessionSwitched({
      locale,
      programme,
      recipient,
      session,
      previous: previousSession,
      status,
      position: status === "WAITLISTED" ? 2 : undefined,
      cancelsPreviousEvent,
      manageUrl,
    });

  it("says it was a switch, shows the new date next to the old one and that the calendar entry moves", () => {
    const de = switched("de", "CONFIRMED");
    expect(de.subject).toBe("Terminwechsel bestätigt: Rassismus erkennen & handeln");
    expect(de.text).toContain("den Termin gewechselt");
    expect(de.text).toContain("Neuer Termin: Mittwoch, 10. September 2025, 14:00–16:00 Uhr");
    expect(de.text).toContain("Bisheriger Termin: Mittwoch, 3. September 2025, 14:00–16:00 Uhr");
    expect(de.text).toContain("Einladung für den neuen Termin und die Absage des bisherigen Termins");
    const en = switched("en", "CONFIRMED");
    expect(en.subject).toBe("Date changed: Rassismus erkennen & handeln");
    expect(en.text).toContain("You have switched to another date");
    expect(en.text).toMatch(/New date and time: Wednesday, (10 September|September 10),? 2025/);
    expect(en.text).toMatch(/Previous date and time: Wednesday, (3 September|September 3),? 2025/);
  });

  it("is no cancellation: no 'Absage', no invitation to register again, and the personal link stays the same", () => {
    for (const locale of ["de", "en"] as const) {
      for (const status of ["CONFIRMED", "WAITLISTED"] as const) {
        const email = switched(locale, status);
        expect(email.subject).not.toMatch(/Absage|Cancellation/);
        expect(email.text).not.toMatch(/abgesagt|erneut anmelden|register again|cancelled your registration/i);
        expect(email.text).toContain(locale === "de" ? "Ihr persönlicher Link bleibt derselbe" : "Your personal link stays the same");
        expect(email.text).toContain(manageUrl);
      }
    }
  });

  it("tells someone who lands on the new date's waiting list so, with the position, no join link and no invitation", () => {
    const de = switched("de", "WAITLISTED");
    expect(de.text).toContain("Beim neuen Termin stehen Sie auf der Warteliste, auf Platz 2.");
    expect(de.text).toContain("Absage des bisherigen Termins");
    expect(de.text).not.toContain("Einladung für den neuen Termin");
    expect(de.text).not.toContain(joinUrl);
    const en = switched("en", "WAITLISTED");
    expect(en.text).toContain("On the new date you are on the waiting list, in position 2.");
    expect(en.text).not.toContain("invitation for the new date");
    // Someone who only waited for the old date had no calendar entry to cancel.
    expect(switched("de", "WAITLISTED", false).text).not.toContain("Absage");
  });
});

describe("session cancelled", () => {
  it("shows the organisers' message escaped, with its line breaks", () => {
    const email = renderSessionCancelled({
      locale: "de",
      programme,
      recipient,
      session,
      organiserMessage: "Die Referentin ist erkrankt.\nNeuer Termin folgt <bald> & zeitnah.",
    });
    expect(email.html).toContain("Die Referentin ist erkrankt.<br>");
    expect(email.html).toContain("Neuer Termin folgt &lt;bald&gt; &amp; zeitnah.");
    expect(email.text).toContain("Die Referentin ist erkrankt.\nNeuer Termin folgt <bald> & zeitnah.");
    expect(email.text).toContain("Sie müssen nichts weiter tun");
  });

  it("leaves the message section out when the organisers wrote none", () => {
    const email = renderSessionCancelled({ locale: "de", programme, recipient, session, organiserMessage: "  " });
    expect(email.text).not.toContain("Nachricht des Organisationsteams");
  });
});

describe("reminder", () => {
  it("says how soon the session starts", () => {
    expect(renderReminder({ locale: "de", programme, recipient, session, hoursBefore: 1, manageUrl }).subject).toContain("beginnt in einer Stunde");
    expect(renderReminder({ locale: "en", programme, recipient, session, hoursBefore: 48, manageUrl }).text).toContain("It starts in 48 hours.");
  });
});

describe("double opt-in", () => {
  it("gives the confirm link and the time the seat is held until, in the session's time zone", () => {
    const email = renderRegistrationOptIn({ locale: "de", programme, recipient, session, confirmUrl, holdExpiresAt: new Date("2025-09-08T07:30:00Z") });
    expect(email.text).toContain(`Anmeldung bestätigen:\n${confirmUrl}`);
    expect(email.text).toContain("bis Montag, 8. September 2025, 09:30 Uhr (MESZ) frei");
    expect(email.text).toContain("Falls Sie sich nicht angemeldet haben");
  });
});

describe("registered for another date", () => {
  it("names the date that was asked for and the date the reader is registered for, with the link to switch", () => {
    const email = renderRegisteredForOtherDate({ locale: "de", programme, recipient, session, requested: previousSession, manageUrl });
    expect(email.text).toContain("für den Termin Mittwoch, 3. September 2025, 14:00–16:00 Uhr");
    expect(email.text).toContain("Mittwoch, 10. September 2025, 14:00–16:00 Uhr");
    expect(email.text).toContain("Möchten Sie lieber am Termin Mittwoch, 3. September 2025, 14:00–16:00 Uhr (MESZ) teilnehmen?");
    expect(email.text).toContain(manageUrl);
    expect(email.text).toContain("müssen Sie nichts tun");
  });

  it("says the same in English", () => {
    const email = renderRegisteredForOtherDate({ locale: "en", programme, recipient, session, requested: previousSession, manageUrl });
    expect(email.text).toContain("already registered for another date of this workshop");
    expect(email.text).toContain("switch dates");
  });
});

describe("approval outcome", () => {
  it("confirms the seat like a direct registration when approved", () => {
    const email = renderRegistrationApproved({ locale: "en", programme, recipient, session, manageUrl });
    expect(email.text).toContain("Your seat is confirmed");
    expect(email.text).toContain("calendar invitation (ICS file) is attached");
  });

  it("passes on the organisers' reason when rejected, escaped", () => {
    const email = renderRegistrationRejected({ locale: "de", programme, recipient, session, organiserMessage: "Nur für Verwaltungen <intern>." });
    expect(email.html).toContain("Nur für Verwaltungen &lt;intern&gt;.");
    expect(email.text).toContain("Nachricht des Organisationsteams");
  });
});

describe("message from the organisers", () => {
  const hostileSubject = "Raumwechsel <b>heute</b>\nBcc: x@example.org";
  let email: RenderedEmail;
  beforeEach(() => {
    email = renderOrganiserMessage({
      locale: "de",
      programme,
      recipient,
      session,
      subject: hostileSubject,
      body: "Liebe Teilnehmende,\nder Raum ändert sich.\n\n<img src=x onerror=alert(1)> & Co.",
    });
  });

  it("uses the organiser's subject on one line, escaped in the HTML", () => {
    expect(email.subject).toBe("Raumwechsel <b>heute</b> Bcc: x@example.org");
    expect(email.html).toContain(
      '<h1 style="margin:0 0 24px;font-size:24px;line-height:1.3;color:#1a1a1a;">Raumwechsel &lt;b&gt;heute&lt;/b&gt; Bcc: x@example.org</h1>',
    );
    expect(email.html).not.toContain("<b>");
  });

  it("keeps the organiser's line breaks and paragraphs and escapes their text", () => {
    expect(email.html).toContain("Liebe Teilnehmende,<br>\nder Raum ändert sich.</p>");
    expect(email.html).toContain('<p style="margin:0 0 16px;">&lt;img src=x onerror=alert(1)&gt; &amp; Co.</p>');
    expect(email.html).not.toContain("<img");
    expect(email.text).toContain("Liebe Teilnehmende,\nder Raum ändert sich.\n\n<img src=x onerror=alert(1)> & Co.");
  });

  it("reminds the reader which session it is about", () => {
    expect(email.text).toContain("„Rassismus erkennen & handeln“ (Mittwoch, 10. September 2025, 14:00–16:00 Uhr (MESZ))");
  });
});

describe("sign-in link", () => {
  it("says how long the link is valid and to ignore a request they did not make", () => {
    const de = renderSignInLink({ locale: "de", programme, signInUrl, validMinutes: 15 });
    expect(de.text).toContain(`Jetzt anmelden:\n${signInUrl}`);
    expect(de.text).toContain("15 Minuten gültig");
    expect(de.text).toContain("Falls Sie diesen Link nicht angefordert haben");
    expect(de.text).toContain("Guten Tag,");
    const en = renderSignInLink({ locale: "en", programme, signInUrl, validMinutes: 15 });
    expect(en.text).toContain("valid for 15 minutes");
    expect(en.text).toContain("If you did not request this link");
  });
});

describe("evaluation invitation", () => {
  it("says the answers are anonymous and mentions the certificate only to people marked as attended", () => {
    const attended = renderEvaluationInvitation({ locale: "de", programme, recipient, session, evaluationUrl, certificateUrl: manageUrl, reminder: false });
    expect(attended.text).toContain("Ihre Antworten sind anonym");
    expect(attended.text).toContain("Teilnahmebescheinigung");
    const notMarked = renderEvaluationInvitation({ locale: "en", programme, recipient, session, evaluationUrl, certificateUrl: null, reminder: false });
    expect(notMarked.text).toContain("Your answers are anonymous");
    expect(notMarked.text).not.toContain("certificate");
    expect(notMarked.text).not.toContain(manageUrl);
  });
});

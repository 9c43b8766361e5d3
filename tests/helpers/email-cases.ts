// Every email template rendered with the same sample data: the unit tests read
// the words, the e2e layout test renders each in Chromium at phone and desktop widths.
import { renderCancellationConfirmed } from "@/lib/email/templates/cancellation-confirmed";
import { renderEvaluationInvitation } from "@/lib/email/templates/evaluation-invitation";
import { renderEmailChangeConfirm, renderEmailChangedNotice } from "@/lib/email/templates/email-change";
import { renderOrganiserMessage } from "@/lib/email/templates/organiser-message";
import { renderRegisteredForOtherDate } from "@/lib/email/templates/registered-for-other-date";
import { renderRegistrationReceived } from "@/lib/email/templates/registration-received";
import { renderRegistrationOptIn } from "@/lib/email/templates/registration-opt-in";
import { renderRegistrationRejected } from "@/lib/email/templates/registration-rejected";
import { renderReminder } from "@/lib/email/templates/reminder";
import { renderSessionCancelled } from "@/lib/email/templates/session-cancelled";
import { renderSessionMaterials } from "@/lib/email/templates/session-materials";
import { renderSessionChanged } from "@/lib/email/templates/session-changed";
import { renderSessionSwitched } from "@/lib/email/templates/session-switched";
import { renderSignInLink } from "@/lib/email/templates/sign-in-link";
import type { Locale, MailProgramme, MailRecipient, MailSession, RenderedEmail } from "@/lib/email/templates/types";
import { renderWaitlisted } from "@/lib/email/templates/waitlisted";
import { renderRegistrationApproved, renderRegistrationConfirmed, renderWaitlistPromoted } from "@/lib/email/templates/seat-confirmed";

export const programme: MailProgramme = { name: "KommA – Kommunale Allianzen gegen Rassismus und Hass", contactEmail: "komma@example.org" };
export const recipient: MailRecipient = { firstName: "<script>alert(1)</script>", lastName: "Jörg & Söhne" };
export const joinUrl = "https://meet.example.org/komma?room=42&pw=geheim";
export const manageUrl = "https://anmeldung.example.org/verwalten/tok_123?lang=de&x=1";
export const confirmUrl = "https://anmeldung.example.org/bestaetigen/tok_456";
export const evaluationUrl = "https://anmeldung.example.org/bewertung/tok_789";
export const emailChangeUrl = "https://anmeldung.example.org/e-mail-bestaetigen/tok_789";
export const wayBack = { workshopUrl: "https://anmeldung.example.org/workshops/rassismus", programmeUrl: "https://anmeldung.example.org/" };
export const signInUrl = "https://anmeldung.example.org/api/auth/callback/email?token=abc&email=orga%40example.org";

export const session: MailSession = {
  workshopTitle: { text: "Rassismus erkennen & handeln" },
  workshopSummary: { text: "Wie Verwaltungen Betroffene unterstützen." },
  startsAt: new Date("2025-09-10T12:00:00Z"),
  endsAt: new Date("2025-09-10T14:00:00Z"),
  timeZone: "Europe/Berlin",
  format: "ONLINE",
  joinUrl,
  location: null,
};
/** What a case may be rendered with instead of the defaults (a title in another language). */
export type Samples = { session: MailSession };
const samples: Samples = { session };

export const previousSession = { ...session, startsAt: new Date("2025-09-03T12:00:00Z"), endsAt: new Date("2025-09-03T14:00:00Z") };

export type MessageCase = {
  name: string;
  render: (locale: Locale, samples?: Samples) => RenderedEmail;
  subject: Record<Locale, RegExp>;
  /** Join links are for confirmed participants only. */
  joinLink: boolean;
  /** Personal links the reader must be able to use. */
  links: string[];
  showsSession: boolean;
};

export const cases: MessageCase[] = [
  {
    name: "registration confirmed",
    render: (locale, { session } = samples) => renderRegistrationConfirmed({ locale, programme, recipient, session, manageUrl }),
    subject: { de: /Anmeldung bestätigt/, en: /Registration confirmed/ },
    joinLink: true,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "registration received (awaiting the organisers' approval)",
    render: (locale, { session } = samples) => renderRegistrationReceived({ locale, programme, recipient, session, manageUrl }),
    subject: { de: /Anmeldung eingegangen/, en: /Registration received/ },
    joinLink: false,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "materials after the session",
    render: (locale, { session } = samples) =>
      renderSessionMaterials({
        locale,
        programme,
        recipient,
        session,
        materials: [
          { title: "Folien: Übergriffsmanagement", url: "https://anmeldung.example.org/materialien/6f1c2a43-5b7e-4d1a-9c3e-2f4b5a6c7d8e" },
          { title: "Leitfaden (extern)", url: "https://example.org/leitfaden.pdf" },
        ],
        libraryUrl: "https://anmeldung.example.org/instrumente",
      }),
    subject: { de: /Materialien zum Workshop/, en: /Materials from the workshop/ },
    joinLink: false,
    links: ["https://anmeldung.example.org/materialien/6f1c2a43-5b7e-4d1a-9c3e-2f4b5a6c7d8e", "https://anmeldung.example.org/instrumente"],
    showsSession: true,
  },
  {
    name: "evaluation after the session (attended: mentions the certificate)",
    render: (locale, { session } = samples) =>
      renderEvaluationInvitation({ locale, programme, recipient, session, evaluationUrl, certificateUrl: manageUrl, reminder: false }),
    subject: { de: /Ihre Meinung zum Workshop/, en: /Your opinion on the workshop/ },
    joinLink: false,
    links: [evaluationUrl, manageUrl],
    showsSession: true,
  },
  {
    name: "evaluation reminder (not marked as attended: no certificate)",
    render: (locale, { session } = samples) =>
      renderEvaluationInvitation({ locale, programme, recipient, session, evaluationUrl, certificateUrl: null, reminder: true }),
    subject: { de: /Erinnerung: Ihre Meinung/, en: /Reminder: your opinion/ },
    joinLink: false,
    links: [evaluationUrl],
    showsSession: true,
  },
  {
    name: "materials after the session, with the certificate of attendance",
    render: (locale, { session } = samples) =>
      renderSessionMaterials({
        locale,
        programme,
        recipient,
        session,
        materials: [{ title: "Folien: Übergriffsmanagement", url: "https://anmeldung.example.org/materials/6f1c2a43-5b7e-4d1a-9c3e-2f4b5a6c7d8e" }],
        libraryUrl: "https://anmeldung.example.org/instrumente",
        certificateUrl: "https://anmeldung.example.org/r/tok_789/bescheinigung.pdf",
      }),
    subject: { de: /Materialien zum Workshop/, en: /Materials from the workshop/ },
    joinLink: false,
    links: ["https://anmeldung.example.org/r/tok_789/bescheinigung.pdf"],
    showsSession: true,
  },
  {
    name: "waitlisted",
    render: (locale, { session } = samples) => renderWaitlisted({ locale, programme, recipient, session, position: 3, manageUrl }),
    subject: { de: /Warteliste/, en: /Waiting list/ },
    joinLink: false,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "promoted from the waiting list",
    render: (locale, { session } = samples) => renderWaitlistPromoted({ locale, programme, recipient, session, manageUrl }),
    subject: { de: /Platz frei geworden/, en: /seat is free/ },
    joinLink: true,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "cancellation confirmed",
    render: (locale, { session } = samples) => renderCancellationConfirmed({ locale, programme, recipient, session, wayBack }),
    subject: { de: /Absage bestätigt/, en: /Cancellation confirmed/ },
    joinLink: false,
    links: [wayBack.workshopUrl, wayBack.programmeUrl],
    showsSession: true,
  },
  {
    name: "email change: link to the new address",
    render: (locale, { session } = samples) =>
      renderEmailChangeConfirm({
        locale,
        programme,
        recipient,
        workshopTitle: session.workshopTitle,
        newEmail: "neu@example.org",
        confirmUrl: emailChangeUrl,
        expiresAt: new Date("2025-09-02T08:00:00Z"),
        timeZone: "Europe/Berlin",
      }),
    subject: { de: /Neue E-Mail-Adresse bestätigen/, en: /Confirm your new email address/ },
    joinLink: false,
    links: [emailChangeUrl],
    showsSession: false,
  },
  {
    name: "email change: notice to the old address",
    render: (locale, { session } = samples) =>
      renderEmailChangedNotice({ locale, programme, recipient, workshopTitle: session.workshopTitle, newEmail: "neu@example.org" }),
    subject: { de: /E-Mail-Adresse geändert/, en: /Email address changed/ },
    joinLink: false,
    links: [],
    showsSession: false,
  },
  {
    name: "session changed (confirmed seat)",
    render: (locale, { session } = samples) =>
      renderSessionChanged({ locale, programme, recipient, session, previous: previousSession, registrationStatus: "CONFIRMED", manageUrl }),
    subject: { de: /Terminänderung/, en: /Session changed/ },
    joinLink: true,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "session changed (waiting list)",
    render: (locale, { session } = samples) =>
      renderSessionChanged({ locale, programme, recipient, session, previous: previousSession, registrationStatus: "WAITLISTED", manageUrl }),
    subject: { de: /Terminänderung/, en: /Session changed/ },
    joinLink: false,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "date switched (seat on the new date)",
    render: (locale, { session } = samples) =>
      renderSessionSwitched({ locale, programme, recipient, session, previous: previousSession, status: "CONFIRMED", cancelsPreviousEvent: true, manageUrl }),
    subject: { de: /Terminwechsel bestätigt/, en: /Date changed/ },
    joinLink: true,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "date switched (waiting list of the new date)",
    render: (locale, { session } = samples) =>
      renderSessionSwitched({
        locale,
        programme,
        recipient,
        session,
        previous: previousSession,
        status: "WAITLISTED",
        position: 2,
        cancelsPreviousEvent: true,
        manageUrl,
      }),
    subject: { de: /Terminwechsel bestätigt/, en: /Date changed/ },
    joinLink: false,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "session cancelled",
    render: (locale, { session } = samples) =>
      renderSessionCancelled({ locale, programme, recipient, session, organiserMessage: "Die Referentin ist erkrankt." }),
    subject: { de: /Termin abgesagt/, en: /Session cancelled/ },
    joinLink: false,
    links: [],
    showsSession: true,
  },
  {
    name: "reminder",
    render: (locale, { session } = samples) => renderReminder({ locale, programme, recipient, session, hoursBefore: 24, manageUrl }),
    subject: { de: /Erinnerung.*beginnt in 24 Stunden/, en: /Reminder.*starts in 24 hours/ },
    joinLink: true,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "double opt-in",
    render: (locale, { session } = samples) =>
      renderRegistrationOptIn({ locale, programme, recipient, session, confirmUrl, holdExpiresAt: new Date("2025-09-08T07:30:00Z") }),
    subject: { de: /Bitte bestätigen Sie Ihre Anmeldung/, en: /Please confirm your registration/ },
    joinLink: false,
    links: [confirmUrl],
    showsSession: true,
  },
  {
    name: "registered for another date",
    render: (locale, { session } = samples) => renderRegisteredForOtherDate({ locale, programme, recipient, session, requested: previousSession, manageUrl }),
    subject: { de: /Sie sind bereits angemeldet/, en: /You are already registered/ },
    joinLink: false,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "registration approved",
    render: (locale, { session } = samples) => renderRegistrationApproved({ locale, programme, recipient, session, manageUrl }),
    subject: { de: /Anmeldung angenommen/, en: /Registration accepted/ },
    joinLink: true,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "registration rejected",
    render: (locale, { session } = samples) => renderRegistrationRejected({ locale, programme, recipient, session, organiserMessage: null }),
    subject: { de: /Rückmeldung zu Ihrer Anmeldung/, en: /About your registration/ },
    joinLink: false,
    links: [],
    showsSession: true,
  },
  {
    name: "message from the organisers",
    render: (locale, { session } = samples) =>
      renderOrganiserMessage({
        locale,
        programme,
        recipient,
        session,
        subject: locale === "de" ? "Hinweis zur Technik" : "Technical note",
        body: locale === "de" ? "Bitte testen Sie Ihr Mikrofon." : "Please test your microphone.",
        manageUrl,
      }),
    subject: { de: /^Hinweis zur Technik$/, en: /^Technical note$/ },
    joinLink: false,
    links: [manageUrl],
    showsSession: true,
  },
  {
    name: "sign-in link",
    render: (locale) => renderSignInLink({ locale, programme, recipient, signInUrl, validMinutes: 15 }),
    subject: { de: /Anmeldelink/, en: /sign-in link/ },
    joinLink: false,
    links: [signInUrl],
    showsSession: false,
  },
];

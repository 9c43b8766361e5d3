// Pieces several messages share: what, when and where; how to join; how to
// cancel. Join links only ever come from here, and only for confirmed seats.
import { contentText, type EmailBlock, type EmailTranslator, type MailText } from "./layout";
import { formatSessionTime } from "./session-time";
import type { Locale, MailSession } from "./types";

export function paragraph(text: MailText): EmailBlock {
  return { kind: "paragraph", text };
}

export function sessionPlace(t: EmailTranslator, session: Pick<MailSession, "format" | "location">): string {
  if (session.format === "ONLINE") return t("session.online");
  return session.location?.trim() || t("session.locationPending");
}

/** What the session was before a change: shown next to the new values it differs in. */
export type PreviousFacts = {
  time?: Pick<MailSession, "startsAt" | "endsAt" | "timeZone">;
  place?: Pick<MailSession, "format" | "location">;
};

/** With `previous`, each changed value is shown next to the one it replaces. */
export function sessionFacts(t: EmailTranslator, locale: Locale, session: MailSession, previous: PreviousFacts = {}): EmailBlock {
  const when = formatSessionTime(locale, session);
  const timeFacts = previous.time
    ? [
        { label: t("sessionChanged.newTime"), value: when },
        { label: t("sessionChanged.previousTime"), value: formatSessionTime(locale, previous.time) },
      ]
    : [{ label: t("session.when"), value: when }];
  const where = sessionPlace(t, session);
  const placeFacts = previous.place
    ? [
        { label: t("sessionChanged.newPlace"), value: where },
        { label: t("sessionChanged.previousPlace"), value: sessionPlace(t, previous.place) },
      ]
    : [{ label: t("session.where"), value: where }];
  return { kind: "facts", facts: [{ label: t("session.workshop"), value: contentText(session.workshopTitle) }, ...timeFacts, ...placeFacts] };
}

export function workshopSummary(session: MailSession): EmailBlock[] {
  const summary = session.workshopSummary.text.trim();
  return summary ? [paragraph(contentText({ ...session.workshopSummary, text: summary }))] : [];
}

/** For participants with a confirmed seat only. */
export function joinBlocks(t: EmailTranslator, session: MailSession): EmailBlock[] {
  if (session.format !== "ONLINE") return [];
  const joinUrl = session.joinUrl?.trim();
  if (!joinUrl) return [paragraph(t("session.joinPending"))];
  return [paragraph(t("session.joinHint")), { kind: "link", label: t("session.joinLink"), url: joinUrl }];
}

export function manageBlocks(t: EmailTranslator, manageUrl: string, intro?: string): EmailBlock[] {
  return [paragraph(intro ?? t("session.manageIntro")), { kind: "link", label: t("session.manageLink"), url: manageUrl }];
}

export function leaveWaitlistBlocks(t: EmailTranslator, manageUrl: string): EmailBlock[] {
  return [paragraph(t("session.leaveWaitlistIntro")), { kind: "link", label: t("session.leaveWaitlistLink"), url: manageUrl }];
}

export function personalLinksNote(t: EmailTranslator): EmailBlock {
  return paragraph(t("session.personalLinks"));
}

export function organiserMessageBlocks(t: EmailTranslator, message: string | null | undefined): EmailBlock[] {
  const text = message?.trim();
  return text ? [{ kind: "quote", label: t("session.organiserMessage"), text }] : [];
}

/** The body shared by every "you have a seat" message: confirmed, promoted, approved. */
export function seatConfirmedBlocks(t: EmailTranslator, locale: Locale, session: MailSession, manageUrl: string): EmailBlock[] {
  return [
    ...workshopSummary(session),
    sessionFacts(t, locale, session),
    ...joinBlocks(t, session),
    paragraph(t("session.calendarAttached")),
    ...manageBlocks(t, manageUrl),
    personalLinksNote(t),
  ];
}

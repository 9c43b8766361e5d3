// Inputs shared by the email templates: small plain objects the caller builds
// from its rows, so the templates stay free of Prisma and of I/O.
import type { Locale } from "@/lib/i18n/catalogue";

export type { Locale };

export type MailSession = {
  workshopTitle: string;
  workshopSummary: string;
  /** UTC instants; formatted in `timeZone` (IANA, e.g. Europe/Berlin). */
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: "ONLINE" | "ON_SITE";
  /** Only ever shown to participants with a confirmed seat. */
  joinUrl?: string | null;
  location?: string | null;
};

export type MailProgramme = { name: string; contactEmail: string };

export type MailRecipient = { firstName: string; lastName: string };

/** What every message to a person about the programme needs. */
export type MailBase = {
  locale: Locale;
  programme: MailProgramme;
  recipient: MailRecipient;
};

export type RenderedEmail = { subject: string; html: string; text: string };

// Inputs shared by the email templates: small plain objects the caller builds
// from its rows, so the templates stay free of Prisma and of I/O.
import type { Locale } from "@/lib/i18n/catalogue";
import type { LocalizedText } from "@/lib/i18n/localized-text";

export type { Locale };

export type MailSession = {
  /** In the reader's language where written, else German marked lang="de" (lib/i18n/localized-text.ts). */
  workshopTitle: LocalizedText;
  workshopSummary: LocalizedText;
  /** UTC instants; formatted in `timeZone` (IANA, e.g. Europe/Berlin). */
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: "ONLINE" | "ON_SITE";
  /** Only ever shown to participants with a confirmed seat. */
  joinUrl?: string | null;
  location?: string | null;
};

/** `nameLang`: "de" where the German name stands in an English mail (docs/decisions/0032). */
export type MailProgramme = { name: string; nameLang?: "de"; contactEmail: string };

export type MailRecipient = { firstName: string; lastName: string };

/** What every message to a person about the programme needs. */
export type MailBase = {
  locale: Locale;
  programme: MailProgramme;
  recipient: MailRecipient;
};

export type RenderedEmail = { subject: string; html: string; text: string };

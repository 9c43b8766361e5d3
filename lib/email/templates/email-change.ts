// The two messages of a change of address: the confirmation link to the new
// address (the change waits for it) and, once confirmed, the notice to the
// old one, so that a change nobody asked for does not go unnoticed.
import type { LocalizedText } from "@/lib/i18n/localized-text";
import { translator } from "@/lib/i18n/translator";
import { formatInstant } from "@/lib/time/format";
import { greeting, renderEmail, withContent } from "./layout";
import { paragraph } from "./session-parts";
import type { MailBase, RenderedEmail } from "./types";

export type EmailChangeConfirmInput = MailBase & {
  /** In the reader's language where written (lib/i18n/localized-text.ts). */
  workshopTitle: LocalizedText;
  newEmail: string;
  confirmUrl: string;
  expiresAt: Date;
  timeZone: string;
};

export function renderEmailChangeConfirm(input: EmailChangeConfirmInput): RenderedEmail {
  const { locale } = input;
  const t = translator(locale, "email");
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("emailChangeConfirm.subject", { workshop: input.workshopTitle.text }),
    heading: t("emailChangeConfirm.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("emailChangeConfirm.intro", { workshop, email: input.newEmail }), input.workshopTitle)),
      { kind: "link", label: t("emailChangeConfirm.link"), url: input.confirmUrl },
      paragraph(t("emailChangeConfirm.validity", { expiry: formatInstant(input.expiresAt, input.timeZone, locale) })),
      paragraph(t("emailChangeConfirm.notYou")),
    ],
  });
}

export type EmailChangedNoticeInput = MailBase & { workshopTitle: LocalizedText; newEmail: string };

export function renderEmailChangedNotice(input: EmailChangedNoticeInput): RenderedEmail {
  const { locale } = input;
  const t = translator(locale, "email");
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("emailChanged.subject", { workshop: input.workshopTitle.text }),
    heading: t("emailChanged.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("emailChanged.intro", { workshop, email: input.newEmail }), input.workshopTitle)),
      paragraph(t("emailChanged.notYou", { contact: input.programme.contactEmail })),
    ],
  });
}

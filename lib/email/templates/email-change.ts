// The two messages of a change of address: the confirmation link to the new
// address (the change waits for it) and, once confirmed, the notice to the
// old one, so that a change nobody asked for does not go unnoticed.
import { translator } from "@/lib/i18n/translator";
import { formatInstant } from "@/lib/time/format";
import { greeting, renderEmail } from "./layout";
import { paragraph } from "./session-parts";
import type { MailBase, RenderedEmail } from "./types";

export type EmailChangeConfirmInput = MailBase & {
  workshopTitle: string;
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
    subject: t("emailChangeConfirm.subject", { workshop: input.workshopTitle }),
    heading: t("emailChangeConfirm.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(t("emailChangeConfirm.intro", { workshop: input.workshopTitle, email: input.newEmail })),
      { kind: "link", label: t("emailChangeConfirm.link"), url: input.confirmUrl },
      paragraph(t("emailChangeConfirm.validity", { expiry: formatInstant(input.expiresAt, input.timeZone, locale) })),
      paragraph(t("emailChangeConfirm.notYou")),
    ],
  });
}

export type EmailChangedNoticeInput = MailBase & { workshopTitle: string; newEmail: string };

export function renderEmailChangedNotice(input: EmailChangedNoticeInput): RenderedEmail {
  const { locale } = input;
  const t = translator(locale, "email");
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("emailChanged.subject", { workshop: input.workshopTitle }),
    heading: t("emailChanged.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(t("emailChanged.intro", { workshop: input.workshopTitle, email: input.newEmail })),
      paragraph(t("emailChanged.notYou", { contact: input.programme.contactEmail })),
    ],
  });
}

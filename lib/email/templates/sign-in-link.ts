import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail } from "./layout";
import { paragraph } from "./session-parts";
import type { Locale, MailProgramme, MailRecipient, RenderedEmail } from "./types";

export type SignInLinkInput = {
  locale: Locale;
  programme: MailProgramme;
  /** Email sign-in often knows only the address; then the greeting has no name. */
  recipient?: MailRecipient | null;
  signInUrl: string;
  validMinutes: number;
};

/** For organisers and administrators. */
export function renderSignInLink(input: SignInLinkInput): RenderedEmail {
  const { locale, programme } = input;
  const t = translator(locale, "email");
  return renderEmail({
    locale,
    programme,
    subject: t("signInLink.subject", { programme: programme.name }),
    heading: t("signInLink.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(t("signInLink.intro", { programme: programme.name })),
      { kind: "link", label: t("signInLink.link"), url: input.signInUrl },
      paragraph(t("signInLink.validity", { minutes: input.validMinutes })),
      paragraph(t("signInLink.notYou")),
    ],
  });
}

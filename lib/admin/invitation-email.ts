// The email that invites a new organiser or administrator. Pure.
import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail } from "../email/templates/layout";
import type { Locale, MailProgramme, RenderedEmail } from "../email/templates/types";

export type InvitationInput = {
  locale: Locale;
  programme: MailProgramme;
  /** Who invited: their name, else their address, so the invitation is recognisable. */
  inviter: string;
  role: "ADMIN" | "ORGANISER";
  signInUrl: string;
  /** The sign-in page, for a fresh link once this one is used or expired. */
  signInPageUrl: string;
  validHours: number;
};

export function renderInvitation(input: InvitationInput): RenderedEmail {
  const t = translator(input.locale, "admin");
  const email = translator(input.locale, "email");
  return renderEmail({
    locale: input.locale,
    programme: input.programme,
    subject: t("invitation.subject", { programme: input.programme.name }),
    heading: t("invitation.heading"),
    blocks: [
      greeting(email, null),
      { kind: "paragraph", text: t("invitation.intro", { inviter: input.inviter, programme: input.programme.name, role: t(`users.roles.${input.role}`) }) },
      { kind: "paragraph", text: t(`invitation.roleHint.${input.role}`) },
      { kind: "link", label: t("invitation.link"), url: input.signInUrl },
      { kind: "paragraph", text: t("invitation.validity", { hours: input.validHours }) },
      { kind: "link", label: t("invitation.later"), url: input.signInPageUrl },
      { kind: "paragraph", text: t("invitation.notExpected") },
    ],
  });
}

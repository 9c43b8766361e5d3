import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, type EmailBlock, withContent } from "./layout";
import { paragraph, personalLinksNote } from "./session-parts";
import { formatSessionTime } from "./session-time";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type EvaluationInvitationInput = MailBase & {
  session: Pick<MailSession, "workshopTitle" | "startsAt" | "endsAt" | "timeZone">;
  /** The personal link to the form (/bewertung/<token>). */
  evaluationUrl: string;
  /** Only for people marked as attended: their manage link, where the certificate of attendance can be downloaded. */
  certificateUrl: string | null;
  reminder: boolean;
};

/** After a session: the personal link to the anonymous evaluation (docs/decisions/0028), or the one reminder of it. */
export function renderEvaluationInvitation(input: EvaluationInvitationInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const when = formatSessionTime(locale, session);
  const blocks: EmailBlock[] = [
    greeting(t, input.recipient),
    paragraph(
      withContent(
        (workshop) => (input.reminder ? t("evaluationInvitation.reminderIntro", { workshop, when }) : t("evaluationInvitation.intro", { workshop, when })),
        session.workshopTitle,
      ),
    ),
    paragraph(t("evaluationInvitation.anonymous")),
    { kind: "link", label: t("evaluationInvitation.link"), url: input.evaluationUrl },
    ...(input.certificateUrl
      ? [
          paragraph(t("evaluationInvitation.certificate")),
          { kind: "link" as const, label: t("evaluationInvitation.certificateLink"), url: input.certificateUrl },
        ]
      : []),
    personalLinksNote(t),
  ];
  return renderEmail({
    locale,
    programme: input.programme,
    subject: input.reminder
      ? t("evaluationInvitation.reminderSubject", { workshop: session.workshopTitle.text })
      : t("evaluationInvitation.subject", { workshop: session.workshopTitle.text }),
    heading: t("evaluationInvitation.heading"),
    blocks,
  });
}

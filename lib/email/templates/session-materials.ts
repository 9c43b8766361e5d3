import { localizedText } from "@/lib/i18n/localized-text";
import { translator } from "@/lib/i18n/translator";
import { contentText, greeting, renderEmail, type EmailBlock, withContent } from "./layout";
import { paragraph } from "./session-parts";
import { formatSessionTime } from "./session-time";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type SessionMaterialsInput = MailBase & {
  session: MailSession;
  /** Absolute addresses: the public file URL of each upload, or the link itself. */
  /** `titleEn`: the English title, used for English mails where written. */
  materials: { title: string; titleEn?: string | null; url: string }[];
  libraryUrl: string;
  /** For someone marked as attended: their certificate of attendance, through their private link (docs/decisions/0029). */
  certificateUrl?: string | null;
};

/**
 * After a session: thanks and the links to its materials (no join link: the
 * session is over); for those marked as attended, the certificate of
 * attendance through their private link.
 */
export function renderSessionMaterials(input: SessionMaterialsInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const blocks: EmailBlock[] = [
    greeting(t, input.recipient),
    paragraph(withContent((workshop) => t("sessionMaterials.intro", { workshop, when: formatSessionTime(locale, session) }), session.workshopTitle)),
    ...input.materials.map((material): EmailBlock => ({
      kind: "link",
      label: contentText(localizedText(locale, material.title, material.titleEn)),
      url: material.url,
    })),
    paragraph(t("sessionMaterials.library")),
    { kind: "link", label: t("sessionMaterials.libraryLink"), url: input.libraryUrl },
  ];
  if (input.certificateUrl) {
    blocks.push(paragraph(t("sessionMaterials.certificate")), { kind: "link", label: t("sessionMaterials.certificateLink"), url: input.certificateUrl });
  }
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("sessionMaterials.subject", { workshop: session.workshopTitle.text }),
    heading: t("sessionMaterials.heading"),
    blocks,
  });
}

import type { Locale } from "@/lib/i18n/catalogue";
import { translator } from "@/lib/i18n/translator";

export type InvitationDescriptionInput = {
  locale: Locale;
  summary: string;
  joinUrl?: string | null;
  contactEmail: string;
};

// Deliberately no parameter for the personal manage link: calendar entries get
// shared, forwarded and synced to colleagues' views, and that link lets anyone
// holding it cancel the registration. The text only points to the email.
export function invitationDescription({ locale, summary, joinUrl, contactEmail }: InvitationDescriptionInput): string {
  const t = translator(locale, "calendar");
  const paragraphs = [
    summary.trim(),
    joinUrl ? t("invitation.joinLink", { joinUrl }) : "",
    `${t("invitation.contact", { contactEmail })}\n${t("invitation.manageHint")}`,
  ];
  return paragraphs.filter((paragraph) => paragraph !== "").join("\n\n");
}

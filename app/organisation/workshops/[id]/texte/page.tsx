import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WorkshopForm } from "@/components/organiser-workshop-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getWorkshopForEditing } from "@/lib/workshops/organiser-queries";
import { submitWorkshopTexts } from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await organiserRead(async (actor) => getWorkshopForEditing(actor, (await params).id));
  const t = await getTranslations("organiser.workshopForm");
  return { title: t("editTitle", { title: workshop.title }) };
}

export default async function WorkshopTextsPage({ params }: Props) {
  const { id } = await params;
  const workshop = await organiserRead((actor) => getWorkshopForEditing(actor, id), `/organisation/workshops/${id}/texte`);
  const t = await getTranslations("organiser");
  return (
    <>
      <p>
        <Link href={`/organisation/workshops/${workshop.id}`}>{t("workshops.back")}</Link>
      </p>
      <h1>{t("workshopForm.editTitle", { title: workshop.title })}</h1>
      <WorkshopForm
        action={submitWorkshopTexts}
        mode="edit"
        workshopId={workshop.id}
        initialValues={{
          title: workshop.title,
          titleEn: workshop.titleEn ?? "",
          slug: workshop.slug,
          summary: workshop.summary,
          summaryEn: workshop.summaryEn ?? "",
          description: workshop.description,
          descriptionEn: workshop.descriptionEn ?? "",
          guidingQuestions: workshop.guidingQuestions.join("\n"),
          guidingQuestionsEn: workshop.guidingQuestionsEn.join("\n"),
          doubleOptIn: workshop.doubleOptIn ? "on" : "",
          requiresApproval: workshop.requiresApproval ? "on" : "",
          holdHours: String(workshop.holdHours),
        }}
      />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import type { PublicWorkshop } from "@/lib/workshops/queries";

type HeadingLevel = "h2" | "h3" | "h4";

export async function InstrumentList({ instruments, heading: Heading = "h4" }: { instruments: string[]; heading?: HeadingLevel }) {
  const t = await getTranslations("programme");
  if (instruments.length === 0) return null;
  return (
    <section className="workshop__section">
      <Heading>{t("instrumentsHeading")}</Heading>
      <ul className="tag-list">
        {instruments.map((instrument) => (
          <li key={instrument}>{instrument}</li>
        ))}
      </ul>
    </section>
  );
}

export async function MaterialList({ materials, heading: Heading = "h4" }: { materials: PublicWorkshop["materials"]; heading?: HeadingLevel }) {
  const t = await getTranslations("programme");
  if (materials.length === 0) return null;
  return (
    <section className="workshop__section">
      <Heading>{t("materialsHeading")}</Heading>
      <ul>
        {materials.map((material) => (
          <li key={material.id}>
            <a href={material.url ?? `/materials/${material.id}`} download={material.url ? undefined : (material.fileName ?? true)}>
              {t("download", { title: material.title })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InstrumentForm } from "@/components/organiser-instrument-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { listManagedInstruments } from "@/lib/instruments/organiser-queries";
import { submitNewInstrument } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organiser.instruments"))("title") };
}

export default async function InstrumentsPage() {
  const instruments = await organiserRead((actor) => listManagedInstruments(actor), "/organisation/instrumente");
  const t = await getTranslations("organiser");
  return (
    <>
      <h1>{t("instruments.title")}</h1>
      <p>{t("instruments.intro")}</p>
      {instruments.length === 0 ? (
        <p>{t("instruments.empty")}</p>
      ) : (
        <ul className="org-material-list">
          {instruments.map((instrument) => (
            <li key={instrument.id}>
              <Link href={`/organisation/instrumente/${instrument.id}`}>{instrument.title}</Link>
              <span className="meta">
                {" "}
                ·{" "}
                {instrument.workshops.length > 0
                  ? t("instruments.presentedIn", { workshops: instrument.workshops.map((workshop) => workshop.title).join("; ") })
                  : t("instruments.notPresented")}{" "}
                · {t("instruments.materialCount", { count: instrument.materialCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/organisation/materialien/downloads.csv">{t("materials.countsLink")}</a>
      </p>
      <section aria-labelledby="instrument-new-heading">
        <h2 id="instrument-new-heading">{t("instruments.newHeading")}</h2>
        <InstrumentForm action={submitNewInstrument} mode="create" />
      </section>
    </>
  );
}

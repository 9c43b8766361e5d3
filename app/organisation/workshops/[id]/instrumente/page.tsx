import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrganiserFlash } from "@/components/organiser-flash";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getInstrumentChoices } from "@/lib/instruments/organiser-queries";
import { readFlash } from "@/lib/organiser/flash";
import { getWorkshopForEditing } from "@/lib/workshops/organiser-queries";
import { submitWorkshopInstruments } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await organiserRead(async (actor) => getWorkshopForEditing(actor, (await params).id));
  return { title: (await getTranslations("organiser.instruments.choose"))("title", { workshop: workshop.title }) };
}

/** Ticked boxes and a position per instrument: a plain form, no JavaScript needed. */
export default async function WorkshopInstrumentsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/organisation/workshops/${id}/instrumente`;
  const workshop = await organiserRead((actor) => getWorkshopForEditing(actor, id), path);
  const choices = await organiserRead((actor) => getInstrumentChoices(actor, id), path);
  const t = await getTranslations("organiser");
  return (
    <>
      <p>
        <Link href={`/organisation/workshops/${workshop.id}`}>{t("workshops.back")}</Link>
      </p>
      <h1>{t("instruments.choose.title", { workshop: workshop.title })}</h1>
      <OrganiserFlash flash={readFlash(await searchParams)} />
      <p>{t("instruments.choose.intro")}</p>
      {choices.length === 0 ? (
        <p>
          <Link href="/organisation/instrumente">{t("instruments.choose.none")}</Link>
        </p>
      ) : (
        <form action={submitWorkshopInstruments} className="org-form">
          <input type="hidden" name="workshopId" value={workshop.id} />
          <fieldset className="field">
            <legend>{t("instruments.choose.legend")}</legend>
            {choices.map((choice, index) => (
              <div key={choice.id} className="choice org-instrument-choice">
                <input type="checkbox" id={`instrument-${choice.id}`} name="instrument" value={choice.id} defaultChecked={choice.chosen} />
                <label htmlFor={`instrument-${choice.id}`}>{choice.title}</label>
                <label htmlFor={`position-${choice.id}`} className="visually-hidden">
                  {t("instruments.choose.position", { title: choice.title })}
                </label>
                <input
                  type="number"
                  id={`position-${choice.id}`}
                  name={`position-${choice.id}`}
                  min={1}
                  max={999}
                  inputMode="numeric"
                  defaultValue={index + 1}
                  className="input--tiny"
                />
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("instruments.choose.save")}
          </button>
        </form>
      )}
    </>
  );
}

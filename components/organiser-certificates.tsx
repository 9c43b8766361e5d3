import { getTranslations } from "next-intl/server";
import { softHyphenLabel } from "@/lib/i18n/soft-hyphens";

type Props = {
  /** The session page's path; the forms post to <path>/bescheinigungen. */
  path: string;
  /** Over and not called off: certificates exist for those marked as attended. */
  ended: boolean;
  /** Confirmed and marked as attended, in the page's order. */
  people: { id: string; firstName: string; lastName: string }[];
};

/**
 * The certificates of attendance of a session: all as one PDF, or one
 * person's. Plain form posts (the download is audited, so never a GET link);
 * the answer is the PDF, so the page stays where it is.
 */
export async function OrganiserCertificates({ path, ended, people }: Props) {
  const t = await getTranslations("certificates.organiser");
  const action = `${path}/bescheinigungen`;
  return (
    <section aria-labelledby="certificates-heading">
      <h2 id="certificates-heading" {...softHyphenLabel(t("heading"))}>
        {t("heading")}
      </h2>
      {!ended ? (
        <p>{t("notEnded")}</p>
      ) : people.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <p>{t("intro")}</p>
          <form method="post" action={action} className="org-inline-form">
            <button type="submit" className="button">
              {t("downloadAll", { count: people.length })}
            </button>
          </form>
          <h3>{t("people")}</h3>
          <ul className="certificate-list">
            {people.map((person) => (
              <li key={person.id}>
                <form method="post" action={action} className="org-inline-form">
                  <input type="hidden" name="registrationId" value={person.id} />
                  <button type="submit" className="button button--quiet">
                    {t("downloadOne", { name: `${person.firstName} ${person.lastName}` })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

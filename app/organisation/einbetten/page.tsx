import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrganiserFlash } from "@/components/organiser-flash";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getEmbedSettings } from "@/lib/embed/queries";
import { readFlash } from "@/lib/organiser/flash";
import { submitEmbedOrigins } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organiser.embed"))("title") };
}

export default async function EmbedPage({ searchParams }: Props) {
  const settings = await organiserRead((actor) => getEmbedSettings(actor), "/organisation/einbetten");
  const t = await getTranslations("organiser");
  return (
    <>
      <h1>{t("embed.title")}</h1>
      <OrganiserFlash flash={readFlash(await searchParams)} />
      <p>{t("embed.intro")}</p>
      <section aria-labelledby="embed-origins-heading">
        <h2 id="embed-origins-heading">{t("embed.originsHeading")}</h2>
        {settings && settings.canEdit ? (
          <form action={submitEmbedOrigins} className="org-form">
            <div className="field">
              <label htmlFor="field-origins">{t("embed.origins")}</label>
              <p id="field-origins-hint" className="field__hint">
                {t("embed.originsHint")}
              </p>
              <textarea
                id="field-origins"
                name="origins"
                rows={4}
                defaultValue={settings.origins.join("\n")}
                aria-describedby="field-origins-hint"
                spellCheck={false}
              />
            </div>
            <button type="submit" className="button">
              {t("embed.save")}
            </button>
          </form>
        ) : (
          <p>{settings && settings.origins.length > 0 ? t("embed.originsList", { origins: settings.origins.join(", ") }) : t("embed.noOrigins")}</p>
        )}
      </section>
      {settings?.snippets.map((snippet, index) => (
        <section key={snippet.slug ?? "programme"} aria-labelledby={`embed-snippet-${index}`}>
          <h2 id={`embed-snippet-${index}`}>{t("embed.snippetHeading", { title: snippet.label })}</h2>
          <label htmlFor={`embed-code-${index}`}>{t("embed.snippetLabel")}</label>
          <textarea id={`embed-code-${index}`} readOnly rows={10} defaultValue={snippet.code} spellCheck={false} className="org-code" />
        </section>
      ))}
    </>
  );
}

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { TextField } from "@/components/form-fields";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getCertificateSettings } from "@/lib/certificates/queries";
import { ISSUER_MAX, signatureAccept } from "@/lib/certificates/schema";
import { formatFileSize } from "@/lib/materials/file-kinds";
import { readFlash } from "@/lib/organiser/flash";
import { AdminFlash } from "../_components/admin-flash";
import { AdminNav } from "../_components/admin-nav";
import { submitIssuer, submitSignatureRemoval } from "./actions";
import { softHyphenLabel } from "@/lib/i18n/soft-hyphens";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("certificates.admin");
  return { title: t("title") };
}

export default async function CertificateSettingsPage({ searchParams }: Props) {
  const query = await searchParams;
  const settings = await organiserRead((actor) => getCertificateSettings(actor), "/organisation/admin/bescheinigung");
  const t = await getTranslations("certificates.admin");
  const locale = await getLocale();
  return (
    <>
      <AdminNav current="certificates" />
      <h1 {...softHyphenLabel(t("heading"))}>{t("heading")}</h1>
      <AdminFlash flash={readFlash(query)} />
      <p className="lead">{t("intro")}</p>
      {settings ? (
        <>
          <section aria-labelledby="issuer-heading">
            <h2 id="issuer-heading">{t("issuerLegend")}</h2>
            <form action={submitIssuer} className="org-form stack">
              <TextField name="issuerName" label={t("issuerName")} hint={t("issuerNameHint")} maxLength={ISSUER_MAX} defaultValue={settings.issuerName} />
              <TextField name="issuerRole" label={t("issuerRole")} hint={t("issuerRoleHint")} maxLength={ISSUER_MAX} defaultValue={settings.issuerRole} />
              <button type="submit" className="button">
                {t("saveIssuer")}
              </button>
            </form>
          </section>
          <section aria-labelledby="signature-heading">
            <h2 id="signature-heading">{t("signatureLegend")}</h2>
            {settings.signature ? (
              <figure className="signature-preview">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, uncached image of the admin area */}
                <img src={`/organisation/admin/bescheinigung/unterschrift?v=${settings.signature.updatedAt.getTime()}`} alt={t("signatureCurrent")} />
                <figcaption>
                  {t("signatureCurrent")} ({settings.signature.mimeType === "image/png" ? "PNG" : "JPEG"},{" "}
                  {formatFileSize(settings.signature.sizeBytes, locale)})
                </figcaption>
              </figure>
            ) : (
              <p>{t("signatureNone")}</p>
            )}
            <form method="post" action="/organisation/admin/bescheinigung/unterschrift" encType="multipart/form-data" className="org-form stack">
              <div className="field">
                <label htmlFor="signature">{t("signatureFile")}</label>
                <p id="signature-hint" className="field__hint">
                  {t("signatureHint")}
                </p>
                <input id="signature" name="signature" type="file" accept={signatureAccept} required aria-describedby="signature-hint" />
              </div>
              <button type="submit" className="button">
                {t("uploadSignature")}
              </button>
            </form>
            {settings.signature ? (
              <form action={submitSignatureRemoval} className="org-inline-form">
                <button type="submit" className="button button--danger">
                  {t("removeSignature")}
                </button>
              </form>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

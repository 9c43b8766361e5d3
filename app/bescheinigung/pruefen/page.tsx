import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { TextField } from "@/components/form-fields";
import { VERIFY_PATH } from "@/lib/certificates/certificate-contents";
import { verifyCertificate } from "@/lib/certificates/verify-certificate";
import { clientIp } from "@/lib/http/client-ip";
import { localizedText } from "@/lib/i18n/localized-text";
import { isLocale } from "@/lib/i18n/catalogue";
import { formatDate } from "@/lib/time/format";
import { softHyphenLabel } from "@/lib/i18n/soft-hyphens";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("certificates.verify");
  // A code in the address is not for search engines or other sites.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The public check of a certificate's verification code: a GET form, so it
 * works without JavaScript and a code can be passed as a link; the check
 * itself writes nothing for a correct code (docs/decisions/0029).
 */
export default async function VerifyCertificatePage({ searchParams }: Props) {
  const query = await searchParams;
  const code = typeof query.code === "string" ? query.code.slice(0, 100) : "";
  const t = await getTranslations("certificates.verify");
  const locale = await getLocale();
  const result = code.trim() ? await verifyCertificate(code, clientIp(await headers())) : null;
  const workshopTitle = result?.state === "valid" ? localizedText(locale, result.workshopTitle, result.workshopTitleEn) : null;
  return (
    <div className="narrow">
      <h1 {...softHyphenLabel(t("heading"))}>{t("heading")}</h1>
      <p className="lead">{t("intro")}</p>
      {result?.state === "valid" ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>{t("valid")}</strong>
          </p>
          <dl className="facts">
            <dt>{t("name")}</dt>
            <dd>{result.name}</dd>
            <dt>{t("workshop")}</dt>
            <dd lang={workshopTitle?.lang}>{workshopTitle?.text}</dd>
            <dt>{t("date")}</dt>
            <dd>
              <time dateTime={result.startsAt.toISOString()}>{formatDate(result.startsAt, result.timeZone, isLocale(locale) ? locale : "de")}</time>
            </dd>
          </dl>
        </div>
      ) : result?.state === "unknown" || result?.state === "rate-limited" ? (
        <div className="notice notice--error" role="alert">
          <p>{t(result.state === "unknown" ? "unknown" : "rateLimited")}</p>
        </div>
      ) : null}
      <form method="get" action={VERIFY_PATH} className="stack">
        <TextField
          name="code"
          label={t("label")}
          required
          maxLength={40}
          autoComplete="off"
          hint={t("hint")}
          error={result?.state === "malformed" ? t("malformed") : undefined}
          defaultValue={code}
        />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
    </div>
  );
}

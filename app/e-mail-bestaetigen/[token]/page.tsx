import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedSpan } from "@/components/localized-span";
import { ManageNeutral } from "@/components/manage-neutral";
import { clientIp } from "@/lib/http/client-ip";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { resolveEmailChangeToken } from "@/lib/registrations/manage-access";
import { confirmEmailChangeAction } from "./actions";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("emailChange.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

// What the button's answer says; the change's row is gone after it, so these are shown without a lookup.
const results = {
  ok: "emailChange.done",
  expired: "emailChange.expired",
  "not-active": "emailChange.notActive",
  "email-taken": "emailChange.emailTaken",
} as const;

/**
 * The link sent to a new address lands here. Like the double opt-in
 * (docs/decisions/0014), confirming needs a button press: a mail scanner that
 * opens the link must not change the address.
 */
export default async function ConfirmEmailChangePage({ params, searchParams }: Props) {
  const { token } = await params;
  const { ergebnis } = await searchParams;
  const t = await getTranslations("manage");
  if (ergebnis && ergebnis in results) {
    const ok = ergebnis === "ok";
    return (
      <>
        <h1>{t("emailChange.title")}</h1>
        <div className={`notice ${ok ? "notice--success" : "notice--warning"}`} role={ok ? "status" : "alert"}>
          <p>{t(results[ergebnis as keyof typeof results])}</p>
        </div>
      </>
    );
  }
  const change = await resolveEmailChangeToken(token, clientIp(await headers()));
  if (typeof change === "string") {
    const programme = await getCurrentProgramme();
    return <ManageNeutral contactEmail={programme?.contactEmail ?? null} rateLimited={change === "rate-limited"} />;
  }
  const title = localizedText(await getLocale(), change.workshopTitle, change.workshopTitleEn);
  return (
    <>
      <h1>{t("emailChange.title")}</h1>
      {change.expired ? (
        <p className="notice notice--warning">{t("emailChange.expired")}</p>
      ) : (
        <>
          <p>
            {t.rich("emailChange.text", {
              workshop: () => <LocalizedSpan value={title} />,
              email: change.newEmail,
            })}
          </p>
          <form action={confirmEmailChangeAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button button--large">
              {t("emailChange.button")}
            </button>
          </form>
        </>
      )}
    </>
  );
}

import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogues } from "./catalogue";
import { LOCALE_COOKIE, negotiateLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = negotiateLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  return { locale, messages: catalogues[locale], timeZone: "Europe/Berlin" };
});

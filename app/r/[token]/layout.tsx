import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

// The correction forms are client components: they get the registration form's texts, not the whole catalogue.
export default async function ManageLayout({ children }: { children: React.ReactNode }) {
  const { common, registration } = await getMessages();
  return <NextIntlClientProvider messages={{ common, registration }}>{children}</NextIntlClientProvider>;
}

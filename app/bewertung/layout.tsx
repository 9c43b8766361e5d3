import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

// The evaluation form is a client component: it gets the texts it uses, not the whole catalogue.
export default async function EvaluationLayout({ children }: { children: React.ReactNode }) {
  const { common, registration, evaluation } = await getMessages();
  return <NextIntlClientProvider messages={{ common, registration, evaluation }}>{children}</NextIntlClientProvider>;
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/scroll-region";
import { isEmailKind } from "@/lib/email/email-kinds";
import { formatInstant } from "@/lib/time/format";
import { canReadMailbox, listMailboxMessages } from "@/lib/email/mailbox";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mailbox");
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function MailboxPage() {
  if (!(await canReadMailbox())) notFound();
  const t = await getTranslations("mailbox");
  const locale = await getLocale();
  const messages = await listMailboxMessages();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p className="notice">{t("publicNotice")}</p>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ScrollRegion label={t("caption")} className="mailbox-table">
          <table>
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.subject")}</th>
                <th scope="col">{t("columns.createdAt")}</th>
                <th scope="col">{t("columns.to")}</th>
                <th scope="col">{t("columns.kind")}</th>
                <th scope="col">{t("columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td className="mailbox-subject">
                    <Link href={`/postfach/${message.id}`}>{message.subject}</Link>
                  </td>
                  <td>
                    <time dateTime={message.createdAt.toISOString()}>{formatInstant(message.createdAt, "Europe/Berlin", locale)}</time>
                  </td>
                  <td>{message.to}</td>
                  <td>{isEmailKind(message.kind) ? t(`kinds.${message.kind}`) : <code>{message.kind}</code>}</td>
                  <td className={`mailbox-status mailbox-status--${message.status.toLowerCase()}`}>{t(`status.${message.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

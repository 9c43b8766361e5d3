import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MailboxMessageText } from "@/components/mailbox-message-text";
import { formatInstant } from "@/lib/time/format";
import { isEmailKind } from "@/lib/email/email-kinds";
import { canReadMailbox, getMailboxMessage } from "@/lib/email/mailbox";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const message = await getMailboxMessage((await params).id);
  const t = await getTranslations("mailbox");
  return { title: message?.subject ?? t("title"), robots: { index: false, follow: false } };
}

export default async function MailboxMessagePage({ params }: Props) {
  if (!(await canReadMailbox())) notFound();
  const message = await getMailboxMessage((await params).id);
  if (!message) notFound();
  const t = await getTranslations("mailbox");
  const locale = await getLocale();
  const when = (instant: Date) => <time dateTime={instant.toISOString()}>{formatInstant(instant, "Europe/Berlin", locale)}</time>;
  return (
    <article className="mailbox-message">
      <p>
        <Link href="/postfach">{t("back")}</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="mailbox-facts" aria-label={t("details.label")}>
        <dt>{t("details.to")}</dt>
        <dd>{message.to}</dd>
        {message.replyTo ? (
          <>
            <dt>{t("details.replyTo")}</dt>
            <dd>{message.replyTo}</dd>
          </>
        ) : null}
        <dt>{t("details.kind")}</dt>
        <dd>{isEmailKind(message.kind) ? t(`kinds.${message.kind}`) : <code>{message.kind}</code>}</dd>
        <dt>{t("details.status")}</dt>
        <dd>{t(`status.${message.status}`)}</dd>
        <dt>{t("details.createdAt")}</dt>
        <dd>{when(message.createdAt)}</dd>
        {message.sentAt ? (
          <>
            <dt>{t("details.sentAt")}</dt>
            <dd>{when(message.sentAt)}</dd>
          </>
        ) : null}
        {message.attempts > 0 ? (
          <>
            <dt>{t("details.attempts")}</dt>
            <dd>{message.attempts}</dd>
          </>
        ) : null}
        {message.lastError ? (
          <>
            <dt>{t("details.lastError")}</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
        <dt>{t("details.messageId")}</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
      </dl>

      {message.attachments.length > 0 ? (
        <section aria-labelledby="mailbox-attachments">
          <h2 id="mailbox-attachments">{t("attachmentsHeading")}</h2>
          <ul>
            {message.attachments.map((attachment) => (
              <li key={attachment.index}>
                <a href={`/postfach/${message.id}/anhaenge/${attachment.index}`} download={attachment.filename}>
                  {t("download", { filename: attachment.filename, mediaType: attachment.mediaType, size: attachment.size })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="mailbox-text">
        <h2 id="mailbox-text">{t("textHeading")}</h2>
        <MailboxMessageText text={message.text} />
      </section>

      <section aria-labelledby="mailbox-html">
        <h2 id="mailbox-html">{t("htmlHeading")}</h2>
        {/* Its own document, not a frame here: see app/postfach/[id]/html/route.ts. */}
        <p>
          <a href={`/postfach/${message.id}/html`} rel="noreferrer">
            {t("htmlOpen")}
          </a>
        </p>
      </section>
    </article>
  );
}

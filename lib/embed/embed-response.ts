import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { currentProgrammeQuery } from "../programmes/current-programme";
import { escapeHtml } from "../email/templates/layout";
import { env } from "../env";
import { embedContentSecurityPolicy } from "../http/security-headers";
import type { Locale } from "../i18n/catalogue";
import { localizedText, type LocalizedText } from "../i18n/localized-text";
import { translator } from "../i18n/translator";
import { acceptsRegistrations } from "../sessions/availability";
import { formatDate, formatShortDate, formatTime } from "../time/format";
import { listPublishedWorkshops, type PublicWorkshop } from "../workshops/queries";

/** ` lang="de"` for a German text on an English page, else nothing. */
function langAttribute(text: LocalizedText): string {
  return text.lang ? ` lang="${text.lang}"` : "";
}

/** The message the embedded page sends its host page; the snippet resizes the iframe on it. */
export const EMBED_MESSAGE = "komma-embed-height";

function sessionItems(workshop: PublicWorkshop, locale: Locale, base: string): string {
  const t = translator(locale, "programme");
  return workshop.sessions
    .map((session) => {
      const { availability } = session;
      const when = t("sessionTime", {
        date: formatDate(session.startsAt, session.timeZone, locale),
        start: formatTime(session.startsAt, session.timeZone, locale),
        end: formatTime(session.endsAt, session.timeZone, locale),
      });
      const state =
        availability.state === "open"
          ? t("availability.open", { seats: availability.seatsLeft })
          : availability.state === "not-yet-open"
            ? t("availability.not-yet-open", { date: formatShortDate(availability.opensAt, session.timeZone, locale) })
            : t(`availability.${availability.state}`);
      const register = acceptsRegistrations(availability)
        ? ` <a href="${escapeHtml(new URL(`/termine/${session.id}/anmeldung`, base).toString())}" target="_blank" rel="noopener">${escapeHtml(t("registerLabel", { date: formatShortDate(session.startsAt, session.timeZone, locale) }))}</a>`
        : "";
      return `<li><time datetime="${session.startsAt.toISOString()}">${escapeHtml(when)}</time> · ${escapeHtml(t(`format.${session.format}`))} · ${escapeHtml(state)}${register}</li>`;
    })
    .join("");
}

// The html element's box, not scrollHeight: inside a frame scrollHeight is at
// least the frame's current height, so a frame could grow but never shrink.
function page(input: { locale: Locale; title: string; body: string; nonce: string; appOrigin: string }): string {
  return `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(input.title)}</title>
<style>body{font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;margin:0;padding:1rem;line-height:1.5}a{color:#0b3d91}h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}ul{padding-left:1.2rem}</style>
</head><body><main>${input.body}</main>
<script nonce="${input.nonce}">(function(){function report(){parent.postMessage({type:${JSON.stringify(EMBED_MESSAGE)},height:Math.ceil(document.documentElement.getBoundingClientRect().height)},"*")}addEventListener("load",report);if(window.ResizeObserver)new ResizeObserver(report).observe(document.body)})();</script>
</body></html>`;
}

/**
 * GET /einbetten (the programme) and /einbetten/<slug> (one workshop): a page
 * made for an iframe on the programme's own website. No site header, links
 * open the app in a new tab (registration happens there), plain HTML.
 */
export async function embedResponse(slug: string | null, locale: Locale): Promise<Response> {
  const programme = await db.programme.findFirst({ ...currentProgrammeQuery(), select: { id: true, name: true, nameEn: true, embedOrigins: true } });
  if (!programme) return new Response("Not found\n", { status: 404 });
  const workshops = await listPublishedWorkshops(programme.id);
  const shown = slug === null ? workshops : workshops.filter((workshop) => workshop.slug === slug);
  if (slug !== null && shown.length === 0) return new Response("Not found\n", { status: 404 });
  const t = translator(locale, "programme");
  const base = env().APP_URL;
  const nonce = randomBytes(16).toString("base64");
  const articles = shown
    .map((workshop) => {
      const title = localizedText(locale, workshop.title, workshop.titleEn);
      const summary = localizedText(locale, workshop.summary, workshop.summaryEn);
      return `<article><h2${langAttribute(title)}><a href="${escapeHtml(new URL(`/workshops/${workshop.slug}`, base).toString())}" target="_blank" rel="noopener">${escapeHtml(title.text)}</a></h2><p${langAttribute(summary)}>${escapeHtml(summary.text)}</p><ul>${sessionItems(workshop, locale, base)}</ul></article>`;
    })
    .join("");
  const heading = slug === null ? localizedText(locale, programme.name, programme.nameEn) : localizedText(locale, shown[0]!.title, shown[0]!.titleEn);
  const title = heading.text;
  const body = `<h1${langAttribute(heading)}>${escapeHtml(title)}</h1>${articles}<p><a href="${escapeHtml(new URL("/", base).toString())}" target="_blank" rel="noopener">${escapeHtml(t("embed.open"))}</a></p>`;
  return new Response(page({ locale, title, body, nonce, appOrigin: new URL(base).origin }), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": embedContentSecurityPolicy(programme.embedOrigins, nonce),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cache-Control": "no-store",
    },
  });
}

/** The code organisers copy into their website: the iframe (a plain link without frames) and the resize listener. */
export function embedSnippet(slug: string | null, title: string): string {
  const base = env().APP_URL;
  const origin = new URL(base).origin;
  const src = new URL(slug === null ? "/einbetten" : `/einbetten/${slug}`, base).toString();
  const id = `komma-embed-${slug ?? "programm"}`;
  return [
    `<iframe id="${id}" src="${escapeHtml(src)}" title="${escapeHtml(title)}" style="width:100%;border:0" height="900" loading="lazy">`,
    `  <a href="${escapeHtml(new URL(slug === null ? "/" : `/workshops/${slug}`, base).toString())}">${escapeHtml(title)}</a>`,
    `</iframe>`,
    `<script>`,
    `addEventListener("message", function (event) {`,
    `  if (event.origin !== ${JSON.stringify(origin)} || !event.data || event.data.type !== ${JSON.stringify(EMBED_MESSAGE)}) return;`,
    `  var frame = document.getElementById(${JSON.stringify(id)});`,
    `  if (frame && event.source === frame.contentWindow) frame.height = String(Math.ceil(event.data.height));`,
    `});`,
    `</script>`,
  ].join("\n");
}

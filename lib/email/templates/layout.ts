// One layout for every outgoing email. Templates describe their content as
// blocks; this file turns the same blocks into HTML and plain text, so both
// alternatives always carry the same words and the same links.
import type { LocalizedText } from "@/lib/i18n/localized-text";
import { translator } from "@/lib/i18n/translator";
import type { Locale, MailProgramme, MailRecipient, RenderedEmail } from "./types";

export type EmailTranslator = ReturnType<typeof translator<"email">>;

/**
 * Words of a mail: our own sentence, or its pieces with a content text (a
 * workshop's title) kept apart, so the HTML can mark German content in an
 * English mail with lang="de" (docs/decisions/0032). Plain text has no mark.
 */
export type MailText = string | readonly (string | LocalizedText)[];

// Stands for the content while the sentence is translated; a private-use
// character no catalogue message contains.
const CONTENT_PLACEHOLDER = "\uE000";

/** A translated sentence with a content text in it: `withContent((workshop) => t("x.intro", { workshop }), title)`. */
export function withContent(sentence: (placeholder: string) => string, content: LocalizedText): MailText {
  if (!content.lang) return sentence(content.text);
  return sentence(CONTENT_PLACEHOLDER)
    .split(CONTENT_PLACEHOLDER)
    .flatMap((piece, index) => (index === 0 ? [piece] : [content, piece]))
    .filter((piece) => piece !== "");
}

/** A content text on its own (a fact's value, a material's title). */
export function contentText(content: LocalizedText): MailText {
  return content.lang ? [content] : content.text;
}

function pieces(value: MailText): readonly (string | LocalizedText)[] {
  return typeof value === "string" ? [value] : value;
}

export function mailTextPlain(value: MailText): string {
  return typeof value === "string" ? value : value.map((piece) => (typeof piece === "string" ? piece : piece.text)).join("");
}

function mailTextHtml(value: MailText, escape: (text: string) => string): string {
  if (typeof value === "string") return escape(value);
  return value
    .map((piece) => (typeof piece === "string" ? escape(piece) : piece.lang ? `<span lang="${piece.lang}">${escape(piece.text)}</span>` : escape(piece.text)))
    .join("");
}

export type EmailBlock =
  /** Line breaks in `text` are kept. */
  | { kind: "paragraph"; text: MailText }
  | { kind: "link"; label: MailText; url: string }
  | { kind: "facts"; facts: { label: string; value: MailText }[] }
  /** Words written by the organisers, shown apart from ours. */
  | { kind: "quote"; label: string; text: string };

export type EmailContent = {
  locale: Locale;
  programme: MailProgramme;
  subject: string;
  heading: string;
  blocks: EmailBlock[];
};

// Dark text on white and a dark blue for links: well above WCAG AA contrast,
// and still readable when a client strips the styles.
const colour = { text: "#1a1a1a", link: "#0b3d91", muted: "#3d3d3d", rule: "#8c8c8c", panel: "#f2f2f2" };

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

function escapeWithLineBreaks(value: string): string {
  return escapeHtml(value).replace(/\r\n?|\n/g, "<br>\n");
}

function normaliseLineBreaks(value: string): string {
  return value.replace(/\r\n?/g, "\n");
}

/** Blank lines separate paragraphs; single line breaks stay inside a paragraph. */
export function splitParagraphs(value: string): string[] {
  return normaliseLineBreaks(value)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ""))
    .filter((paragraph) => paragraph.trim() !== "");
}

// Only web addresses become clickable; anything else (javascript:, data:)
// is shown as text so a mistyped or hostile join link cannot run in a webmail.
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

export function greeting(t: EmailTranslator, recipient: MailRecipient | null | undefined): EmailBlock {
  const text = recipient ? t("layout.greeting", { firstName: recipient.firstName, lastName: recipient.lastName }) : t("layout.greetingWithoutName");
  return { kind: "paragraph", text };
}

const paragraphStyle = "margin:0 0 16px;";
const fontStack = "Arial, Helvetica, sans-serif";
const linkStyle = `color:${colour.link};text-decoration:underline;`;

function blockHtml(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="${paragraphStyle}">${mailTextHtml(block.text, escapeWithLineBreaks)}</p>`;
    case "link": {
      const url = block.url.trim();
      if (!isWebUrl(url)) {
        return `<p style="${paragraphStyle}"><strong>${mailTextHtml(block.label, escapeHtml)}:</strong><br>\n<span style="word-break:break-all;">${escapeHtml(url)}</span></p>`;
      }
      const href = escapeHtml(url);
      return (
        `<p style="${paragraphStyle}"><a href="${href}" style="${linkStyle}font-weight:bold;">${mailTextHtml(block.label, escapeHtml)}</a><br>\n` +
        `<a href="${href}" style="${linkStyle}word-break:break-all;font-size:14px;">${href}</a></p>`
      );
    }
    case "facts": {
      const rows = block.facts
        .map((fact) => `<p style="margin:0 0 4px;"><strong>${escapeHtml(fact.label)}:</strong> ${mailTextHtml(fact.value, escapeWithLineBreaks)}</p>`)
        .join("\n");
      // A one-cell table, not a div: Outlook for Windows (Word's renderer) drops a div's padding and border.
      return (
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-collapse:collapse;">\n` +
        `<tr><td style="padding:12px 16px;background-color:${colour.panel};border-left:4px solid ${colour.link};color:${colour.text};font-family:${fontStack};font-size:16px;line-height:1.5;">\n${rows}\n</td></tr>\n</table>`
      );
    }
    case "quote": {
      const paragraphs = splitParagraphs(block.text)
        .map((paragraph) => `<p style="margin:0 0 8px;">${escapeWithLineBreaks(paragraph)}</p>`)
        .join("\n");
      return (
        `<p style="margin:0 0 8px;font-weight:bold;">${escapeHtml(block.label)}:</p>\n` +
        `<blockquote style="margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid ${colour.rule};">\n${paragraphs}\n</blockquote>`
      );
    }
  }
}

function blockText(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return normaliseLineBreaks(mailTextPlain(block.text));
    case "link":
      return `${mailTextPlain(block.label)}:\n${block.url.trim()}`;
    case "facts":
      return block.facts.map((fact) => `${fact.label}: ${normaliseLineBreaks(mailTextPlain(fact.value))}`).join("\n");
    case "quote":
      return `${block.label}:\n\n${splitParagraphs(block.text).join("\n\n")}`;
  }
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const t = translator(content.locale, "email");
  const { programme } = content;
  // A subject is a single header line, whatever an organiser typed into it.
  const subject = content.subject.replace(/\s+/g, " ").trim();
  const programmeName = { text: programme.name, lang: programme.nameLang };
  const signOff: MailText = [`${t("layout.signOff")}\n`, ...pieces(withContent((name) => t("layout.signature", { programme: name }), programmeName))];
  const contactLabel = t("layout.contact");
  const questions = t("layout.questions");

  const html = [
    "<!doctype html>",
    `<html lang="${content.locale}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    "</head>",
    `<body style="margin:0;padding:0;background-color:#ffffff;color:${colour.text};">`,
    // Tables, not a max-width div: Outlook for Windows ignores max-width and
    // stretches a div across the window. The outer table centres; the inner one
    // is fluid up to 600px everywhere, and Outlook gets a fixed 600px through
    // its conditional comment.
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;background-color:#ffffff;">`,
    `<tr><td align="center" style="padding:24px 16px;">`,
    `<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;border-collapse:collapse;">`,
    `<tr><td align="left" style="font-family:${fontStack};font-size:16px;line-height:1.5;color:${colour.text};background-color:#ffffff;">`,
    `<h1 style="margin:0 0 24px;font-size:24px;line-height:1.3;color:${colour.text};">${escapeHtml(content.heading)}</h1>`,
    ...content.blocks.map(blockHtml),
    `<p style="${paragraphStyle}">${mailTextHtml(signOff, escapeWithLineBreaks)}</p>`,
    `<hr style="border:0;border-top:1px solid ${colour.rule};margin:32px 0 16px;">`,
    `<p style="margin:0;font-size:14px;color:${colour.muted};"><strong>${mailTextHtml(contentText(programmeName), escapeHtml)}</strong><br>`,
    `${escapeHtml(questions)}<br>`,
    `${escapeHtml(contactLabel)}: <a href="mailto:${escapeHtml(programme.contactEmail)}" style="${linkStyle}">${escapeHtml(programme.contactEmail)}</a></p>`,
    "</td></tr>",
    "</table>",
    "<!--[if mso]></td></tr></table><![endif]-->",
    "</td></tr>",
    "</table>",
    "</body>",
    "</html>",
    "",
  ].join("\n");

  const text =
    [
      content.heading,
      ...content.blocks.map(blockText),
      mailTextPlain(signOff),
      `-- \n${programme.name}\n${questions}\n${contactLabel}: ${programme.contactEmail}`,
    ].join("\n\n") + "\n";

  return { subject, html, text };
}

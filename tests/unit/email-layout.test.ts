import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail, splitParagraphs } from "@/lib/email/templates/layout";

const programme = { name: "KommA & Partner", contactEmail: "komma@example.org" };

describe("email layout", () => {
  it("escapes every character that could open markup or leave an attribute", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("is a self-contained document: language, charset, title, one heading, no external resources", () => {
    const { html } = renderEmail({ locale: "en", programme, subject: "Hello", heading: "Welcome", blocks: [] });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>Hello</title>");
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain("max-width:600px");
    expect(html).not.toMatch(/<img|<link|<style|<script|\bsrc=|@import|url\(/i);
  });

  it("holds its content in tables, which Outlook for Windows keeps at 600px, never in a max-width div it would stretch", () => {
    const { html } = renderEmail({
      locale: "de",
      programme,
      subject: "S",
      heading: "H",
      blocks: [{ kind: "facts", facts: [{ label: "Datum", value: "10.09.2025" }] }],
    });
    expect(html).not.toMatch(/<div/);
    expect(html).toMatch(/<table role="presentation"[^>]*style="width:100%;max-width:600px;/);
    expect(html).toContain('<!--[if mso]><table role="presentation" width="600"');
    // Every table opened is closed, also inside Outlook's conditional comments.
    expect(html.match(/<table/g)?.length).toBe(html.match(/<\/table>/g)?.length);
  });

  it("shows a link that is not a web address as text, never as something to click", () => {
    const { html, text } = renderEmail({
      locale: "de",
      programme,
      subject: "Test",
      heading: "Test",
      blocks: [{ kind: "link", label: "Zum Online-Raum", url: "javascript:alert(1)" }],
    });
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("javascript:alert(1)");
    expect(text).toContain("javascript:alert(1)");
  });

  it("keeps a subject on one header line", () => {
    const { subject, html } = renderEmail({ locale: "de", programme, subject: "Erste Zeile\r\nBcc: x@example.org", heading: "H", blocks: [] });
    expect(subject).toBe("Erste Zeile Bcc: x@example.org");
    expect(html).toContain("<title>Erste Zeile Bcc: x@example.org</title>");
  });

  it("signs with the programme name and tells readers they can reply, in both alternatives", () => {
    const { html, text } = renderEmail({ locale: "de", programme, subject: "S", heading: "H", blocks: [] });
    expect(html).toContain("KommA &amp; Partner");
    expect(html).toContain('href="mailto:komma@example.org"');
    expect(html).toContain("Antworten Sie einfach auf diese E-Mail");
    expect(text).toContain("KommA & Partner");
    expect(text).toContain("komma@example.org");
    expect(text).toContain("Antworten Sie einfach auf diese E-Mail");
  });

  it("splits free text into paragraphs at blank lines and keeps single line breaks", () => {
    expect(splitParagraphs("Erste Zeile\r\nzweite Zeile\n\n\nNeuer Absatz\n")).toEqual(["Erste Zeile\nzweite Zeile", "Neuer Absatz"]);
  });
});

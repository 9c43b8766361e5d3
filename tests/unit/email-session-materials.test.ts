import { describe, expect, it } from "vitest";
import { renderSessionMaterials } from "@/lib/email/templates/session-materials";
import type { Locale, MailSession } from "@/lib/email/templates/types";

const session: MailSession = {
  workshopTitle: { text: "Amts- & Mandatspersonen schützen" },
  workshopSummary: { text: "Kurz" },
  startsAt: new Date("2025-09-17T12:00:00Z"),
  endsAt: new Date("2025-09-17T14:00:00Z"),
  timeZone: "Europe/Berlin",
  format: "ONLINE",
  joinUrl: "https://meet.example.org/geheim",
};

const render = (locale: Locale) =>
  renderSessionMaterials({
    locale,
    programme: { name: "KommA", contactEmail: "komma@example.org" },
    recipient: { firstName: "Erika", lastName: "<Muster>" },
    session,
    materials: [
      { title: "Leitfaden <Übergriffe>", url: "https://anmeldung.example.org/materials/1" },
      { title: "Folien", url: "https://example.org/folien.pdf?a=1&b=2" },
    ],
    libraryUrl: "https://anmeldung.example.org/instrumente",
  });

describe("the materials mail after a session", () => {
  it("thanks formally in German and links every material in HTML and text", () => {
    const email = render("de");
    expect(email.subject).toBe("Materialien zum Workshop „Amts- & Mandatspersonen schützen“");
    expect(email.text).toContain(
      "vielen Dank für Ihre Teilnahme am Workshop „Amts- & Mandatspersonen schützen“ (Mittwoch, 17. September 2025, 14:00–16:00 Uhr",
    );
    expect(email.text).toContain("https://anmeldung.example.org/materials/1");
    expect(email.text).toContain("https://example.org/folien.pdf?a=1&b=2");
    expect(email.html).toContain('href="https://example.org/folien.pdf?a=1&amp;b=2"');
    expect(email.html).toContain("Leitfaden &lt;Übergriffe&gt;");
    expect(email.html).not.toContain("<Muster>");
    expect(email.text + email.html).not.toContain("meet.example.org");
    expect(email.text).toContain("https://anmeldung.example.org/instrumente");
  });

  it("has an English version", () => {
    const email = render("en");
    expect(email.subject).toBe("Materials from the workshop “Amts- & Mandatspersonen schützen”");
    expect(email.text).toContain("thank you for taking part");
  });
});

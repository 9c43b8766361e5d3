import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogue";
import { invitationDescription } from "@/lib/calendar/session-description";

const summary = "Wie Behörden Vielfalt im Alltag stärken.";
const joinUrl = "https://meet.example.de/j/4711";

describe("calendar entry description", () => {
  it("gives German participants the summary, join link and contact in formal German", () => {
    const text = invitationDescription({ locale: "de", summary, joinUrl, contactEmail: "komma@example.de" });
    expect(text.startsWith(summary)).toBe(true);
    expect(text).toContain(`Zugang zur Online-Veranstaltung: ${joinUrl}`);
    expect(text).toContain("komma@example.de");
    expect(text).toMatch(/\bSie\b/);
  });

  it("gives English participants the same information in English", () => {
    const text = invitationDescription({ locale: "en", summary, joinUrl, contactEmail: "komma@example.de" });
    expect(text).toContain(`Join the online session: ${joinUrl}`);
    expect(text).toContain("Write to us at komma@example.de.");
  });

  it("leaves out the join line for a session on site", () => {
    const text = invitationDescription({ locale: "de", summary, joinUrl: null, contactEmail: "komma@example.de" });
    expect(text).not.toContain("Zugang zur Online-Veranstaltung");
    expect(text).not.toContain("https://");
  });

  it("points to the confirmation email instead of containing the personal manage link", () => {
    const text = invitationDescription({ locale: "de", summary, joinUrl, contactEmail: "komma@example.de" });
    expect(text).toContain("Bestätigungs-E-Mail");
    expect(text).not.toMatch(/\/r\//);
  });

  it("is plain text without placeholders left over", () => {
    for (const locale of ["de", "en"] as const) {
      const text = invitationDescription({ locale, summary, joinUrl, contactEmail: "komma@example.de" });
      expect(text).not.toMatch(/[{}<>]/);
    }
  });

  it("has the same calendar strings in German and English", () => {
    expect(Object.keys(catalogues.en.calendar.invitation).sort()).toEqual(Object.keys(catalogues.de.calendar.invitation).sort());
  });
});

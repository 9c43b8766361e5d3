import { describe, expect, it } from "vitest";
import { localizedList, localizedText } from "@/lib/i18n/localized-text";
import { slugFromTitle } from "@/lib/input/slug";
import { instrumentTitlesEn, kommaProgramme, kommaWorkshops } from "@/lib/seed/komma";
import { copiedSessionValues } from "@/lib/sessions/session-copy";

describe("content in the reader's language", () => {
  it("gives English readers the English text, unmarked", () => {
    expect(localizedText("en", "Titel", "Title")).toEqual({ text: "Title" });
  });

  it("gives English readers the German text marked lang=de where no English one is written", () => {
    expect(localizedText("en", "Titel", null)).toEqual({ text: "Titel", lang: "de" });
    expect(localizedText("en", "Titel", "   ")).toEqual({ text: "Titel", lang: "de" });
  });

  it("gives German readers the German text without a mark, even where an English one exists", () => {
    expect(localizedText("de", "Titel", "Title")).toEqual({ text: "Titel" });
  });

  it("takes a list as a whole", () => {
    expect(localizedList("en", ["Frage"], [])).toEqual({ items: ["Frage"], lang: "de" });
    expect(localizedList("en", ["Frage"], ["Question"])).toEqual({ items: ["Question"] });
    expect(localizedList("de", ["Frage"], ["Question"])).toEqual({ items: ["Frage"] });
  });
});

describe("slugs from titles", () => {
  it("transliterates German letters instead of dropping them", () => {
    expect(slugFromTitle("Größe zeigen: Übergriffe & Äußerungen", "x")).toBe("groesse-zeigen-uebergriffe-aeusserungen");
    expect(slugFromTitle("Café für Ämter", "x")).toBe("cafe-fuer-aemter");
    expect(slugFromTitle("???", "workshop")).toBe("workshop");
  });

  it("stays within 80 characters without a trailing hyphen", () => {
    const slug = slugFromTitle("Wort ".repeat(40), "x");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("a duplicated session's form values", () => {
  it("moves the date and the registration window by a week, across a month's end, keeping the times", () => {
    const copy = copiedSessionValues({ date: "2031-01-28", startTime: "14:00", registrationOpens: "2031-01-01T09:00", registrationCloses: "", capacity: "20" });
    expect(copy).toEqual({ date: "2031-02-04", startTime: "14:00", registrationOpens: "2031-01-08T09:00", registrationCloses: "", capacity: "20" });
  });
});

describe("the KommA seed in English", () => {
  it("has an English version of every workshop text and instrument title", () => {
    expect(kommaProgramme.nameEn).toBeTruthy();
    expect(kommaProgramme.privacyNoticeEn.split("\n")[0]).toMatch(/^Privacy notice/);
    for (const workshop of kommaWorkshops) {
      expect(workshop.titleEn && workshop.summaryEn && workshop.descriptionEn && workshop.materialTitleEn).toBeTruthy();
      expect(workshop.guidingQuestionsEn).toHaveLength(workshop.guidingQuestions.length);
      for (const instrument of workshop.instruments) expect(instrumentTitlesEn[instrument]).toBeTruthy();
    }
  });
});

// The input rules every form, API body, URL id and search goes through
// (lib/input): what PostgreSQL cannot take never gets that far.
import { describe, expect, it } from "vitest";
import { addAttendeeSchema, attendeeFilterSchema, messageSchema } from "@/lib/attendees/schema";
import { auditFilterSchema, inviteSchema } from "@/lib/admin/schema";
import { translator } from "@/lib/i18n/translator";
import { isStorableText, likeLiteral, lines, optionalText, requiredText, storableText } from "@/lib/input/text";
import { isUuid, uuidField } from "@/lib/input/uuid";
import { organiserFieldErrors } from "@/lib/organiser/field-errors";
import { fieldErrors, registrationSchema, type FormQuestion } from "@/lib/registrations/schema";
import { cancelSessionSchema, sessionSchema } from "@/lib/sessions/schema";
import { materialSchema, questionSchema, workshopSchema } from "@/lib/workshops/schema";

const unstorable = ["\u0000", "\ud800", "\udc00", "a\ud800b", "\udfff\ud800"];

describe("ids from URLs and forms", () => {
  it("accept the canonical form in either case", () => {
    expect(isUuid("0ad9b0f6-592e-4204-9309-f25b25cce06f")).toBe(true);
    expect(isUuid("0AD9B0F6-592E-4204-9309-F25B25CCE06F")).toBe(true);
    expect(isUuid("00000000-0000-0000-0000-000000000000")).toBe(true);
  });

  it("refuse every 36-character string PostgreSQL's uuid type would refuse", () => {
    for (const id of [
      "-".repeat(36),
      "0".repeat(36),
      "f".repeat(36),
      "0ad9b0f6-592e-4204-9309-f25b25cce06g",
      "0ad9b0f6592e42049309f25b25cce06f----",
      "0ad9b0f6-592e-4204-9309-f25b25cce06\u0000",
      " 0ad9b0f6-592e-4204-9309-f25b25cce06",
    ]) {
      expect(id).toHaveLength(36);
      expect(isUuid(id)).toBe(false);
    }
    expect(isUuid("{0ad9b0f6-592e-4204-9309-f25b25cce06f}")).toBe(false);
    expect(isUuid("0ad9b0f6-592e-4204-9309-f25b25cce06f\n")).toBe(false);
    expect(isUuid(undefined)).toBe(false);
    expect(uuidField("unknownSession").safeParse("-".repeat(36)).error?.issues[0]?.message).toBe("unknownSession");
  });
});

describe("text fields", () => {
  it("refuse NUL and lone surrogates with their own error key, and keep whole characters", () => {
    for (const value of unstorable) {
      expect(isStorableText(value)).toBe(false);
      expect(requiredText(100).safeParse(`Name${value}`).error?.issues[0]?.message).toBe("invalidCharacters");
      expect(optionalText(100).safeParse(value).error?.issues[0]?.message).toBe("invalidCharacters");
      expect(lines(5, 100).safeParse(`eins\n${value}`).error?.issues[0]?.message).toBe("invalidCharacters");
    }
    for (const value of ["Jürgen 😀 Öztürk", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\t tab \r\n", "ÿ\u00ad\u200b", "\ud83d\ude00"]) {
      expect(isStorableText(value)).toBe(true);
      expect(optionalText(100).safeParse(value).success).toBe(true);
    }
  });

  it("still trim, require and limit as before", () => {
    expect(requiredText(5).parse("  abc  ")).toBe("abc");
    expect(requiredText(5).safeParse("   ").error?.issues[0]?.message).toBe("required");
    expect(requiredText(5).safeParse(undefined).error?.issues[0]?.message).toBe("required");
    expect(requiredText(5).safeParse("abcdef").error?.issues[0]?.message).toBe("tooLong");
    expect(optionalText(5).parse(undefined)).toBe("");
    expect(lines(3, 3).parse("a\n\n b \r\nc")).toEqual(["a", "b", "c"]);
    expect(lines(2, 3).safeParse("a\nb\nc").error?.issues[0]?.message).toBe("tooManyLines");
  });

  it("have a German and an English message for the new key in both form catalogues", () => {
    for (const locale of ["de", "en"] as const) {
      expect(translator(locale, "registration")("errors.invalidCharacters")).toMatch(/[Zz]eichen|character/);
      expect(translator(locale, "organiser")("errors.invalidCharacters")).toMatch(/[Zz]eichen|character/);
    }
  });
});

const questions: FormQuestion[] = [
  { id: "q-text", type: "TEXT", required: true, options: [] },
  { id: "q-long", type: "LONG_TEXT", required: false, options: [] },
];
const registration = {
  sessionId: "0ad9b0f6-592e-4204-9309-f25b25cce06f",
  firstName: "Jonas",
  lastName: "Test",
  email: "jonas@example.org",
  organisation: "Stadt",
  role: "OTHER",
  accessibilityNeeds: "",
  answers: { "q-text": "Antwort", "q-long": "" },
  consent: true,
  privacyNoticeVersion: "1",
  locale: "de",
};

describe("every text field of every form uses the rule", () => {
  it("the registration form and API: names, organisation, accessibility needs, answers", () => {
    const schema = registrationSchema(questions);
    expect(schema.safeParse(registration).success).toBe(true);
    for (const value of unstorable) {
      for (const field of ["firstName", "lastName", "organisation", "accessibilityNeeds"]) {
        const result = schema.safeParse({ ...registration, [field]: `x${value}` });
        expect(fieldErrors(result.error!)[field]).toBe("invalidCharacters");
      }
      for (const id of ["q-text", "q-long"]) {
        const result = schema.safeParse({ ...registration, answers: { ...registration.answers, [id]: `x${value}` } });
        expect(fieldErrors(result.error!)[`answers.${id}`]).toBe("invalidCharacters");
      }
      expect(fieldErrors(schema.safeParse({ ...registration, sessionId: "-".repeat(36) }).error!).sessionId).toBe("unknownSession");
    }
  });

  it("the organiser forms: workshop, question, material, session, cancellation, attendee, message, invitation", () => {
    const cases: [{ safeParse: (value: unknown) => { success: boolean; error?: unknown } }, Record<string, unknown>, string][] = [
      [workshopSchema, { title: "T", slug: "t", summary: "S", description: "D" }, "title"],
      [workshopSchema, { title: "T", slug: "t", summary: "S", description: "D" }, "description"],
      [workshopSchema, { title: "T", slug: "t", summary: "S", description: "D" }, "guidingQuestions"],
      [questionSchema, { type: "TEXT", labelDe: "Frage", labelEn: "Question" }, "labelEn"],
      [questionSchema, { type: "SINGLE_CHOICE", labelDe: "Frage", labelEn: "Question", options: "a\nb" }, "options"],
      [materialSchema, { title: "Folien", url: "https://example.org/a" }, "url"],
      [
        sessionSchema,
        { date: "2031-05-14", startTime: "14:00", endTime: "16:00", capacity: "20", format: "ON_SITE", location: "Rathaus", reminderHours: "24" },
        "location",
      ],
      [cancelSessionSchema, { message: "Leider" }, "message"],
      [addAttendeeSchema, { firstName: "A", lastName: "B", email: "a@example.org", organisation: "C", role: "OTHER" }, "organisation"],
      [messageSchema, { group: "CONFIRMED", subject: "Betreff", body: "Text" }, "subject"],
      [messageSchema, { group: "CONFIRMED", subject: "Betreff", body: "Text" }, "body"],
      [inviteSchema, { email: "neu@example.org", role: "ORGANISER", name: "Neu" }, "name"],
    ];
    for (const [schema, valid, field] of cases) {
      expect(schema.safeParse(valid).success, `${field} valid`).toBe(true);
      for (const value of unstorable) {
        const result = schema.safeParse({ ...valid, [field]: `${String(valid[field] ?? "")}${value}` });
        expect(result.success, `${field} with ${JSON.stringify(value)}`).toBe(false);
        expect(organiserFieldErrors(result.error as Parameters<typeof organiserFieldErrors>[0])[field]).toBe("invalidCharacters");
      }
    }
  });
});

describe("searches", () => {
  it("drop what nothing stored can contain instead of failing", () => {
    expect(storableText("Mei\u0000er\ud800")).toBe("Meier");
    expect(storableText("😀")).toBe("😀");
    expect(attendeeFilterSchema.parse({ q: " Mei\u0000er " }).q).toBe("Meier");
    // Cutting at 200 must not leave half of a character behind.
    expect(isStorableText(attendeeFilterSchema.parse({ q: `${"a".repeat(199)}😀` }).q)).toBe(true);
    expect(auditFilterSchema.parse({ actor: "admin\u0000@x\udc00" }).actor).toBe("admin@x");
  });

  it("look for % and _ literally (PostgreSQL's LIKE would take them as wildcards)", () => {
    expect(likeLiteral("100%")).toBe("100\\%");
    expect(likeLiteral("a_b")).toBe("a\\_b");
    expect(likeLiteral("C:\\temp")).toBe("C:\\\\temp");
    expect(likeLiteral("Müller")).toBe("Müller");
  });
});

// The columns of a registration export, shared by the CSV and XLSX writers.
import type { Locale } from "@/lib/i18n/catalogue";
import { translator } from "@/lib/i18n/translator";

export type ExportColumnType = "string" | "number" | "date" | "boolean";

export type ExportColumn = { key: string; header: string; type: ExportColumnType };

/** Dates are UTC instants; the writers show them in the export's time zone. Empty cells are null or undefined. */
export type ExportCell = string | number | Date | boolean | null | undefined;

export type ExportRow = Record<string, ExportCell>;

const standardColumns = [
  { key: "registrationId", type: "string" },
  { key: "workshop", type: "string" },
  { key: "sessionStartsAt", type: "date" },
  { key: "status", type: "string" },
  { key: "waitlistPosition", type: "number" },
  { key: "firstName", type: "string" },
  { key: "lastName", type: "string" },
  { key: "email", type: "string" },
  { key: "organisation", type: "string" },
  { key: "role", type: "string" },
  { key: "accessibilityNeeds", type: "string" },
  { key: "locale", type: "string" },
  { key: "attended", type: "boolean" },
  { key: "consentedAt", type: "date" },
  { key: "privacyNoticeVersion", type: "number" },
  { key: "registeredAt", type: "date" },
] as const satisfies readonly { key: string; type: ExportColumnType }[];

export type StandardColumnKey = (typeof standardColumns)[number]["key"];

/** Row key of a custom question's answer; a prefix so a question id can never shadow a standard column. */
export function questionColumnKey(questionId: string): `q:${string}` {
  return `q:${questionId}`;
}

/**
 * The standard columns followed by one text column per custom question, in
 * the order given. Question labels are taken as they are, already in `locale`.
 */
export function registrationColumns(locale: Locale, questions: { id: string; label: string }[]): ExportColumn[] {
  const t = translator(locale, "export");
  return [
    ...standardColumns.map(({ key, type }) => ({ key, header: t(`columns.${key}`), type })),
    ...questions.map((question) => ({ key: questionColumnKey(question.id), header: question.label, type: "string" as const })),
  ];
}

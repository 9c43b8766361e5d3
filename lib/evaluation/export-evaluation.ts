import "server-only";
import { Readable } from "node:stream";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { ExportColumn, ExportRow } from "../export/columns";
import type { ExportFormat } from "../export/export-filter";
import { parseExportFormat } from "../export/export-filter";
import { exportFileName } from "../export/file-name";
import { registrationsCsv } from "../export/write-csv";
import { registrationsXlsx } from "../export/write-xlsx";
import { downloadFailure, downloadRefusal, downloadSeeOther, fileResponse, guardDownloadPost } from "../http/download-response";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { resultQuestions } from "./queries";
import { effectiveEvaluationSettings, mayShowBreakdown, sessionsInTotals, workshopEvaluationSettingsSelect } from "./settings";

const TIME_ZONE = "Europe/Berlin";

export type EvaluationExport = { ok: true; fileName: string; contentType: string; body: Readable } | { ok: false; code: "evaluation-too-few-answers" };

/**
 * A workshop's evaluation responses as CSV or XLSX, through the registration
 * export's writers (formula-safe CSV). One row per response in random order
 * (by its random id), with nothing about the person. The minimum-answers rule
 * holds here too: a session below it has no date in the file, and a workshop
 * below it exports nothing, so no row can be matched with the few people of a
 * session.
 */
export async function exportEvaluation(
  actor: Actor | null,
  workshopId: string,
  format: ExportFormat,
  locale: Locale,
  now = new Date(),
): Promise<EvaluationExport> {
  const signedIn = await assertCanManageWorkshop(actor, workshopId);
  const workshop = await db.workshop.findUniqueOrThrow({
    where: { id: workshopId },
    select: {
      id: true,
      slug: true,
      programmeId: true,
      ...workshopEvaluationSettingsSelect,
    },
  });
  const { minimumAnswers } = effectiveEvaluationSettings(workshop, workshop.programme);
  const allResponses = await db.evaluationResponse.findMany({
    where: { workshopId },
    orderBy: { id: "asc" },
    select: {
      sessionId: true,
      session: { select: { startsAt: true } },
      answers: { select: { questionId: true, rating: true, choices: true, text: true } },
    },
  });
  const perSession = new Map<string, number>();
  for (const response of allResponses) perSession.set(response.sessionId, (perSession.get(response.sessionId) ?? 0) + 1);
  // The same rule as the results page: a lone small session's answers stay out.
  const counted = sessionsInTotals(perSession, minimumAnswers);
  const responses = allResponses.filter((response) => counted.has(response.sessionId));
  if (!mayShowBreakdown(responses.length, minimumAnswers)) return { ok: false, code: "evaluation-too-few-answers" };

  const questions = await resultQuestions(workshop);
  const t = translator(locale, "organiser");
  const english = locale === "en";
  const columns: ExportColumn[] = [
    { key: "response", header: t("evaluation.exportColumns.response"), type: "number" },
    { key: "session", header: t("evaluation.exportColumns.session"), type: "date" },
    ...questions.map((question): ExportColumn => ({
      key: question.id,
      header: english ? question.labelEn : question.labelDe,
      type: question.type === "RATING" ? "number" : "string",
    })),
  ];
  const rows: ExportRow[] = responses.map((response, index) => {
    const row: ExportRow = {
      response: index + 1,
      session: mayShowBreakdown(perSession.get(response.sessionId) ?? 0, minimumAnswers) ? response.session.startsAt : null,
    };
    for (const question of questions) {
      const answer = response.answers.find((candidate) => candidate.questionId === question.id);
      if (!answer) continue;
      if (question.type === "RATING") row[question.id] = answer.rating;
      else if (question.type === "TEXT") row[question.id] = answer.text;
      else
        row[question.id] = answer.choices
          .map((value) => question.options.find((option) => option.value === value))
          .map((option, position) => (option ? (english ? option.labelEn : option.labelDe) : answer.choices[position]!))
          .join("; ");
    }
    return row;
  });

  await db.$transaction((tx) =>
    recordAudit(tx, { actor: signedIn, action: "export.evaluation", subjectType: "workshop", subjectId: workshopId, details: { format, rows: rows.length } }),
  );
  async function* source(): AsyncGenerator<ExportRow> {
    yield* rows;
  }
  const exportT = translator(locale, "export");
  const body =
    format === "xlsx"
      ? registrationsXlsx(source(), columns, { timeZone: TIME_ZONE, sheetName: t("evaluation.responses") })
      : registrationsCsv(source(), columns, { delimiter: format === "csv-semicolon" ? ";" : ",", timeZone: TIME_ZONE, locale });
  const fileName = exportFileName({
    base: english ? "evaluation" : "bewertung",
    scope: [workshop.slug, ...(format === "csv-semicolon" ? [exportT("semicolonVariant")] : [])].join("_"),
    extension: format === "xlsx" ? "xlsx" : "csv",
    at: now,
    timeZone: TIME_ZONE,
  });
  const contentType = format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
  return { ok: true, fileName, contentType, body };
}

/**
 * The download route's answer to the results page's form post (a POST, as
 * for the registration export: every download is audited and a link from
 * elsewhere must not cause one).
 */
export async function evaluationExportResponse(actor: Actor | null, request: Request, workshopId: string, locale: Locale): Promise<Response> {
  const resultsPath = `/organisation/workshops/${encodeURIComponent(workshopId)}/auswertung`;
  const exportT = translator(locale, "export");
  const guard = await guardDownloadPost(actor, request, { returnTo: resultsPath, texts: { foreignOrigin: exportT("page.foreignOrigin") } });
  if (!guard.ok) return guard.response;
  const format = parseExportFormat(guard.form.get("format"));
  if (!format) return downloadRefusal(400, exportT("page.noFormat"));
  try {
    const file = await exportEvaluation(guard.actor, workshopId, format, locale);
    if (!file.ok) return downloadSeeOther(`${resultsPath}?fehler=${file.code}`);
    return fileResponse(file);
  } catch (error) {
    return downloadFailure(error, { forbidden: exportT("page.forbidden"), notFound: exportT("page.notFound") });
  }
}

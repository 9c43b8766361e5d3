// Results of an evaluation: counts, distributions, averages, free texts, for
// a group of responses (a workshop's or a session's). Pure.
import { RATING_POINTS, type EvaluationQuestionType } from "./schema";

export type SummaryQuestion = {
  id: string;
  type: EvaluationQuestionType;
  labelDe: string;
  labelEn: string;
  options: { value: string; labelDe: string; labelEn: string }[];
  scaleLowDe: string;
  scaleLowEn: string;
  scaleHighDe: string;
  scaleHighEn: string;
};

export type StoredAnswer = { responseId: string; questionId: string; rating: number | null; choices: string[]; text: string | null };

export type QuestionSummary =
  | { kind: "rating"; question: SummaryQuestion; answered: number; average: number | null; distribution: { point: number; count: number }[] }
  | { kind: "choice"; question: SummaryQuestion; answered: number; distribution: { value: string; labelDe: string; labelEn: string; count: number }[] }
  | { kind: "text"; question: SummaryQuestion; answered: number; texts: string[] };

export function summariseAnswers(questions: SummaryQuestion[], answers: StoredAnswer[]): QuestionSummary[] {
  return questions.map((question): QuestionSummary => {
    const own = answers.filter((answer) => answer.questionId === question.id);
    if (question.type === "RATING") {
      const ratings = own.map((answer) => answer.rating).filter((rating): rating is number => rating !== null);
      const total = ratings.reduce((sum, rating) => sum + rating, 0);
      return {
        kind: "rating",
        question,
        answered: ratings.length,
        average: ratings.length > 0 ? Math.round((total / ratings.length) * 10) / 10 : null,
        distribution: RATING_POINTS.map((point) => ({ point, count: ratings.filter((rating) => rating === point).length })),
      };
    }
    if (question.type === "TEXT") {
      // Sorted, so that the order says nothing about when or by whom.
      const texts = own.map((answer) => answer.text?.trim() ?? "").filter(Boolean);
      return { kind: "text", question, answered: texts.length, texts: texts.sort((a, b) => a.localeCompare(b, "de")) };
    }
    const withChoice = own.filter((answer) => answer.choices.length > 0);
    return {
      kind: "choice",
      question,
      answered: withChoice.length,
      distribution: question.options.map((option) => ({ ...option, count: withChoice.filter((answer) => answer.choices.includes(option.value)).length })),
    };
  });
}

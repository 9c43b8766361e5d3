import { describe, expect, it } from "vitest";
import { evaluationQuestionSchema, parseEvaluationAnswers, type AnswerQuestion } from "@/lib/evaluation/schema";
import { mayShowBreakdown } from "@/lib/evaluation/settings";
import { summariseAnswers, type SummaryQuestion } from "@/lib/evaluation/summarise-answers";

const questions: AnswerQuestion[] = [
  { id: "rating", type: "RATING", required: true, optionValues: [] },
  { id: "single", type: "SINGLE_CHOICE", required: false, optionValues: ["ja", "nein"] },
  { id: "multiple", type: "MULTIPLE_CHOICE", required: false, optionValues: ["a", "b", "c"] },
  { id: "text", type: "TEXT", required: false, optionValues: [] },
];

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("parseEvaluationAnswers", () => {
  it("reads a rating, one choice, several choices and a text", () => {
    const parsed = parseEvaluationAnswers(
      questions,
      form([
        ["q-rating", "4"],
        ["q-single", "ja"],
        ["q-multiple", "a"],
        ["q-multiple", "c"],
        ["q-text", "  Mehr Beispiele  "],
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      answers: new Map([
        ["rating", { rating: 4 }],
        ["single", { choices: ["ja"] }],
        ["multiple", { choices: ["a", "c"] }],
        ["text", { text: "Mehr Beispiele" }],
      ]),
    });
  });

  it("asks for a required answer and leaves out empty optional ones", () => {
    expect(parseEvaluationAnswers(questions, form([]))).toEqual({ ok: false, fieldErrors: { "q-rating": "required" } });
    const parsed = parseEvaluationAnswers(questions, form([["q-rating", "1"]]));
    expect(parsed.ok && [...parsed.answers.keys()]).toEqual(["rating"]);
  });

  it("refuses what the form never offers: a rating outside 1–5, an unknown option, two answers to a single choice", () => {
    for (const rating of ["0", "6", "3.5", "x"]) {
      expect(parseEvaluationAnswers(questions, form([["q-rating", rating]]))).toEqual({ ok: false, fieldErrors: { "q-rating": "invalid" } });
    }
    expect(
      parseEvaluationAnswers(
        questions,
        form([
          ["q-rating", "3"],
          ["q-multiple", "z"],
        ]),
      ),
    ).toEqual({ ok: false, fieldErrors: { "q-multiple": "invalid" } });
    expect(
      parseEvaluationAnswers(
        questions,
        form([
          ["q-rating", "3"],
          ["q-single", "ja"],
          ["q-single", "nein"],
        ]),
      ),
    ).toEqual({ ok: false, fieldErrors: { "q-single": "invalid" } });
  });

  it("refuses a text that is too long", () => {
    const parsed = parseEvaluationAnswers(
      questions,
      form([
        ["q-rating", "3"],
        ["q-text", "x".repeat(4001)],
      ]),
    );
    expect(parsed).toEqual({ ok: false, fieldErrors: { "q-text": "tooLong" } });
  });
});

describe("evaluationQuestionSchema", () => {
  it("needs the words of both ends of a rating scale in both languages", () => {
    const parsed = evaluationQuestionSchema.safeParse({ type: "RATING", labelDe: "Wie?", labelEn: "How?", scaleLowDe: "schlecht" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["scaleLowEn", "scaleHighDe", "scaleHighEn"]);
  });

  it("needs two options for a choice and none for a text", () => {
    expect(evaluationQuestionSchema.safeParse({ type: "SINGLE_CHOICE", labelDe: "a", labelEn: "a", options: "Ja | Yes" }).success).toBe(false);
    expect(evaluationQuestionSchema.safeParse({ type: "SINGLE_CHOICE", labelDe: "a", labelEn: "a", options: "Ja | Yes\nNein | No" }).success).toBe(true);
    expect(evaluationQuestionSchema.safeParse({ type: "TEXT", labelDe: "a", labelEn: "a", options: "Ja" }).success).toBe(false);
  });
});

describe("summariseAnswers", () => {
  const rating: SummaryQuestion = {
    id: "rating",
    type: "RATING",
    labelDe: "Gesamt",
    labelEn: "Overall",
    options: [],
    scaleLowDe: "schlecht",
    scaleLowEn: "poor",
    scaleHighDe: "gut",
    scaleHighEn: "good",
  };
  const choice: SummaryQuestion = {
    ...rating,
    id: "choice",
    type: "MULTIPLE_CHOICE",
    options: [
      { value: "a", labelDe: "A", labelEn: "A" },
      { value: "b", labelDe: "B", labelEn: "B" },
    ],
  };
  const text: SummaryQuestion = { ...rating, id: "text", type: "TEXT" };

  it("counts, distributes and averages (one decimal) and sorts the free texts", () => {
    const answers = [
      { responseId: "1", questionId: "rating", rating: 5, choices: [], text: null },
      { responseId: "2", questionId: "rating", rating: 4, choices: [], text: null },
      { responseId: "3", questionId: "rating", rating: 4, choices: [], text: null },
      { responseId: "1", questionId: "choice", rating: null, choices: ["a", "b"], text: null },
      { responseId: "2", questionId: "choice", rating: null, choices: ["b"], text: null },
      { responseId: "1", questionId: "text", rating: null, choices: [], text: "Zeit" },
      { responseId: "3", questionId: "text", rating: null, choices: [], text: "Beispiele" },
    ];
    const [ratingSummary, choiceSummary, textSummary] = summariseAnswers([rating, choice, text], answers);
    expect(ratingSummary).toMatchObject({ kind: "rating", answered: 3, average: 4.3 });
    expect(ratingSummary?.kind === "rating" && ratingSummary.distribution.map((row) => row.count)).toEqual([0, 0, 0, 2, 1]);
    expect(choiceSummary?.kind === "choice" && choiceSummary.distribution.map((row) => row.count)).toEqual([1, 2]);
    expect(textSummary).toMatchObject({ kind: "text", answered: 2, texts: ["Beispiele", "Zeit"] });
  });
});

describe("mayShowBreakdown", () => {
  it("shows a group from the minimum on, never below it", () => {
    expect(mayShowBreakdown(2, 3)).toBe(false);
    expect(mayShowBreakdown(3, 3)).toBe(true);
    expect(mayShowBreakdown(0, 1)).toBe(false);
  });
});

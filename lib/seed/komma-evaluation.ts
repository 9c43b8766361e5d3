// The KommA programme's default evaluation questionnaire (docs/decisions/0028):
// what the programme wants to know after every workshop. Workshops use it
// unless their organisers make their own from a copy.
import type { EvaluationQuestionType } from "../evaluation/schema";

export type SeedEvaluationQuestion = {
  type: EvaluationQuestionType;
  labelDe: string;
  labelEn: string;
  required: boolean;
  scale?: { lowDe: string; lowEn: string; highDe: string; highEn: string };
  options?: { value: string; labelDe: string; labelEn: string }[];
};

export const kommaEvaluationQuestions: SeedEvaluationQuestion[] = [
  {
    type: "RATING",
    labelDe: "Wie bewerten Sie den Workshop insgesamt?",
    labelEn: "How do you rate the workshop overall?",
    required: true,
    scale: { lowDe: "sehr schlecht", lowEn: "very poor", highDe: "sehr gut", highEn: "very good" },
  },
  {
    type: "RATING",
    labelDe: "Wie nützlich sind die vorgestellten Instrumente für Ihre Kommune?",
    labelEn: "How useful are the instruments presented for your municipality?",
    required: true,
    scale: { lowDe: "gar nicht nützlich", lowEn: "not useful at all", highDe: "sehr nützlich", highEn: "very useful" },
  },
  {
    type: "SINGLE_CHOICE",
    labelDe: "Werden Sie etwas aus dem Workshop in Ihrer Arbeit anwenden?",
    labelEn: "Will you apply something from the workshop in your work?",
    required: false,
    options: [
      { value: "ja-bald", labelDe: "Ja, in den nächsten Monaten", labelEn: "Yes, in the coming months" },
      { value: "ja-spaeter", labelDe: "Ja, später", labelEn: "Yes, later" },
      { value: "vielleicht", labelDe: "Vielleicht", labelEn: "Perhaps" },
      { value: "nein", labelDe: "Nein", labelEn: "No" },
    ],
  },
  {
    type: "TEXT",
    labelDe: "Was werden Sie konkret anwenden?",
    labelEn: "What exactly will you apply?",
    required: false,
  },
  {
    type: "TEXT",
    labelDe: "Was sollten wir verbessern? Ihre Anregungen",
    labelEn: "What should we improve? Your suggestions",
    required: false,
  },
];

// What the data-subject page's server action hands back to its form. No server imports.
import type { ErasureCounts, SubjectData } from "../privacy/data-subject";

export type DataSubjectStep = "search" | "found" | "confirm" | "erased";

export type DataSubjectState = {
  /** Increases with every answer, so the form re-mounts with the returned values. */
  submission: number;
  step: DataSubjectStep;
  email: string;
  /** "invalid-email" (catalogue "privacy.errors") or "forbidden" (catalogue "admin.outcome"). */
  error?: "invalid-email" | "forbidden" | "not-found";
  data?: SubjectData;
  counts?: ErasureCounts;
};

export const initialDataSubjectState: DataSubjectState = { submission: 0, step: "search", email: "" };

export const dataSubjectIntents = ["find", "erase", "confirm-erase"] as const;
export type DataSubjectIntent = (typeof dataSubjectIntents)[number];

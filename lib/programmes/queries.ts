import "server-only";
import { cache } from "react";
import { shortLived } from "../cache/short-lived";
import { db } from "../db";
import { currentProgrammeQuery } from "./current-programme";

export type ProgrammeSummary = {
  id: string;
  slug: string;
  name: string;
  nameEn: string | null;
  description: string;
  descriptionEn: string | null;
  contactEmail: string;
  imprint: string | null;
  imprintEn: string | null;
};

/** The fields of a ProgrammeSummary, for every read that returns one (also the administrators' edit page). */
export const programmeSummarySelect = {
  id: true,
  slug: true,
  name: true,
  nameEn: true,
  description: true,
  descriptionEn: true,
  contactEmail: true,
  imprint: true,
  imprintEn: true,
} as const;

const currentProgramme = shortLived(5_000, () => db.programme.findFirst({ ...currentProgrammeQuery(), select: programmeSummarySelect }));

/** The programme this installation shows on its public pages (lib/programmes/current-programme.ts; at most five seconds old). */
export const getCurrentProgramme = cache((): Promise<ProgrammeSummary | null> => currentProgramme("current"));

/** After an administrator changed a programme in this process: the public pages read it afresh. */
export function forgetCurrentProgramme(): void {
  currentProgramme.forget();
}

export const getCurrentPrivacyNotice = cache(async (programmeId: string) => {
  return db.privacyNotice.findFirst({
    where: { programmeId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, text: true, textEn: true, publishedAt: true },
  });
});

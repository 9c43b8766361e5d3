import "server-only";
import { cache } from "react";
import { db } from "../db";
import { env } from "../env";

export type ProgrammeSummary = { id: string; slug: string; name: string; description: string; contactEmail: string };

/** The programme this installation shows on its public pages. */
export const getCurrentProgramme = cache(async (): Promise<ProgrammeSummary | null> => {
  return db.programme.findUnique({
    where: { slug: env().PROGRAMME_SLUG },
    select: { id: true, slug: true, name: true, description: true, contactEmail: true },
  });
});

export const getCurrentPrivacyNotice = cache(async (programmeId: string) => {
  return db.privacyNotice.findFirst({
    where: { programmeId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, text: true, publishedAt: true },
  });
});

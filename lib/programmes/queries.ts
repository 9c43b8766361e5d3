import "server-only";
import { cache } from "react";
import { shortLived } from "../cache/short-lived";
import { db } from "../db";
import { env } from "../env";

export type ProgrammeSummary = { id: string; slug: string; name: string; description: string; contactEmail: string };

const programmeBySlug = shortLived(5_000, (slug: string) =>
  db.programme.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true, contactEmail: true } }),
);

/** The programme this installation shows on its public pages (at most five seconds old). */
export const getCurrentProgramme = cache((): Promise<ProgrammeSummary | null> => programmeBySlug(env().PROGRAMME_SLUG));

export const getCurrentPrivacyNotice = cache(async (programmeId: string) => {
  return db.privacyNotice.findFirst({
    where: { programmeId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, text: true, publishedAt: true },
  });
});

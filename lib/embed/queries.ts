import "server-only";
import { requireActor, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { currentProgrammeQuery } from "../programmes/current-programme";
import { embedSnippet } from "./embed-response";

export type EmbedSettings = { origins: string[]; canEdit: boolean; snippets: { label: string; slug: string | null; code: string }[] };

/** The snippets for the programme and each published workshop, and the allowlist (which administrators edit). */
export async function getEmbedSettings(actor: Actor | null): Promise<EmbedSettings | null> {
  const signedIn = requireActor(actor);
  const programme = await db.programme.findFirst({
    ...currentProgrammeQuery(),
    select: { name: true, embedOrigins: true, workshops: { where: { published: true }, orderBy: { position: "asc" }, select: { slug: true, title: true } } },
  });
  if (!programme) return null;
  return {
    origins: programme.embedOrigins,
    canEdit: signedIn.role === "ADMIN",
    snippets: [
      { label: programme.name, slug: null, code: embedSnippet(null, programme.name) },
      ...programme.workshops.map((workshop) => ({ label: workshop.title, slug: workshop.slug, code: embedSnippet(workshop.slug, workshop.title) })),
    ],
  };
}

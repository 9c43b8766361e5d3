// Which programme the public pages show: the one an administrator marked
// ("shownOnHome", at most one), or, while none is marked, the one named by
// PROGRAMME_SLUG (installations set up before programmes were edited in the
// app). One home for the rule; every reader and command asks here.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { env } from "../env";

type Reader = Prisma.TransactionClient | typeof db;

/** Arguments for findFirst: the marked programme first, else the configured slug. */
export function currentProgrammeQuery() {
  return {
    where: { OR: [{ shownOnHome: true }, { slug: env().PROGRAMME_SLUG }] },
    orderBy: [{ shownOnHome: "desc" }, { createdAt: "asc" }],
  } satisfies Prisma.ProgrammeFindFirstArgs;
}

export async function currentProgrammeId(client: Reader = db): Promise<string | null> {
  return (await client.programme.findFirst({ ...currentProgrammeQuery(), select: { id: true } }))?.id ?? null;
}

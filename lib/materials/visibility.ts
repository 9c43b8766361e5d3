// The one rule for what the public may see of materials and instruments.
import type { Prisma } from "../generated/prisma/client";

/** An instrument is public while at least one published workshop presents it. */
export const publicInstrumentWhere = { workshops: { some: { workshop: { published: true } } } } satisfies Prisma.InstrumentWhereInput;

/**
 * A material is public when its workshop is published, or its instrument is
 * presented by a published workshop, and its "available from" has passed.
 */
export function publicMaterialWhere(now: Date): Prisma.MaterialWhereInput {
  return {
    AND: [
      { OR: [{ workshop: { published: true } }, { instrument: publicInstrumentWhere }] },
      { OR: [{ availableFrom: null }, { availableFrom: { lte: now } }] },
    ],
  };
}

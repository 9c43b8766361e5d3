import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

export type OrganiserMaterial = {
  id: string;
  title: string;
  language: string;
  availableFrom: Date | null;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  /** All downloads so far (whole-file requests by the public). */
  downloads: number;
};

/**
 * Materials of workshops or instruments with their download totals. The
 * caller has checked that the actor manages the owner(s) in `where`.
 */
export async function materialsWithCounts(where: Prisma.MaterialWhereInput): Promise<OrganiserMaterial[]> {
  const rows = await db.material.findMany({
    where,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, language: true, availableFrom: true, url: true, fileName: true, mimeType: true, sizeBytes: true },
  });
  const totals = await db.materialDownload.groupBy({ by: ["materialId"], where: { materialId: { in: rows.map((row) => row.id) } }, _sum: { count: true } });
  const byId = new Map(totals.map((total) => [total.materialId, total._sum.count ?? 0]));
  return rows.map((row) => ({ ...row, downloads: byId.get(row.id) ?? 0 }));
}

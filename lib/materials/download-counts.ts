import "server-only";
import { stringify } from "csv-stringify/sync";
import { requireActor, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { neutraliseFormula } from "../export/neutralise-formula";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";

export type DownloadCount = {
  day: string;
  materialId: string;
  title: string;
  fileName: string | null;
  workshop: string | null;
  instrument: string | null;
  count: number;
};

/** Administrators: every material; organisers: their workshops' materials and the instruments of programmes they work in. */
function managedMaterials(actor: Actor): Prisma.MaterialWhereInput {
  if (actor.role === "ADMIN") return {};
  const assigned = { organisers: { some: { userId: actor.id } } };
  return { OR: [{ workshop: assigned }, { instrument: { programme: { workshops: { some: assigned } } } }] };
}

/** Downloads per material and day, newest day first. Numbers only: no one who downloaded is known. */
export async function listDownloadCounts(actor: Actor | null): Promise<DownloadCount[]> {
  const signedIn = requireActor(actor);
  const rows = await db.materialDownload.findMany({
    where: { material: managedMaterials(signedIn) },
    orderBy: [{ day: "desc" }, { materialId: "asc" }],
    select: {
      day: true,
      count: true,
      material: { select: { id: true, title: true, fileName: true, workshop: { select: { title: true } }, instrument: { select: { title: true } } } },
    },
  });
  return rows.map((row) => ({
    day: row.day.toISOString().slice(0, 10),
    materialId: row.material.id,
    title: row.material.title,
    fileName: row.material.fileName,
    workshop: row.material.workshop?.title ?? null,
    instrument: row.material.instrument?.title ?? null,
    count: row.count,
  }));
}

/** The counts as CSV (UTF-8 with byte-order mark for Excel, CRLF, cells safe from formula injection). */
export function downloadCountsCsv(counts: DownloadCount[], locale: Locale): string {
  const t = translator(locale, "organiser");
  const header = [
    t("materials.csv.day"),
    t("materials.csv.material"),
    t("materials.csv.fileName"),
    t("materials.csv.workshop"),
    t("materials.csv.instrument"),
    t("materials.csv.downloads"),
  ];
  const records = counts.map((count) => [count.day, count.title, count.fileName ?? "", count.workshop ?? "", count.instrument ?? "", String(count.count)]);
  return `\uFEFF${stringify(
    [header, ...records].map((record) => record.map((cell, index) => (index === 0 || index === 5 ? cell : neutraliseFormula(cell)))),
    { record_delimiter: "\r\n" },
  )}`;
}

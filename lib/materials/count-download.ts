import "server-only";
import { db } from "../db";
import { instantToZoned } from "../time/zoned";
import { MATERIAL_TIME_ZONE } from "./add-material";

/**
 * One more download of the material today (German calendar day): one upsert,
 * no address, no cookie, nothing about the person. Partial (Range) requests
 * are not counted, so a resumed download counts once.
 */
export async function countDownload(materialId: string, now = new Date()): Promise<void> {
  const day = instantToZoned(now, MATERIAL_TIME_ZONE).date;
  await db.$executeRaw`
    INSERT INTO "material_downloads" ("materialId", "day", "count") VALUES (${materialId}::uuid, ${day}::date, 1)
    ON CONFLICT ("materialId", "day") DO UPDATE SET "count" = "material_downloads"."count" + 1`;
}

import "server-only";
import { canManageProgramme, canManageWorkshop, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";
import { publicMaterialWhere } from "./visibility";

export type MaterialFile = { id: string; fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string; isPublic: boolean };

const fileSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  storageKey: true,
  workshopId: true,
  instrument: { select: { programmeId: true } },
} as const;

/**
 * A stored file as the visitor may download it: the public when its workshop
 * is published (or its instrument is presented by a published workshop) and
 * its "available from" has passed; the people who manage it always, so they
 * can check a file before it goes public. Everything else is null (404).
 */
export async function getMaterialFileForDownload(currentActor: () => Promise<Actor | null>, id: string, now = new Date()): Promise<MaterialFile | null> {
  if (!isUuid(id)) return null;
  const row = await db.material.findFirst({ where: { id, storageKey: { not: null } }, select: fileSelect });
  if (!row || !row.storageKey || !row.fileName || !row.mimeType || row.sizeBytes === null || !row.sha256) return null;
  const isPublic = (await db.material.count({ where: { id, ...publicMaterialWhere(now) } })) > 0;
  if (!isPublic) {
    // Only now is the visitor's sign-in looked up: public downloads never pay for it.
    const actor = await currentActor();
    const manages = row.workshopId
      ? await canManageWorkshop(actor, row.workshopId)
      : row.instrument
        ? await canManageProgramme(actor, row.instrument.programmeId)
        : false;
    if (!manages) return null;
  }
  return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256, storageKey: row.storageKey, isPublic };
}

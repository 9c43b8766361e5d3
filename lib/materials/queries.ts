import "server-only";
import { db } from "../db";
import { isUuid } from "../input/uuid";

/** A stored material file of a published workshop, or null. */
export async function getPublishedMaterialFile(id: string) {
  if (!isUuid(id)) return null;
  const material = await db.material.findFirst({
    where: { id, content: { not: null }, workshop: { published: true } },
    select: { fileName: true, mimeType: true, content: true },
  });
  return material?.content ? { fileName: material.fileName ?? "material", mimeType: material.mimeType ?? "application/octet-stream", content: material.content } : null;
}

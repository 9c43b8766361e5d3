import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { assertAdmin, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { env } from "../env";

type Reader = Prisma.TransactionClient | typeof db;

/** The programme this installation runs, or null before the seed. */
export async function currentProgrammeId(client: Reader = db): Promise<string | null> {
  const programme = await client.programme.findUnique({ where: { slug: env().PROGRAMME_SLUG }, select: { id: true } });
  return programme?.id ?? null;
}

export type CertificateSettingsView = {
  programmeName: string;
  issuerName: string;
  issuerRole: string;
  signature: { mimeType: string; sizeBytes: number; updatedAt: Date } | null;
};

/** For the administrators' page: what the certificates are signed with (without the image bytes). */
export async function getCertificateSettings(actor: Actor | null): Promise<CertificateSettingsView | null> {
  assertAdmin(actor);
  const programme = await db.programme.findUnique({
    where: { slug: env().PROGRAMME_SLUG },
    select: { name: true, certificate: { select: { issuerName: true, issuerRole: true, signatureMimeType: true, signature: true, updatedAt: true } } },
  });
  if (!programme) return null;
  const settings = programme.certificate;
  return {
    programmeName: programme.name,
    issuerName: settings?.issuerName ?? "",
    issuerRole: settings?.issuerRole ?? "",
    signature:
      settings?.signature && settings.signatureMimeType
        ? { mimeType: settings.signatureMimeType, sizeBytes: settings.signature.length, updatedAt: settings.updatedAt }
        : null,
  };
}

/** The stored signature image, for the administrators' page to show it. */
export async function getSignatureImage(actor: Actor | null): Promise<{ bytes: Buffer; mimeType: string } | null> {
  assertAdmin(actor);
  const programmeId = await currentProgrammeId();
  if (!programmeId) return null;
  const settings = await db.certificateSettings.findUnique({ where: { programmeId }, select: { signature: true, signatureMimeType: true } });
  return settings?.signature && settings.signatureMimeType ? { bytes: Buffer.from(settings.signature), mimeType: settings.signatureMimeType } : null;
}

-- Certificates of attendance (docs/decisions/0029): a verification code per
-- registration, issued when its certificate is first produced, and the
-- programme's issuer and signature image.

-- AlterTable
ALTER TABLE "registrations" ADD COLUMN     "certificateCode" TEXT;

-- 20 characters of the readable alphabet (no 0, O, 1, I): 100 random bits.
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_certificate_code_format"
  CHECK ("certificateCode" IS NULL OR "certificateCode" ~ '^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{20}$');

-- CreateTable
CREATE TABLE "certificate_settings" (
    "programmeId" UUID NOT NULL,
    "issuerName" TEXT NOT NULL DEFAULT '',
    "issuerRole" TEXT NOT NULL DEFAULT '',
    "signature" BYTEA,
    "signatureMimeType" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "certificate_settings_pkey" PRIMARY KEY ("programmeId"),
    -- An image comes with its type: only PNG and JPEG, at most 512 KiB.
    CONSTRAINT "certificate_settings_signature" CHECK (
      ("signature" IS NULL AND "signatureMimeType" IS NULL)
      OR ("signature" IS NOT NULL AND "signatureMimeType" IN ('image/png', 'image/jpeg') AND octet_length("signature") <= 524288)
    )
);

-- CreateIndex
CREATE UNIQUE INDEX "registrations_certificateCode_key" ON "registrations"("certificateCode");

-- AddForeignKey
ALTER TABLE "certificate_settings" ADD CONSTRAINT "certificate_settings_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Instruments become records shared by the workshops of a programme, and
-- materials become files stored in chunks (docs/decisions/0019). The data
-- moves first (tags -> instruments, bytea content -> chunks), the old
-- columns are dropped at the end.


-- The old rule (a link or bytea content) is replaced at the end.
ALTER TABLE "materials" DROP CONSTRAINT "materials_link_or_file";

-- AlterTable
ALTER TABLE "materials" ADD COLUMN     "availableFrom" TIMESTAMPTZ(3),
ADD COLUMN     "instrumentId" UUID,
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'de',
ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "sizeBytes" INTEGER,
ADD COLUMN     "storageKey" TEXT,
ALTER COLUMN "workshopId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "instruments" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "titleEn" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "instruments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workshop_instruments" (
    "workshopId" UUID NOT NULL,
    "instrumentId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "workshop_instruments_pkey" PRIMARY KEY ("workshopId","instrumentId")
);

-- CreateTable
CREATE TABLE "material_chunks" (
    "storageKey" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "material_chunks_pkey" PRIMARY KEY ("storageKey","index")
);

-- CreateTable
CREATE TABLE "material_downloads" (
    "materialId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "material_downloads_pkey" PRIMARY KEY ("materialId","day")
);

-- CreateTable
CREATE TABLE "registration_mail_markers" (
    "registrationId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registration_mail_markers_pkey" PRIMARY KEY ("registrationId","purpose")
);

-- CreateIndex
CREATE INDEX "instruments_programmeId_position_idx" ON "instruments"("programmeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "instruments_programmeId_slug_key" ON "instruments"("programmeId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "instruments_programmeId_title_key" ON "instruments"("programmeId", "title");

-- CreateIndex
CREATE INDEX "workshop_instruments_instrumentId_idx" ON "workshop_instruments"("instrumentId");

-- CreateIndex
CREATE UNIQUE INDEX "materials_storageKey_key" ON "materials"("storageKey");

-- CreateIndex
CREATE INDEX "materials_instrumentId_position_idx" ON "materials"("instrumentId", "position");

-- AddForeignKey
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_instruments" ADD CONSTRAINT "workshop_instruments_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshop_instruments" ADD CONSTRAINT "workshop_instruments_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "materials" ADD CONSTRAINT "materials_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "instruments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "material_downloads" ADD CONSTRAINT "material_downloads_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "materials"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registration_mail_markers" ADD CONSTRAINT "registration_mail_markers_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Tags -> instruments: one record per distinct title within a programme
-- (Übergriffsmanagement is presented by two workshops), ordered by first
-- appearance, slugs from the title (umlauts transliterated, a number added
-- if two titles share one).
WITH tags AS (
  SELECT w."programmeId", t.title, w.position AS workshop_position, t.ord
  FROM "workshops" w CROSS JOIN LATERAL unnest(w."instruments") WITH ORDINALITY AS t(title, ord)
  WHERE btrim(t.title) <> ''
), firsts AS (
  SELECT "programmeId", btrim(title) AS title, min(workshop_position * 1000 + ord) AS first_seen
  FROM tags GROUP BY "programmeId", btrim(title)
), slugged AS (
  SELECT "programmeId", title, first_seen,
    coalesce(nullif(btrim(regexp_replace(
      replace(replace(replace(replace(lower(title), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
      '[^a-z0-9]+', '-', 'g'), '-'), ''), 'instrument') AS base_slug
  FROM firsts
), numbered AS (
  SELECT *, row_number() OVER (PARTITION BY "programmeId", base_slug ORDER BY first_seen) AS duplicate,
    row_number() OVER (PARTITION BY "programmeId" ORDER BY first_seen) - 1 AS position
  FROM slugged
)
INSERT INTO "instruments" ("id", "programmeId", "slug", "position", "title", "updatedAt")
SELECT gen_random_uuid(), "programmeId", CASE WHEN duplicate = 1 THEN base_slug ELSE base_slug || '-' || duplicate END, position, title, CURRENT_TIMESTAMP
FROM numbered;

INSERT INTO "workshop_instruments" ("workshopId", "instrumentId", "position")
SELECT w.id, i.id, min(t.ord) - 1
FROM "workshops" w
CROSS JOIN LATERAL unnest(w."instruments") WITH ORDINALITY AS t(title, ord)
JOIN "instruments" i ON i."programmeId" = w."programmeId" AND i.title = btrim(t.title)
GROUP BY w.id, i.id;

ALTER TABLE "workshops" DROP COLUMN "instruments";

-- Stored bytes -> 256 KiB chunks under a fresh storage key.
UPDATE "materials" SET "storageKey" = gen_random_uuid()::text, "sizeBytes" = length("content"),
  "sha256" = encode(sha256("content"), 'hex'),
  "fileName" = coalesce("fileName", 'material'), "mimeType" = coalesce("mimeType", 'application/octet-stream')
WHERE "content" IS NOT NULL AND "url" IS NULL;

INSERT INTO "material_chunks" ("storageKey", "index", "data")
SELECT m."storageKey"::uuid, n, substring(m."content" FROM n * 262144 + 1 FOR 262144)
FROM "materials" m CROSS JOIN LATERAL generate_series(0, greatest(length(m."content") - 1, 0) / 262144) AS n
WHERE m."storageKey" IS NOT NULL;

-- Rows that were neither a link nor a file cannot be shown (there were none).
DELETE FROM "materials" WHERE "url" IS NULL AND "storageKey" IS NULL;
ALTER TABLE "materials" DROP COLUMN "content";

-- A material belongs to a workshop or to an instrument, never both or neither.
ALTER TABLE "materials" ADD CONSTRAINT "materials_one_owner"
  CHECK (("workshopId" IS NULL) <> ("instrumentId" IS NULL));
-- A material is a link or a stored file with its size and checksum.
ALTER TABLE "materials" ADD CONSTRAINT "materials_link_or_file"
  CHECK (("url" IS NOT NULL AND "storageKey" IS NULL)
      OR ("url" IS NULL AND "storageKey" IS NOT NULL AND "sizeBytes" IS NOT NULL AND "sha256" IS NOT NULL AND "fileName" IS NOT NULL AND "mimeType" IS NOT NULL));
ALTER TABLE "materials" ADD CONSTRAINT "materials_language" CHECK ("language" IN ('de', 'en'));
ALTER TABLE "material_chunks" ADD CONSTRAINT "material_chunks_index" CHECK ("index" >= 0);
ALTER TABLE "material_downloads" ADD CONSTRAINT "material_downloads_count" CHECK ("count" >= 0);


-- Origins allowed to embed the programme's pages (docs/decisions/0020).
ALTER TABLE "programmes" ADD COLUMN "embedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[];

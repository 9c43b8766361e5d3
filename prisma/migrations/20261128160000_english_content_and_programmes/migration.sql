-- English versions of the content organisers write, and programmes that
-- administrators set up in the app (docs/decisions/0032). Every English
-- column is nullable: null (or an empty list) means "not translated", and
-- the German text is shown marked lang="de".

-- AlterTable
ALTER TABLE "programmes" ADD COLUMN     "descriptionEn" TEXT,
ADD COLUMN     "imprint" TEXT,
ADD COLUMN     "imprintEn" TEXT,
ADD COLUMN     "nameEn" TEXT,
ADD COLUMN     "shownOnHome" BOOLEAN NOT NULL DEFAULT false;

-- At most one programme is the one the public pages show.
CREATE UNIQUE INDEX "programmes_one_shown_on_home" ON "programmes" ("shownOnHome") WHERE "shownOnHome";

-- AlterTable
ALTER TABLE "privacy_notices" ADD COLUMN     "textEn" TEXT;

-- AlterTable
ALTER TABLE "workshops" ADD COLUMN     "descriptionEn" TEXT,
ADD COLUMN     "guidingQuestionsEn" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "summaryEn" TEXT,
ADD COLUMN     "titleEn" TEXT;

-- AlterTable
ALTER TABLE "instruments" ADD COLUMN     "descriptionEn" TEXT,
ADD COLUMN     "summaryEn" TEXT;

-- AlterTable
ALTER TABLE "materials" ADD COLUMN     "titleEn" TEXT;

-- Names sort the German way (Älter, Brück, Çelik, Dorn, Özdemir, Zoe) in every
-- ORDER BY, not by code point (Brück, Dorn, Zoe, Älter, Çelik): the columns
-- that hold people's names carry an ICU collation for German (docs/decisions/0033).
-- PostgreSQL built with ICU predefines "de-DE-x-icu" in pg_catalog, which
-- wins by name lookup. The embedded PGlite has ICU but not the predefined
-- German collations, so one is created in the schema (a harmless twin where
-- the predefined one exists). Deterministic, so equality, LIKE and ILIKE
-- behave as before.
-- No semicolons inside comments or statements: the driver adapter splits a
-- migration at every semicolon.
CREATE COLLATION IF NOT EXISTS "de-DE-x-icu" (provider = icu, locale = 'de-DE');

ALTER TABLE "registrations"
  ALTER COLUMN "firstName" SET DATA TYPE TEXT COLLATE "de-DE-x-icu",
  ALTER COLUMN "lastName" SET DATA TYPE TEXT COLLATE "de-DE-x-icu",
  ALTER COLUMN "organisation" SET DATA TYPE TEXT COLLATE "de-DE-x-icu";

ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE TEXT COLLATE "de-DE-x-icu";

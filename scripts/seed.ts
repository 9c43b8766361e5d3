// npm run db:seed [-- --original]: loads the KommA programme into DATABASE_URL.
import "./load-env";
import { db, disconnectDb } from "../lib/db";
import { seedKomma } from "../lib/seed/seed-komma";

const dates = process.argv.includes("--original") ? "original" : "upcoming";
const { created } = await seedKomma(db, { dates });
console.log(created ? `KommA programme loaded (${dates} dates).` : "KommA programme already present; nothing changed.");
await disconnectDb();

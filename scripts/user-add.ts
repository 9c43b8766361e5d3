// npm run user:add -- person@kommune.de --role ADMIN|ORGANISER [--workshop slug]...
// Creates (or updates and reactivates) a user of the organiser area and
// assigns workshops of this installation's programme (PROGRAMME_SLUG).
import "./load-env";
import { z } from "zod";
import { addUser } from "../lib/auth/add-user";
import { recordAudit } from "../lib/audit/record-audit";
import { db, disconnectDb } from "../lib/db";
import { env } from "../lib/env";

function usage(problem: string): never {
  console.error(`${problem}\nUsage: npm run user:add -- person@kommune.de --role ADMIN|ORGANISER [--workshop slug]...`);
  process.exit(2);
}

const args = process.argv.slice(2);
const email = args.find((arg, index) => !arg.startsWith("--") && !args[index - 1]?.startsWith("--"));
const option = (name: string) => args.flatMap((arg, index) => (arg === name && args[index + 1] ? [args[index + 1]!] : []));

const parsedEmail = z.email().safeParse(email?.trim().toLowerCase());
if (!parsedEmail.success) usage(`Not an email address: ${email ?? "(none)"}`);
const role = option("--role")[0] ?? "ORGANISER";
if (role !== "ADMIN" && role !== "ORGANISER") usage(`Unknown role: ${role}`);
const slugs = option("--workshop");

const programme = await db.programme.findUnique({ where: { slug: env().PROGRAMME_SLUG }, select: { id: true } });
const workshops =
  slugs.length === 0 || !programme
    ? []
    : await db.workshop.findMany({ where: { programmeId: programme.id, slug: { in: slugs } }, select: { id: true, slug: true } });
const missing = slugs.filter((slug) => !workshops.some((workshop) => workshop.slug === slug));
if (missing.length > 0) usage(`Unknown workshop(s) in programme ${env().PROGRAMME_SLUG}: ${missing.join(", ")}`);

const result = await db.$transaction(async (tx) => {
  const saved = await addUser(tx, { email: parsedEmail.data, role, workshopIds: workshops.map((workshop) => workshop.id) });
  await recordAudit(tx, {
    actor: null,
    action: saved.created ? "user.create" : "user.update",
    subjectType: "user",
    subjectId: saved.id,
    details: { email: parsedEmail.data, role, workshops: slugs, via: "user:add" },
  });
  return saved;
});
console.log(`${result.created ? "Created" : "Updated"} ${role} ${parsedEmail.data}${slugs.length > 0 ? ` (workshops: ${slugs.join(", ")})` : ""}.`);
await disconnectDb();

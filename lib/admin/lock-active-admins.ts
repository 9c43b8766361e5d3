import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { AuthorizationError, type Actor } from "../auth/authorisation";

/**
 * Locks the rows of all active administrators until the transaction ends and
 * returns their ids. Every command that could take away the last
 * administrator runs this first, so two of them (two admins demoting each
 * other at the same moment) are serialised and the second sees the first's
 * result: under READ COMMITTED a waiting FOR UPDATE re-checks the WHERE
 * clause on the committed row. Also confirms the acting administrator still
 * is one.
 */
export async function lockActiveAdmins(tx: Prisma.TransactionClient, actor: Actor): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "users" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`;
  const ids = rows.map((row) => row.id);
  if (!ids.includes(actor.id)) throw new AuthorizationError("No longer an active administrator");
  return ids;
}

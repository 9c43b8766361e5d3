import { sqlPool } from "@/lib/db";
import { checkReadiness } from "@/lib/health/check-readiness";

// Readiness: 200 when the database answers and has this build's migrations,
// 503 otherwise; the outbox backlog in both cases where it could be read.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness(sqlPool());
  return Response.json(
    { status: readiness.ready ? "ready" : "unready", check: readiness.check, missingMigrations: readiness.missingMigrations, outbox: readiness.outbox },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

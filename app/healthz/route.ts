// Liveness: the process answers. Touches nothing else (a database outage
// must not get every instance restarted); readiness is /readyz.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

// The inline form checks (public/form-checks.js) for a page with a form
// marked `data-checks`. A plain script element: the launcher keeps it when it
// sends the page without Next.js's client runtime (lib/http/public-page-cache.ts);
// the nonce lets it run where the page keeps its runtime (development).
import { headers } from "next/headers";
import { FORM_CHECKS_SRC } from "@/lib/http/public-page-cache";

export async function FormChecksScript() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script src={FORM_CHECKS_SRC} defer nonce={nonce} />;
}

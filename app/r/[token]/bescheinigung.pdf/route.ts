import { participantCertificate } from "@/lib/certificates/participant-certificate";
import { attachmentDisposition } from "@/lib/export/file-name";
import { clientIp } from "@/lib/http/client-ip";
import { resolveManageToken } from "@/lib/registrations/manage-access";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

// The participant's certificate of attendance, produced on demand (docs/decisions/0029).
// Resolved like every private link: wrong tokens count against the caller's address.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const access = await resolveManageToken((await params).token, clientIp(request.headers));
  if (access === "rate-limited") return new Response("Too many requests", { status: 429, headers: { "Retry-After": "600", ...noStore } });
  if (access === "unknown") return new Response("Not found", { status: 404, headers: noStore });
  const certificate = await participantCertificate(access.id);
  // No certificate (yet): the manage page says when there will be one.
  if (!certificate.ok) return new Response(null, { status: 303, headers: { Location: `/r/${(await params).token}#bescheinigung`, ...noStore } });
  return new Response(new Uint8Array(certificate.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(certificate.fileName),
      "X-Content-Type-Options": "nosniff",
      ...noStore,
    },
  });
}

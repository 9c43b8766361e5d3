import "server-only";
import { AuthorizationError, type Actor } from "../auth/authorisation";
import { env } from "../env";
import { readLimitedBytes } from "../http/read-limited-body";
import { isSameOriginRequest } from "../http/same-origin-request";
import { withFlash, type AdminOutcomeCode } from "../organiser/flash";
import { SIGNATURE_MAX_BYTES } from "./schema";
import { uploadCertificateSignature } from "./upload-certificate-signature";

const PAGE = "/organisation/admin/bescheinigung";
/** Room for the multipart frame around the image. */
const FORM_OVERHEAD_BYTES = 16 * 1024;

function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: new URL(path, env().APP_URL).toString(), "Cache-Control": "no-store" } });
}

/**
 * POST /organisation/admin/bescheinigung/unterschrift from the plain
 * multipart form. A route handler, not a server action: a server action's
 * body limit (1 MB) would answer a larger image with the error page; here
 * the body is read up to the signature's limit and anything larger goes
 * back to the page as "too large", like every other refusal (303), so the
 * form works without JavaScript and a reload does not post the file again.
 */
export async function signatureUploadResponse(currentActor: () => Promise<Actor | null>, request: Request): Promise<Response> {
  if (!isSameOriginRequest(request)) return new Response("Forbidden\n", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const actor = await currentActor();
  if (!actor) return seeOther(`/anmelden?callbackUrl=${encodeURIComponent(PAGE)}`);
  const refused = (code: AdminOutcomeCode) => seeOther(withFlash(PAGE, code, {}, "fehler"));
  try {
    const body = await readLimitedBytes(request, SIGNATURE_MAX_BYTES + FORM_OVERHEAD_BYTES);
    if (!body.ok) return body.reason === "too-large" ? refused("signature-too-large") : refused("file-missing");
    const form = await new Response(body.bytes, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
    const file = form?.get("signature");
    const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
    const outcome = await uploadCertificateSignature(actor, bytes ? { bytes } : null);
    return seeOther(outcome.ok ? withFlash(PAGE, "certificate-signature-saved") : withFlash(PAGE, outcome.code, {}, "fehler"));
  } catch (error) {
    if (error instanceof AuthorizationError) return refused("forbidden");
    throw error;
  }
}

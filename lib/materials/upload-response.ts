import "server-only";
import type { Actor } from "../auth/authorisation";
import { env } from "../env";
import { isSameOriginRequest } from "../http/same-origin-request";
import { withFlash } from "../organiser/flash";
import type { MaterialOwner } from "./material-access";
import { uploadMaterial } from "./upload-material";

/** The organiser page listing the owner's materials, where the upload form is. */
export function materialsPagePath(
  owner: MaterialOwner | null,
): "/organisation" | `/organisation/workshops/${string}/materialien` | `/organisation/instrumente/${string}` {
  if (!owner) return "/organisation";
  return "workshopId" in owner ? `/organisation/workshops/${owner.workshopId}/materialien` : `/organisation/instrumente/${owner.instrumentId}`;
}

function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: new URL(path, env().APP_URL).toString(), "Cache-Control": "no-store" } });
}

/**
 * POST /organisation/materialien/hochladen from the plain multipart form:
 * the outcome goes back to the form's page as a notice (303), so the form
 * works without JavaScript and a reload does not post the file again.
 */
export async function materialUploadResponse(currentActor: () => Promise<Actor | null>, request: Request): Promise<Response> {
  if (!isSameOriginRequest(request)) return new Response("Forbidden\n", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const actor = await currentActor();
  if (!actor) return seeOther(`/anmelden?callbackUrl=${encodeURIComponent("/organisation")}`);
  const outcome = await uploadMaterial(actor, request);
  const page = materialsPagePath(outcome.owner);
  return seeOther(outcome.ok ? withFlash(page, "material-uploaded") : withFlash(page, outcome.code, {}, "fehler"));
}

import { getCurrentUser } from "@/lib/auth/current-user";
import { AuthorizationError } from "@/lib/auth/authorisation";
import { getSignatureImage } from "@/lib/certificates/queries";
import { signatureUploadResponse } from "@/lib/certificates/signature-upload-response";

export const dynamic = "force-dynamic";

// The stored signature image, for the administrators' page only.
export async function GET() {
  const noStore = { "Cache-Control": "private, no-store" };
  try {
    const image = await getSignatureImage(await getCurrentUser());
    if (!image) return new Response("Not found", { status: 404, headers: noStore });
    return new Response(new Uint8Array(image.bytes), { headers: { "Content-Type": image.mimeType, "X-Content-Type-Options": "nosniff", ...noStore } });
  } catch (error) {
    if (error instanceof AuthorizationError) return new Response("Not found", { status: 404, headers: noStore });
    throw error;
  }
}

// The upload form's target (a route handler, so a too large image gets the page's message, not the error page).
export async function POST(request: Request) {
  return signatureUploadResponse(getCurrentUser, request);
}

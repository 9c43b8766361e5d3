import { apiError, isDatabaseUnavailable, requestLocale } from "@/lib/http/api-responses";
import { getPublicSessionInfo } from "@/lib/sessions/public-session";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  const locale = requestLocale(request);
  try {
    const session = await getPublicSessionInfo((await params).id);
    if (!session) return apiError(locale, "not-found");
    return Response.json(session, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return apiError(locale, "unavailable");
    throw error;
  }
}

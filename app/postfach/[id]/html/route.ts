import { getMailboxMessage } from "@/lib/email/mailbox";
import { staticSecurityHeaders } from "@/lib/http/security-headers";

type Context = { params: Promise<{ id: string }> };

/**
 * A message's HTML as its own document, as a mail client would show it. Not
 * framed into the message page: a sandboxed frame cannot run axe's script,
 * so the page could not be checked (docs/decisions/0035). The CSP sandbox
 * keeps the HTML from running scripts, submitting forms or loading anything
 * (the proxy leaves this path alone, so this policy is the one that holds).
 */
export async function GET(_request: Request, { params }: Context) {
  const message = await getMailboxMessage((await params).id);
  if (!message) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...staticSecurityHeaders() } });
  return new Response(message.html, {
    headers: {
      ...staticSecurityHeaders(),
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'",
      "Cache-Control": "private, no-store",
      // The HTML holds private links (manage, confirmation, sign-in).
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}

// The request headers Next.js gets from the launcher's HTTP server
// (scripts/start.ts). Next.js only fills X-Forwarded-* where the client left
// them empty, so whatever a client wrote there would reach the app; here
// they are replaced before Next.js sees the request. Pure: it changes the
// header object it is given. docs/decisions/0012-safe-modes-and-client-addresses.md
import type { IncomingHttpHeaders } from "node:http";
import { resolveClientAddress, resolveForwardedProto, type TrustProxy } from "./resolve-client-address";

/**
 * X-Forwarded-For becomes exactly one entry, the resolved client address
 * (lib/http/client-ip.ts reads it); X-Forwarded-Proto says https only when a
 * trusted proxy said so; X-Forwarded-Host/-Port and X-Real-IP count only
 * from a trusted proxy (Next.js fills them from the Host header otherwise).
 */
export function rewriteForwardedHeaders(headers: IncomingHttpHeaders, socketAddress: string | undefined, trust: TrustProxy): void {
  const client = resolveClientAddress(socketAddress, headers["x-forwarded-for"], trust);
  headers["x-forwarded-for"] = client.address;
  headers["x-forwarded-proto"] = resolveForwardedProto(client.viaTrustedProxy, headers["x-forwarded-proto"]);
  delete headers["x-real-ip"];
  if (!client.viaTrustedProxy) {
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-port"];
  }
}

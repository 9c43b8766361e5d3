import "server-only";
import { db } from "../db";
import { consumeRateLimit, RATE_LIMITS, rateLimitExhausted } from "../rate-limit/consume-rate-limit";
import { certificateWhere } from "./availability";
import { normaliseVerificationCode } from "./verification-code";

export type CertificateVerification =
  | { state: "valid"; name: string; workshopTitle: string; workshopTitleEn: string | null; startsAt: Date; timeZone: string }
  | { state: "unknown" | "malformed" | "rate-limited" };

/**
 * The public check of a verification code: name, workshop and date of a
 * certificate that exists now, nothing more. A code stops verifying when its
 * registration is anonymised or deleted, cancelled, or its attendance is
 * taken back. Codes cannot be found by trying: 100 random bits, and every
 * code that matches nothing counts against the caller's address; once the
 * address has used up its attempts nothing is looked up from there until the
 * window has passed. A correct code and an input that cannot be a code write
 * nothing (a link scanner fetching the page changes no state).
 */
export async function verifyCertificate(input: string, ip: string | null, now = new Date()): Promise<CertificateVerification> {
  if (ip && (await rateLimitExhausted(RATE_LIMITS.certificateCodePerIp, ip))) return { state: "rate-limited" };
  const code = normaliseVerificationCode(input);
  if (!code) return { state: "malformed" };
  const found = await db.registration.findFirst({
    where: { certificateCode: code, ...certificateWhere(now) },
    select: { firstName: true, lastName: true, session: { select: { startsAt: true, timeZone: true, workshop: { select: { title: true, titleEn: true } } } } },
  });
  if (!found) {
    if (ip) await consumeRateLimit(RATE_LIMITS.certificateCodePerIp, ip);
    return { state: "unknown" };
  }
  return {
    state: "valid",
    name: `${found.firstName} ${found.lastName}`.trim(),
    workshopTitle: found.session.workshop.title,
    workshopTitleEn: found.session.workshop.titleEn,
    startsAt: found.session.startsAt,
    timeZone: found.session.timeZone,
  };
}

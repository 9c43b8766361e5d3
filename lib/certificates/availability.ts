// When a registration has a certificate of attendance. Pure: the manage page,
// the participant's download, the organisers' download and the verification
// all ask this one rule (and certificateWhere says the same in SQL terms).

export type CertificateState =
  /** The session is over and attendance is recorded: the certificate can be downloaded. */
  | "available"
  /** Confirmed and the session not over yet. */
  | "after-session"
  /** Over, but nobody has recorded attendance for this person yet. */
  | "awaiting-attendance"
  /** Never: cancelled, waiting, marked absent, or the session was called off. */
  | "none";

export type CertificateFacts = {
  status: "PENDING" | "CONFIRMED" | "WAITLISTED" | "CANCELLED" | "REJECTED";
  attended: boolean | null;
  session: { status: "SCHEDULED" | "CANCELLED"; endsAt: Date };
};

export function certificateState(facts: CertificateFacts, now: Date): CertificateState {
  if (facts.status !== "CONFIRMED" || facts.session.status !== "SCHEDULED" || facts.attended === false) return "none";
  if (facts.session.endsAt > now) return "after-session";
  return facts.attended === true ? "available" : "awaiting-attendance";
}

/** The registrations certificateState calls "available", as a Prisma filter (anonymised ones never). */
export function certificateWhere(now: Date) {
  return {
    status: "CONFIRMED" as const,
    attended: true,
    anonymisedAt: null,
    session: { status: "SCHEDULED" as const, endsAt: { lte: now } },
  };
}

// Calendar clients match updates and cancellations to the entry they already
// hold by UID, so the UID must be derived, never random: every resend of the
// same registration for the same session lands on one calendar entry. A switch
// to another session yields a new UID; the old entry is cancelled under its
// old UID.
export function invitationUid(registrationId: string, sessionId: string, host: string): string {
  return `${registrationId}.${sessionId}@${host}`;
}

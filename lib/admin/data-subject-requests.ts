import "server-only";
import { assertAdmin, type Actor } from "../auth/authorisation";
import { eraseDataForEmail, exportDataForEmail, lookUpDataForEmail, type ErasureOutcome, type SubjectDataOutcome } from "../privacy/data-subject";

// lib/privacy/data-subject.ts does not check its caller; these are the only
// ways the app reaches it, and they allow administrators only.

/** Art. 15: what is stored for an address; the lookup is recorded in the audit trail, the address only as its hash. */
export async function findSubjectData(actor: Actor | null, email: string): Promise<SubjectDataOutcome> {
  const admin = assertAdmin(actor);
  return lookUpDataForEmail(email, { id: admin.id, email: admin.email });
}

/** Art. 15/20: the same data for download, recorded in the audit trail. */
export async function exportSubjectData(actor: Actor | null, email: string): Promise<SubjectDataOutcome> {
  const admin = assertAdmin(actor);
  return exportDataForEmail(email, { id: admin.id, email: admin.email });
}

/** Art. 17: cancels, anonymises and deletes; recorded with the address only as its hash. */
export async function eraseSubjectData(actor: Actor | null, email: string): Promise<ErasureOutcome> {
  const admin = assertAdmin(actor);
  return eraseDataForEmail(email, { id: admin.id, email: admin.email });
}

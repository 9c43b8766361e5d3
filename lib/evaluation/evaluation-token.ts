// The personal link to the evaluation form: 256 random bits, base64url, like
// the manage links; only the SHA-256 is stored (on the invitation, never on an answer).
export {
  createManageToken as createEvaluationToken,
  hashManageToken as hashEvaluationToken,
  looksLikeManageToken as looksLikeEvaluationToken,
} from "../registrations/manage-token";

export function evaluationPath(token: string): string {
  return `/bewertung/${token}`;
}

import "server-only";
import { RATE_LIMITS } from "../rate-limit/consume-rate-limit";
import { lookUpPrivateLink } from "../rate-limit/look-up-private-link";
import { getEvaluationForm, type EvaluationForm } from "./queries";

/**
 * The form behind a personal evaluation link, as the page opens it: a link
 * that matches nothing counts against the caller's address, and once the
 * address has used up its attempts no link is looked up from there until the
 * window has passed (docs/decisions/0037). The right link counts nothing.
 */
export function openEvaluationForm(token: string, ip: string | null): Promise<EvaluationForm | "unknown" | "rate-limited"> {
  return lookUpPrivateLink(RATE_LIMITS.evaluationLinkPerIp, () => getEvaluationForm(token), ip);
}

import "server-only";
import { forgetPublishedWorkshops } from "../workshops/queries";

// Set by the launcher (lib/http/serve-public-page.ts); absent under `next dev` and in tests.
const launcher = globalThis as { komma_public_pages?: { clear: () => void } };

/**
 * An organiser's change to what the public pages show (a workshop, a date,
 * a question, a material, an instrument) has committed: this process shows
 * it from the next request on. Called by each such command after its
 * transaction, never from inside one (the change is not visible before the
 * commit). Other instances catch up within their caches' few seconds
 * (docs/decisions/0024). Registrations do not call it: seat counts on the
 * public pages are allowed to be a few seconds old, and the registration
 * statement decides on the live row.
 *
 * Returns what it is given, to sit at the end of a command's chain.
 */
export function forgetPublicContent<T>(outcome: T): T {
  forgetPublishedWorkshops();
  launcher.komma_public_pages?.clear();
  return outcome;
}

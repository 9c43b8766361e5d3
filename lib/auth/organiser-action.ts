import "server-only";
import { notFound } from "next/navigation";
import { AuthorizationError, NotFoundError, type Actor } from "./authorisation";
import { requireUser } from "./current-user";

export type Refusal = { ok: false; code: "forbidden" | "not-found" };

/**
 * The one guard around every organiser server action: anonymous visitors are
 * sent to sign in, the command checks authorisation itself (a page's check
 * does not protect the actions it renders), and the expected refusals become
 * typed results; anything else is a bug and is thrown.
 */
export async function organiserAction<T>(run: (actor: Actor) => Promise<T>, returnTo?: string): Promise<T | Refusal> {
  const actor = await requireUser(returnTo);
  try {
    return await run(actor);
  } catch (error) {
    if (error instanceof AuthorizationError) return { ok: false, code: "forbidden" };
    if (error instanceof NotFoundError) return { ok: false, code: "not-found" };
    throw error;
  }
}

/** For organiser pages: what the actor may not see does not exist for them. */
export async function organiserRead<T>(run: (actor: Actor) => Promise<T>, returnTo?: string): Promise<T> {
  const actor = await requireUser(returnTo);
  try {
    return await run(actor);
  } catch (error) {
    if (error instanceof AuthorizationError || error instanceof NotFoundError) notFound();
    throw error;
  }
}

// One-time notices after a plain form post: the action redirects to the page
// with the outcome code (and its numbers) in the query string. Pure. A code
// is a key of the organisers' or the administrators' outcome messages, so a
// code without a message fails the type check instead of showing nothing.
import type { Route } from "next";
import type { Messages } from "../i18n/catalogue";

export type OrganiserOutcomeCode = keyof Messages["organiser"]["outcome"];
export type AdminOutcomeCode = keyof Messages["admin"]["outcome"];

const numberParams = ["count", "promoted", "notified", "capacity", "taken"] as const;

/** `path` is a page of this app (typed routes); the answer is that page with the notice added. */
export function withFlash<P extends string>(
  path: Route<P>,
  code: OrganiserOutcomeCode | AdminOutcomeCode,
  values: Partial<Record<(typeof numberParams)[number], number>> = {},
  kind: "meldung" | "fehler" = "meldung",
): Route {
  const [pathname, query = ""] = path.split("?");
  const params = new URLSearchParams(query);
  params.delete("meldung");
  params.delete("fehler");
  params.set(kind, code);
  for (const [name, value] of Object.entries(values)) if (typeof value === "number") params.set(name, String(value));
  // The same page with another query: still a route.
  return `${pathname}?${params.toString()}` as Route;
}

/** As read back from the address: the code is checked against a namespace's messages where it is shown (flashMessage). */
export type Flash = { kind: "meldung" | "fehler"; code: string; values: Record<string, number> };

/** The code as a key of `messages` (one namespace's outcome messages), or null for a code nobody wrote a message for. */
export function flashCode<M extends Record<string, string>>(flash: Flash, messages: M): (keyof M & string) | null {
  return Object.hasOwn(messages, flash.code) ? (flash.code as keyof M & string) : null;
}

export function readFlash(searchParams: Record<string, string | string[] | undefined>): Flash | null {
  const pick = (name: string) => {
    const value = searchParams[name];
    return typeof value === "string" ? value : undefined;
  };
  const kind = pick("fehler") ? "fehler" : pick("meldung") ? "meldung" : null;
  const code = kind ? pick(kind) : undefined;
  if (!kind || !code || !/^[a-z-]{1,60}$/.test(code)) return null;
  const values: Record<string, number> = {};
  for (const name of numberParams) {
    const value = Number(pick(name));
    if (Number.isInteger(value) && value >= 0) values[name] = value;
  }
  return { kind, code, values };
}

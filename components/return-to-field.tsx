"use client";
import { usePathname } from "next/navigation";

/**
 * The page a form was sent from, for pages that send no Referer (those with
 * private links in their address: Referrer-Policy no-referrer). Rendered on
 * the server like any field, so it works without JavaScript.
 */
export function ReturnToField() {
  return <input type="hidden" name="returnTo" value={usePathname()} />;
}

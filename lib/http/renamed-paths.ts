// Public addresses that were English before the URLs became German
// (docs/decisions/0026). Links in mails already sent, bookmarks and embeds
// elsewhere keep working: proxy.ts answers them with a permanent redirect.
// Pure, so every rename is unit-tested.

const renamed: { from: RegExp; to: (...segments: string[]) => string }[] = [
  { from: /^\/sessions\/([^/]+)\/register$/, to: (id) => `/termine/${id}/anmeldung` },
  { from: /^\/sessions\/([^/]+)\/register\/eingegangen$/, to: (id) => `/termine/${id}/anmeldung/eingegangen` },
  { from: /^\/materials\/([^/]+)$/, to: (id) => `/materialien/${id}` },
  // Only the participant's cancellation: /abmelden itself is the organiser's sign-out.
  { from: /^\/r\/([^/]+)\/abmelden$/, to: (token) => `/r/${token}/absagen` },
  { from: /^\/mailbox$/, to: () => "/postfach" },
  { from: /^\/mailbox\/([^/]+)$/, to: (id) => `/postfach/${id}` },
  { from: /^\/mailbox\/([^/]+)\/attachments\/([^/]+)$/, to: (id, index) => `/postfach/${id}/anhaenge/${index}` },
  { from: /^\/locale$/, to: () => "/sprache" },
];

/**
 * The current address of a renamed path, with the query string kept (a
 * sign-in or form state may ride on it), or null for any other path. The
 * segments are passed on as sent (still percent-encoded): the new page
 * decides what they mean.
 */
export function renamedPathTarget(pathname: string, search: string): string | null {
  for (const { from, to } of renamed) {
    const match = from.exec(pathname);
    if (match) return `${to(...match.slice(1))}${search}`;
  }
  return null;
}

/**
 * 308, not 301: a browser repeats a POST (the old registration form, the old
 * language switch) with its method and body instead of turning it into a GET.
 */
export const RENAMED_PATH_STATUS = 308;

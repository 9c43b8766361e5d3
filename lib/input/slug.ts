// An address part (a workshop's or an instrument's slug) from a title, with
// German transliteration (ä→ae, ß→ss) rather than dropped letters. Pure.

export function slugFromTitle(title: string, fallback: string): string {
  return (
    title
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      // Other accented letters lose their accent (é→e), as people would type them.
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || fallback
  );
}

/** The slug itself, or with "-2", "-3" … appended until `taken` says no (kept within 80 characters). */
export async function freeSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let suffix = 1; ; suffix += 1) {
    const ending = suffix === 1 ? "" : `-${suffix}`;
    const candidate = `${base.slice(0, 80 - ending.length).replace(/-+$/, "")}${ending}`;
    if (!(await taken(candidate))) return candidate;
  }
}

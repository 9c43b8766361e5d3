// The rows each chart shows, from the queried figures; labels come from the
// caller (the page's or the report's translations). Pure.
import type { Category } from "./figures";

/** A chart label fits one line of the chart (about 56 characters on the page); the table beside it has the whole text. */
export function chartLabel(text: string, length = 56): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/** Categories with their share of the total, in the order given. */
export function withShares(categories: Category[]): (Category & { share: number })[] {
  const total = categories.reduce((sum, category) => sum + category.count, 0);
  return categories.map((category) => ({ ...category, share: total > 0 ? category.count / total : 0 }));
}

/** At most this many sessions get a timeline chart on one page. */
export const TIMELINE_LIMIT = 12;

// One-time notices after a plain form post: the action redirects to the page
// with the outcome code (and its numbers) in the query string. Pure.

const numberParams = ["count", "promoted", "notified", "capacity", "taken"] as const;

export function withFlash(path: string, code: string, values: Partial<Record<(typeof numberParams)[number], number>> = {}, kind: "meldung" | "fehler" = "meldung"): string {
  const [pathname, query = ""] = path.split("?");
  const params = new URLSearchParams(query);
  params.delete("meldung");
  params.delete("fehler");
  params.set(kind, code);
  for (const [name, value] of Object.entries(values)) if (typeof value === "number") params.set(name, String(value));
  return `${pathname}?${params.toString()}`;
}

export type Flash = { kind: "meldung" | "fehler"; code: string; values: Record<string, number> };

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

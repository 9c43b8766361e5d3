// A per-process memo with a short lifetime, for public read paths that
// thousands of visitors request at once (the programme page during a
// registration rush). Prisma's query compiler costs ~13 ms of CPU per query
// here (docs/decisions/0006); seat counts a second old are harmless on a
// listing, and registration itself always decides on the live row.

export type ShortLived<T> = ((key: string) => Promise<T>) & { forget: () => void };

export function shortLived<T>(ttlMs: number, load: (key: string) => Promise<T>): ShortLived<T> {
  const entries = new Map<string, { loadedAt: number; value: Promise<T> }>();
  const get = (key: string) => {
    const now = Date.now();
    const entry = entries.get(key);
    if (entry && now - entry.loadedAt < ttlMs) return entry.value;
    if (entries.size > 1_000) entries.clear();
    const value = load(key);
    entries.set(key, { loadedAt: now, value });
    value.catch(() => entries.delete(key));
    return value;
  };
  return Object.assign(get, { forget: () => entries.clear() });
}

/**
 * A list's order after one entry moves a place up or down, for renumbering
 * positions 0…n-1 (registration questions, evaluation questions). Null when
 * the entry is not in the list or already at that end: nothing moves.
 */
export function orderAfterMove(ids: string[], id: string, direction: "up" | "down"): string[] | null {
  const index = ids.indexOf(id);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ids.length) return null;
  const order = [...ids];
  [order[index], order[target]] = [order[target]!, order[index]!];
  return order;
}

import { describe, expect, it } from "vitest";
import { orderAfterMove } from "@/lib/workshops/order-after-move";

describe("moving a question one place", () => {
  it("swaps it with its neighbour above or below", () => {
    expect(orderAfterMove(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(orderAfterMove(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
  });

  it("moves nothing at either end or for an entry not in the list", () => {
    expect(orderAfterMove(["a", "b"], "a", "up")).toBeNull();
    expect(orderAfterMove(["a", "b"], "b", "down")).toBeNull();
    expect(orderAfterMove(["a", "b"], "x", "down")).toBeNull();
  });

  it("leaves the given list as it was", () => {
    const ids = ["a", "b"];
    orderAfterMove(ids, "a", "down");
    expect(ids).toEqual(["a", "b"]);
  });
});

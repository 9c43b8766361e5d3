import { describe, expect, it } from "vitest";
import { describeForLog, withoutAddresses } from "@/lib/logging/without-addresses";

describe("what background jobs write to the log", () => {
  it("never carries an e-mail address, wherever a server's message quotes one", () => {
    expect(withoutAddresses("550 5.1.1 <jana.beispiel@kommune.de>: Recipient address rejected")).toBe("550 5.1.1 <<address>>: Recipient address rejected");
    expect(
      describeForLog(new Error('duplicate key value violates unique constraint "registrations_active_email" Key (email)=(jana@kommune.de) already exists')),
    ).toBe('Error: duplicate key value violates unique constraint "registrations_active_email" Key (email)=(<address>) already exists');
    expect(withoutAddresses("to a@b.de, c@d.de")).toBe("to <address>, <address>");
  });

  it("is one bounded line for anything thrown", () => {
    expect(describeForLog("x".repeat(5_000))).toHaveLength(1_000);
    expect(describeForLog({ toString: () => "odd" })).toBe("odd");
  });
});

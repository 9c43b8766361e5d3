import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogue";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

describe("message catalogues", () => {
  it("offer every German text in English too, and nothing English-only", () => {
    expect(keys(catalogues.en).sort()).toEqual(keys(catalogues.de).sort());
  });

  it("use the formal address in German", () => {
    const informal = keys(catalogues.de)
      .map((path) => [path, path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogues.de)] as const)
      .filter(([, text]) => typeof text === "string" && /\b(du|dich|dir|dein|deine|deinen)\b/i.test(text));
    expect(informal).toEqual([]);
  });
});

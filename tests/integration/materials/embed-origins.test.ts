import { afterEach, describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { setEmbedOrigins } from "@/lib/embed/set-embed-origins";
import { embedResponse } from "@/lib/embed/embed-response";
import { forgetPublishedWorkshops } from "@/lib/workshops/queries";
import { currentProgramme, organiserWorld } from "../../helpers/organiser-world";

afterEach(async () => {
  await db.programme.update({ where: { id: (await currentProgramme()).id }, data: { embedOrigins: [] } });
});

describe("which websites may embed the programme", () => {
  it("is set by administrators only and audited", async () => {
    const world = await organiserWorld();
    await expect(setEmbedOrigins(world.actors.organiserA, { origins: "https://www.kommune.de" })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(setEmbedOrigins(null, { origins: "https://www.kommune.de" })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await setEmbedOrigins(world.actors.admin, { origins: "https://www.kommune.de/\nhttps://www.kommune.de" })).toEqual({ ok: true });
    expect((await db.programme.findUniqueOrThrow({ where: { id: (await currentProgramme()).id }, select: { embedOrigins: true } })).embedOrigins).toEqual([
      "https://www.kommune.de",
    ]);
    expect(await db.auditEvent.count({ where: { action: "programme.embed-origins", actorId: world.actors.admin.id } })).toBe(1);
    expect(await setEmbedOrigins(world.actors.admin, { origins: "https://www.kommune.de/pfad" })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("decides the embed page's frame-ancestors; the page shows published workshops only and no join links", async () => {
    const world = await organiserWorld();
    await setEmbedOrigins(world.actors.admin, { origins: "https://www.kommune.de" });
    const response = await embedResponse(null, "de");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors https://www.kommune.de;");
    expect(response.headers.get("x-frame-options")).toBeNull();
    const html = await response.text();
    expect(html).toContain("Workshop A");
    expect(html).not.toContain("video.example.org");
    await db.workshop.update({ where: { id: world.workshopA.id }, data: { published: false } });
    forgetPublishedWorkshops(); // the listing is cached for a second; organiser commands clear it after they commit (lib/cache/forget-public-content.ts)
    expect(await (await embedResponse(null, "de")).text()).not.toContain(
      `/workshops/${(await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id }, select: { slug: true } })).slug}"`,
    );
  });
});

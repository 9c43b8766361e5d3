import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { getInstrumentForEditing, listManagedInstruments } from "@/lib/instruments/organiser-queries";
import { getPublicInstrument, listPublicInstruments } from "@/lib/instruments/queries";
import { saveInstrument } from "@/lib/instruments/save-instrument";
import { listDownloadCounts } from "@/lib/materials/download-counts";
import { countDownload } from "@/lib/materials/count-download";
import { removeMaterial } from "@/lib/materials/remove-material";
import { uploadMaterial } from "@/lib/materials/upload-material";
import { setWorkshopInstruments } from "@/lib/workshops/set-workshop-instruments";
import { getPublishedWorkshop } from "@/lib/workshops/queries";
import { createProgrammeWithSession } from "../../helpers/factories";
import { uploadRequest } from "../../helpers/material-upload";
import { currentProgramme, organiserWorld } from "../../helpers/organiser-world";

const pdf = () => ({ name: "leitfaden.pdf", content: readFileSync(new URL("../../fixtures/materials/handout.pdf", import.meta.url)) });

function values(label = randomUUID().slice(0, 8)) {
  return { title: `Übergriffsmanagement ${label}`, slug: `uebergriffsmanagement-${label}`, summary: "Kurz", description: "Lang", position: "1" };
}

async function outsider(): Promise<Actor> {
  return db.user.create({
    data: { email: `aussen-${randomUUID().slice(0, 8)}@example.org`, role: "ORGANISER" },
    select: { id: true, email: true, name: true, role: true },
  });
}

async function auditCount() {
  return db.auditEvent.count();
}

describe("instruments as records", () => {
  it("may be created and edited by any organiser of a workshop of the programme and by administrators, with an audit event", async () => {
    const world = await organiserWorld();
    for (const actor of [world.actors.organiserA, world.actors.organiserB, world.actors.admin]) {
      const created = await saveInstrument(actor, "new", values());
      expect(created).toMatchObject({ ok: true });
      const id = (created as { instrumentId: string }).instrumentId;
      expect(await saveInstrument(actor, { instrumentId: id }, { ...values(), titleEn: "Handling assaults" })).toEqual({ ok: true, instrumentId: id });
      expect(await db.auditEvent.count({ where: { subjectId: id, actorId: actor.id, action: { in: ["instrument.create", "instrument.update"] } } })).toBe(2);
    }
  });

  it("are refused to anonymous visitors and to organisers without a workshop in the programme, changing nothing", async () => {
    const world = await organiserWorld();
    const existing = (await saveInstrument(world.actors.admin, "new", values())) as { instrumentId: string };
    const stranger = await outsider();
    const before = { instruments: await db.instrument.count(), audit: await auditCount() };
    for (const actor of [null, stranger]) {
      await expect(saveInstrument(actor, "new", values())).rejects.toBeInstanceOf(AuthorizationError);
      await expect(saveInstrument(actor, { instrumentId: existing.instrumentId }, values())).rejects.toBeInstanceOf(AuthorizationError);
      await expect(getInstrumentForEditing(actor, existing.instrumentId)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(listManagedInstruments(actor)).rejects.toBeInstanceOf(AuthorizationError);
    }
    // Unknown and foreign look the same to organisers.
    await expect(saveInstrument(world.actors.organiserA, { instrumentId: randomUUID() }, values())).rejects.toBeInstanceOf(AuthorizationError);
    expect({ instruments: await db.instrument.count(), audit: await auditCount() }).toEqual(before);
  });

  it("are refused to an organiser whose workshops belong to another programme", async () => {
    const world = await organiserWorld();
    const existing = (await saveInstrument(world.actors.admin, "new", values())) as { instrumentId: string };
    const other = await createProgrammeWithSession();
    const elsewhere = await outsider();
    await db.workshopAssignment.create({ data: { userId: elsewhere.id, workshopId: other.workshopId } });
    await expect(saveInstrument(elsewhere, { instrumentId: existing.instrumentId }, values())).rejects.toBeInstanceOf(AuthorizationError);
    await expect(saveInstrument(elsewhere, "new", values())).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("keep title and address unique within the programme", async () => {
    const world = await organiserWorld();
    const first = values();
    await saveInstrument(world.actors.organiserA, "new", first);
    expect(await saveInstrument(world.actors.organiserA, "new", { ...values(), slug: first.slug })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { slug: "instrumentSlugTaken" },
    });
    expect(await saveInstrument(world.actors.organiserA, "new", { ...values(), title: first.title })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { title: "instrumentTitleTaken" },
    });
  });

  it("are chosen per workshop, in order, by the workshop's organisers, only from the workshop's own programme", async () => {
    const world = await organiserWorld();
    const a = ((await saveInstrument(world.actors.admin, "new", values())) as { instrumentId: string }).instrumentId;
    const b = ((await saveInstrument(world.actors.admin, "new", values())) as { instrumentId: string }).instrumentId;
    expect(await setWorkshopInstruments(world.actors.organiserA, world.workshopA.id, [b, a])).toEqual({ ok: true });
    expect(
      await db.workshopInstrument.findMany({ where: { workshopId: world.workshopA.id }, orderBy: { position: "asc" }, select: { instrumentId: true } }),
    ).toEqual([{ instrumentId: b }, { instrumentId: a }]);
    await expect(setWorkshopInstruments(world.actors.organiserB, world.workshopA.id, [a])).rejects.toBeInstanceOf(AuthorizationError);

    const other = await createProgrammeWithSession();
    const foreign = await db.instrument.create({ data: { programmeId: other.programmeId, slug: "fremd", title: "Fremd" }, select: { id: true } });
    expect(await setWorkshopInstruments(world.actors.organiserA, world.workshopA.id, [a, foreign.id])).toEqual({ ok: false, code: "unknown-instrument" });
    expect(await db.workshopInstrument.count({ where: { workshopId: world.workshopA.id } })).toBe(2);
  });
});

describe("the public instrument pages", () => {
  it("show an instrument shared by two workshops with its material on both workshop pages, and name only published workshops", async () => {
    const world = await organiserWorld();
    const programme = await currentProgramme();
    const label = randomUUID().slice(0, 8);
    const id = ((await saveInstrument(world.actors.admin, "new", values(label))) as { instrumentId: string }).instrumentId;
    await setWorkshopInstruments(world.actors.admin, world.workshopA.id, [id]);
    await setWorkshopInstruments(world.actors.admin, world.workshopB.id, [id]);
    const upload = await uploadMaterial(world.actors.organiserA, uploadRequest({ instrumentId: id, title: "Leitfaden" }, pdf()));
    const materialId = (upload as { materialId: string }).materialId;

    const slugs = await db.workshop.findMany({ where: { id: { in: [world.workshopA.id, world.workshopB.id] } }, select: { id: true, slug: true } });
    for (const { slug } of slugs) {
      const page = await getPublishedWorkshop(programme.id, slug);
      expect(page!.instruments.map((instrument) => instrument.slug)).toContain(`uebergriffsmanagement-${label}`);
      expect(page!.materials.map((material) => material.id)).toContain(materialId);
    }
    const instrument = await getPublicInstrument(programme.id, `uebergriffsmanagement-${label}`);
    expect(instrument!.materials.map((material) => material.id)).toEqual([materialId]);
    expect(instrument!.workshops).toHaveLength(2);

    await db.workshop.update({ where: { id: world.workshopB.id }, data: { published: false } });
    const afterB = await getPublicInstrument(programme.id, `uebergriffsmanagement-${label}`);
    expect(afterB!.workshops.map((workshop) => workshop.slug)).toEqual(slugs.filter((entry) => entry.id === world.workshopA.id).map((entry) => entry.slug));

    await db.workshop.update({ where: { id: world.workshopA.id }, data: { published: false } });
    expect(await getPublicInstrument(programme.id, `uebergriffsmanagement-${label}`)).toBeNull();
    expect((await listPublicInstruments(programme.id)).some((entry) => entry.id === id)).toBe(false);
  });
});

describe("material downloads and removal", () => {
  it("lists counts per day only for materials the organiser manages; removing a file removes its chunks", async () => {
    const world = await organiserWorld();
    const upload = (await uploadMaterial(world.actors.organiserA, uploadRequest({ workshopId: world.workshopA.id, title: "Zählbar" }, pdf()))) as {
      materialId: string;
    };
    await countDownload(upload.materialId, new Date("2026-11-27T10:00:00Z"));
    await countDownload(upload.materialId, new Date("2026-11-27T22:30:00Z")); // 23:30 in Berlin: the same German day
    await countDownload(upload.materialId, new Date("2026-11-27T23:30:00Z")); // 00:30 on the 28th in Berlin

    const mine = (await listDownloadCounts(world.actors.organiserA)).filter((row) => row.materialId === upload.materialId);
    expect(mine).toEqual([
      expect.objectContaining({ day: "2026-11-28", count: 1, title: "Zählbar", workshop: "Workshop A" }),
      expect.objectContaining({ day: "2026-11-27", count: 2 }),
    ]);
    expect((await listDownloadCounts(world.actors.organiserB)).some((row) => row.materialId === upload.materialId)).toBe(false);
    await expect(listDownloadCounts(null)).rejects.toBeInstanceOf(AuthorizationError);

    const { storageKey } = await db.material.findUniqueOrThrow({ where: { id: upload.materialId }, select: { storageKey: true } });
    await expect(removeMaterial(world.actors.organiserB, upload.materialId)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await removeMaterial(world.actors.organiserA, upload.materialId)).toEqual({ ok: true });
    expect(await db.materialChunk.count({ where: { storageKey: storageKey! } })).toBe(0);
    expect(await db.materialDownload.count({ where: { materialId: upload.materialId } })).toBe(0);
  });
});

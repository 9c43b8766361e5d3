import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { materialDownloadResponse } from "@/lib/materials/download-response";
import { materialUploadResponse } from "@/lib/materials/upload-response";
import { uploadMaterial } from "@/lib/materials/upload-material";
import { CHUNK_BYTES, postgresStorage } from "@/lib/materials/storage/postgres-storage";
import { organiserWorld } from "../../helpers/organiser-world";
import { collect, pdfLikeBytes, uploadRequest } from "../../helpers/material-upload";
import { storedZip } from "../../helpers/stored-zip";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/materials/${name}`, import.meta.url));

async function instrumentOf(workshopIds: string[], published = true) {
  const programme = await db.workshop.findUniqueOrThrow({ where: { id: workshopIds[0]! }, select: { programmeId: true } });
  const title = `Instrument ${randomUUID().slice(0, 8)}`;
  const instrument = await db.instrument.create({
    data: {
      programmeId: programme.programmeId,
      title,
      slug: title.toLowerCase().replace(/\s+/g, "-"),
      workshops: { create: workshopIds.map((workshopId, position) => ({ workshopId, position })) },
    },
    select: { id: true },
  });
  if (!published) await db.workshop.updateMany({ where: { id: { in: workshopIds } }, data: { published: false } });
  return instrument.id;
}

async function outsider(): Promise<Actor> {
  return db.user.create({
    data: { email: `aussen-${randomUUID().slice(0, 8)}@example.org`, role: "ORGANISER" },
    select: { id: true, email: true, name: true, role: true },
  });
}

async function totals() {
  const [materials, chunks, audit] = await Promise.all([db.material.count(), db.materialChunk.count(), db.auditEvent.count()]);
  return { materials, chunks, audit };
}

const download = (id: string, headers: Record<string, string> = {}, actor: Actor | null = null) =>
  materialDownloadResponse(async () => actor, id, new Request(`http://localhost:3000/materialien/${id}`, { headers }));

describe("the PostgreSQL material storage", () => {
  it("stores a multi-megabyte file in 256 KiB chunks while it streams in, and gives back the same bytes, whole and in ranges", async () => {
    const size = 6 * 1024 * 1024 + 12_345;
    const expected = await collect(pdfLikeBytes(size)());
    let maxBehind = 0;
    const stored = await db.$transaction(
      async (tx) => {
        const before = Number((await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM material_chunks`)[0]!.n);
        let read = 0;
        // Before each new piece, every full chunk of what was read so far is already in the table:
        // the store never holds more than one chunk of the upload.
        async function* watched() {
          for await (const piece of pdfLikeBytes(size, 100_000)()) {
            const written = Number((await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM material_chunks`)[0]!.n) - before;
            maxBehind = Math.max(maxBehind, Math.floor(read / CHUNK_BYTES) - written);
            read += piece.byteLength;
            yield piece;
          }
        }
        return postgresStorage.put(tx, watched(), { maxBytes: size });
      },
      { timeout: 60_000 },
    );
    expect(maxBehind).toBe(0);
    expect(stored.size).toBe(size);
    expect(stored.sha256).toBe(createHash("sha256").update(expected).digest("hex"));
    expect(await db.materialChunk.count({ where: { storageKey: stored.key } })).toBe(Math.ceil(size / CHUNK_BYTES));

    expect((await collect(postgresStorage.get(stored.key, size))).equals(expected)).toBe(true);
    const across = { start: CHUNK_BYTES - 10, end: 3 * CHUNK_BYTES + 5 };
    expect((await collect(postgresStorage.get(stored.key, size, across))).equals(expected.subarray(across.start, across.end + 1))).toBe(true);
    expect((await collect(postgresStorage.get(stored.key, size, { start: size - 1, end: size - 1 }))).equals(expected.subarray(size - 1))).toBe(true);

    await db.$transaction((tx) => postgresStorage.delete(tx, stored.key));
    expect(await db.materialChunk.count({ where: { storageKey: stored.key } })).toBe(0);
  });

  it("refuses bytes past the limit and, in the caller's transaction, keeps none of them", async () => {
    const before = await db.materialChunk.count();
    await expect(db.$transaction((tx) => postgresStorage.put(tx, pdfLikeBytes(CHUNK_BYTES * 3)(), { maxBytes: CHUNK_BYTES * 2 }))).rejects.toMatchObject({
      code: "file-too-large",
    });
    expect(await db.materialChunk.count()).toBe(before);
  });
});

describe("uploading a material", () => {
  it("stores a PDF for an instrument with its sanitised name, type from content, size and checksum", async () => {
    const world = await organiserWorld();
    const instrumentId = await instrumentOf([world.workshopA.id, world.workshopB.id]);
    const content = fixture("handout.pdf");
    const outcome = await uploadMaterial(
      world.actors.organiserA,
      uploadRequest({ instrumentId, title: "Leitfaden", language: "de" }, { name: "C:\\Ordner\\Leitfaden Übergriffe.pdf", type: "image/png", content }),
    );
    expect(outcome).toMatchObject({ ok: true, owner: { instrumentId } });
    const material = await db.material.findUniqueOrThrow({ where: { id: (outcome as { materialId: string }).materialId } });
    expect(material).toMatchObject({
      instrumentId,
      workshopId: null,
      title: "Leitfaden",
      fileName: "Leitfaden Übergriffe.pdf",
      mimeType: "application/pdf",
      sizeBytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
    });
    expect(await db.auditEvent.count({ where: { action: "material.upload", subjectId: material.id, actorId: world.actors.organiserA.id } })).toBe(1);
  });

  it.each([
    ["a PNG named .pdf", "handout.pdf", "pixel.png", "file-type-mismatch"],
    ["plain text named .pdf", "handout.pdf", "notes.txt", "file-type-mismatch"],
    ["a spreadsheet named .docx", "bericht.docx", "sheet.xlsx", "file-type-mismatch"],
    ["a zip archive", "archiv.zip", "plain.zip", "file-type-refused"],
  ])("refuses %s and leaves nothing behind", async (_label, name, content, code) => {
    const world = await organiserWorld();
    const before = await totals();
    const outcome = await uploadMaterial(
      world.actors.organiserA,
      uploadRequest({ workshopId: world.workshopA.id, title: "Folien" }, { name, content: fixture(content) }),
    );
    expect(outcome).toEqual({ owner: { workshopId: world.workshopA.id }, ok: false, code });
    expect(await totals()).toEqual(before);
  });

  // LibreOffice writes the entries that make a zip a Word document last, behind
  // its images: past the first bytes that are sniffed. The central directory
  // at the file's end still names them.
  const libreOfficeLayout = (documentEntry: string | null) =>
    storedZip([
      { name: "Pictures/foto.png", content: randomBytes(3 * 1024 * 1024) },
      ...(documentEntry ? [{ name: documentEntry, content: "<w:document/>" }] : []),
      { name: "[Content_Types].xml", content: "<Types/>" },
    ]);

  it("accepts a large Word document laid out as LibreOffice writes it, judged by its central directory", async () => {
    const world = await organiserWorld();
    const content = libreOfficeLayout("word/document.xml");
    const outcome = await uploadMaterial(
      world.actors.organiserA,
      uploadRequest({ workshopId: world.workshopA.id, title: "Bericht" }, { name: "Bericht.docx", content }),
    );
    expect(outcome).toMatchObject({ ok: true });
    const stored = await db.material.findUniqueOrThrow({
      where: { id: (outcome as { materialId: string }).materialId },
      select: { mimeType: true, sizeBytes: true, sha256: true },
    });
    expect(stored).toEqual({
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      sizeBytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
    });
  });

  it.each([
    ["a large zip that is no Office document, named .docx", null, "Bericht.docx"],
    ["a large spreadsheet named .docx", "xl/workbook.xml", "Bericht.docx"],
  ])("refuses %s once it has read it whole, and leaves nothing behind", async (_label, entry, name) => {
    const world = await organiserWorld();
    const before = await totals();
    const outcome = await uploadMaterial(
      world.actors.organiserA,
      uploadRequest({ workshopId: world.workshopA.id, title: "Bericht" }, { name, content: libreOfficeLayout(entry) }),
    );
    expect(outcome).toMatchObject({ ok: false, code: "file-type-mismatch" });
    expect(await totals()).toEqual(before);
  });

  it("stops a file past the limit while it streams and keeps nothing of it", async () => {
    const world = await organiserWorld();
    const before = await totals();
    const outcome = await uploadMaterial(
      world.actors.organiserA,
      uploadRequest({ workshopId: world.workshopA.id, title: "Groß" }, { name: "gross.pdf", content: pdfLikeBytes(3 * 1024 * 1024) }),
      2 * 1024 * 1024,
    );
    expect(outcome).toMatchObject({ ok: false, code: "file-too-large" });
    expect(await totals()).toEqual(before);
  });

  it("accepts a file of exactly the limit", async () => {
    const world = await organiserWorld();
    const outcome = await uploadMaterial(
      world.actors.organiserA,
      uploadRequest({ workshopId: world.workshopA.id, title: "Genau" }, { name: "genau.pdf", content: pdfLikeBytes(1024 * 1024) }),
      1024 * 1024,
    );
    expect(outcome).toMatchObject({ ok: true });
  });

  it("asks for a file and a title", async () => {
    const world = await organiserWorld();
    const before = await totals();
    expect(await uploadMaterial(world.actors.organiserA, uploadRequest({ workshopId: world.workshopA.id, title: "Ohne" }, null))).toMatchObject({
      ok: false,
      code: "file-missing",
    });
    expect(
      await uploadMaterial(world.actors.organiserA, uploadRequest({ workshopId: world.workshopA.id, title: "Leer" }, { name: "", content: new Uint8Array() })),
    ).toMatchObject({ ok: false, code: "file-missing" });
    expect(
      await uploadMaterial(
        world.actors.organiserA,
        uploadRequest({ workshopId: world.workshopA.id, title: " " }, { name: "a.pdf", content: fixture("handout.pdf") }),
      ),
    ).toMatchObject({ ok: false, code: "material-invalid" });
    expect(await totals()).toEqual(before);
  });

  it("is refused to anonymous visitors, to organisers of other workshops and, for instruments, to organisers outside the programme", async () => {
    const world = await organiserWorld();
    const instrumentId = await instrumentOf([world.workshopA.id]);
    const before = await totals();
    const pdf = () => ({ name: "a.pdf", content: fixture("handout.pdf") });
    expect(await uploadMaterial(null, uploadRequest({ workshopId: world.workshopA.id, title: "X" }, pdf()))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await uploadMaterial(world.actors.organiserB, uploadRequest({ workshopId: world.workshopA.id, title: "X" }, pdf()))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await uploadMaterial(await outsider(), uploadRequest({ instrumentId, title: "X" }, pdf()))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await totals()).toEqual(before);
    // An instrument is common ground of the programme: organiser B (workshop B) may add to it.
    expect(await uploadMaterial(world.actors.organiserB, uploadRequest({ instrumentId, title: "B" }, pdf()))).toMatchObject({ ok: true });
  });

  it("answers the form with a redirect and a notice, and refuses posts from other sites", async () => {
    const world = await organiserWorld();
    const ok = await materialUploadResponse(
      async () => world.actors.organiserA,
      uploadRequest({ workshopId: world.workshopA.id, title: "Folien" }, { name: "folien.pdf", content: fixture("handout.pdf") }),
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`http://localhost:3000/organisation/workshops/${world.workshopA.id}/materialien?meldung=material-uploaded`);
    const refused = await materialUploadResponse(
      async () => world.actors.organiserA,
      uploadRequest({ workshopId: world.workshopA.id, title: "Folien" }, { name: "folien.pdf", content: fixture("pixel.png") }),
    );
    expect(refused.headers.get("location")).toContain("fehler=file-type-mismatch");
    const before = await totals();
    const foreign = await materialUploadResponse(
      async () => world.actors.organiserA,
      uploadRequest({ workshopId: world.workshopA.id, title: "X" }, { name: "x.pdf", content: fixture("handout.pdf") }, { origin: "https://evil.example" }),
    );
    expect(foreign.status).toBe(403);
    expect(await totals()).toEqual(before);
  });
});

describe("downloading a material", () => {
  async function uploaded(actor: Actor, owner: Record<string, string>, content: Uint8Array, extra: Record<string, string> = {}) {
    const outcome = await uploadMaterial(actor, uploadRequest({ ...owner, title: "Handout", ...extra }, { name: "Übersicht Instrumente.pdf", content }));
    if (!outcome.ok) throw new Error(outcome.code);
    return outcome.materialId;
  }

  it("streams the file with length, strong ETag, original name, nosniff; 304 for a matching ETag; ranges 206 and 416", async () => {
    const world = await organiserWorld();
    const content = await collect(pdfLikeBytes(700_000)());
    const id = await uploaded(world.actors.organiserA, { workshopId: world.workshopA.id }, content);
    const sha = createHash("sha256").update(content).digest("hex");

    const whole = await download(id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe(String(content.length));
    expect(whole.headers.get("etag")).toBe(`"${sha}"`);
    expect(whole.headers.get("content-type")).toBe("application/pdf");
    expect(whole.headers.get("x-content-type-options")).toBe("nosniff");
    expect(whole.headers.get("content-disposition")).toBe(
      `attachment; filename="Ubersicht_Instrumente.pdf"; filename*=UTF-8''%C3%9Cbersicht%20Instrumente.pdf`,
    );
    expect((await collect(whole.body!)).equals(content)).toBe(true);

    expect((await download(id, { "if-none-match": `"${sha}"` })).status).toBe(304);

    const part = await download(id, { range: "bytes=262140-262149" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 262140-262149/${content.length}`);
    expect(part.headers.get("content-length")).toBe("10");
    expect((await collect(part.body!)).equals(content.subarray(262140, 262150))).toBe(true);

    const past = await download(id, { range: `bytes=${content.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${content.length}`);
  });

  it("counts whole downloads per day, not ranges or revalidations, and stores nothing about the person", async () => {
    const world = await organiserWorld();
    const id = await uploaded(world.actors.organiserA, { workshopId: world.workshopA.id }, fixture("handout.pdf"));
    await (await download(id)).arrayBuffer();
    await (await download(id)).arrayBuffer();
    await (await download(id, { range: "bytes=0-9" })).arrayBuffer();
    await download(id, { "if-none-match": "*" });
    const rows = await db.materialDownload.findMany({ where: { materialId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(2);
    expect(Object.keys(rows[0]!).sort()).toEqual(["count", "day", "materialId"]);
  });

  it("hides files of unpublished workshops, of instruments no published workshop presents, and before 'available from', but lets their organisers preview them", async () => {
    const world = await organiserWorld();
    const onWorkshop = await uploaded(world.actors.organiserA, { workshopId: world.workshopA.id }, fixture("handout.pdf"));
    const instrumentId = await instrumentOf([world.workshopA.id]);
    const onInstrument = await uploaded(world.actors.organiserA, { instrumentId }, fixture("handout.pdf"));
    const later = await uploaded(world.actors.organiserA, { workshopId: world.workshopA.id }, fixture("handout.pdf"), { availableFrom: "2099-01-01T10:00" });

    expect((await download(later)).status).toBe(404);
    expect((await download(later, {}, world.actors.organiserA)).status).toBe(200);
    expect((await download(onWorkshop)).status).toBe(200);
    expect((await download(onInstrument)).status).toBe(200);

    await db.workshop.update({ where: { id: world.workshopA.id }, data: { published: false } });
    expect((await download(onWorkshop)).status).toBe(404);
    expect((await download(onInstrument)).status).toBe(404);
    expect((await download(onWorkshop, {}, world.actors.organiserB)).status).toBe(404);
    const preview = await download(onInstrument, {}, world.actors.organiserA);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("cache-control")).toBe("private, no-store");
    expect((await download("not-a-uuid")).status).toBe(404);
    expect((await download(randomUUID())).status).toBe(404);
  });
});

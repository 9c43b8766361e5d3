import { getPublishedMaterialFile } from "@/lib/materials/queries";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const file = await getPublishedMaterialFile((await params).id);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "public, max-age=300",
    },
  });
}

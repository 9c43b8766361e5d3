import { getMailboxAttachment } from "@/lib/email/mailbox";

type Context = { params: Promise<{ id: string; index: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { id, index } = await params;
  const attachment = /^\d{1,3}$/.test(index) ? await getMailboxAttachment(id, Number(index)) : null;
  if (!attachment) return new Response("Not found", { status: 404 });
  // Stored types come from our own code; anything unexpected is served as bytes.
  const contentType = /^[\w.+-]+\/[\w.+-]+(;[ \w.+="/-]*)*$/.test(attachment.contentType) ? attachment.contentType : "application/octet-stream";
  return new Response(attachment.content, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

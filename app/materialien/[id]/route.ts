import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { materialDownloadResponse } from "@/lib/materials/download-response";

export const dynamic = "force-dynamic";

// The public address of a material file; organisers also preview unpublished ones here.
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return materialDownloadResponse(getCurrentUser, (await params).id, request);
}

export async function HEAD(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  return GET(request, context);
}

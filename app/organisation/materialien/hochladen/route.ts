import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { materialUploadResponse } from "@/lib/materials/upload-response";

export const dynamic = "force-dynamic";

// The upload form's target: a route handler, not a server action, so the
// multipart body is streamed instead of buffered (lib/materials/upload-material.ts).
export async function POST(request: NextRequest) {
  return materialUploadResponse(getCurrentUser, request);
}

"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { setEmbedOrigins } from "@/lib/embed/set-embed-origins";
import { withFlash } from "@/lib/organiser/flash";
import { formValues } from "@/lib/organiser/form-state";

export async function submitEmbedOrigins(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => setEmbedOrigins(actor, formValues(form)), "/organisation/einbetten");
  redirect(
    outcome.ok
      ? withFlash("/organisation/einbetten", "embed-origins-saved")
      : withFlash("/organisation/einbetten", outcome.code === "invalid" ? "embed-origins-invalid" : outcome.code, {}, "fehler"),
  );
}

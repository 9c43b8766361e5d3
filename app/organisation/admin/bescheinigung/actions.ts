"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { removeCertificateSignature } from "@/lib/certificates/remove-certificate-signature";
import { saveCertificateIssuer } from "@/lib/certificates/save-certificate-issuer";
import { withFlash, type AdminOutcomeCode } from "@/lib/organiser/flash";

const path = "/organisation/admin/bescheinigung";

function back(outcome: { ok: true } | { ok: false; code: AdminOutcomeCode }, success: AdminOutcomeCode): never {
  if (outcome.ok) redirect(withFlash(path, success));
  redirect(withFlash(path, outcome.code, {}, "fehler"));
}

export async function submitIssuer(form: FormData): Promise<void> {
  const values = { issuerName: form.get("issuerName") ?? undefined, issuerRole: form.get("issuerRole") ?? undefined };
  back(await organiserAction((actor) => saveCertificateIssuer(actor, values), path), "certificate-issuer-saved");
}

export async function submitSignatureRemoval(): Promise<void> {
  back(await organiserAction((actor) => removeCertificateSignature(actor), path), "certificate-signature-removed");
}

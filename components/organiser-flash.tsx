import { getTranslations } from "next-intl/server";
import organiserMessages from "@/lib/i18n/messages/de/organiser.json";
import { flashCode, type Flash } from "@/lib/organiser/flash";

/** The notice after a plain form post (see lib/organiser/flash.ts); errors are announced at once. */
export async function OrganiserFlash({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  const t = await getTranslations("organiser.outcome");
  // German and English carry the same keys (tests/unit/catalogue.test.ts).
  const code = flashCode(flash, organiserMessages.outcome);
  if (!code) return null;
  const text = t(code, flash.values);
  return flash.kind === "fehler" ? (
    <div className="notice notice--error" role="alert" tabIndex={-1} autoFocus>
      <p>{text}</p>
    </div>
  ) : (
    <div className="notice notice--success" role="status">
      <p>{text}</p>
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import adminMessages from "@/lib/i18n/messages/de/admin.json";
import { flashCode, type Flash } from "@/lib/organiser/flash";

/** The notice after a plain form post on the administrators' pages (lib/organiser/flash.ts); errors are announced at once. */
export async function AdminFlash({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  const t = await getTranslations("admin.outcome");
  // German and English carry the same keys (tests/unit/catalogue.test.ts).
  const code = flashCode(flash, adminMessages.outcome);
  if (!code) return null;
  const text = t(code, { count: flash.values.count ?? 0 });
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

import { getTranslations } from "next-intl/server";
import type { Flash } from "@/lib/organiser/flash";

/** The notice after a plain form post on the administrators' pages (lib/organiser/flash.ts); errors are announced at once. */
export async function AdminFlash({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  const t = await getTranslations("admin.outcome");
  if (!t.has(flash.code as "forbidden")) return null;
  const text = t(flash.code as "deactivated", { count: flash.values.count ?? 0 });
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

// An audit entry's details as labelled lines ("Empfängerinnen und Empfänger: 12"),
// not raw JSON. Keys without a label (older entries) show as written.
// Usable from server and client components.
import { useTranslations } from "next-intl";
import { auditActionLabelKey } from "@/lib/audit/actions";

type AuditTranslator = ReturnType<typeof useTranslations<"admin.audit">>;

function keyLabel(t: AuditTranslator, key: string): string {
  const path = `detailKeys.${key}`;
  return t.has(path as "detailKeys.email") ? t(path as "detailKeys.email") : key;
}

function valueText(t: AuditTranslator, key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("values.empty");
  if (typeof value === "boolean") return value ? t("values.yes") : t("values.no");
  if (typeof value === "string" && (value === "ADMIN" || value === "ORGANISER")) return t(`roles.${value}`);
  if (typeof value === "number" || typeof value === "string") return key === "changed" ? keyLabel(t, String(value)) : String(value);
  if (Array.isArray(value)) return value.length === 0 ? t("values.empty") : value.map((entry) => valueText(t, key, entry)).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (Object.keys(record).length === 2 && "from" in record && "to" in record) return `${valueText(t, key, record.from)} → ${valueText(t, key, record.to)}`;
    const entries = Object.entries(record);
    return entries.length === 0 ? t("values.empty") : entries.map(([inner, child]) => `${keyLabel(t, inner)}: ${valueText(t, inner, child)}`).join("; ");
  }
  return String(value);
}

export function AuditDetails({ details }: { details: unknown }) {
  const t = useTranslations("admin.audit");
  const entries = details && typeof details === "object" && !Array.isArray(details) ? Object.entries(details as Record<string, unknown>) : [];
  if (entries.length === 0) return <span className="meta">{t("values.noDetails")}</span>;
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{keyLabel(t, key)}:</dt> <dd>{valueText(t, key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An action's label; the code itself for an action no longer written. */
export function AuditActionLabel({ action }: { action: string }) {
  const t = useTranslations("admin.audit");
  const key = auditActionLabelKey(action);
  return key ? <>{t(key)}</> : <code>{action}</code>;
}

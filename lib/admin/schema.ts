// The administrators' forms: invitations, roles, audit-log filters. Shared by
// forms and server; no server imports. Errors are "organiser.errors" keys.
import { z } from "zod";
import { uuidField } from "../input/uuid";
import { optionalText, storableText } from "../input/text";

export const userRoles = ["ORGANISER", "ADMIN"] as const;
export type UserRole = (typeof userRoles)[number];

export const userEmail = z
  .string({ error: "required" })
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { error: "required" })
      .max(254, { error: "tooLong" })
      .pipe(z.email({ error: "email" })),
  );

export const inviteSchema = z.object({
  email: userEmail,
  name: optionalText(200),
  role: z.enum(userRoles, { error: "required" }),
  workshopIds: z.array(uuidField("invalid")).max(500).default([]),
});
export type InviteInput = z.output<typeof inviteSchema>;

export const roleSchema = z.object({ role: z.enum(userRoles, { error: "required" }) });

export const workshopIdsSchema = z.array(uuidField("invalid")).max(500);

const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** The audit log's filter, from the query string; malformed values are dropped. */
export const auditFilterSchema = z.object({
  actor: z
    .string()
    .optional()
    .transform((value) => storableText(value?.trim().slice(0, 254) ?? ""))
    .catch(""),
  action: z
    .string()
    .regex(/^[a-z0-9.-]{1,100}$/)
    .optional()
    .catch(undefined),
  from: optionalDay,
  to: optionalDay,
  /** Keyset cursors: show the entries older ("vor") or newer ("nach") than this one. */
  before: z.string().max(100).optional().catch(undefined),
  after: z.string().max(100).optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export function readSearchParams(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value || undefined]));
}

// Message catalogues, one JSON file per namespace and locale so that features
// can add their strings without touching each other's files.
import deAdmin from "./messages/de/admin.json";
import deAuth from "./messages/de/auth.json";
import deCalendar from "./messages/de/calendar.json";
import deCertificates from "./messages/de/certificates.json";
import deCommon from "./messages/de/common.json";
import deDashboard from "./messages/de/dashboard.json";
import deEmail from "./messages/de/email.json";
import deErrors from "./messages/de/errors.json";
import deEvaluation from "./messages/de/evaluation.json";
import deExport from "./messages/de/export.json";
import deMailbox from "./messages/de/mailbox.json";
import deManage from "./messages/de/manage.json";
import deOrganiser from "./messages/de/organiser.json";
import dePrivacy from "./messages/de/privacy.json";
import deProgramme from "./messages/de/programme.json";
import deRegistration from "./messages/de/registration.json";
import enAdmin from "./messages/en/admin.json";
import enAuth from "./messages/en/auth.json";
import enCalendar from "./messages/en/calendar.json";
import enCertificates from "./messages/en/certificates.json";
import enCommon from "./messages/en/common.json";
import enDashboard from "./messages/en/dashboard.json";
import enEmail from "./messages/en/email.json";
import enErrors from "./messages/en/errors.json";
import enEvaluation from "./messages/en/evaluation.json";
import enExport from "./messages/en/export.json";
import enMailbox from "./messages/en/mailbox.json";
import enManage from "./messages/en/manage.json";
import enOrganiser from "./messages/en/organiser.json";
import enPrivacy from "./messages/en/privacy.json";
import enProgramme from "./messages/en/programme.json";
import enRegistration from "./messages/en/registration.json";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

const de = {
  admin: deAdmin,
  auth: deAuth,
  calendar: deCalendar,
  certificates: deCertificates,
  common: deCommon,
  dashboard: deDashboard,
  email: deEmail,
  errors: deErrors,
  evaluation: deEvaluation,
  export: deExport,
  mailbox: deMailbox,
  manage: deManage,
  organiser: deOrganiser,
  privacy: dePrivacy,
  programme: deProgramme,
  registration: deRegistration,
};

export type Messages = typeof de;

export const catalogues: Record<Locale, Messages> = {
  de,
  en: {
    admin: enAdmin,
    auth: enAuth,
    calendar: enCalendar,
    certificates: enCertificates,
    common: enCommon,
    dashboard: enDashboard,
    email: enEmail,
    errors: enErrors,
    evaluation: enEvaluation,
    export: enExport,
    mailbox: enMailbox,
    manage: enManage,
    organiser: enOrganiser,
    privacy: enPrivacy,
    programme: enProgramme,
    registration: enRegistration,
  } as Messages,
};

// Links a participant may click to add the session to a web calendar; nothing
// is fetched. Both services take UTC instants, so no time zone parameter is
// needed and the session shows at the right local time for the viewer.

export type CalendarLinkInput = {
  title: string;
  details: string;
  location?: string | null;
  startsAt: Date;
  endsAt: Date;
};

function query(parameters: Array<[string, string | null | undefined]>): string {
  return parameters
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("&");
}

// Google wants the iCalendar basic format: 20250910T120000Z.
function googleInstant(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

// Outlook accepts full ISO 8601; milliseconds add nothing.
function outlookInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function googleCalendarUrl({ title, details, location, startsAt, endsAt }: CalendarLinkInput): string {
  return `https://calendar.google.com/calendar/render?${query([
    ["action", "TEMPLATE"],
    ["text", title],
    ["dates", `${googleInstant(startsAt)}/${googleInstant(endsAt)}`],
    ["details", details],
    ["location", location],
  ])}`;
}

export function outlookCalendarUrl({ title, details, location, startsAt, endsAt }: CalendarLinkInput): string {
  return `https://outlook.office.com/calendar/0/deeplink/compose?${query([
    ["path", "/calendar/action/compose"],
    ["rru", "addevent"],
    ["subject", title],
    ["startdt", outlookInstant(startsAt)],
    ["enddt", outlookInstant(endsAt)],
    ["body", details],
    ["location", location],
  ])}`;
}

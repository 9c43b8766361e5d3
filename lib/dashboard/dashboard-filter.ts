// What the dashboard and the funder report show, read from a query string
// (the dashboard's GET form, the report button's form). The same fields and
// rules as the export's selection, without the status: a report is about all
// registrations. Pure.
import { exportFilterSchema } from "../export/export-filter";

export const dashboardFilterSchema = exportFilterSchema.omit({ status: true });
export type DashboardFilter = ReturnType<typeof dashboardFilterSchema.parse>;

const fields = ["programmeId", "workshopId", "sessionId", "from", "to"] as const;

function single(value: string | string[] | null | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined || first === "" ? undefined : first;
}

/** From a page's searchParams or a form's fields; malformed values are dropped, as in the export. */
export function parseDashboardFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): DashboardFilter {
  const read = (name: string) => single(params instanceof URLSearchParams ? params.get(name) : params[name]);
  return dashboardFilterSchema.parse(Object.fromEntries(fields.map((name) => [name, read(name)])));
}

/** The filter as query parameters, empty ones left out. */
export function dashboardFilterEntries(filter: DashboardFilter): [string, string][] {
  return fields.flatMap((name) => (filter[name] ? [[name, filter[name]] as [string, string]] : []));
}

import "server-only";
import { pino } from "pino";
import { logLevel } from "../env";

// The one logger: one JSON object per line on stdout (systemd's journal or
// any log shipper takes it from there), level from LOG_LEVEL. What goes in
// is chosen by the callers and never includes a name, an address, an email,
// a token or a query string: see loggable-path.ts and the outbox and job loops.

export const logger = pino({
  level: logLevel(),
  // No pid or host name in every line: the journal records both.
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** What the background loops need of a logger; tests pass a recording one. */
export type EventLog = {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
};

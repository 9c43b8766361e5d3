// Logs name messages and rows by id only. An SMTP reply may quote the
// recipient, and a database error may quote a row's values (a unique
// violation names its key: `Key (email)=(a@example.org)`). Pure.

const address = /[^\s<>"'()=,]+@[^\s<>"'()=,]+/g;

/** An error as one line of text for the log, every e-mail address in it replaced, at most 1,000 characters. */
export function describeForLog(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return withoutAddresses(text).slice(0, 1_000);
}

export function withoutAddresses(text: string): string {
  return text.replace(address, "<address>");
}

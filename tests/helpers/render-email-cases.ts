// Prints every email case rendered in both languages as JSON, for the
// Playwright layout test (Playwright's loader cannot import the message
// catalogues' JSON; tsx can).
import { cases } from "./email-cases";

const rendered = cases.flatMap((messageCase) =>
  (["de", "en"] as const).map((locale) => ({ name: messageCase.name, locale, html: messageCase.render(locale).html })),
);
process.stdout.write(JSON.stringify(rendered));

// SQL with many parameters, written with names ($email, $sessionId) instead
// of positions ($7, $3), so that adding one cannot shift the others. The one
// place that turns names into PostgreSQL's $1, $2, … Pure.

const placeholder = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const compiled = new Map<string, { text: string; names: string[] }>();

function compile(text: string): { text: string; names: string[] } {
  let entry = compiled.get(text);
  if (!entry) {
    const names: string[] = [];
    const numbered = text.replace(placeholder, (_match, name: string) => {
      if (!names.includes(name)) names.push(name);
      return `$${names.indexOf(name) + 1}`;
    });
    entry = { text: numbered, names };
    // The statements are fixed texts: the map holds a handful of entries.
    compiled.set(text, entry);
  }
  return entry;
}

/**
 * `text` with `$name` placeholders and the values by name, as the numbered
 * text and value list node-postgres takes. A name without a value, or a value
 * the text never uses, is a bug and throws.
 */
export function namedParameters(text: string, values: Record<string, unknown>): { text: string; values: unknown[] } {
  const { text: numbered, names } = compile(text);
  const missing = names.filter((name) => !Object.hasOwn(values, name));
  const unused = Object.keys(values).filter((name) => !names.includes(name));
  if (missing.length > 0 || unused.length > 0) {
    throw new Error(`SQL parameters do not match: missing ${missing.join(", ") || "none"}; unused ${unused.join(", ") || "none"}`);
  }
  return { text: numbered, values: names.map((name) => values[name]) };
}

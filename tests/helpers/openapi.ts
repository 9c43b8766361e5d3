import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

// Checks real responses against docs/api/openapi.yaml, the document API
// clients build on: status documented, JSON content type, declared headers
// present and of their type, body valid against the response schema. The
// schemas are compiled from the document itself, so the document and the
// server cannot drift apart unnoticed.

type Json = Record<string, unknown>;

const documentUrl = new URL("../../docs/api/openapi.yaml", import.meta.url);
const document = parse(readFileSync(documentUrl, "utf8")) as Json;
const DOCUMENT_ID = "https://komma-anmeldung.invalid/openapi.yaml";

// OpenAPI 3.1 schemas are JSON Schema 2020-12. Strict mode is off because the
// document carries OpenAPI's own keywords (example) next to the schemas.
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;
addFormats(ajv);
ajv.addSchema({ ...document, $id: DOCUMENT_ID });

function pointer(segments: string[]): string {
  return "#/" + segments.map((segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
}

function at(pointerText: string): unknown {
  return pointerText
    .slice(2)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, segment) => (node as Json | undefined)?.[segment], document);
}

/** A response object and where it lives, following a `$ref` to components/responses. */
function responseAt(path: string, method: string, status: number): { where: string; response: Json } {
  let where = pointer(["paths", path, method.toLowerCase(), "responses", String(status)]);
  let response = at(where) as Json | undefined;
  if (!response) throw new Error(`docs/api/openapi.yaml documents no ${status} for ${method} ${path}`);
  if (typeof response.$ref === "string") {
    where = response.$ref;
    response = at(where) as Json;
  }
  return { where, response };
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(schemaPointer: string): ValidateFunction {
  let validate = validators.get(schemaPointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}${schemaPointer}` });
    validators.set(schemaPointer, validate);
  }
  return validate;
}

function check(value: unknown, schemaPointer: string, what: string): void {
  const validate = validatorFor(schemaPointer);
  if (!validate(value)) {
    throw new Error(
      `${what} does not match docs/api/openapi.yaml (${schemaPointer}):\n${ajv.errorsText(validate.errors, { separator: "\n" })}\n${JSON.stringify(value, null, 2)}`,
    );
  }
}

/**
 * Asserts that a response of `method path` (the document's path template,
 * e.g. "/sessions/{id}") is one the document describes, and returns its
 * parsed JSON body. The response body is consumed.
 */
export async function expectDocumentedResponse(method: "GET" | "POST", path: string, response: Response): Promise<unknown> {
  const { where, response: documented } = responseAt(path, method, response.status);
  const what = `${method} ${path} → ${response.status}`;

  for (const [name, header] of Object.entries((documented.headers ?? {}) as Record<string, Json>)) {
    const headerPointer = typeof header.$ref === "string" ? header.$ref : `${where}/headers/${name.replaceAll("/", "~1")}`;
    const declared = at(headerPointer) as Json;
    const value = response.headers.get(name);
    if (value === null) {
      if (declared.required) throw new Error(`${what} lacks the header ${name} that docs/api/openapi.yaml requires`);
      continue;
    }
    const type = (declared.schema as Json | undefined)?.type;
    // Header values are text; an integer header must be digits only.
    if (type === "integer" && !/^\d+$/.test(value)) throw new Error(`${what}: header ${name} is "${value}", not an integer`);
    check(type === "integer" ? Number(value) : value, `${headerPointer}/schema`, `${what} header ${name}`);
  }

  const content = documented.content as Record<string, unknown> | undefined;
  if (!content) return undefined;
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!(mediaType in content)) throw new Error(`${what} has content type "${mediaType}", the document says ${Object.keys(content).join(", ")}`);
  const body: unknown = await response.json();
  check(body, `${where}/content/${mediaType.replaceAll("/", "~1")}/schema`, `${what} body`);
  return body;
}

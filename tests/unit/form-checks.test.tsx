// @vitest-environment jsdom
// The registration form's inline checks (public/form-checks.js) on the form as
// the server renders it: they must say what the server's schema says, show
// each error where the server would, and never let a form with errors go.
import { readFileSync } from "node:fs";
import { fireEvent } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { RegistrationForm, type FormQuestionView } from "@/components/registration-form";
import common from "@/lib/i18n/messages/de/common.json";
import registration from "@/lib/i18n/messages/de/registration.json";
import { fieldErrors, registrationFormValues, registrationSchema } from "@/lib/registrations/schema";

const questions: FormQuestionView[] = [
  { id: "q-topics", type: "MULTIPLE_CHOICE", required: true, label: "Themen", options: ["a", "b"].map((value) => ({ value, label: value.toUpperCase() })) },
  { id: "q-kind", type: "SINGLE_CHOICE", required: false, label: "Art", options: [{ value: "x", label: "X" }] },
  { id: "q-note", type: "LONG_TEXT", required: true, label: "Anmerkung", options: [] },
  { id: "q-photo", type: "CHECKBOX", required: true, label: "Fotos erlaubt", options: [] },
];

afterEach(() => {
  document.body.innerHTML = "";
});

beforeAll(() => {
  // The script as the browser gets it: a plain file, run once per page.
  new Function(readFileSync("public/form-checks.js", "utf8"))();
});

/** The form as the server sends it: HTML without React in the browser (the page is a document). */
function renderForm() {
  document.body.innerHTML = renderToStaticMarkup(
    <NextIntlClientProvider locale="de" messages={{ common, registration }}>
      <RegistrationForm
        action={async (state) => state}
        sessionId="0b9f6f7e-2a4c-4d7e-9d6a-1c2b3a4d5e6f"
        locale="de"
        privacyNotice={{ version: 1, text: "Hinweise" }}
        questions={questions}
        waitlist={false}
      />
    </NextIntlClientProvider>,
  );
  return document.querySelector("form")!;
}

function fill(form: HTMLFormElement, values: Record<string, string | boolean | string[]>) {
  for (const [name, value] of Object.entries(values)) {
    const controls = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`)];
    for (const control of controls) {
      if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) {
        control.checked = Array.isArray(value) ? value.includes(control.value) : value === true || control.value === value;
      } else {
        control.value = String(value);
      }
    }
  }
}

const valid = {
  firstName: "Jürgen",
  lastName: "Çelik-Groß",
  email: " Juergen@Kommune.DE ",
  organisation: "Stadt Beispiel",
  role: "ADMINISTRATION",
  "answers.q-topics": ["b"],
  "answers.q-note": "Gern",
  "answers.q-photo": true,
  consent: true,
};

/** Submits the form as a browser does; whether the script let it go. */
function submit(form: HTMLFormElement): boolean {
  return fireEvent.submit(form);
}

/** What the server's schema says about the form's current values (field → error key). */
function serverErrors(form: HTMLFormElement): Record<string, string> {
  const result = registrationSchema(questions).safeParse(registrationFormValues(new FormData(form), questions));
  return result.success ? {} : fieldErrors(result.error);
}

function shownErrors(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...form.querySelectorAll(".field__error")].map((error) => [error.id.replace(/^field-|-error$/g, ""), error.textContent ?? ""]));
}

const messages = registration.errors;

describe("the registration form's inline checks", () => {
  it.each([
    ["empty", {}],
    ["whitespace for names, a bad address", { ...valid, firstName: "   ", email: "name@kommune" }],
    ["no topic chosen, no consent", { ...valid, "answers.q-topics": [], consent: false }],
    ["an unstorable character", { ...valid, organisation: "Stadt\u0000Beispiel" }],
    ["an over-long text", { ...valid, lastName: "x".repeat(101) }],
  ])("refuse what the server refuses, with its messages (%s)", (_case, values) => {
    const form = renderForm();
    fill(form, values);
    const expected = serverErrors(form);
    expect(Object.keys(expected).length).toBeGreaterThan(0);

    expect(submit(form)).toBe(false);
    const shown = shownErrors(form);
    expect(Object.keys(shown).sort()).toEqual(
      Object.keys(expected)
        .map((name) => name.replace(/\./g, "-"))
        .sort(),
    );
    for (const [name, key] of Object.entries(expected)) expect(shown[name.replace(/\./g, "-")]).toBe(messages[key as keyof typeof messages]);

    const summary = form.querySelector<HTMLElement>(".error-summary")!;
    expect(document.activeElement).toBe(summary);
    expect(summary.getAttribute("role")).toBe("alert");
    const links = [...summary.querySelectorAll("a")].map((link) => [link.getAttribute("href"), link.textContent]);
    expect(links).toHaveLength(Object.keys(expected).length);
    if (expected.firstName) expect(links).toContainEqual(["#field-firstName", `Vorname: ${messages.required}`]);
    if (expected.consent) expect(links).toContainEqual(["#field-consent", `${registration.fields.consentShort}: ${messages.consentRequired}`]);
  });

  it("let a form go that the server accepts, once, and mark its button as busy", () => {
    const form = renderForm();
    fill(form, valid);
    expect(serverErrors(form)).toEqual({});
    expect(submit(form)).toBe(true);
    expect(form.querySelector(".error-summary")).toBeNull();
    expect(form.querySelector("button[type=submit]")!.getAttribute("aria-disabled")).toBe("true");
    // A second click while the first is under way sends nothing.
    expect(submit(form)).toBe(false);
    window.dispatchEvent(new Event("pageshow"));
    expect(submit(form)).toBe(true);
  });

  it("show a field's error where the server renders it when the field is left, tied to it, and take it away when it is mended", () => {
    const form = renderForm();
    const email = form.querySelector<HTMLInputElement>("#field-email")!;
    email.value = "kein-at-zeichen";
    fireEvent.focusOut(email);
    const error = document.getElementById("field-email-error")!;
    expect(error.textContent).toBe(messages.email);
    expect(error.nextElementSibling).toBe(email);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.getAttribute("aria-describedby")).toBe("field-email-hint field-email-error");
    expect(email.closest(".field")!.classList).toContain("field--error");
    // Other fields, not yet visited, say nothing.
    expect(shownErrors(form)).toEqual({ email: messages.email });

    email.value = "name@kommune.de";
    fireEvent.focusOut(email);
    expect(document.getElementById("field-email-error")).toBeNull();
    expect(email.hasAttribute("aria-invalid")).toBe(false);
    expect(email.getAttribute("aria-describedby")).toBe("field-email-hint");
    expect(email.closest(".field")!.classList).not.toContain("field--error");
  });

  it("check a group of choices when it is left as a whole, not between its options, and a tick at once", () => {
    const form = renderForm();
    const [first, second] = form.querySelectorAll<HTMLInputElement>('[name="answers.q-topics"]');
    fireEvent.focusOut(first!, { relatedTarget: second });
    expect(document.getElementById("field-answers-q-topics-error")).toBeNull();
    fireEvent.focusOut(second!, { relatedTarget: form.querySelector("#field-answers-q-note") });
    const error = document.getElementById("field-answers-q-topics-error")!;
    expect(error.textContent).toBe(messages.choiceRequired);
    expect(error.previousElementSibling!.tagName).toBe("LEGEND");

    const consent = form.querySelector<HTMLInputElement>("#field-consent")!;
    consent.checked = true;
    fireEvent.change(consent);
    consent.checked = false;
    fireEvent.change(consent);
    expect(document.getElementById("field-consent-error")!.textContent).toBe(messages.consentRequired);
  });
});

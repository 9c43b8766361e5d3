// @ts-check
// Inline checks for the forms marked `data-checks` (the registration form,
// the manage page's corrections). Those pages go out without Next.js's client
// runtime (docs/decisions/0039), so this is a plain script of its own: a
// field's error shows when it is left, and a form with errors is not sent but
// gets the error summary, focused, as the server would answer it. The rules
// and messages come with the form (lib/registrations/form-checks.ts); the
// server checks everything again, and without this script the form works the
// same, one round trip later. The markup it writes is the one
// components/form-fields.tsx renders.
(function () {
  "use strict";

  /**
   * @typedef {{ name: string, label: string, kind: "text" | "email" | "choice" | "check", required?: boolean, max?: number, missing?: string }} FieldCheck
   * @typedef {{ title: string, messages: Record<string, string>, email: string, unstorable: string, fields: FieldCheck[] }} FormChecks
   * @typedef {{ checks: FormChecks, email: RegExp, unstorable: RegExp }} FormRules
   */

  /** @type {WeakMap<HTMLFormElement, FormRules>} */
  const rulesByForm = new WeakMap();

  /** @param {EventTarget | null} target @returns {HTMLFormElement | null} */
  function checkedForm(target) {
    if (!(target instanceof Element)) return null;
    const form = target instanceof HTMLFormElement ? target : target.closest("form");
    return form && form.hasAttribute("data-checks") ? form : null;
  }

  /** @param {HTMLFormElement} form @returns {FormRules} */
  function rulesOf(form) {
    let rules = rulesByForm.get(form);
    if (!rules) {
      /** @type {FormChecks} */
      const checks = JSON.parse(form.getAttribute("data-checks") || "{}");
      rules = { checks, email: new RegExp(checks.email), unstorable: new RegExp(checks.unstorable) };
      rulesByForm.set(form, rules);
    }
    return rules;
  }

  /** The id components/form-fields.tsx gives a field's control. @param {string} name */
  function fieldId(name) {
    return "field-" + name.replace(/[^A-Za-z0-9_-]/g, "-");
  }

  /**
   * The field's error key, or "" when it passes: the schema's rules
   * (lib/registrations/schema.ts) on the values the form would send.
   * @param {FormRules} rules @param {FormData} data @param {FieldCheck} field
   */
  function errorOf(rules, data, field) {
    if (field.kind === "choice") {
      const chosen = data.getAll(field.name).filter((value) => value !== "");
      return field.required && chosen.length === 0 ? field.missing || "choiceRequired" : "";
    }
    if (field.kind === "check") return field.required && !data.has(field.name) ? field.missing || "required" : "";
    const value = String(data.get(field.name) ?? "");
    if (field.kind === "text" && rules.unstorable.test(value)) return "invalidCharacters";
    const text = field.kind === "email" ? value.trim().toLowerCase() : value.trim();
    if (text === "") return field.required ? field.missing || "required" : "";
    if (field.max !== undefined && text.length > field.max) return "tooLong";
    if (field.kind === "email" && !rules.email.test(text)) return "email";
    return "";
  }

  /** Shows or clears one field's error where the server would render it. @param {string} name @param {string} message */
  function showError(name, message) {
    const control = document.getElementById(fieldId(name));
    const wrapper = control && control.closest(".field");
    if (!control || !wrapper) return;
    const errorId = fieldId(name) + "-error";
    let error = document.getElementById(errorId);
    if (message) {
      if (!error) {
        error = document.createElement("p");
        error.id = errorId;
        error.className = "field__error";
        const legend = control.tagName === "FIELDSET" ? control.querySelector(":scope > legend") : null;
        if (legend) legend.after(error);
        else if (control instanceof HTMLInputElement && control.type === "checkbox") wrapper.prepend(error);
        else control.before(error);
      }
      error.textContent = message;
    } else if (error) {
      error.remove();
    }
    wrapper.classList.toggle("field--error", Boolean(message));
    const hintId = fieldId(name) + "-hint";
    const described = [document.getElementById(hintId) ? hintId : "", message ? errorId : ""].filter(Boolean).join(" ");
    if (described) control.setAttribute("aria-describedby", described);
    else control.removeAttribute("aria-describedby");
    if (control.tagName !== "FIELDSET") {
      if (message) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }

  /** The summary of all errors at the top of the form, with a link to each field; focused. @param {HTMLFormElement} form @param {FormRules} rules @param {[FieldCheck, string][]} errors */
  function showSummary(form, rules, errors) {
    let summary = form.querySelector(".error-summary");
    if (!summary) {
      summary = document.createElement("div");
      summary.className = "error-summary";
      summary.setAttribute("role", "alert");
      summary.setAttribute("aria-labelledby", "error-summary-title");
      summary.setAttribute("tabindex", "-1");
      const heading = document.createElement("h2");
      heading.id = "error-summary-title";
      summary.append(heading, document.createElement("ul"));
      const hint = form.querySelector(":scope > .meta");
      if (hint) hint.before(summary);
      else form.prepend(summary);
    }
    const heading = summary.querySelector("h2");
    const list = summary.querySelector("ul");
    if (heading) heading.textContent = rules.checks.title;
    if (list) {
      list.replaceChildren(
        ...errors.map(([field, key]) => {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = "#" + fieldId(field.name);
          link.textContent = field.label + ": " + (rules.checks.messages[key] || key);
          item.append(link);
          return item;
        }),
      );
    }
    if (summary instanceof HTMLElement) summary.focus();
  }

  /** Checks one field (the one just left or changed). @param {HTMLFormElement} form @param {string} name */
  function checkField(form, name) {
    const rules = rulesOf(form);
    const field = rules.checks.fields.find((candidate) => candidate.name === name);
    if (!field) return;
    const key = errorOf(rules, new FormData(form), field);
    showError(field.name, key ? rules.checks.messages[key] || key : "");
  }

  document.addEventListener("focusout", (event) => {
    const form = checkedForm(event.target);
    const control = event.target;
    if (!form || !(control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement)) return;
    // Moving between the options of one group is not leaving it.
    const group = control.closest("fieldset.choice-group");
    if (group && event.relatedTarget instanceof Node && group.contains(event.relatedTarget)) return;
    checkField(form, control.name);
  });

  document.addEventListener("change", (event) => {
    const form = checkedForm(event.target);
    const control = event.target;
    if (!form || !(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) return;
    // A tick or a choice is an answer at once; a text is checked when it is left.
    if (control instanceof HTMLSelectElement || control.type === "checkbox" || control.type === "radio") checkField(form, control.name);
  });

  // In the capture phase, before any other listener, so that a form with
  // errors is never sent (also where the page has its client runtime).
  window.addEventListener(
    "submit",
    (event) => {
      const form = checkedForm(event.target);
      if (!form) return;
      if (form.hasAttribute("data-sending")) {
        // Sent already: a second click must not send it twice.
        event.preventDefault();
        return;
      }
      const rules = rulesOf(form);
      const data = new FormData(form);
      /** @type {[FieldCheck, string][]} */
      const errors = [];
      for (const field of rules.checks.fields) {
        const key = errorOf(rules, data, field);
        showError(field.name, key ? rules.checks.messages[key] || key : "");
        if (key) errors.push([field, key]);
      }
      if (errors.length > 0) {
        event.preventDefault();
        event.stopImmediatePropagation();
        showSummary(form, rules, errors);
        return;
      }
      form.setAttribute("data-sending", "");
      for (const button of form.querySelectorAll("button[type=submit]")) button.setAttribute("aria-disabled", "true");
    },
    true,
  );

  // Back to a page from the back/forward cache: its forms may be sent again.
  window.addEventListener("pageshow", () => {
    for (const form of document.querySelectorAll("form[data-sending]")) {
      form.removeAttribute("data-sending");
      for (const button of form.querySelectorAll("button[type=submit]")) button.removeAttribute("aria-disabled");
    }
  });
})();

// The workshop's own questions as form fields: used by the registration form
// and by the correction form on the manage page, so both look and read alike.
import { CheckboxField, ChoiceGroup, TextField } from "./form-fields";
import { LIMITS, type FormQuestion } from "@/lib/registrations/schema";

export type FormQuestionView = FormQuestion & { label: string; options: { value: string; label: string }[] };

export type AnswerValues = Record<string, string | string[] | boolean | undefined>;

type Props = {
  questions: FormQuestionView[];
  answers?: AnswerValues;
  /** Messages by field name ("answers.<id>"). */
  errors: Record<string, string | undefined>;
  /** "(optional)" in the page's language. */
  optionalMark: string;
};

/** A question nobody has to answer says so, unless its label already does. */
export function questionLabel(question: { label: string; required: boolean }, optionalMark: string): string {
  return question.required || question.label.trimEnd().endsWith(optionalMark) ? question.label : `${question.label} ${optionalMark}`;
}

export function QuestionFields({ questions, answers, errors, optionalMark }: Props) {
  return questions.map((question) => {
    const name = `answers.${question.id}`;
    const previous = answers?.[question.id];
    const error = errors[name];
    const label = questionLabel(question, optionalMark);
    if (question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE") {
      return (
        <ChoiceGroup
          key={question.id}
          name={name}
          legend={label}
          options={question.options}
          multiple={question.type === "MULTIPLE_CHOICE"}
          required={question.required}
          error={error}
          defaultValue={previous as string | string[] | undefined}
        />
      );
    }
    if (question.type === "CHECKBOX") {
      return <CheckboxField key={question.id} name={name} label={label} required={question.required} error={error} defaultChecked={previous === true} />;
    }
    return (
      <TextField
        key={question.id}
        name={name}
        label={label}
        required={question.required}
        multiline={question.type === "LONG_TEXT"}
        maxLength={question.type === "LONG_TEXT" ? LIMITS.longText : LIMITS.text}
        defaultValue={previous as string | undefined}
        error={error}
      />
    );
  });
}

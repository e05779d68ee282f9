// Form controls of the public pages, accessible without script: each control has its <label>, groups of radio
// buttons a <fieldset> with a <legend>, and a hint or an error is tied to its control by aria-describedby.
// Control ids are `f-<name>`, hints `h-<name>`, errors `e-<name>`: the error summary links to `#f-<name>`.
import type { ComponentChildren } from 'preact';

/** The messages of one field (several for attachments), or none. */
export type Messages = readonly string[] | undefined;

interface Common {
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: Messages;
  required?: boolean;
}

export const controlId = (name: string) => `f-${name}`;

function describedBy(name: string, hint: string | undefined, errors: Messages): string | undefined {
  const ids = [hint ? `h-${name}` : '', errors?.length ? `e-${name}` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Label({ name, label, required }: Common) {
  return (
    <label for={controlId(name)}>
      {label}
      <span class={required ? 'req' : 'opt'}>{required ? '（必填）' : '（选填）'}</span>
    </label>
  );
}

function HintAndErrors({ name, hint, errors }: Common) {
  return (
    <>
      {hint ? (
        <p class="field__hint" id={`h-${name}`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p class="field__error" id={`e-${name}`}>
          {errors.map((m, i) => (
            <>
              {i > 0 ? <br /> : null}
              <span class="visually-hidden">错误：</span>
              {m}
            </>
          ))}
        </p>
      ) : null}
    </>
  );
}

const fieldClass = (errors: Messages) => (errors?.length ? 'field field--error' : 'field');

export function TextField(
  props: Common & { value?: string | undefined; type?: 'text' | 'tel' | 'email'; autocomplete?: string; maxlength: number; inputmode?: string },
) {
  const { name, errors, hint } = props;
  return (
    <div class={fieldClass(errors)}>
      <Label {...props} />
      <HintAndErrors {...props} />
      <input
        id={controlId(name)}
        name={name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        aria-describedby={describedBy(name, hint, errors)}
        aria-invalid={errors?.length ? 'true' : undefined}
      />
    </div>
  );
}

export function TextArea(props: Common & { value?: string | undefined; maxlength: number; rows: number; note?: ComponentChildren; noteId?: string }) {
  const { name, errors, hint } = props;
  const described = [props.noteId, describedBy(name, hint, errors)].filter(Boolean).join(' ') || undefined;
  return (
    <div class={fieldClass(errors)}>
      <Label {...props} />
      <HintAndErrors {...props} />
      <textarea
        id={controlId(name)}
        name={name}
        rows={props.rows}
        maxlength={props.maxlength}
        aria-describedby={described}
        aria-invalid={errors?.length ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export function SelectField(props: Common & { value?: string | undefined; options: readonly (readonly [string, string])[]; placeholder?: string }) {
  const { name, errors, hint, value } = props;
  return (
    <div class={fieldClass(errors)}>
      <Label {...props} />
      <HintAndErrors {...props} />
      <select
        id={controlId(name)}
        name={name}
        aria-describedby={describedBy(name, hint, errors)}
        aria-invalid={errors?.length ? 'true' : undefined}
      >
        {props.placeholder !== undefined ? (
          <option value="" selected={!value}>
            {props.placeholder}
          </option>
        ) : null}
        {props.options.map(([v, label]) => (
          <option value={v} selected={v === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radio buttons in a fieldset; the first button carries the group's id (the error summary links to it). */
export function RadioGroup(props: Common & { value?: string | undefined; options: readonly (readonly [string, string])[]; inline?: boolean }) {
  const { name, errors, hint, value } = props;
  return (
    <fieldset class={`${fieldClass(errors)} radios${props.inline ? ' radios--inline' : ''}`} aria-describedby={describedBy(name, hint, errors)}>
      <legend>
        {props.label}
        <span class={props.required ? 'req' : 'opt'}>{props.required ? '（必填）' : '（选填）'}</span>
      </legend>
      <HintAndErrors {...props} />
      {props.options.map(([v, label], i) => (
        <label class="radio" for={i === 0 ? controlId(name) : `${controlId(name)}-${v}`}>
          <input type="radio" id={i === 0 ? controlId(name) : `${controlId(name)}-${v}`} name={name} value={v} checked={v === value} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The list of problems at the top of a form, each linked to its field (or plain text when it has none). */
export function ErrorSummary({ errors }: { errors: readonly { field: string | null; message: string; linked: boolean }[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} id="error-summary">
      <h2 id="error-summary-title">提交未成功，请修改以下 {errors.length} 处</h2>
      <ul>
        {errors.map((e) => (
          <li>{e.linked && e.field ? <a href={`#${controlId(e.field)}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}

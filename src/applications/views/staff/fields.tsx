// A workbench form field's label (with 必填 when required) and its hint; the control points at the hint with
// aria-describedby={hintIdOf(id, hint)}.
export function FieldLabel({ id, label, required, hint }: { id: string; label: string; required?: boolean | undefined; hint?: string | undefined }) {
  return (
    <>
      <label for={id}>
        {label}
        {required ? <span class="required">（必填）</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </>
  );
}

export const hintIdOf = (id: string, hint: string | undefined): string | undefined => (hint ? `${id}-hint` : undefined);

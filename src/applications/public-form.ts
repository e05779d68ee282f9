// The public application form (GET/POST /apply) as data: the names of its fields, and the check of what was
// entered against newApplicationSchema (input.ts), every problem with the form field it belongs to, so the page
// can list them all and point at each. The form shows both applicant fieldsets at once (no script), so the two
// names are separate fields (personName, orgName); the chosen kind decides which one is the applicant's name. Pure.
import { crossFieldIssues, newApplicationSchema, type NewApplication } from './input.ts';

/** Every field of the form, in the order the page shows them (the error summary follows it). */
export const FORM_FIELDS = [
  'agencyId',
  'applicantKind',
  'personName',
  'idType',
  'idNumber',
  'orgName',
  'organisationKind',
  'creditCode',
  'legalRep',
  'contactName',
  'phone',
  'email',
  'address',
  'postcode',
  'description',
  'purpose',
  'provision',
  'pickup',
  'attachments',
  'idempotencyKey',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What was typed, by field name (text only; files come separately). */
export type FormValues = Partial<Record<FormField, string>>;

export interface FieldError {
  /** The field at fault; null for a problem of the whole submission. */
  field: FormField | null;
  message: string;
}

export function isFormField(name: string): name is FormField {
  return (FORM_FIELDS as readonly string[]).includes(name);
}

const PERSON_FIELDS = ['idType', 'idNumber'] as const;
const ORGANISATION_FIELDS = ['organisationKind', 'creditCode', 'legalRep', 'contactName'] as const;
const COMMON_FIELDS = ['phone', 'email', 'address', 'postcode', 'description', 'purpose', 'provision', 'pickup'] as const;

/** The object newApplicationSchema reads, from the form's fields. */
function candidateOf(values: FormValues): Record<string, unknown> {
  const kind = values.applicantKind;
  const pick = (names: readonly FormField[]) => Object.fromEntries(names.map((n) => [n, values[n] ?? '']));
  const key = values.idempotencyKey ? { idempotencyKey: values.idempotencyKey } : {};
  if (kind === 'person') return { applicantKind: kind, name: values.personName ?? '', ...pick(PERSON_FIELDS), ...pick(COMMON_FIELDS), ...key };
  if (kind === 'organisation') {
    return { applicantKind: kind, name: values.orgName ?? '', ...pick(ORGANISATION_FIELDS), ...pick(COMMON_FIELDS), ...key };
  }
  return { applicantKind: kind };
}

/** The form field a schema issue path names. */
function fieldOf(path: readonly PropertyKey[], kind: string | undefined): FormField | null {
  const first = path[0];
  if (first === undefined) return 'applicantKind';
  if (first === 'name') return kind === 'organisation' ? 'orgName' : 'personName';
  return typeof first === 'string' && isFormField(first) ? first : null;
}

/**
 * The schema's refinements across fields (identity number by its document type, the address a posted reply
 * needs, the e-mail an e-mailed one needs) run only once every field parsed; when others failed they are run
 * here, so that the applicant sees every problem at once rather than one more after each correction.
 */
function crossFieldErrors(values: FormValues, found: readonly FieldError[]): FieldError[] {
  const has = (field: FormField) => found.some((e) => e.field === field);
  return crossFieldIssues(values).filter((i) => !has(i.field) && !(i.field === 'idNumber' && has('idType')));
}

const order = (e: FieldError) => (e.field === null ? -1 : FORM_FIELDS.indexOf(e.field));

/** Problems in the order of the form (those of the whole submission first). */
export function sortErrors(errors: readonly FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => order(a) - order(b));
}

/** The application the form describes, or every problem with it (in form order, one per field and message). */
export function checkApplication(values: FormValues): { ok: true; input: NewApplication } | { ok: false; errors: FieldError[] } {
  const result = newApplicationSchema.safeParse(candidateOf(values));
  if (result.success) return { ok: true, input: result.data };
  const errors: FieldError[] = result.error.issues.map((issue) => ({ field: fieldOf(issue.path, values.applicantKind), message: issue.message }));
  errors.push(...crossFieldErrors(values, errors));
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.field}|${e.message}`;
    return !seen.has(key) && seen.add(key);
  });
  return { ok: false, errors: sortErrors(unique) };
}

// Kinds of applicant (条例2019 art. 27) as table 三 of the annual report counts them, and the identity documents
// a natural person may show (art. 29 ¶2 (1)), from applicants.json.
import applicantsFile from './applicants.json' with { type: 'json' };
import type { IsoDate } from '../calendar/dates.ts';
import { checkIdCardNumber } from './identity.ts';
import type { Checked } from './model.ts';

export type ApplicantKind = keyof typeof applicantsFile.kinds;
export type OrganisationKind = keyof typeof applicantsFile.organisationKinds;
export type PersonDocumentType = keyof typeof applicantsFile.personDocuments;

/** What table 三 needs to know about an applicant: a person, or an organisation of one of five kinds. */
export type ApplicantCategory = { kind: 'person' } | { kind: 'organisation'; organisationKind: OrganisationKind };

export interface Labelled<Id extends string> {
  id: Id;
  label: string;
}

export interface PersonDocument extends Labelled<PersonDocumentType> {
  /** 'gb11643': the number is checked as a resident identity card number; null: free text. */
  numberRule: 'gb11643' | null;
}

const kindData = applicantsFile.kinds as Readonly<Record<ApplicantKind, { label: string; t3Column: string | null }>>;
const organisationData = applicantsFile.organisationKinds as Readonly<Record<OrganisationKind, { label: string; t3Column: string }>>;
const documentData = applicantsFile.personDocuments as Readonly<Record<PersonDocumentType, Omit<PersonDocument, 'id'>>>;

const list = <Id extends string, T>(table: Readonly<Record<Id, T>>): (T & { id: Id })[] =>
  (Object.keys(table) as Id[]).map((id) => ({ id, ...table[id] }));

export const applicantKinds: readonly Labelled<ApplicantKind>[] = list(kindData).map(({ id, label }) => ({ id, label }));
export const organisationKinds: readonly Labelled<OrganisationKind>[] = list(organisationData).map(({ id, label }) => ({ id, label }));
export const personDocuments: readonly PersonDocument[] = list(documentData);

export function isApplicantKind(value: unknown): value is ApplicantKind {
  return typeof value === 'string' && Object.hasOwn(kindData, value);
}

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && Object.hasOwn(organisationData, value);
}

export function isPersonDocumentType(value: unknown): value is PersonDocumentType {
  return typeof value === 'string' && Object.hasOwn(documentData, value);
}

/** 自然人, or 法人或其他组织（商业企业）. */
export function applicantLabel(applicant: ApplicantCategory): string {
  if (applicant.kind === 'person') return kindData.person.label;
  return `${kindData.organisation.label}（${organisationData[applicant.organisationKind].label}）`;
}

/** The column of table 三 (fmt2019 and fmt2021 alike) the applicant counts in. */
export function t3ColumnOf(applicant: ApplicantCategory): string {
  if (applicant.kind === 'person') return kindData.person.t3Column!;
  return organisationData[applicant.organisationKind].t3Column;
}

const MAX_DOCUMENT_NUMBER = 50;

/** A document number: an identity card number by GB 11643; any other document's number as written, trimmed. */
export function checkDocumentNumber(type: PersonDocumentType, number: string, today?: IsoDate): Checked<string> {
  if (documentData[type].numberRule === 'gb11643') {
    const r = checkIdCardNumber(number, today);
    return r.ok ? { ok: true, value: r.value } : r;
  }
  const v = number.normalize('NFKC').trim();
  if (v === '') return { ok: false, message: `请填写证件号码（${documentData[type].label}）` };
  if (v.length > MAX_DOCUMENT_NUMBER) return { ok: false, message: `证件号码过长：最多 ${MAX_DOCUMENT_NUMBER} 个字符` };
  return { ok: true, value: v };
}

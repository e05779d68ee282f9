// What a new application must say, as one zod schema shared by the public form, the staff registration and the
// API: the applicant (自然人 with an identity document, or 法人或其他组织 with its 统一社会信用代码), contact details,
// the information sought and the form of provision. Identity numbers, credit codes, phones and postcodes are
// checked by src/law/identity.ts; every message is Chinese and names the field. Pure.
import { z } from 'zod';
import { checkDocumentNumber, isOrganisationKind, isPersonDocumentType, organisationKinds, personDocuments } from '../law/applicants.ts';
import { checkCreditCode, checkPhone, checkPostcode } from '../law/identity.ts';
import form from './form.json' with { type: 'json' };

export const provisions = form.provisions as Readonly<Record<string, string>>;
export const pickups = form.pickups as Readonly<Record<string, string>>;
export const formText = { oneMatterHint: form.oneMatterHint };
export const attachmentRules = form.attachments as { maxBytes: number; maxCount: number; types: Record<string, string> };

const MAX_DESCRIPTION = 2000;

/** A trimmed text field: required unless `optional`, at most `max` characters, no control characters. */
function text(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .refine((s) => s !== '', `请填写${label}`)
    .refine((s) => s.length <= max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${label}含有不可见的控制字符`);
}

function optionalText(label: string, max: number) {
  return z
    .string()
    .optional()
    .transform((s) => (s === undefined ? undefined : s.replace(/\r\n?/g, '\n').trim()))
    .refine((s) => s === undefined || s.length <= max, `${label}不能超过 ${max} 个字`)
    .transform((s) => (s === '' ? undefined : s));
}

function oneOf(label: string, values: Readonly<Record<string, string>>) {
  return z.string({ error: `请选择${label}` }).refine((v) => Object.hasOwn(values, v), `请选择${label}`);
}

const labelsOf = <T extends { id: string; label: string }>(list: readonly T[]) => Object.fromEntries(list.map((x) => [x.id, x.label]));

const common = {
  phone: z.string({ error: '请填写联系电话' }).transform((s, ctx) => {
    const r = checkPhone(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `联系电话：${r.message}` });
    return r.ok ? r.value : s;
  }),
  email: optionalText('电子邮箱', 200).refine((s) => s === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), '电子邮箱格式不正确'),
  address: optionalText('通信地址', 200),
  postcode: optionalText('邮政编码', 10).transform((s, ctx) => {
    if (s === undefined) return undefined;
    const r = checkPostcode(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `邮政编码：${r.message}` });
    return r.ok ? r.value : s;
  }),
  description: text('所需政府信息的名称、文号或便于查询的其他特征性描述', MAX_DESCRIPTION),
  purpose: optionalText('用途说明', 500),
  provision: oneOf('信息的载体形式', provisions),
  pickup: oneOf('获取信息的方式', pickups),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '提交标识格式不正确，请刷新页面后重新提交')
    .optional(),
};

const person = z.object({
  applicantKind: z.literal('person'),
  name: text('申请人姓名', 50),
  idType: z.string({ error: '请选择证件类型' }).refine(isPersonDocumentType, '请选择证件类型'),
  idNumber: z.string({ error: '请填写证件号码' }),
  ...common,
});

const organisation = z.object({
  applicantKind: z.literal('organisation'),
  name: text('法人或其他组织名称', 100),
  organisationKind: z.string({ error: '请选择组织类型' }).refine(isOrganisationKind, '请选择组织类型'),
  creditCode: z.string({ error: '请填写统一社会信用代码' }).transform((s, ctx) => {
    const r = checkCreditCode(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `统一社会信用代码：${r.message}` });
    return r.ok ? r.value : s;
  }),
  legalRep: text('法定代表人或负责人', 50),
  contactName: text('联系人姓名', 50),
  ...common,
});

/** The fields the checks across fields read, as entered. */
export interface CrossFields {
  applicantKind?: string | undefined;
  idType?: string | undefined;
  idNumber?: string | undefined;
  pickup?: string | undefined;
  address?: string | undefined;
  email?: string | undefined;
}

/** The checks across fields: a person's document number by its type, the address a posted reply needs, the e-mail
 *  an e-mailed one needs. The schema runs them once every field parsed; the public form runs them itself when
 *  other fields failed, so an applicant sees every problem at once. */
export function crossFieldIssues(a: CrossFields): { field: 'idNumber' | 'address' | 'email'; message: string }[] {
  const out: { field: 'idNumber' | 'address' | 'email'; message: string }[] = [];
  if (a.applicantKind === 'person' && isPersonDocumentType(a.idType)) {
    const r = checkDocumentNumber(a.idType, a.idNumber ?? '');
    if (!r.ok) out.push({ field: 'idNumber', message: `证件号码：${r.message}` });
  }
  if (a.pickup === 'post' && (a.address ?? '').trim().length < 5) out.push({ field: 'address', message: '选择邮寄的，请填写完整的通信地址' });
  if (a.pickup === 'email' && (a.email ?? '').trim() === '') out.push({ field: 'email', message: '选择电子邮件获取的，请填写电子邮箱' });
  return out;
}

/** A new application as submitted (fields as the form names them). */
export const newApplicationSchema = z
  .discriminatedUnion('applicantKind', [person, organisation], { error: '请选择申请人类型（自然人或法人或其他组织）' })
  .superRefine((a, ctx) => {
    const issues = crossFieldIssues(a);
    for (const { field, message } of issues) ctx.addIssue({ code: 'custom', path: [field], message });
    // The document number as the checks normalise it (full-width digits, spaces, lower-case x).
    if (a.applicantKind === 'person' && issues.every((i) => i.field !== 'idNumber')) {
      const r = checkDocumentNumber(a.idType as never, a.idNumber);
      if (r.ok) a.idNumber = r.value;
    }
  });

export type NewApplication = z.output<typeof newApplicationSchema>;

export const documentLabels: Readonly<Record<string, string>> = labelsOf(personDocuments);
export const organisationLabels: Readonly<Record<string, string>> = labelsOf(organisationKinds);

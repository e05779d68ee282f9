// The REST API's inputs and answers as zod schemas: the routes validate with them and the OpenAPI document
// (src/http/openapi.ts) is generated from the very same objects, so the two cannot drift. A new application
// reuses input.ts (the form's schema); what the API adds is the receiving agency, attachments as base64 (the
// form's limits, type by magic bytes) and a zod schema per action type, shaped exactly as model.ts ActionData.
// Every message is Chinese and names the field; `parseApiInput` turns the first issue into an HttpError.
import { z } from 'zod';
import { channelIds } from '../law/channels.ts';
import { organisationKinds, personDocuments } from '../law/applicants.ts';
import { HttpError } from '../http/errors.ts';
import { attachmentRules, newApplicationSchema, pickups, provisions } from './input.ts';
import { ACTION_LABELS, ACTION_TYPES, CASE_STATES, type Action, type ActionType } from './model.ts';
import type { Attachment } from './store.ts';

// ── parsing ──────────────────────────────────────────────────────────────────────────────────────────────

/** Chinese names of the API's fields, for messages the schemas do not word themselves. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  applicantKind: '申请人类型',
  name: '名称',
  idType: '证件类型',
  idNumber: '证件号码',
  organisationKind: '组织类型',
  creditCode: '统一社会信用代码',
  legalRep: '法定代表人或负责人',
  contactName: '联系人姓名',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需政府信息的描述',
  purpose: '用途说明',
  provision: '信息的载体形式',
  pickup: '获取信息的方式',
  idempotencyKey: '提交标识',
  agencyId: '受理机关',
  attachments: '附件',
  mime: '文件类型',
  contentBase64: '文件内容',
  channel: '申请方式',
  receivedOn: '收到申请之日',
  arrivedOn: '到达日期',
  number: '申请编号',
  queryCode: '查询码',
  type: '操作类型',
  on: '日期',
  data: '操作内容',
  reason: '理由',
  departmentId: '承办部门',
  items: '补正事项',
  periodEnd: '补正期限',
  party: '征求意见对象',
  startSeq: '征求意见的步骤序号',
  replied: '是否收到意见',
  amount: '收费金额',
  basis: '收费计算依据',
  payBy: '缴费期限',
  due: '答复期限',
  replyType: '答复类型',
  subReason: '答复理由',
  legalBasis: '法律依据',
  letterRef: '答复书文号',
  disclosedPart: '公开的部分',
  withheldPart: '不予公开的部分',
  whereToObtain: '获取途径',
  otherAgency: '负责该信息的机关',
  method: '送达方式',
  text: '备注内容',
  state: '状态',
  q: '关键词',
  limit: '每页条数',
  offset: '起始位置',
  reveal: '显示完整个人信息',
  id: '申请',
  seq: '步骤序号',
};

/** The Chinese name of the field at `path` (the 2nd attachment's name → 第 2 个附件的名称). */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (key === undefined) return '请求内容';
  const label = FIELD_LABELS[key] ?? `字段「${key}」`;
  const index = path[1];
  if (path[0] === 'attachments' && typeof index === 'number' && key !== 'attachments') return `第 ${index + 1} 个附件的${label}`;
  return label;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '对象',
  array: '数组',
};

/** The message of an issue whose schema gives none (zod's own are English). */
const fallbackMessage: z.core.$ZodErrorMap = (issue) => {
  const label = fieldLabel(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `请填写${label}` : `${label}应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `${label}含有不支持的字段：${issue.keys.join('、')}`;
    case 'too_big':
      return `${label}超出上限（${String(issue.maximum)}）`;
    case 'too_small':
      return `${label}低于下限（${String(issue.minimum)}）`;
    case 'invalid_value':
      return `${label}应为以下之一：${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return `${label}格式不正确`;
    default:
      return `${label}不正确`;
  }
};

/**
 * Input through an API schema: the value, or an HttpError (422 unless `status` says otherwise) with the first
 * issue's Chinese message and the path of its field (`attachments.0.contentBase64`).
 */
export function parseApiInput<T extends z.ZodType>(schema: T, input: unknown, status = 422): z.output<T> {
  const result = schema.safeParse(input, { error: fallbackMessage });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError(status, issue?.message ?? '请求内容不正确', issue?.path.map(String).join('.') || undefined);
}

// ── building blocks ──────────────────────────────────────────────────────────────────────────────────────

const MAX_TEXT = 2000;

function text(label: string, max = MAX_TEXT) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}应为文字`) })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
}

function isoDate(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}应为 YYYY-MM-DD 格式的日期`) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式的日期`)
    .meta({ format: 'date' });
}

function id(label: string) {
  return z
    .number({ error: `${label}应为正整数编号` })
    .int(`${label}应为正整数编号`)
    .positive(`${label}应为正整数编号`)
    .max(2_147_483_647, `${label}应为正整数编号`);
}

function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label}应为以下之一：${values.join('、')}` });
}

const keysOf = (record: Readonly<Record<string, unknown>>) => Object.keys(record) as [string, ...string[]];

// ── attachments ──────────────────────────────────────────────────────────────────────────────────────────

const ALLOWED_TYPES = Object.keys(attachmentRules.types) as [string, ...string[]];
const TYPE_LABELS = attachmentRules.types;
/** The longest base64 text of a file within the size limit (4 characters per 3 bytes). */
export const MAX_BASE64_LENGTH = Math.ceil(attachmentRules.maxBytes / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file's type by its first bytes: PDF (%PDF- within the first KiB), JPEG (FF D8 FF), PNG (the 8-byte signature). */
export function sniffType(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return 'application/pdf';
  return null;
}

const attachmentSchema = z
  .strictObject({
    name: text('附件文件名', 200).describe('文件名（显示用，路径部分会被去掉）'),
    mime: oneOf('附件的文件类型', ALLOWED_TYPES).describe('声明的文件类型；须与文件内容（按文件头识别）一致'),
    contentBase64: z
      .string({ error: '请提供附件内容（base64 编码）' })
      .max(MAX_BASE64_LENGTH, `附件不能超过 ${attachmentRules.maxBytes / 1024 / 1024} MB`)
      .describe(`文件内容，标准 base64 编码；解码后不超过 ${attachmentRules.maxBytes / 1024 / 1024} MB`),
  })
  .transform((a, ctx): Attachment => {
    const name = a.name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f]/g, '') || '附件';
    const compact = a.contentBase64.replace(/\s+/g, '');
    const fail = (message: string): Attachment => {
      ctx.addIssue({ code: 'custom', path: ['contentBase64'], message });
      return { name, mime: a.mime, content: new Uint8Array() };
    };
    if (compact.length % 4 !== 0 || !BASE64.test(compact)) return fail(`附件「${name}」的内容不是有效的 base64 编码`);
    const content = new Uint8Array(Buffer.from(compact, 'base64'));
    if (content.byteLength === 0) return fail(`附件「${name}」是空文件`);
    if (content.byteLength > attachmentRules.maxBytes) return fail(`附件「${name}」超过 ${attachmentRules.maxBytes / 1024 / 1024} MB`);
    const detected = sniffType(content);
    if (detected === null) return fail(`附件「${name}」不是 ${Object.values(TYPE_LABELS).join('、')} 文件`);
    if (detected !== a.mime) return fail(`附件「${name}」的内容是 ${TYPE_LABELS[detected]} 文件，与声明的类型（${TYPE_LABELS[a.mime]}）不符`);
    return { name, mime: detected, content };
  });

const attachmentsSchema = z
  .array(attachmentSchema, { error: '附件应为数组' })
  .max(attachmentRules.maxCount, `附件不能超过 ${attachmentRules.maxCount} 个`)
  .describe(`附件，最多 ${attachmentRules.maxCount} 个，每个不超过 ${attachmentRules.maxBytes / 1024 / 1024} MB，限 PDF、JPG、PNG`);

/** The largest JSON body of an application: every attachment at its limit, and room for the rest. */
export const APPLICATION_BODY_LIMIT = attachmentRules.maxCount * MAX_BASE64_LENGTH + 256 * 1024;

// ── new applications ─────────────────────────────────────────────────────────────────────────────────────

/** What the API says beside input.ts: the enumerations spelled out for the document (checked again, same rule). */
const applicationExtras = {
  provision: oneOf('信息的载体形式', keysOf(provisions)).describe(Object.entries(provisions).map(([k, v]) => `${k}：${v}`).join('；')),
  pickup: oneOf('获取信息的方式', keysOf(pickups)).describe(Object.entries(pickups).map(([k, v]) => `${k}：${v}`).join('；')),
  idType: oneOf('证件类型', personDocuments.map((d) => d.id) as [string, ...string[]])
    .optional()
    .describe(`自然人的证件类型：${personDocuments.map((d) => `${d.id}：${d.label}`).join('；')}`),
  organisationKind: oneOf('组织类型', organisationKinds.map((d) => d.id) as [string, ...string[]])
    .optional()
    .describe(`法人或其他组织的类型：${organisationKinds.map((d) => `${d.id}：${d.label}`).join('；')}`),
  attachments: attachmentsSchema.optional(),
};

/** POST /applications: an online application (input.ts) to the agency `agencyId`, with attachments. */
export const onlineApplicationSchema = z
  .intersection(
    newApplicationSchema,
    z.object({
      agencyId: id('受理机关').describe('受理申请的机关（人民政府或其部门）的编号'),
      ...applicationExtras,
    }),
  )
  .describe('网上申请：申请人信息、所需信息、载体形式和获取方式（与申请表相同），受理机关，附件');

/** The channels an office registers (everything but the online platform, whose applications arrive by themselves). */
export const REGISTRABLE_CHANNELS = channelIds.filter((c) => c !== 'online') as [string, ...string[]];

/** POST /applications/register: a paper, letter, fax, in-person, oral or e-mail application received by the office. */
export const registrationSchema = z
  .intersection(
    newApplicationSchema,
    z.object({
      channel: oneOf('申请方式', REGISTRABLE_CHANNELS).describe('申请方式（网上申请由申请人自行提交，无需登记）'),
      receivedOn: isoDate('收到申请之日').describe('法定的收到申请之日（条例第三十一条），答复期限从此日起算'),
      arrivedOn: isoDate('到达日期').optional().describe('申请实际到达之日，早于收到申请之日时填写'),
      ...applicationExtras,
    }),
  )
  .describe('登记申请：申请人信息与所需信息（与申请表相同），申请方式，收到申请之日');

export const statusQuerySchema = z.strictObject({
  number: text('申请编号', 40).describe('申请编号，如 2026-000123'),
  queryCode: text('查询码', 40).describe('提交申请时取得的 8 位查询码'),
});

// ── lists and exports ────────────────────────────────────────────────────────────────────────────────────

const filters = {
  state: z
    .string({ error: '状态应为文字' })
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(oneOf('状态', CASE_STATES)))
    .optional()
    .describe(`状态，多个以逗号分隔：${CASE_STATES.join('、')}`),
  due: oneOf('期限筛选', ['overdue', 'soon'] as const).optional().describe('overdue：已超期；soon：5 个工作日内到期'),
  q: z.string({ error: '关键词应为文字' }).max(100, '关键词不能超过 100 个字').optional().describe('申请编号、申请人姓名或所需信息中的文字'),
};

export const listQuerySchema = z.object({
  ...filters,
  limit: z.coerce.number({ error: '每页条数应为 1 至 200 的整数' }).int('每页条数应为 1 至 200 的整数').min(1, '每页条数应为 1 至 200 的整数').max(200, '每页条数应为 1 至 200 的整数').default(50),
  offset: z.coerce.number({ error: '起始位置应为非负整数' }).int('起始位置应为非负整数').min(0, '起始位置应为非负整数').max(1_000_000, '起始位置过大').default(0),
});

/** Export rows at most. */
export const EXPORT_MAX_ROWS = 10_000;

export const exportQuerySchema = z.object({
  ...filters,
  reveal: oneOf('reveal', ['0', '1'] as const)
    .optional()
    .describe('1：对本人经办（可见完整信息）的申请显示完整的证件号码、电话、地址、邮箱；其余行始终脱敏'),
});

export const idParamsSchema = z.object({
  id: z.coerce.number({ error: '未找到该申请' }).int('未找到该申请').positive('未找到该申请').max(2_147_483_647, '未找到该申请').describe('申请的内部编号'),
});

export const letterParamsSchema = z.object({
  id: idParamsSchema.shape.id,
  seq: z.coerce.number({ error: '未找到该文书' }).int('未找到该文书').positive('未找到该文书').max(1_000_000, '未找到该文书').describe('产生该文书的步骤序号（详情中 letters[].seq）'),
});

// ── actions ──────────────────────────────────────────────────────────────────────────────────────────────

const empty = z.strictObject({}).default({});

/** The payload of each action type, as model.ts ActionData. */
const ACTION_DATA = {
  sign: empty,
  assign: z.strictObject({ departmentId: id('承办部门') }),
  return: empty,
  request_correction: z.strictObject({ items: text('补正事项'), periodEnd: isoDate('补正期限') }),
  correction_received: empty,
  correction_lapsed: empty,
  start_consultation: z.strictObject({
    party: oneOf('征求意见对象', ['third_party', 'agency'] as const).describe('third_party：第三方（第三十二条）；agency：其他机关（第三十四条）'),
    name: text('征求意见对象名称', 200).optional(),
  }),
  end_consultation: z.strictObject({
    startSeq: id('征求意见的步骤序号').optional().describe('所结束的“征求意见”步骤的序号；只有一项进行中时可省略'),
    replied: z.boolean({ error: '请说明是否收到意见（true 或 false）' }),
  }),
  fee_notice: z.strictObject({
    amount: z.number({ error: '收费金额应为数字（元）' }).positive('收费金额应大于 0').max(100_000_000, '收费金额过大'),
    basis: text('收费计算依据'),
    payBy: isoDate('缴费期限'),
  }),
  fee_paid: empty,
  fee_lapsed: empty,
  request_extension: empty,
  approve_extension: empty,
  reject_extension: empty,
  custom_deadline: z.strictObject({ due: isoDate('另行确定的答复期限') }),
  reply: z.strictObject({
    replyType: text('答复类型', 100).describe('答复类型编号（如 disclosed、partially_disclosed、withheld.state_secret），见法定分类'),
    subReason: text('答复理由').optional(),
    legalBasis: text('法律依据'),
    letterRef: text('答复书文号', 100).optional(),
    disclosedPart: text('公开的部分').optional(),
    withheldPart: text('不予公开的部分').optional(),
    whereToObtain: text('获取途径').optional(),
    otherAgency: text('负责该信息的机关', 200).optional(),
  }),
  deliver: z.strictObject({ method: text('送达方式', 50).describe('送达方式：direct、entrusted、postal、electronic') }),
  withdraw: empty,
  note: z.strictObject({ text: text('备注内容') }),
} satisfies Record<Exclude<ActionType, 'submit' | 'register'>, z.ZodType>;

/** The action types of POST /applications/:id/actions (submit and register open a case: their own routes). */
export const CASE_ACTION_TYPES = ACTION_TYPES.filter((t): t is keyof typeof ACTION_DATA => t !== 'submit' && t !== 'register');

function actionOf<K extends keyof typeof ACTION_DATA>(type: K) {
  return z
    .strictObject({
      type: z.literal(type),
      on: isoDate('日期').optional().describe('该步骤的法定日期，默认今天'),
      data: ACTION_DATA[type],
      reason: text('理由').optional(),
    })
    .describe(ACTION_LABELS[type]);
}

/** POST /applications/:id/actions: one step on a case, by `type`. */
export const actionSchema = z
  .discriminatedUnion(
    'type',
    [
      actionOf('sign'),
      actionOf('assign'),
      actionOf('return'),
      actionOf('request_correction'),
      actionOf('correction_received'),
      actionOf('correction_lapsed'),
      actionOf('start_consultation'),
      actionOf('end_consultation'),
      actionOf('fee_notice'),
      actionOf('fee_paid'),
      actionOf('fee_lapsed'),
      actionOf('request_extension'),
      actionOf('approve_extension'),
      actionOf('reject_extension'),
      actionOf('custom_deadline'),
      actionOf('reply'),
      actionOf('deliver'),
      actionOf('withdraw'),
      actionOf('note'),
    ],
    { error: (issue) => (issue.code === 'invalid_union' ? `操作类型（type）应为以下之一：${CASE_ACTION_TYPES.join('、')}` : undefined) },
  )
  .describe('办理步骤：type 为操作类型，data 为该类型的内容，on 为日期（默认今天），reason 为理由（退回、延期、另行确定期限等须写明）');

/** The parsed action is a model.ts Action: checked by the compiler, no cast. */
export function toAction(parsed: z.output<typeof actionSchema>): Action {
  return parsed;
}

// ── answers (documented; the tests parse real answers with them) ────────────────────────────────────────

export const errorSchema = z
  .object({
    error: z.object({
      message: z.string().describe('中文错误说明'),
      field: z.string().optional().describe('出错的字段（校验错误时），如 phone、attachments.0.contentBase64'),
    }),
  })
  .describe('错误');

export const createdSchema = z.object({
  number: z.string().describe('申请编号'),
  queryCode: z.string().describe('查询码：凭申请编号和查询码查询办理进度；只在此时给出，请妥善保存'),
  duplicate: z.boolean().describe('true：同一提交标识（idempotencyKey）已提交过，返回的是原申请'),
});

export const registeredSchema = createdSchema.extend({ id: z.number().int().describe('申请的内部编号') });

const nullableDate = z.string().nullable();

export const publicStatusSchema = z.object({
  number: z.string(),
  state: oneOf('状态', CASE_STATES),
  label: z.string().describe('状态的中文名称'),
  receivedOn: nullableDate.describe('收到申请之日（签收前为 null）'),
  dueOn: nullableDate.describe('答复期限'),
  reply: z.string().nullable().describe('答复类型'),
  timeline: z.array(z.object({ on: z.string(), label: z.string(), details: z.array(z.string()) })).describe('申请人可见的办理步骤（机关内部的转办、退回、征求意见、备注不列出）'),
  letters: z.array(z.object({ seq: z.number().int(), on: z.string(), label: z.string() })).describe('已发出的文书'),
});

const departmentSchema = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const listItemSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  state: oneOf('状态', CASE_STATES),
  stateLabel: z.string(),
  applicant: z.string().describe('申请人姓名或名称'),
  applicantKind: z.string(),
  description: z.string(),
  channel: z.string(),
  submittedAt: z.string(),
  receivedOn: nullableDate,
  dueOn: nullableDate,
  department: departmentSchema,
  reply: z.string().nullable(),
  answeredOn: nullableDate,
  deliveredOn: nullableDate,
});

export const listSchema = z.object({
  total: z.number().int().describe('符合条件的申请总数'),
  items: z.array(listItemSchema).describe('本页的申请；列表中从不出现证件号码、电话、地址、邮箱'),
});

export const eventViewSchema = z.object({
  seq: z.number().int(),
  type: oneOf('操作类型', ACTION_TYPES),
  label: z.string(),
  on: z.string(),
  at: z.string(),
  actor: z.object({ role: z.string(), name: z.string().nullable() }),
  data: z.record(z.string(), z.unknown()),
  reason: z.string().optional(),
});

export const applicantSchema = z.object({
  kindLabel: z.string(),
  name: z.string(),
  documentLabel: z.string(),
  documentNumber: z.string(),
  legalRep: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  masked: z.boolean().describe('true：个人信息已脱敏（非本案经办人员）'),
});

export const deadlineSchema = z
  .object({
    regime: z.string(),
    periodWorkingDays: z.number().int(),
    receivedOn: z.string(),
    dueOn: nullableDate,
    status: z.string().describe('open、paused、answered_on_time、answered_late、overdue、abandoned、withdrawn'),
    remainingWorkingDays: z.number().int().nullable(),
    extended: z.boolean(),
    provisional: z.boolean().describe('true：所涉年份尚无节假日安排，按周一至周五计算'),
    steps: z.array(z.string()).describe('计算过程的中文说明'),
  })
  .nullable();

const letterItemSchema = z.object({ seq: z.number().int(), on: z.string(), label: z.string(), kind: z.string(), href: z.string() });

export const detailSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  access: oneOf('访问级别', ['full', 'masked'] as const).describe('full：本案经办人员；masked：可查看但个人信息脱敏'),
  state: oneOf('状态', CASE_STATES),
  stateLabel: z.string(),
  agency: z.object({ id: z.number().int(), name: z.string() }),
  department: departmentSchema,
  channel: z.string(),
  channelLabel: z.string(),
  submittedAt: z.string(),
  receivedOn: nullableDate,
  dueOn: nullableDate,
  description: z.string(),
  purpose: z.string().nullable(),
  provision: z.string(),
  pickup: z.string(),
  reply: z.string().nullable(),
  applicant: applicantSchema,
  events: z.array(eventViewSchema),
  deadline: deadlineSchema,
  letters: z.array(letterItemSchema),
  attachments: z.array(z.object({ name: z.string(), mime: z.string(), size: z.number().int() })),
});

export const actionResultSchema = z.object({
  event: eventViewSchema,
  state: z.object({
    state: oneOf('状态', CASE_STATES),
    label: z.string(),
    receivedOn: nullableDate,
    dueOn: nullableDate,
    departmentId: z.number().int().nullable(),
  }),
});

// The demo applications (demo-applications.json): a few dozen cases of the demo city in every state, written
// through the store — each step decided by the lifecycle rules, with its events, snapshot, audit and notices —
// as if they had happened on working days before `today`, so some are due soon, some overdue, some long closed.
// Idempotent: nothing is created when the database holds any application.
import { z } from 'zod';
import type { Calendar } from '../calendar/model.ts';
import { dayOf, isoOf, type IsoDate } from '../calendar/dates.ts';
import type { Db } from '../db/database.ts';
import { findAgencyByCode, findUserByUsername } from '../agencies/store.ts';
import { idCardCheckDigit, creditCodeCheckChar } from '../law/identity.ts';
import { actorOf, viewerOf } from './access.ts';
import { newApplicationSchema, type NewApplication } from './input.ts';
import { ACTION_LABELS, type Action, type Actor } from './model.ts';
import { applyAction, StepRefused, submitApplication, type StoreContext } from './store.ts';
import demoFile from './demo-applications.json' with { type: 'json' };

/** The applicant of the end-to-end privacy test: typed into the public form, then looked for where it must not
 *  appear. No seeded case uses this person, this number or this phone. */
export const DEMO_APPLICANT = {
  name: '林晓燕',
  idType: 'resident_id_card',
  idNumber: `37010219920415286${idCardCheckDigit('37010219920415286')}`,
  phone: '13705319527',
} as const;

// ── the data file ────────────────────────────────────────────────────────────────────────────────────────

const at = z.number().int().max(0, '步骤日期不能晚于今天（at 应 ≤ 0）');
const staff = z.string().min(1).refine((u) => u !== 'applicant', '此步骤须由工作人员办理');
const words = z.string().trim().min(1);
const days = z.number().int().positive();
const step = <K extends string, T extends z.ZodRawShape>(type: K, by: z.ZodType<string>, shape: T) =>
  z.strictObject({ do: z.literal(type), at, by, ...shape });

const stepSchema = z.discriminatedUnion('do', [
  step('submit', z.literal('applicant'), {}),
  step('register', staff, { arrivedDays: z.number().int().max(0).optional() }),
  step('sign', staff, {}),
  step('assign', staff, { department: words }),
  step('return', staff, { reason: words }),
  step('request_correction', staff, { items: words, periodDays: days }),
  step('correction_received', staff, { reason: words.optional() }),
  step('correction_lapsed', staff, {}),
  step('start_consultation', staff, { party: z.enum(['third_party', 'agency']), name: words.optional() }),
  step('end_consultation', staff, { startSeq: days, replied: z.boolean() }),
  step('fee_notice', staff, { amount: z.number().positive(), basis: words, payDays: days }),
  step('fee_paid', staff, {}),
  step('fee_lapsed', staff, {}),
  step('request_extension', staff, { reason: words }),
  step('approve_extension', staff, {}),
  step('custom_deadline', staff, { dueDays: days, reason: words }),
  step('reply', staff, {
    replyType: words,
    legalBasis: words,
    subReason: words.optional(),
    disclosedPart: words.optional(),
    withheldPart: words.optional(),
    whereToObtain: words.optional(),
    otherAgency: words.optional(),
  }),
  step('deliver', staff, { method: words }),
  step('withdraw', z.string().min(1), { reason: words.optional() }),
  step('note', staff, { text: words }),
]);
type Step = z.infer<typeof stepSchema>;

const contact = {
  phone: z.string(),
  email: z.string().optional(),
  address: z.string().optional(),
  postcode: z.string().optional(),
};
const applicantSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    name: words,
    idType: words,
    /** Resident identity cards: the first 17 digits (the check digit is computed). */
    id17: z.string().regex(/^\d{17}$/).optional(),
    /** Other documents: the number as written. */
    idNumber: z.string().optional(),
    ...contact,
  }),
  z.strictObject({
    kind: z.literal('organisation'),
    organisationKind: words,
    name: words,
    credit17: z.string().regex(/^[0-9A-Z]{17}$/),
    legalRep: words,
    contactName: words,
    ...contact,
  }),
]);

const fileSchema = z
  .object({
    agency: words,
    applicants: z.record(z.string(), applicantSchema),
    cases: z.array(
      z.strictObject({
        applicant: z.string(),
        channel: words,
        provision: words,
        pickup: words,
        description: words,
        purpose: words.optional(),
        steps: z.array(stepSchema).min(1),
      }),
    ),
  })
  .superRefine((d, ctx) => {
    d.cases.forEach((c, i) => {
      const where = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['cases', i, ...path], message });
      if (!Object.hasOwn(d.applicants, c.applicant)) where(['applicant'], `没有名为 ${c.applicant} 的申请人`);
      const first = c.steps[0]!.do;
      if (first !== 'submit' && first !== 'register') where(['steps', 0], '第一步应为 submit（网上提交）或 register（登记）');
      if ((first === 'submit') !== (c.channel === 'online')) where(['channel'], '网上提交的申请渠道应为 online，登记的不应为 online');
      c.steps.slice(1).forEach((s, j) => {
        if (s.do === 'submit' || s.do === 'register') where(['steps', j + 1], '只有第一步可以提交或登记');
        if (s.at < c.steps[j]!.at) where(['steps', j + 1, 'at'], '步骤应按日期先后排列');
      });
    });
  });

type DemoFile = z.infer<typeof fileSchema>;
type DemoCase = DemoFile['cases'][number];

function parseFile(): DemoFile {
  const parsed = fileSchema.safeParse(demoFile);
  if (!parsed.success) throw new Error(`演示申请数据文件 demo-applications.json 有误：\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

// ── dates ────────────────────────────────────────────────────────────────────────────────────────────────

/** Working-day offsets (≤ 0) from the last working day on or before today. Stepping back day by day is fine
 *  here: a few dozen dates, not a deadline. */
function dayScale(calendar: Calendar, today: IsoDate): (offset: number) => number {
  let base = dayOf(today);
  while (!calendar.isWorkingDay(base)) base -= 1;
  const back = [base];
  return (offset) => {
    while (back.length <= -offset) {
      let d = back[back.length - 1]! - 1;
      while (!calendar.isWorkingDay(d)) d -= 1;
      back.push(d);
    }
    return back[-offset]!;
  };
}

// ── seeding ──────────────────────────────────────────────────────────────────────────────────────────────

/** The form fields of a case, validated as the public form and the registration validate them. */
function applicationOf(demo: DemoFile, c: DemoCase, key: string): NewApplication {
  const a = demo.applicants[c.applicant]!;
  const common = {
    phone: a.phone,
    email: a.email,
    address: a.address,
    postcode: a.postcode,
    description: c.description,
    purpose: c.purpose,
    provision: c.provision,
    pickup: c.pickup,
    idempotencyKey: key,
  };
  const fields =
    a.kind === 'person'
      ? { applicantKind: 'person', name: a.name, idType: a.idType, idNumber: a.id17 ? `${a.id17}${idCardCheckDigit(a.id17)}` : a.idNumber, ...common }
      : {
          applicantKind: 'organisation',
          organisationKind: a.organisationKind,
          name: a.name,
          creditCode: `${a.credit17}${creditCodeCheckChar(a.credit17)}`,
          legalRep: a.legalRep,
          contactName: a.contactName,
          ...common,
        };
  const parsed = newApplicationSchema.safeParse(fields);
  if (!parsed.success) throw new Error(`演示申请（${a.name}）的申请信息有误：\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const APPLICANT: Actor = { userId: null, role: 'applicant', agencyId: null };

/**
 * Creates the demo applications unless the database holds any application; returns how many were created.
 * Each case's steps are dated on working days before `today` and written through the store with a context
 * whose today/now is the step's day. The accounts and agencies of the demo city (seedDemo) must exist.
 */
export async function seedDemoApplications(db: Db, calendar: Calendar, today: IsoDate): Promise<number> {
  const demo = parseFile();
  if (await db.selectFrom('applications').select('id').limit(1).executeTakeFirst()) return 0;

  const agencyIds = new Map<string, number>();
  const agencyId = async (code: string) => {
    if (!agencyIds.has(code)) {
      const agency = await findAgencyByCode(db, code);
      if (!agency) throw new Error(`演示申请需要的机关 ${code} 不存在：请先创建演示机关和账号`);
      agencyIds.set(code, agency.id);
    }
    return agencyIds.get(code)!;
  };
  const actors = new Map<string, Actor>([['applicant', APPLICANT]]);
  const actor = async (by: string) => {
    if (!actors.has(by)) {
      const user = await findUserByUsername(db, by);
      if (!user) throw new Error(`演示申请需要的账号 ${by} 不存在：请先创建演示机关和账号`);
      actors.set(by, actorOf(await viewerOf(db, user)));
    }
    return actors.get(by)!;
  };

  const dayAt = dayScale(calendar, today);
  const iso = (offset: number) => isoOf(dayAt(offset));
  const after = (day: number, n: number) => isoOf(calendar.addWorkingDays(day, n));
  // Numbers follow arrival: the earliest case first. Reply letters are numbered by date across all cases.
  const cases = demo.cases.map((c, index) => ({ c, index })).sort((x, y) => x.c.steps[0]!.at - y.c.steps[0]!.at || x.index - y.index);
  const letterRefs = letterNumbers(cases.map((x) => x.c), iso);
  const city = await agencyId(demo.agency);

  let created = 0;
  for (const [order, { c, index }] of cases.entries()) {
    const first = c.steps[0]!;
    const ctxOf = (s: Step, j: number): StoreContext => {
      const on = iso(s.at);
      const minute = String((order * 7 + j * 3) % 60).padStart(2, '0');
      return { calendar, today: on, now: `${on}T0${1 + Math.min(j, 7)}:${minute}:00.000Z` };
    };
    const input = applicationOf(demo, c, `demo-application-${String(index + 1).padStart(3, '0')}`);
    const submitted = await submitApplication(
      db,
      input,
      {
        agencyId: city,
        channel: c.channel,
        actor: await actor(first.by),
        ...(first.do === 'register' ? { on: iso(first.at), ...(first.arrivedDays ? { arrivedOn: iso(first.at + first.arrivedDays) } : {}) } : {}),
      },
      ctxOf(first, 0),
    );
    // Another process is seeding at the same moment and has this case: its steps are that process's.
    if (submitted.duplicate) continue;
    created += 1;
    for (const [j, s] of c.steps.entries()) {
      if (j === 0) continue;
      const action = await actionOf(s, dayAt(s.at), { agencyId, after, letterRef: letterRefs.get(s) });
      try {
        await applyAction(db, submitted.id, action, await actor(s.by), ctxOf(s, j));
      } catch (error) {
        if (!(error instanceof StepRefused)) throw error;
        throw new Error(`演示申请 ${submitted.number}（数据文件第 ${index + 1} 件）第 ${j + 1} 步“${ACTION_LABELS[s.do]}”（${iso(s.at)}）被拒绝：${error.message}`, { cause: error });
      }
    }
  }
  return created;
}

/** 示政信复〔2026〕N号 for each reply, N counting the replies of the year in date order. */
function letterNumbers(cases: DemoCase[], iso: (offset: number) => IsoDate): Map<Step, string> {
  const replies = cases.flatMap((c) => c.steps.filter((s) => s.do === 'reply')).map((s) => ({ s, on: iso(s.at) }));
  replies.sort((x, y) => x.on.localeCompare(y.on));
  const counts = new Map<string, number>();
  const refs = new Map<Step, string>();
  for (const { s, on } of replies) {
    const year = on.slice(0, 4);
    const n = (counts.get(year) ?? 0) + 1;
    counts.set(year, n);
    refs.set(s, `示政信复〔${year}〕${n}号`);
  }
  return refs;
}

async function actionOf(
  s: Step,
  day: number,
  helpers: { agencyId: (code: string) => Promise<number>; after: (day: number, n: number) => IsoDate; letterRef: string | undefined },
): Promise<Action> {
  const on = isoOf(day);
  const reason = 'reason' in s && s.reason !== undefined ? { reason: s.reason } : {};
  switch (s.do) {
    case 'submit':
    case 'register':
      throw new RangeError('只有第一步可以提交或登记');
    case 'assign':
      return { type: 'assign', on, data: { departmentId: await helpers.agencyId(s.department) } };
    case 'request_correction':
      return { type: 'request_correction', on, data: { items: s.items, periodEnd: helpers.after(day, s.periodDays) } };
    case 'start_consultation':
      return { type: 'start_consultation', on, data: { party: s.party, ...(s.name ? { name: s.name } : {}) } };
    case 'end_consultation':
      return { type: 'end_consultation', on, data: { startSeq: s.startSeq, replied: s.replied } };
    case 'fee_notice':
      return { type: 'fee_notice', on, data: { amount: s.amount, basis: s.basis, payBy: helpers.after(day, s.payDays) } };
    case 'custom_deadline':
      return { type: 'custom_deadline', on, data: { due: helpers.after(day, s.dueDays) }, ...reason };
    case 'reply': {
      const { do: _, at: __, by: ___, ...data } = s;
      return { type: 'reply', on, data: { ...data, ...(helpers.letterRef ? { letterRef: helpers.letterRef } : {}) } };
    }
    case 'deliver':
      return { type: 'deliver', on, data: { method: s.method } };
    case 'note':
      return { type: 'note', on, data: { text: s.text } };
    default:
      return { type: s.do, on, data: {}, ...reason } as Action;
  }
}

// The staff workbench for applications (under /staff, behind the staff guard):
//   GET  /staff/applications                         申请办理: the viewer's cases, counters, filters, pages
//   GET  /staff/applications/new[?channel=]          登记申请 (office only): channel, then the form
//   POST /staff/applications/new                     register → 303 to the case, 查询码 shown there once
//   GET  /staff/applications/:id[?reply=]            the case page (404 when the viewer may not see it)
//   POST /staff/applications/:id/actions/:type       one step → 303 back, or the page with the refusal
//   GET  /staff/applications/:id/files/:fileId       an attachment (the case's handlers only)
//   GET  /staff/applications/:id/letters/:seq[.docx] a letter to print, or as Word
// Who sees what is access.ts; what may be done is lifecycle.ts (through store.applyAction); this file only
// reads forms, calls them and renders the answer.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dayOf, isoOf } from '../calendar/dates.ts';
import { toOutput } from '../clock/output.ts';
import { getAgency } from '../agencies/store.ts';
import { appendAudit } from '../audit/store.ts';
import { staffBadge, staffOf, type Staff } from '../http/auth.ts';
import { HttpError } from '../http/errors.ts';
import { sendHtml } from '../http/reply.ts';
import { channel as channelOf } from '../law/channels.ts';
import { isReplyTypeId, replyType, replyTypes, type ReplyType } from '../law/replies.ts';
import { accessTo, actorOf, listScope, viewerOf, type Viewer } from './access.ts';
import { deadlineOf } from './clock.ts';
import { letterDocx } from './letters/docx.ts';
import { LetterError, type Letter } from './letters/render.ts';
import { FEE_PAYMENT_WORKING_DAYS } from './lifecycle.ts';
import { ACTION_LABELS, CASE_STATES, CONSULTATION_PARTY_LABELS, caseStateOf, type ActionType } from './model.ts';
import { applicantOf, letterAtStep, lettersOf, stateLabel } from './present.ts';
import { storeContext, type ApplicationDeps, type ApplicationPlugin } from './routes.ts';
import { availableActions, actionFromForm, isCaseAction } from './staff-actions.ts';
import { agencyNames, auditExtrasOf, departmentsOf, fileOf, filesOf } from './staff-data.ts';
import { formFields } from './staff-form.ts';
import { isRegistrationChannel, registrationFromForm } from './staff-registration.ts';
import {
  DUE_SOON_WORKING_DAYS,
  StepRefused,
  applyAction,
  eventsOf,
  getApplication,
  hashCode,
  listApplications,
  submitApplication,
  type ApplicationRow,
  type ListFilters,
} from './store.ts';
import type { ActionFormContext } from './views/staff/action-forms.tsx';
import { renderCase } from './views/staff/case.tsx';
import { dueCell, excerpt } from './views/staff/format.ts';
import { renderInbox, type InboxFilters } from './views/staff/inbox.tsx';
import { LETTER_CSS, renderLetterPage } from './views/staff/letter-page.tsx';
import { renderRegister } from './views/staff/register.tsx';

const BASE = '/staff/applications';
const PAGE_SIZE = 50;
const NOT_FOUND = '未找到该申请';
/** The one-time cookie that carries a new case's 查询码 from the registration to the case page. */
const CODE_COOKIE = 'gongkai_code';
/** A 补正 period suggested on the form: working days from the notice. */
const CORRECTION_PERIOD_WORKING_DAYS = 15;
/** Replies that are steps of their own (视为放弃), not a reply type to choose. */
const NOT_A_REPLY = new Set(['other.no_correction', 'other.fee_unpaid']);

const letterCss = readFileSync(new URL('./letters/letter.css', import.meta.url));

export const staffApplicationRoutes: ApplicationPlugin = async (app, deps) => {
  app.get(LETTER_CSS.slice('/staff'.length), async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'private, max-age=3600').send(letterCss),
  );
  app.get('/applications', (request, reply) => inbox(deps, request, reply));
  app.get('/applications/new', (request, reply) => registrationForm(deps, request, reply));
  app.post('/applications/new', (request, reply) => register(deps, request, reply));
  app.get('/applications/:id', (request, reply) => casePage(deps, request, reply));
  app.post('/applications/:id/actions/:type', (request, reply) => act(deps, request, reply));
  app.get('/applications/:id/files/:fileId', (request, reply) => attachment(deps, request, reply));
  app.get('/applications/:id/letters/:file', (request, reply) => letter(deps, request, reply));
};

// ── inbox ────────────────────────────────────────────────────────────────────────────────────────────────

function filtersOf(query: unknown): InboxFilters {
  const q = formFields(query);
  const state = (CASE_STATES as readonly string[]).includes(q.state ?? '') ? q.state! : '';
  const due = q.due === 'soon' || q.due === 'overdue' ? q.due : '';
  const page = Number(q.page);
  return { state, due, q: (q.q ?? '').trim().slice(0, 100), page: Number.isInteger(page) && page > 1 && page < 100_000 ? page : 1 };
}

async function inbox(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply) {
  const staff = staffOf(request);
  const viewer = await viewerOf(deps.db, staff);
  const ctx = storeContext(deps);
  const filters = filtersOf(request.query);
  const scope = listScope(viewer);
  const wanted: ListFilters = {
    ...(filters.state ? { states: [filters.state as ApplicationRow['state']] } : {}),
    ...(filters.due ? { due: filters.due as 'soon' | 'overdue' } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
  const count = async (f: ListFilters) => (await listApplications(deps.db, scope, { ...f, limit: 1 }, ctx)).total;
  const [list, pending, soon, overdue] = await Promise.all([
    listApplications(deps.db, scope, wanted, ctx),
    count({ states: ['pending'] }),
    count({ due: 'soon' }),
    count({ due: 'overdue' }),
  ]);
  const names = await agencyNames(deps.db, [viewer.actingAgencyId, ...list.rows.map((r) => r.department_id)]);
  const own = names.get(viewer.actingAgencyId) ?? staff.agency_name;
  const scopeName = viewer.role === 'supervisor' || viewer.role === 'admin' ? `${own}及所属机关收到的申请（个人信息已隐去）` : viewer.role === 'handler' ? `转办至${staff.agency_name}的申请` : `${own}收到的申请`;
  return sendHtml(
    reply,
    renderInbox({
      staff: staffBadge(staff),
      scopeName,
      canRegister: viewer.role === 'office',
      filters,
      counters: { pending, soon, overdue },
      rows: list.rows.map((r) => ({
        id: r.id,
        number: r.number,
        receivedOn: r.received_on,
        applicant: r.applicant_name,
        excerpt: excerpt(r.description),
        department: r.department_id === null ? '未转办' : (names.get(r.department_id) ?? '—'),
        stateLabel: stateLabel(r.state),
        due: dueCell(r, deps.calendar, ctx.today, DUE_SOON_WORKING_DAYS),
      })),
      total: list.total,
      pageSize: PAGE_SIZE,
      soonDays: DUE_SOON_WORKING_DAYS,
    }),
  );
}

// ── registration ─────────────────────────────────────────────────────────────────────────────────────────

async function officeOnly(deps: ApplicationDeps, request: FastifyRequest): Promise<{ staff: Staff; viewer: Viewer; agencyName: string }> {
  const staff = staffOf(request);
  const viewer = await viewerOf(deps.db, staff);
  if (viewer.role !== 'office') throw new HttpError(403, '只有公开办可以登记申请');
  const agencyName = (await getAgency(deps.db, viewer.actingAgencyId))?.name ?? staff.agency_name;
  return { staff, viewer, agencyName };
}

async function registrationForm(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply) {
  const { staff, agencyName } = await officeOnly(deps, request);
  const wanted = formFields(request.query).channel;
  const channel = isRegistrationChannel(wanted) ? channelOf(wanted) : null;
  return sendHtml(
    reply,
    renderRegister({ staff: staffBadge(staff), agencyName, channel, values: { idempotencyKey: randomUUID() }, errors: [], today: storeContext(deps).today }),
  );
}

async function register(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply) {
  const { staff, viewer, agencyName } = await officeOnly(deps, request);
  const ctx = storeContext(deps);
  const form = formFields(request.body);
  const again = (status: number, errors: string[]) =>
    sendHtml(
      reply,
      renderRegister({
        staff: staffBadge(staff),
        agencyName,
        channel: isRegistrationChannel(form.channel) ? channelOf(form.channel) : null,
        values: { ...form, idempotencyKey: form.idempotencyKey || randomUUID() },
        errors,
        today: ctx.today,
      }),
      status,
    );
  const parsed = registrationFromForm(form);
  if (!parsed.ok) return again(422, parsed.errors);
  const { input, channel, receivedOn, arrivedOn } = parsed.value;
  try {
    const done = await submitApplication(
      deps.db,
      input,
      { agencyId: viewer.actingAgencyId, channel, actor: actorOf(viewer), on: receivedOn, ...(arrivedOn ? { arrivedOn } : {}) },
      ctx,
    );
    reply.setCookie(CODE_COOKIE, `${done.id}:${done.queryCode}`, {
      path: BASE,
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: 600,
    });
    return reply.redirect(`${BASE}/${done.id}`, 303);
  } catch (error) {
    if (error instanceof StepRefused) return again(error.status === 403 ? 403 : 422, [error.message]);
    throw error;
  }
}

// ── the case ─────────────────────────────────────────────────────────────────────────────────────────────

interface Opened {
  staff: Staff;
  viewer: Viewer;
  row: ApplicationRow;
  access: 'full' | 'masked';
}

/** The case of the URL as the viewer may see it; 404 for a case that does not exist and for one they may not see. */
async function openCase(deps: ApplicationDeps, request: FastifyRequest): Promise<Opened> {
  const staff = staffOf(request);
  const viewer = await viewerOf(deps.db, staff);
  const raw = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : null;
  const row = id === null ? undefined : await getApplication(deps.db, id);
  const access = row ? accessTo(viewer, row) : null;
  if (!row || access === null) throw new HttpError(404, NOT_FOUND);
  return { staff, viewer, row, access };
}

interface PageExtras {
  notice?: string;
  error?: string;
  queryCode?: string;
  draft?: { type: ActionType; values: Record<string, string> };
  /** The reply type chosen in the reply form's first step. */
  replyChoice?: string;
}

async function caseView(deps: ApplicationDeps, opened: Opened, extras: PageExtras) {
  const { db, calendar } = deps;
  const { staff, viewer, row, access } = opened;
  const ctx = storeContext(deps);
  const events = await eventsOf(db, row.id);
  const state = caseStateOf(events);
  const d = deadlineOf(events, calendar, ctx.today, { explain: true });
  const mayRoute = viewer.role === 'office' && viewer.actingAgencyId === row.agency_id;
  const departments = mayRoute ? (await departmentsOf(db, row.agency_id)).filter((a) => a.id !== row.department_id) : [];
  const assigned = events.flatMap((e) => (e.type === 'assign' ? [e.data.departmentId] : []));
  const [names, files, auditExtras] = await Promise.all([
    agencyNames(db, [row.agency_id, row.department_id, ...assigned]),
    filesOf(db, row.id),
    auditExtrasOf(db, row.number, events),
  ]);
  const usable: readonly ReplyType[] = state.regime ? replyTypes(state.regime).filter((t) => !NOT_A_REPLY.has(t.id)) : [];
  const wanted = extras.replyChoice ?? (extras.draft?.type === 'reply' ? extras.draft.values.replyType : undefined);
  const today = dayOf(ctx.today);
  const forms: ActionFormContext = {
    caseId: row.id,
    today: ctx.today,
    departments: departments.map((a) => ({ id: a.id, name: a.name })),
    openConsultations: state.consultations
      .filter((c) => c.endedOn === null)
      .map((c) => ({ seq: c.seq, label: `${CONSULTATION_PARTY_LABELS[c.party]}${c.name && access === 'full' ? ` ${c.name}` : ''}（${c.startedOn} 起，第 ${c.seq} 步）` })),
    replyTypes: usable,
    chosenReply: usable.find((t) => t.id === wanted) ?? null,
    suggestions: {
      correctionEnd: isoOf(calendar.addWorkingDays(today, CORRECTION_PERIOD_WORKING_DAYS)),
      payBy: isoOf(calendar.addWorkingDays(today, FEE_PAYMENT_WORKING_DAYS)),
    },
    draft: extras.draft ?? null,
  };
  return renderCase({
    staff: staffBadge(staff),
    row,
    state,
    access,
    applicant: applicantOf(row, access),
    agencyName: names.get(row.agency_id) ?? '',
    departmentName: row.department_id === null ? null : (names.get(row.department_id) ?? null),
    files,
    deadline: d ? { ...toOutput(d), caseStatus: d.caseStatus } : null,
    events,
    agencyNames: names,
    extras: auditExtras,
    letters: lettersOf(events).map((l) => ({ seq: l.seq, label: l.label, on: events.find((e) => e.seq === l.seq)?.on ?? '' })),
    actions: availableActions(viewer, access, row.agency_id, state),
    forms,
    ...(extras.notice ? { notice: extras.notice } : {}),
    ...(extras.error ? { error: extras.error } : {}),
    ...(extras.queryCode ? { queryCode: extras.queryCode } : {}),
  });
}

async function casePage(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply) {
  const opened = await openCase(deps, request);
  const query = formFields(request.query);
  const extras: PageExtras = {};
  if (isCaseAction(query.done)) extras.notice = `已办理：${ACTION_LABELS[query.done]}`;
  if (query.reply) extras.replyChoice = query.reply;
  const flash = request.cookies[CODE_COOKIE];
  if (flash !== undefined) {
    reply.clearCookie(CODE_COOKIE, { path: BASE });
    const [id, code] = flash.split(':');
    if (id === String(opened.row.id) && code && hashCode(code) === opened.row.query_code_hash) extras.queryCode = code;
  }
  return sendHtml(reply, await caseView(deps, opened, extras));
}

async function act(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply) {
  const type = (request.params as { type?: string }).type;
  if (!isCaseAction(type)) throw new HttpError(404, '您访问的页面不存在');
  const opened = await openCase(deps, request);
  const { row, viewer } = opened;
  const form = formFields(request.body);
  const refused = async (status: number, message: string) =>
    sendHtml(reply, await caseView(deps, opened, { error: message, draft: { type, values: form } }), status);

  const parsed = actionFromForm(type, form);
  if (!parsed.ok) return refused(422, parsed.message);
  const action = parsed.action;
  if (action.type === 'assign') {
    const departments = await departmentsOf(deps.db, row.agency_id);
    if (!departments.some((a) => a.id === action.data.departmentId)) return refused(422, '请选择本机关所属的承办部门');
  }
  if (action.type === 'reply' && action.data.legalBasis === '' && isReplyTypeId(action.data.replyType)) {
    action.data.legalBasis = replyType(action.data.replyType).basis ?? '';
  }
  const agencyName = (await getAgency(deps.db, row.agency_id))?.name ?? '';
  try {
    await applyAction(deps.db, row.id, action, actorOf(viewer), storeContext(deps), (event, events, current) => {
      const all = [...events, event];
      if (!lettersOf(all).some((l) => l.seq === event.seq)) return null;
      try {
        letterAtStep(current, all, event.seq, agencyName, deps.calendar);
        return null;
      } catch (error) {
        if (error instanceof LetterError) return error.message;
        throw error;
      }
    });
  } catch (error) {
    if (!(error instanceof StepRefused)) throw error;
    if (error.status === 404) throw new HttpError(404, NOT_FOUND);
    return refused(error.status, error.message);
  }
  return reply.redirect(`${BASE}/${row.id}?done=${type}`, 303);
}

// ── files and letters ────────────────────────────────────────────────────────────────────────────────────

/** `attachment` with the name in UTF-8 (RFC 6266) and a plain ASCII fallback. */
function disposition(fallback: string, name: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function attachment(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply) {
  const opened = await openCase(deps, request);
  if (opened.access !== 'full') throw new HttpError(403, '申请人提交的附件只有本案的承办人员可以下载');
  const raw = (request.params as { fileId?: string }).fileId ?? '';
  const file = /^\d{1,12}$/.test(raw) ? await fileOf(deps.db, opened.row.id, Number(raw)) : undefined;
  if (!file) throw new HttpError(404, '未找到该附件');
  await appendAudit(deps.db, {
    actorUserId: opened.viewer.userId,
    agencyId: opened.row.agency_id,
    subjectType: 'application',
    subjectId: opened.row.number,
    action: 'download_attachment',
    data: { fileId: file.id },
  });
  const mime = /^[\w.+-]+\/[\w.+-]+$/.test(file.mime) ? file.mime : 'application/octet-stream';
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1] ?? 'bin';
  return reply
    .type(mime)
    .header('content-disposition', disposition(`attachment-${file.id}.${extension}`, file.name))
    .send(Buffer.from(file.content));
}

async function letter(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply) {
  const opened = await openCase(deps, request);
  const { row } = opened;
  const m = /^(\d{1,6})(\.docx)?$/.exec((request.params as { file?: string }).file ?? '');
  const events = await eventsOf(deps.db, row.id);
  const seq = m ? Number(m[1]) : NaN;
  if (!lettersOf(events).some((l) => l.seq === seq)) throw new HttpError(404, '未找到该文书');
  const agencyName = (await getAgency(deps.db, row.agency_id))?.name ?? '';
  let built: Letter;
  try {
    built = letterAtStep(row, events, seq, agencyName, deps.calendar);
  } catch (error) {
    if (error instanceof LetterError) throw new HttpError(422, error.message);
    throw error;
  }
  if (m![2]) {
    const bytes = await letterDocx(built);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', disposition(`letter-${row.number}-${seq}.docx`, `${built.title}（${row.number}）.docx`))
      .send(Buffer.from(bytes));
  }
  return sendHtml(reply, renderLetterPage({ staff: staffBadge(opened.staff), caseId: row.id, caseNumber: row.number, seq, letter: built }));
}

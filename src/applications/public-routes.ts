// Public pages of applications, no account needed:
//   GET  /apply         the application form
//   POST /apply         multipart/form-data (or urlencoded without files) → the confirmation with 申请编号 + 查询码
//                       (200, never a redirect: the code must not end up in a URL), or the form again with every
//                       problem (422; 400 malformed; 413 too many parts) and nothing written
//   GET  /track         the query form;  POST /track → the status page, or one message for any wrong pair (404)
//   POST /track/letter  a letter of the case as DOCX (attachment) or printable HTML
//   GET  /elder         长辈版 on/off (cookie), back to `next`
// and their stylesheets. Nothing here logs a field: the body never reaches a log line (app.ts redacts it too).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findRootAgency, getAgency, listAgencySubtree } from '../agencies/store.ts';
import type { Agency } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { safeNext, sendHtml } from '../http/reply.ts';
import { ELDER_COOKIE, ELDER_COOKIE_MAX_AGE, isElder } from '../web/elder.ts';
import { checkAttachments, type Upload } from './attachments.ts';
import { deadlineOf } from './clock.ts';
import { attachmentRules } from './input.ts';
import { LetterError, type Letter, type LetterKind } from './letters/render.ts';
import { letterDocx } from './letters/docx.ts';
import { caseStateOf, type CaseEvent } from './model.ts';
import { applicantOf, letterAtStep, lettersOf } from './present.ts';
import { checkApplication, isFormField, sortErrors, type FieldError, type FormValues } from './public-form.ts';
import { storeContext, type ApplicationDeps, type ApplicationPlugin } from './routes.ts';
import { eventsOf, findByQueryCode, getApplication, StepRefused, submitApplication, type ApplicationRow } from './store.ts';
import { APPLY_CSS, renderApplyForm } from './views/public/apply-form.tsx';
import { LETTER_CSS, renderLetterPage } from './views/public/letter-page.tsx';
import { renderSubmitted } from './views/public/submitted.tsx';
import { dueText, publicTimeline } from './public-timeline.ts';
import { renderStatus, renderTrackForm } from './views/public/track.tsx';

const stylesheets = new Map([
  [APPLY_CSS, readFileSync(new URL('./views/public/apply.css', import.meta.url))],
  [LETTER_CSS, readFileSync(new URL('./letters/letter.css', import.meta.url))],
]);

/** Guessing 查询码 (POST /track, /track/letter) and flooding the form are bounded per client address. */
const TRACK_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;
/** New applications per address and minute: deps.submitLimit (GONGKAI_SUBMIT_LIMIT) replaces max. */
const APPLY_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;

/** Files beyond this many end the upload (413); up to it the form says how many are allowed. */
const MAX_FILE_PARTS = attachmentRules.maxCount + 5;

const WRONG_PAIR = '申请编号或查询码不正确';
const MALFORMED = '提交的表单数据不完整或格式不正确，请重新填写后提交';
const APPLICANT = { userId: null, role: 'applicant' as const, agencyId: null };

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FILE_NAMES: Readonly<Record<LetterKind, string>> = {
  acknowledgement: '受理回执',
  correction: '补正通知书',
  extension: '延期答复告知书',
  fee: '收费通知书',
  third_party: '征求意见函',
  reply: '答复书',
};

// ── apply ────────────────────────────────────────────────────────────────────────────────────────────────

/** The agencies an application may be sent to: the installation's root government first, then the governments
 *  and departments below it (offices act for their government and are not listed). */
async function receivingAgencies(deps: ApplicationDeps): Promise<Agency[]> {
  const root = await findRootAgency(deps.db);
  if (!root) return [];
  return (await listAgencySubtree(deps.db, root.id)).filter((a) => a.type === 'government' || a.type === 'department');
}

interface Submission {
  values: FormValues;
  uploads: Upload[];
  /** The request itself was at fault (broken multipart, too many parts). */
  failure: { status: 400 | 413; error: FieldError } | null;
}

function firstString(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of stream);
}

/** The fields and files of the form. Files beyond the allowed number are counted, not kept. */
async function readSubmission(request: FastifyRequest): Promise<Submission> {
  const values: FormValues = {};
  const uploads: Upload[] = [];
  const keep = (name: string, value: unknown) => {
    const v = firstString(value);
    if (isFormField(name) && v !== undefined && values[name] === undefined) values[name] = v;
  };
  if (!request.isMultipart()) {
    const body = request.body;
    if (typeof body !== 'object' || body === null) return { values, uploads, failure: { status: 400, error: { field: null, message: MALFORMED } } };
    for (const [name, value] of Object.entries(body)) keep(name, value);
    return { values, uploads, failure: null };
  }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        keep(part.fieldname, part.value);
      } else if (part.fieldname !== 'attachments') {
        await drain(part.file);
      } else if (uploads.length >= attachmentRules.maxCount) {
        // One too many already: count the rest without keeping them.
        await drain(part.file);
        uploads.push({ name: part.filename, bytes: new Uint8Array(), truncated: false });
      } else {
        const bytes = await part.toBuffer();
        // An empty file input is sent as a part without a name or content.
        if (part.filename === '' && bytes.length === 0) continue;
        uploads.push({ name: part.filename, bytes, truncated: part.file.truncated });
      }
    }
  } catch (error) {
    const e = error as { code?: unknown; statusCode?: unknown };
    if (e.code === 'FST_FILES_LIMIT') {
      const message = `附件过多：最多 ${attachmentRules.maxCount} 个，请重新选择附件`;
      return { values, uploads: [], failure: { status: 413, error: { field: 'attachments', message } } };
    }
    if (e.statusCode === 413) return { values, uploads: [], failure: { status: 413, error: { field: null, message: '提交的表单内容过多，请重新填写后提交' } } };
    // Anything else thrown while reading the parts is a malformed or interrupted request.
    return { values, uploads: [], failure: { status: 400, error: { field: null, message: MALFORMED } } };
  }
  return { values, uploads, failure: null };
}

function isFormRequest(request: FastifyRequest): boolean {
  return request.isMultipart() || /^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '');
}

async function agencyName(deps: ApplicationDeps, id: number): Promise<string> {
  return (await getAgency(deps.db, id))?.name ?? '';
}

async function postApply(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  if (!isFormRequest(request)) throw new HttpError(415, '请通过申请表单提交申请');
  const agencies = await receivingAgencies(deps);
  const { values, uploads, failure } = await readSubmission(request);
  const errors: FieldError[] = failure ? [failure.error] : [];
  const agency = agencies.find((a) => String(a.id) === (values.agencyId ?? '').trim());
  if (!agency) errors.push({ field: 'agencyId', message: '请从列表中选择受理申请的行政机关' });
  const checked = checkApplication(values);
  if (!checked.ok) errors.push(...checked.errors);
  const { attachments, problems } = checkAttachments(uploads);
  errors.push(...problems.map((message) => ({ field: 'attachments' as const, message })));

  const form = (list: FieldError[], status: number) =>
    sendHtml(
      reply,
      renderApplyForm({
        agencies,
        values,
        errors: sortErrors(list),
        hadFiles: uploads.length > 0 || failure?.error.field === 'attachments',
        idempotencyKey: randomUUID(),
        elder: isElder(request),
      }),
      status,
    );
  if (errors.length > 0 || !checked.ok || !agency) return form(errors, failure?.status ?? 422);

  try {
    const submitted = await submitApplication(
      deps.db,
      checked.input,
      { agencyId: agency.id, channel: 'online', actor: APPLICANT, attachments },
      storeContext(deps),
    );
    // A repeated submission answers with the first case, which names its own agency.
    const first = submitted.duplicate ? await getApplication(deps.db, submitted.id) : undefined;
    return sendHtml(
      reply,
      renderSubmitted({
        number: submitted.number,
        queryCode: submitted.queryCode,
        agencyName: first ? await agencyName(deps, first.agency_id) : agency.name,
        duplicate: submitted.duplicate,
        elder: isElder(request),
      }),
    );
  } catch (error) {
    if (error instanceof StepRefused) return form([{ field: null, message: error.message }], 422);
    throw error;
  }
}

// ── track ────────────────────────────────────────────────────────────────────────────────────────────────

const MAX_PAIR_TEXT = 40;

/** 申请编号 and 查询码 as typed: full-width characters (a Chinese input method) made half-width, spaces dropped. */
function normalised(value: unknown): string {
  const s = firstString(value) ?? '';
  return s.length > MAX_PAIR_TEXT * 4 ? '' : s.normalize('NFKC').replace(/\s+/g, '').slice(0, MAX_PAIR_TEXT);
}

interface Opened {
  row: ApplicationRow;
  number: string;
  code: string;
  events: CaseEvent[];
}

/** The case a posted 编号 + 查询码 pair opens; otherwise the query form has already been sent (400 or 404). */
async function openCase(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply): Promise<Opened | FastifyReply> {
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const number = normalised(body.number);
  const code = normalised(body.code).toUpperCase();
  if (number === '' || code === '') {
    return sendHtml(reply, renderTrackForm({ number, error: '请填写申请编号和查询码', elder: isElder(request) }), 400);
  }
  const row = await findByQueryCode(deps.db, number, code);
  if (!row) return sendHtml(reply, renderTrackForm({ number, error: WRONG_PAIR, elder: isElder(request) }), 404);
  return { row, number: row.number, code, events: await eventsOf(deps.db, row.id) };
}

async function postTrack(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const opened = await openCase(deps, request, reply);
  if (!('row' in opened)) return opened;
  const { row, events } = opened;
  const state = caseStateOf(events);
  const deadline = deadlineOf(events, deps.calendar, storeContext(deps).today);
  return sendHtml(
    reply,
    renderStatus({
      number: row.number,
      code: opened.code,
      agencyName: await agencyName(deps, row.agency_id),
      stateLabel: state.stateLabel,
      receivedOn: state.receivedOn,
      dueText: dueText(state, deadline),
      description: row.description,
      timeline: publicTimeline(events),
      applicant: applicantOf(row, 'masked'),
      letters: lettersOf(events).map((l) => ({ seq: l.seq, label: l.label, on: events.find((e) => e.seq === l.seq)!.on })),
      elder: isElder(request),
    }),
  );
}

/** Content-Disposition for a download: an ASCII name for old clients, the Chinese one as RFC 5987 UTF-8. */
export function attachmentDisposition(fileName: string, asciiName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function postLetter(deps: ApplicationDeps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const opened = await openCase(deps, request, reply);
  if (!('row' in opened)) return opened;
  const { row, events } = opened;
  const body = request.body as Record<string, unknown>;
  const seq = Number(firstString(body.seq));
  const format = firstString(body.format);
  const found = lettersOf(events).find((l) => l.seq === seq);
  if (!found) throw new HttpError(404, '未找到该文书');
  if (format !== 'docx' && format !== 'html') throw new HttpError(400, '文书格式不正确');
  let letter: Letter;
  try {
    letter = letterAtStep(row, events, seq, await agencyName(deps, row.agency_id), deps.calendar);
  } catch (error) {
    if (error instanceof LetterError) throw new HttpError(422, '该文书暂时无法生成，请联系受理机关');
    throw error;
  }
  if (format === 'html') return sendHtml(reply, renderLetterPage({ letter, number: row.number, elder: isElder(request) }));
  const bytes = await letterDocx(letter);
  return reply
    .type(DOCX_TYPE)
    .header('content-disposition', attachmentDisposition(`${FILE_NAMES[found.kind]}-${row.number}.docx`, `${found.kind}-${row.number}.docx`))
    .send(Buffer.from(bytes));
}

// ── the plugin ───────────────────────────────────────────────────────────────────────────────────────────

export const publicApplicationRoutes: ApplicationPlugin = async (app, deps) => {
  await app.register(multipart, {
    limits: {
      fileSize: attachmentRules.maxBytes,
      files: MAX_FILE_PARTS,
      fields: 40,
      fieldSize: 16 * 1024,
      parts: 60,
    },
    // An oversize file is reported beside the other problems, not thrown.
    throwFileSizeLimit: false,
  });

  for (const [path, body] of stylesheets) {
    app.get(path, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body));
  }

  app.get('/apply', async (request, reply) => {
    const agencies = await receivingAgencies(deps);
    return sendHtml(reply, renderApplyForm({ agencies, values: {}, errors: [], idempotencyKey: randomUUID(), elder: isElder(request) }));
  });
  app.post('/apply', { config: { rateLimit: { ...APPLY_RATE_LIMIT, max: deps.submitLimit } } }, (request, reply) => postApply(deps, request, reply));

  app.get('/track', async (request, reply) => {
    const number = normalised((request.query as Record<string, unknown>).number);
    return sendHtml(reply, renderTrackForm({ number, elder: isElder(request) }));
  });
  app.post('/track', { config: { rateLimit: TRACK_RATE_LIMIT } }, (request, reply) => postTrack(deps, request, reply));
  app.post('/track/letter', { config: { rateLimit: TRACK_RATE_LIMIT } }, (request, reply) => postLetter(deps, request, reply));

  app.get('/elder', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const on = firstString(query.on);
    if (on !== '1' && on !== '0') throw new HttpError(400, '请求参数不正确');
    if (on === '1') reply.setCookie(ELDER_COOKIE, '1', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: ELDER_COOKIE_MAX_AGE });
    else reply.clearCookie(ELDER_COOKIE, { path: '/', sameSite: 'lax', httpOnly: true });
    return reply.redirect(safeNext(firstString(query.next), '/'), 303);
  });
};

// The REST API of applications under /api/v1, and its OpenAPI document. One table of routes both registers
// the routes and describes them (src/http/openapi.ts), with the zod schemas of api-schemas.ts that validate
// their inputs: what is documented is what is checked.
//
// Who may call what:
// - public (no session; rate-limited per address): POST /applications (an online application),
//   POST /applications/status (number + 查询码), GET /openapi.json;
// - staff (session cookie gongkai_session; staffGuard answers 401 without one): everything else. A case the
//   staff member may not see (access.ts: null) is 404 — its existence is not disclosed. Steps are decided by
//   lifecycle.ts (403 for who, 409 for when, 422 for what), so a supervisor or another department's handler
//   (masked access) is refused by the same rules as the workbench. Letters may be downloaded with either full
//   or masked access: they carry the applicant's name and request but none of the masked fields (证件号码,
//   phone, address, e-mail). Exports are masked row by row unless ?reveal=1 and the row is one the user
//   handles (access 'full'); an export that reveals anything is written to the audit trail.
// - Bodies are JSON only (415 otherwise); malformed JSON → 400; a field at fault → 422 naming it.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getAgency } from '../agencies/store.ts';
import { appendAudit } from '../audit/store.ts';
import { staffGuard, staffOf } from '../http/auth.ts';
import { HttpError } from '../http/errors.ts';
import {
  ERROR_SCHEMA,
  SESSION_SCHEME,
  defineRoute,
  errorResponse,
  jsonResponse,
  registerRoute,
  sendFile,
  sessionSecurityScheme,
  type ApiRoute,
} from '../http/api-table.ts';
import { openApiDocument, type DocumentInfo } from '../http/openapi.ts';
import { accessTo, actorOf, listScope, viewerOf, type Viewer } from './access.ts';
import {
  APPLICATION_BODY_LIMIT,
  EXPORT_MAX_ROWS,
  actionResultSchema,
  actionSchema,
  createdSchema,
  detailSchema,
  errorSchema,
  exportQuerySchema,
  idParamsSchema,
  letterParamsSchema,
  listQuerySchema,
  listSchema,
  onlineApplicationSchema,
  parseApiInput,
  publicStatusSchema,
  registeredSchema,
  registrationSchema,
  statusQuerySchema,
  toAction,
} from './api-schemas.ts';
import { detailOf, eventViewOf, exportRowOf, listItemOf, publicStatusOf, type NameOf } from './api-views.ts';
import { deadlineOf } from './clock.ts';
import { maskRow, toCsv, toXlsx, type ExportRow } from './export.ts';
import { letterDocx } from './letters/docx.ts';
import { LetterError, type Letter } from './letters/render.ts';
import type { CaseEvent } from './model.ts';
import { letterAtStep, lettersOf, stateLabel } from './present.ts';
import { agencyNames, filesOf } from './staff-data.ts';
import { storeContext, type ApplicationDeps, type ApplicationPlugin } from './routes.ts';
import {
  StepRefused,
  applyAction,
  eventsOf,
  findByQueryCode,
  getApplication,
  listApplications,
  submitApplication,
  type ApplicationRow,
  type ListFilters,
} from './store.ts';

/** Where the plugin is mounted (app.ts); links in answers and the document's server URL. */
export const API_PREFIX = '/api/v1';

/** An online application per address: generous for an office's shared address, tight for a flood. */
export const CREATE_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;
/** Status look-ups per address: bounds guessing of 查询码 (31^8 codes per number). */
export const STATUS_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

const NOT_FOUND = '未找到该申请';
const WRONG_CODE = '申请编号或查询码不正确';

const TAGS = [
  { name: '申请人', description: '无需登录：网上提交申请，凭申请编号和查询码查询进度' },
  { name: '办理', description: '工作人员（登录后）：申请列表、详情、登记、办理步骤、文书' },
  { name: '导出', description: '工作人员：申请台账导出（CSV、XLSX）' },
  { name: '接口说明', description: '本文档' },
] as const;

const INFO: DocumentInfo = {
  title: 'Gongkai 政府信息公开 API',
  version: '1.0.0',
  description:
    '依申请公开的接口。申请人接口无需登录；工作人员接口凭登录（POST /login，JSON 或表单）取得的会话 Cookie（gongkai_session）调用。' +
    '请求体一律为 JSON（Content-Type: application/json）。错误一律返回 {"error":{"message":"中文说明","field":"出错字段"}}：' +
    '400 请求格式错误（如 JSON 不合法），401 未登录，403 无权办理，404 不存在或无权查看，409 当前状态不允许，415 不是 JSON，422 内容不正确，429 请求过于频繁。' +
    '列表和导出中的证件号码、电话、地址、邮箱按权限脱敏。',
  servers: [{ url: API_PREFIX }],
  tags: TAGS,
  securitySchemes: {
    [SESSION_SCHEME]: sessionSecurityScheme,
  },
  schemas: { [ERROR_SCHEMA]: errorSchema },
};

function refusedAsHttp(e: unknown): never {
  if (e instanceof StepRefused) throw new HttpError(e.status, e.message);
  if (e instanceof LetterError) throw new HttpError(422, e.message);
  throw e;
}

/** The routes of the API, in the order of the document. */
export function apiRouteTable(deps: ApplicationDeps): ApiRoute[] {
  const { db } = deps;
  let document: unknown;
  const routes: ApiRoute[] = [
    defineRoute({
      method: 'POST',
      url: '/applications',
      operationId: 'createApplication',
      access: 'public',
      tag: '申请人',
      summary: '提交政府信息公开申请（网上申请）',
      description:
        '字段与网上申请表相同，另加受理机关 agencyId 和附件（base64，最多 5 个，每个不超过 10 MB，限 PDF、JPG、PNG，按文件头识别）。' +
        '请为每次提交生成一个提交标识 idempotencyKey：网络中断后以同一标识重试，返回原申请（200，duplicate 为 true），不会重复立案。',
      body: onlineApplicationSchema,
      bodyLimit: APPLICATION_BODY_LIMIT,
      rateLimit: { ...CREATE_RATE_LIMIT, max: deps.submitLimit },
      responses: {
        201: jsonResponse('已提交：申请编号和查询码', createdSchema),
        200: jsonResponse('同一提交标识已提交过：原申请的编号和查询码', createdSchema),
      },
      handle: async (_request, reply, { body }) => {
        const { agencyId, attachments } = body;
        const agency = await getAgency(db, agencyId);
        if (!agency || agency.type === 'office') throw new HttpError(422, '受理机关不存在或不受理政府信息公开申请', 'agencyId');
        const applicant = { userId: null, role: 'applicant' as const, agencyId: null };
        const done = await submitApplication(
          db,
          body,
          { agencyId, channel: 'online', actor: applicant, ...(attachments ? { attachments } : {}) },
          storeContext(deps),
        ).catch(refusedAsHttp);
        reply.code(done.duplicate ? 200 : 201);
        return { number: done.number, queryCode: done.queryCode, duplicate: done.duplicate };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/applications/status',
      operationId: 'applicationStatus',
      access: 'public',
      tag: '申请人',
      summary: '凭申请编号和查询码查询办理进度',
      description: '返回状态、收到申请之日、答复期限、申请人可见的办理步骤和已发出的文书。编号或查询码不对时一律返回 404。',
      body: statusQuerySchema,
      rateLimit: STATUS_RATE_LIMIT,
      responses: { 200: jsonResponse('办理进度', publicStatusSchema), 404: errorResponse(WRONG_CODE) },
      handle: async (_request, _reply, { body }) => {
        const row = await findByQueryCode(db, body.number, body.queryCode);
        if (!row) throw new HttpError(404, WRONG_CODE);
        return publicStatusOf(row, await eventsOf(db, row.id));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/applications',
      operationId: 'listApplications',
      access: 'staff',
      tag: '办理',
      summary: '申请列表',
      description: '本人可见范围内的申请（公开办：本机关；承办部门：转办给本部门的；监督人员：所辖机关），最紧迫的在前。列表中从不出现证件号码、电话、地址、邮箱。',
      query: listQuerySchema,
      responses: { 200: jsonResponse('一页申请', listSchema) },
      handle: async (request, _reply, { query }) => {
        const viewer = await viewerFor(request);
        const { rows, total } = await listApplications(db, listScope(viewer), filtersOf(query, query.limit, query.offset), storeContext(deps));
        const nameOf = await agencyNamesOf(rows);
        return { total, items: rows.map((r) => listItemOf(r, nameOf)) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/applications/register',
      operationId: 'registerApplication',
      access: 'staff',
      tag: '办理',
      summary: '登记申请（当面、信函、传真、电子邮件等）',
      description:
        '公开办登记以网上平台以外的方式收到的申请，登记即签收：receivedOn 为法定的收到申请之日（条例第三十一条），答复期限从此日起算。' +
        '受理机关为登记人所在机关。返回的查询码须告知申请人。',
      body: registrationSchema,
      bodyLimit: APPLICATION_BODY_LIMIT,
      responses: {
        201: jsonResponse('已登记', registeredSchema),
        200: jsonResponse('同一提交标识已登记过：原申请', registeredSchema),
        403: errorResponse('只有公开办可以登记申请'),
        409: errorResponse('该提交标识已被其他机关的申请使用'),
      },
      handle: async (request, reply, { body }) => {
        const viewer = await viewerFor(request);
        const { channel, receivedOn, arrivedOn, attachments } = body;
        const done = await submitApplication(
          db,
          body,
          {
            agencyId: viewer.actingAgencyId,
            channel,
            actor: actorOf(viewer),
            on: receivedOn,
            ...(arrivedOn ? { arrivedOn } : {}),
            ...(attachments ? { attachments } : {}),
          },
          storeContext(deps),
        ).catch(refusedAsHttp);
        if (done.duplicate) {
          const first = await getApplication(db, done.id);
          if (!first || accessTo(viewer, first) !== 'full') throw new HttpError(409, '该提交标识已被使用，请换一个提交标识');
        }
        reply.code(done.duplicate ? 200 : 201);
        return { id: done.id, number: done.number, queryCode: done.queryCode, duplicate: done.duplicate };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/applications/export.csv',
      operationId: 'exportApplicationsCsv',
      access: 'staff',
      tag: '导出',
      summary: '导出申请台账（CSV）',
      description: exportDescription('CSV（UTF-8，带 BOM，Excel 可直接打开）'),
      query: exportQuerySchema,
      responses: { 200: { description: '申请台账', mediaType: 'text/csv', headers: exportHeaders } },
      handle: async (request, reply, { query }) => {
        const { rows, total, today } = await exportRows(request, query, 'csv');
        return sendFile(reply, Buffer.from(toCsv(rows, { reveal: true }), 'utf8'), 'text/csv; charset=utf-8', `申请台账-${today}.csv`, countHeaders(total, rows.length));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/applications/export.xlsx',
      operationId: 'exportApplicationsXlsx',
      access: 'staff',
      tag: '导出',
      summary: '导出申请台账（XLSX）',
      description: exportDescription('Excel 工作簿（XLSX）'),
      query: exportQuerySchema,
      responses: { 200: { description: '申请台账', mediaType: XLSX, headers: exportHeaders } },
      handle: async (request, reply, { query }) => {
        const { rows, total, today } = await exportRows(request, query, 'xlsx');
        const workbook = await toXlsx(rows, { reveal: true, sheetName: '申请台账' });
        return sendFile(reply, workbook, XLSX, `申请台账-${today}.xlsx`, countHeaders(total, rows.length));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/applications/:id',
      operationId: 'getApplication',
      access: 'staff',
      tag: '办理',
      summary: '申请详情',
      description:
        '申请人信息（本案经办人员见完整信息，其他可查看的人员见脱敏信息）、办理步骤、答复期限及其计算过程、文书。无权查看的申请返回 404。',
      params: idParamsSchema,
      responses: { 200: jsonResponse('申请详情', detailSchema), 404: errorResponse(NOT_FOUND) },
      handle: async (request, _reply, { params }) => {
        const viewer = await viewerFor(request);
        const { row, access } = await caseFor(viewer, params.id);
        const events = await eventsOf(db, row.id);
        const ctx = storeContext(deps);
        const attachments = (await filesOf(db, row.id)).map(({ name, mime, size }) => ({ name, mime, size }));
        return detailOf({
          row,
          access,
          events,
          deadline: deadlineOf(events, deps.calendar, ctx.today, { explain: true }),
          nameOf: await agencyNamesOf([row]),
          letterHref: (seq) => `${API_PREFIX}/applications/${row.id}/letters/${seq}.docx`,
          attachments,
        });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/applications/:id/actions',
      operationId: 'applyAction',
      access: 'staff',
      tag: '办理',
      summary: '办理步骤（签收、转办、补正、答复、送达……）',
      description:
        '请求体为一个办理步骤：type 为操作类型，data 为该类型的内容（见各类型的结构），on 为该步骤的法定日期（默认今天），reason 为理由。' +
        '是否允许由办理规则决定：403 无权办理（如监督人员、未转办至本部门），409 当前状态不允许或已被他人更新，422 内容或日期不符合规则；' +
        '产生文书的步骤（补正通知、延期告知、收费通知、答复）须能生成其文书，否则 422 并说明缺少什么。',
      params: idParamsSchema,
      body: actionSchema,
      responses: {
        200: jsonResponse('已办理：新的步骤和申请的状态', actionResultSchema),
        403: errorResponse('无权办理'),
        404: errorResponse(NOT_FOUND),
        409: errorResponse('当前状态不允许此操作'),
      },
      handle: async (request, _reply, { params, body }) => {
        const viewer = await viewerFor(request);
        const { row, access } = await caseFor(viewer, params.id);
        const agencyName = (await getAgency(db, row.agency_id))?.name ?? '';
        const ctx = storeContext(deps);
        const letterCheck = (event: CaseEvent, events: readonly CaseEvent[], current: ApplicationRow): string | null => {
          if (!lettersOf([event]).length) return null;
          try {
            letterAtStep(current, [...events, event], event.seq, agencyName, deps.calendar);
            return null;
          } catch (e) {
            if (e instanceof LetterError) return `无法生成文书：${e.message}`;
            throw e;
          }
        };
        const done = await applyAction(db, row.id, toAction(body), actorOf(viewer), ctx, letterCheck).catch(refusedAsHttp);
        return {
          event: eventViewOf(done.event, access !== 'full'),
          state: {
            state: done.row.state,
            label: stateLabel(done.row.state),
            receivedOn: done.row.received_on,
            dueOn: done.row.due_on,
            departmentId: done.row.department_id,
          },
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/applications/:id/letters/:seq.docx',
      operationId: 'getLetterDocx',
      access: 'staff',
      tag: '办理',
      summary: '下载文书（Word）',
      description:
        '补正通知书、延期答复告知书、收费通知书、答复书，按产生它的步骤序号下载。凡可查看本案的工作人员均可下载：文书只含申请人姓名和所申请的信息，不含证件号码、电话、地址、邮箱。',
      params: letterParamsSchema,
      responses: { 200: { description: '文书', mediaType: DOCX }, 404: errorResponse('未找到该申请或该文书'), 422: errorResponse('文书无法生成') },
      handle: async (request, reply, { params }) => {
        const viewer = await viewerFor(request);
        const { row } = await caseFor(viewer, params.id);
        const events = await eventsOf(db, row.id);
        const found = lettersOf(events).find((l) => l.seq === params.seq);
        if (!found) throw new HttpError(404, '未找到该文书');
        const agencyName = (await getAgency(db, row.agency_id))?.name ?? '';
        let letter: Letter;
        try {
          letter = letterAtStep(row, events, params.seq, agencyName, deps.calendar);
        } catch (e) {
          refusedAsHttp(e);
        }
        return sendFile(reply, await letterDocx(letter), DOCX, `${row.number}-${found.label}.docx`);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/openapi.json',
      operationId: 'openApiDocument',
      access: 'public',
      tag: '接口说明',
      summary: '本接口的 OpenAPI 3.1 文档',
      responses: { 200: jsonResponse('OpenAPI 文档', z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) })) },
      handle: async () => (document ??= openApiDocument(INFO, routes)),
    }),
  ];
  return routes;

  // ── helpers of the handlers ────────────────────────────────────────────────────────────────────────────

  async function viewerFor(request: FastifyRequest): Promise<Viewer> {
    return viewerOf(db, staffOf(request));
  }

  /** The case and how much of it the viewer sees; 404 when it does not exist or the viewer may not see it. */
  async function caseFor(viewer: Viewer, id: number): Promise<{ row: ApplicationRow; access: 'full' | 'masked' }> {
    const row = await getApplication(db, id);
    const access = row ? accessTo(viewer, row) : null;
    if (!row || access === null) throw new HttpError(404, NOT_FOUND);
    return { row, access };
  }

  /** The names of the agencies and departments of `rows`. */
  async function agencyNamesOf(rows: readonly ApplicationRow[]): Promise<NameOf> {
    const names = await agencyNames(db, rows.flatMap((r) => [r.agency_id, r.department_id]));
    return (id) => names.get(id) ?? `机关 ${id}`;
  }

  /** Up to EXPORT_MAX_ROWS rows of the viewer's scope, each masked unless revealed and handled by the viewer. */
  async function exportRows(request: FastifyRequest, query: z.output<typeof exportQuerySchema>, format: 'csv' | 'xlsx') {
    const viewer = await viewerFor(request);
    const ctx = storeContext(deps);
    const scope = listScope(viewer);
    const page = 200;
    const found: ApplicationRow[] = [];
    let total = 0;
    while (found.length < EXPORT_MAX_ROWS) {
      const result = await listApplications(db, scope, filtersOf(query, page, found.length), ctx);
      total = result.total;
      found.push(...result.rows);
      if (result.rows.length < page || found.length >= total) break;
    }
    const rows = found.slice(0, EXPORT_MAX_ROWS);
    const nameOf = await agencyNamesOf(rows);
    const reveal = query.reveal === '1';
    let revealed = 0;
    const shown: ExportRow[] = rows.map((r) => {
      const full = exportRowOf(r, nameOf);
      if (reveal && accessTo(viewer, r) === 'full') {
        revealed += 1;
        return full;
      }
      return maskRow(full);
    });
    if (revealed > 0) {
      await appendAudit(db, {
        actorUserId: viewer.userId,
        agencyId: viewer.agencyId,
        subjectType: 'application_export',
        subjectId: ctx.today,
        action: 'export_revealed',
        data: { format, rows: shown.length, revealed, filters: { state: query.state ?? null, due: query.due ?? null, q: query.q ? true : null } },
      });
    }
    return { rows: shown, total, today: ctx.today };
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const exportHeaders = {
  'x-total-count': { description: '符合条件的申请总数（可能多于导出的行数）', schema: { type: 'integer' } },
  'x-exported-rows': { description: '导出的行数（最多 10000）', schema: { type: 'integer' } },
};

const countHeaders = (total: number, rows: number) => ({ 'x-total-count': String(total), 'x-exported-rows': String(rows) });

function exportDescription(format: string): string {
  return (
    `${format}。筛选条件与申请列表相同，按紧迫程度排序，最多导出 ${EXPORT_MAX_ROWS.toLocaleString('en-US')} 行（响应头 x-total-count 为符合条件的总数）。` +
    '证件号码、电话、地址、邮箱默认脱敏；reveal=1 时只对本人经办、可见完整信息的申请显示完整信息（监督人员和其他部门始终脱敏），并记入审计日志。'
  );
}

function filtersOf(query: { state?: ApplicationRow['state'][] | undefined; due?: 'overdue' | 'soon' | undefined; q?: string | undefined }, limit: number, offset: number): ListFilters {
  return {
    ...(query.state ? { states: query.state } : {}),
    ...(query.due ? { due: query.due } : {}),
    ...(query.q ? { q: query.q } : {}),
    limit,
    offset,
  };
}

export const apiRoutes: ApplicationPlugin = async (app, deps) => {
  const routes = apiRouteTable(deps);
  await app.register(async (open) => {
    for (const route of routes.filter((r) => r.access === 'public')) registerRoute(open, route, parseApiInput);
  });
  await app.register(async (staff) => {
    staff.addHook('onRequest', staffGuard(deps.db));
    for (const route of routes.filter((r) => r.access === 'staff')) registerRoute(staff, route, parseApiInput);
  });
};

// 申请办理: the viewer's cases, most urgent first, with counters, filters (GET, so a filtered list is a link),
// pages of 50 and the export links. The applicant is named, never identified further (DESIGN §4).
import { renderPage, type StaffBadge } from '../../../web/layout.tsx';
import { CASE_STATES, STATE_LABELS } from '../../model.ts';
import type { DueCell } from './format.ts';

export interface InboxFilters {
  state: string;
  due: string;
  q: string;
  page: number;
}

export interface InboxRow {
  id: number;
  number: string;
  receivedOn: string | null;
  applicant: string;
  excerpt: string;
  department: string;
  stateLabel: string;
  due: DueCell;
}

export interface InboxView {
  staff: StaffBadge;
  /** Whose cases these are: 示范市人民政府 … */
  scopeName: string;
  canRegister: boolean;
  filters: InboxFilters;
  counters: { pending: number; soon: number; overdue: number };
  rows: InboxRow[];
  total: number;
  pageSize: number;
  soonDays: number;
}

const BASE = '/staff/applications';

/** The query string of a filter set (page 1 and blank values left out). */
export function filterQuery(f: Partial<InboxFilters>): string {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.due) p.set('due', f.due);
  if (f.q) p.set('q', f.q);
  if (f.page && f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

function DueText({ due }: { due: DueCell }) {
  return (
    <td class={`due due--${due.kind}`}>
      {due.due ? <time datetime={due.due}>{due.due}</time> : null}
      {due.note ? <span class="due__note">{due.note}</span> : null}
    </td>
  );
}

function Counters({ counters, soonDays }: Pick<InboxView, 'counters' | 'soonDays'>) {
  const items = [
    { n: counters.pending, label: '待签收', href: `${BASE}${filterQuery({ state: 'pending' })}`, kind: 'pending' },
    { n: counters.soon, label: '即将到期', href: `${BASE}${filterQuery({ due: 'soon' })}`, kind: 'soon', hint: `${soonDays} 个工作日内` },
    { n: counters.overdue, label: '已超期', href: `${BASE}${filterQuery({ due: 'overdue' })}`, kind: 'overdue' },
  ];
  return (
    <ul class="counters" aria-label="待办统计">
      {items.map((c) => (
        <li class={`counter counter--${c.kind}`}>
          <a href={c.href}>
            <span class="counter__n">{c.n}</span>
            <span class="counter__label">
              {c.label}
              {c.hint ? <span class="muted">（{c.hint}）</span> : null}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Filters({ filters }: { filters: InboxFilters }) {
  return (
    <form class="filters" method="get" action={BASE} role="search">
      <label>
        状态
        <select name="state">
          <option value="">全部</option>
          {CASE_STATES.map((s) => (
            <option value={s} selected={filters.state === s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        期限
        <select name="due">
          <option value="">全部</option>
          <option value="soon" selected={filters.due === 'soon'}>
            即将到期
          </option>
          <option value="overdue" selected={filters.due === 'overdue'}>
            已超期
          </option>
        </select>
      </label>
      <label class="filters__q">
        检索
        <input type="search" name="q" value={filters.q} maxLength={100} placeholder="申请编号、申请人或所需信息" />
      </label>
      <button type="submit" class="button">
        筛选
      </button>
      <a href={BASE}>清除条件</a>
    </form>
  );
}

function Pager({ filters, total, pageSize }: Pick<InboxView, 'filters' | 'total' | 'pageSize'>) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const page = Math.min(filters.page, pages);
  return (
    <nav class="pager" aria-label="分页">
      {page > 1 ? <a href={`${BASE}${filterQuery({ ...filters, page: page - 1 })}`}>上一页</a> : null}
      <span>
        第 {page} / {pages} 页
      </span>
      {page < pages ? <a href={`${BASE}${filterQuery({ ...filters, page: page + 1 })}`}>下一页</a> : null}
    </nav>
  );
}

export function renderInbox(v: InboxView): string {
  const exportQuery = filterQuery({ state: v.filters.state, due: v.filters.due, q: v.filters.q });
  return renderPage({
    title: '申请办理',
    staff: v.staff,
    children: (
      <div class="workbench">
        <p class="crumbs">
          <a href="/staff">工作台</a> › 申请办理
        </p>
        <h1>申请办理</h1>
        <p class="lead">{v.scopeName}</p>
        <Counters counters={v.counters} soonDays={v.soonDays} />
        <div class="toolbar">
          {v.canRegister ? (
            <a class="button" href={`${BASE}/new`}>
              登记申请
            </a>
          ) : null}
          <span class="toolbar__export">
            导出：
            <a href={`/api/v1/applications/export.csv${exportQuery}`}>CSV</a>
            <a href={`/api/v1/applications/export.xlsx${exportQuery}`}>Excel（XLSX）</a>
          </span>
        </div>
        <Filters filters={v.filters} />
        {v.rows.length === 0 ? (
          <p class="panel">没有符合条件的申请。</p>
        ) : (
          <div class="table-wrap">
            <table class="cases">
              <caption>共 {v.total} 件</caption>
              <thead>
                <tr>
                  <th scope="col">申请编号</th>
                  <th scope="col">收到日期</th>
                  <th scope="col">申请人</th>
                  <th scope="col">所需信息</th>
                  <th scope="col">承办部门</th>
                  <th scope="col">状态</th>
                  <th scope="col">答复期限</th>
                </tr>
              </thead>
              <tbody>
                {v.rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`${BASE}/${r.id}`}>{r.number}</a>
                    </th>
                    <td>{r.receivedOn ?? '—'}</td>
                    <td>{r.applicant}</td>
                    <td>{r.excerpt}</td>
                    <td>{r.department}</td>
                    <td>{r.stateLabel}</td>
                    <DueText due={r.due} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager filters={v.filters} total={v.total} pageSize={v.pageSize} />
      </div>
    ),
  });
}

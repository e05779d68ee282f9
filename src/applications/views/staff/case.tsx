// The case page of the workbench: the applicant (in full or masked, as access.ts says), what was asked, the
// statutory clock with its explanation, the record of every step, the letters, and the forms of the steps the
// viewer may take. A refused step comes back here with its message at the top.
import type { ComponentChildren } from 'preact';
import { renderPage, type StaffBadge } from '../../../web/layout.tsx';
import { REGIMES } from '../../../clock/law.ts';
import type { DeadlineOutput } from '../../../clock/output.ts';
import type { ApplicantView } from '../../present.ts';
import { channelLabel, pickupLabel, provisionLabel } from '../../present.ts';
import type { ActionType, CaseEvent, CaseState } from '../../model.ts';
import type { CaseClockStatus } from '../../clock.ts';
import type { ApplicationRow } from '../../store.ts';
import type { AuditExtra, FileInfo } from '../../staff-data.ts';
import { ActionForms, type ActionFormContext } from './action-forms.tsx';
import { dateText } from './format.ts';
import { Timeline } from './timeline.tsx';

export interface CaseView {
  staff: StaffBadge;
  row: ApplicationRow;
  state: CaseState;
  access: 'full' | 'masked';
  applicant: ApplicantView;
  /** The agency that received the application. */
  agencyName: string;
  departmentName: string | null;
  files: readonly FileInfo[];
  /** The clock as `gongkai deadline` prints it, with the case's status; null before receipt. */
  deadline: (DeadlineOutput & { caseStatus: CaseClockStatus }) | null;
  events: readonly CaseEvent[];
  agencyNames: ReadonlyMap<number, string>;
  extras: readonly AuditExtra[];
  letters: readonly { seq: number; label: string; on: string }[];
  actions: readonly ActionType[];
  forms: ActionFormContext;
  /** What just happened (after a step was accepted). */
  notice?: string;
  /** Why a step was refused. */
  error?: string;
  /** The 查询码 of a case just registered: shown once. */
  queryCode?: string;
}

const CLOCK_STATUS: Readonly<Record<CaseClockStatus, string>> = {
  open: '计时中',
  paused: '暂停计时',
  answered_on_time: '已按时答复',
  answered_late: '逾期答复',
  overdue: '已超期',
  abandoned: '视为放弃，不再计算',
  withdrawn: '已撤回，不再计算',
};

const PAUSE_KINDS: Readonly<Record<string, string>> = { consultation: '征求意见', fee: '收费' };

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Notices({ v }: { v: CaseView }) {
  return (
    <>
      {v.error ? (
        <div class="alert" role="alert" id="case-error">
          <p>
            <strong>未能办理：</strong>
            {v.error}
          </p>
        </div>
      ) : null}
      {v.notice ? (
        <p class="notice" role="status" id="case-notice">
          {v.notice}
        </p>
      ) : null}
      {v.queryCode ? (
        <div class="notice notice--code" role="status" id="query-code">
          <p>
            申请已登记。申请编号 <strong>{v.row.number}</strong>，查询码 <strong class="query-code">{v.queryCode}</strong>
          </p>
          <p>查询码只显示这一次：请交给申请人（写入受理回执），申请人凭申请编号和查询码查询办理进度。</p>
        </div>
      ) : null}
    </>
  );
}

function ApplicantPanel({ a }: { a: ApplicantView }) {
  return (
    <section class="panel" aria-labelledby="h-applicant">
      <h2 id="h-applicant">申请人</h2>
      {a.masked ? <p class="tag tag--masked">个人信息已隐去</p> : null}
      <dl class="facts">
        <Fact label="申请人类型">{a.kindLabel}</Fact>
        <Fact label="姓名或者名称">{a.name}</Fact>
        <Fact label={a.documentLabel}>{a.documentNumber || '—'}</Fact>
        {a.legalRep ? <Fact label="法定代表人或负责人">{a.legalRep}</Fact> : null}
        {a.contactName ? <Fact label="联系人">{a.contactName}</Fact> : null}
        <Fact label="联系电话">{a.phone}</Fact>
        {a.email ? <Fact label="电子邮箱">{a.email}</Fact> : null}
        {a.address ? <Fact label="通信地址">{a.address}</Fact> : null}
        {a.postcode ? <Fact label="邮政编码">{a.postcode}</Fact> : null}
      </dl>
    </section>
  );
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function ContentPanel({ v }: { v: CaseView }) {
  const { row } = v;
  return (
    <section class="panel" aria-labelledby="h-content">
      <h2 id="h-content">申请内容</h2>
      <dl class="facts">
        <Fact label="所需政府信息">
          <span class="pre">{row.description}</span>
        </Fact>
        {row.purpose ? (
          <Fact label="用途说明">
            <span class="pre">{row.purpose}</span>
          </Fact>
        ) : null}
        <Fact label="载体形式">{provisionLabel(row.provision)}</Fact>
        <Fact label="获取方式">{pickupLabel(row.pickup)}</Fact>
        <Fact label="申请方式">{channelLabel(row.channel)}</Fact>
      </dl>
      <h3>附件</h3>
      {v.files.length === 0 ? (
        <p class="muted">无</p>
      ) : (
        <ul class="files">
          {v.files.map((f) => (
            <li>
              {v.access === 'full' ? <a href={`/staff/applications/${row.id}/files/${f.id}`}>{f.name}</a> : <span>{f.name}</span>}{' '}
              <span class="muted">
                （{sizeText(f.size)}）{v.access === 'full' ? '' : '仅承办人员可以下载'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeadlinePanel({ d }: { d: CaseView['deadline'] }) {
  return (
    <section class="panel" aria-labelledby="h-deadline">
      <h2 id="h-deadline">期限</h2>
      {d === null ? (
        <p>申请签收后，以签收之日（双方确认之日）为收到申请之日，开始计算答复期限。</p>
      ) : (
        <>
          <dl class="facts" id="deadline">
            <Fact label="适用">{`${REGIMES[d.regime].title}${REGIMES[d.regime].replyArticle}，答复期限 ${d.periodWorkingDays} 个工作日`}</Fact>
            <Fact label="收到申请之日">{dateText(d.receivedOn)}</Fact>
            <Fact label="补正通知期限">
              {dateText(d.correctionNoticeDue)}
              {d.correctionNoticeLate ? '（补正通知逾期发出）' : ''}
            </Fact>
            {d.start !== null && d.start !== d.receivedOn ? <Fact label="重新起算之日">{dateText(d.start)}</Fact> : null}
            <Fact label="原定答复期限">{d.baseDue ? dateText(d.baseDue) : d.awaitingCorrection ? '待补正，收到补正后重新计算' : '—'}</Fact>
            {d.pauses.length > 0 ? (
              <Fact label="暂停计时">
                <ul class="plain">
                  {d.pauses.map((p) => (
                    <li>
                      {p.kinds.map((k) => PAUSE_KINDS[k] ?? k).join('、')}：{dateText(p.from)} 至 {p.to ? dateText(p.to) : '尚未结束'}
                      {p.removedWorkingDays !== null ? `，扣除 ${p.removedWorkingDays} 个工作日` : ''}
                    </li>
                  ))}
                </ul>
              </Fact>
            ) : null}
            <Fact label="延期">{d.extended ? `已延期（${d.extendedOn ? dateText(d.extendedOn) : ''}批准）${d.extensionLate ? '，但批准晚于原定期限' : ''}` : '未延期'}</Fact>
            {d.customDeadline ? <Fact label="另行确定的答复期限">{`${dateText(d.customDeadline.on)}（第三十五条；理由：${d.customDeadline.reason}）`}</Fact> : null}
            <dt>答复期限</dt>
            <dd class="deadline-due">{d.due ? <time datetime={d.due}>{dateText(d.due)}</time> : <span>{d.awaitingCorrection ? '待补正，暂不计算' : '暂停计时，恢复后确定'}</span>}</dd>
            {d.remainingWorkingDays === null ? null : d.status === 'overdue' ? (
              <Fact label="已超期">{d.remainingWorkingDays < 0 ? `${-d.remainingWorkingDays} 个工作日` : '期限已过'}</Fact>
            ) : (
              <Fact label="剩余工作日">{`${d.remainingWorkingDays} 个工作日（含期限当日）`}</Fact>
            )}
            {d.marginWorkingDays !== null ? (
              <Fact label="答复时间">{d.marginWorkingDays >= 0 ? `期限前 ${d.marginWorkingDays} 个工作日送达` : `超过期限 ${-d.marginWorkingDays} 个工作日送达`}</Fact>
            ) : null}
            {d.answeredOn ? <Fact label="答复送达之日">{dateText(d.answeredOn)}</Fact> : null}
            <Fact label="状态">{CLOCK_STATUS[d.caseStatus]}</Fact>
          </dl>
          {d.provisional ? <p class="alert">{d.provisionalYears.join('、')} 年的节假日安排尚未载入，期限为暂定。</p> : null}
          <details class="steps">
            <summary>计算过程</summary>
            <ol>
              {d.steps.map((s) => (
                <li>{s}</li>
              ))}
            </ol>
          </details>
        </>
      )}
    </section>
  );
}

function LettersPanel({ v }: { v: CaseView }) {
  return (
    <section class="panel" aria-labelledby="h-letters">
      <h2 id="h-letters">文书</h2>
      {v.letters.length === 0 ? (
        <p class="muted">尚无文书。发出补正通知、收费通知、批准延期或作出答复后，在此打印或下载相应文书。</p>
      ) : (
        <ul class="letters">
          {v.letters.map((l) => (
            <li>
              {l.label}（{dateText(l.on)}，第 {l.seq} 步）<a href={`/staff/applications/${v.row.id}/letters/${l.seq}`}>打印</a>{' '}
              <a href={`/staff/applications/${v.row.id}/letters/${l.seq}.docx`}>下载 Word</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function renderCase(v: CaseView): string {
  const { row, state } = v;
  return renderPage({
    title: `申请 ${row.number}`,
    staff: v.staff,
    children: (
      <div class="workbench">
        <p class="crumbs">
          <a href="/staff">工作台</a> › <a href="/staff/applications">申请办理</a> › {row.number}
        </p>
        <h1>
          申请 {row.number} <span class={`state state--${state.state}`}>{state.stateLabel}</span>
        </h1>
        <Notices v={v} />
        <dl class="facts facts--summary">
          <Fact label="收到申请的机关">{v.agencyName}</Fact>
          <Fact label="承办部门">{v.departmentName ?? '公开办（尚未转办）'}</Fact>
          {state.submittedOn ? <Fact label="提交日期">{dateText(state.submittedOn)}</Fact> : null}
          <Fact label="收到申请之日">{state.receivedOn ? dateText(state.receivedOn) : '待签收'}</Fact>
        </dl>
        <div class="case-grid">
          <div class="case-main">
            <ApplicantPanel a={v.applicant} />
            <ContentPanel v={v} />
            <section class="panel" aria-labelledby="h-timeline">
              <h2 id="h-timeline">办理记录</h2>
              <Timeline events={v.events} agencyNames={v.agencyNames} full={v.access === 'full'} extras={v.extras} />
            </section>
          </div>
          <div class="case-side">
            <DeadlinePanel d={v.deadline} />
            <LettersPanel v={v} />
            <section class="panel" aria-labelledby="h-actions">
              <h2 id="h-actions">办理</h2>
              <ActionForms actions={v.actions} ctx={v.forms} />
            </section>
          </div>
        </div>
      </div>
    ),
  });
}

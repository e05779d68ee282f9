// 申请查询: the form (申请编号 + 查询码, posted so the code never appears in a URL), and the status page it opens —
// the case's state, receipt day, reply deadline, public steps, the applicant's own details masked, and the
// letters to download (each a small form posting the pair again).
import { renderPage } from '../../../web/layout.tsx';
import { chineseDate } from '../../model.ts';
import type { ApplicantView } from '../../present.ts';
import { Styles } from './apply-form.tsx';
import { TextField } from './fields.tsx';
import type { TimelineEntry } from '../../public-timeline.ts';

export interface TrackFormView {
  number?: string | undefined;
  /** The one message for a wrong number and a wrong code alike. */
  error?: string | undefined;
  elder: boolean;
}

export function renderTrackForm(view: TrackFormView): string {
  return renderPage({
    title: view.error ? `${view.error} - 申请查询` : '申请查询',
    elder: view.elder,
    elderToggle: '/track',
    children: (
      <>
        <Styles />
        <div class="apply apply--narrow">
          <h1>申请查询</h1>
          <p class="lead">输入提交申请时得到的申请编号和查询码，查看办理进度，下载补正通知、答复书等文书。</p>
          {view.error ? (
            <p class="alert" role="alert" id="track-error">
              {view.error}
            </p>
          ) : null}
          <form method="post" action="/track" class="apply-form" aria-describedby={view.error ? 'track-error' : undefined}>
            <TextField name="number" label="申请编号" required value={view.number} maxlength={40} autocomplete="off" hint="例如 2026-000123" />
            <TextField name="code" label="查询码" required maxlength={40} autocomplete="off" hint="8 位字母和数字，不区分大小写" />
            <button type="submit" class="button button--large">
              查询
            </button>
          </form>
          <p>
            还没有提交申请？<a href="/apply">在线申请政府信息公开</a>
          </p>
        </div>
      </>
    ),
  });
}

export interface StatusView {
  number: string;
  /** The 查询码 as entered: posted again (hidden) by the letter download forms, never shown or put in a URL. */
  code: string;
  agencyName: string;
  stateLabel: string;
  receivedOn: string | null;
  dueText: string;
  description: string;
  timeline: readonly TimelineEntry[];
  applicant: ApplicantView;
  letters: readonly { seq: number; label: string; on: string }[];
  elder: boolean;
}

function LetterForm({ view, seq, format, label }: { view: StatusView; seq: number; format: 'docx' | 'html'; label: string }) {
  return (
    <form method="post" action="/track/letter" class="letter-form">
      <input type="hidden" name="number" value={view.number} />
      <input type="hidden" name="code" value={view.code} />
      <input type="hidden" name="seq" value={String(seq)} />
      <input type="hidden" name="format" value={format} />
      <button type="submit" class="button button--secondary">
        {label}
      </button>
    </form>
  );
}

export function renderStatus(view: StatusView): string {
  const a = view.applicant;
  return renderPage({
    title: `申请 ${view.number} 的办理进度`,
    elder: view.elder,
    // The toggle returns to the query form (this page exists only as the answer to a POST).
    elderToggle: `/track?number=${encodeURIComponent(view.number)}`,
    children: (
      <>
        <Styles />
        <div class="apply">
          <h1>办理进度</h1>
          <dl class="facts">
            <div>
              <dt>申请编号</dt>
              <dd>{view.number}</dd>
            </div>
            <div>
              <dt>受理机关</dt>
              <dd>{view.agencyName}</dd>
            </div>
            <div>
              <dt>办理状态</dt>
              <dd>
                <strong class="state">{view.stateLabel}</strong>
              </dd>
            </div>
            <div>
              <dt>收到申请日期</dt>
              <dd>{view.receivedOn ? chineseDate(view.receivedOn) : '尚未签收'}</dd>
            </div>
            <div>
              <dt>答复期限</dt>
              <dd>{view.dueText}</dd>
            </div>
          </dl>

          <section class="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">办理过程</h2>
            <ol class="timeline">
              {view.timeline.map((e) => (
                <li>
                  <p class="timeline__head">
                    <time datetime={e.on}>{chineseDate(e.on)}</time> <strong>{e.title}</strong>
                  </p>
                  {e.details.map((d) => (
                    <p class="timeline__detail">{d}</p>
                  ))}
                </li>
              ))}
            </ol>
          </section>

          <section class="panel" aria-labelledby="letters-title">
            <h2 id="letters-title">文书</h2>
            {view.letters.length === 0 ? (
              <p class="muted">暂无文书。补正通知、延期告知、收费通知和答复书作出后，可在此下载。</p>
            ) : (
              <ul class="letters">
                {view.letters.map((l) => (
                  <li>
                    <p>
                      <strong>{l.label}</strong>（{chineseDate(l.on)}）
                    </p>
                    <div class="letters__actions">
                      <LetterForm view={view} seq={l.seq} format="docx" label="下载 Word 文档" />
                      <LetterForm view={view} seq={l.seq} format="html" label="打印版（网页）" />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section class="panel" aria-labelledby="request-title">
            <h2 id="request-title">申请内容</h2>
            <p class="pre-line">{view.description}</p>
          </section>

          <section class="panel" aria-labelledby="applicant-title">
            <h2 id="applicant-title">申请人信息</h2>
            <p class="muted">为保护个人信息，部分内容已遮盖。</p>
            <dl class="facts">
              <div>
                <dt>申请人类型</dt>
                <dd>{a.kindLabel}</dd>
              </div>
              <div>
                <dt>{a.kindLabel === '自然人' ? '姓名' : '名称'}</dt>
                <dd>{a.name}</dd>
              </div>
              <div>
                <dt>{a.documentLabel}</dt>
                <dd>{a.documentNumber}</dd>
              </div>
              <div>
                <dt>联系电话</dt>
                <dd>{a.phone}</dd>
              </div>
              {a.email ? (
                <div>
                  <dt>电子邮箱</dt>
                  <dd>{a.email}</dd>
                </div>
              ) : null}
              {a.address ? (
                <div>
                  <dt>通信地址</dt>
                  <dd>{a.address}</dd>
                </div>
              ) : null}
            </dl>
          </section>
          <p>
            <a href="/track">查询其他申请</a>
          </p>
        </div>
      </>
    ),
  });
}

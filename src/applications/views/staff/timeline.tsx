// 办理记录: every step of a case as recorded — its legal date, when it was recorded, who, what, why and the
// step's details in Chinese — and the audit entries about the case that are not steps. This is the audit
// timeline: events are never edited, so what is shown is what happened.
import { chineseDate } from '../../model.ts';
import { ACTION_LABELS, CONSULTATION_PARTY_LABELS, type CaseEvent } from '../../model.ts';
import { channelLabel, deliveryLabel, replyLabel } from '../../present.ts';
import type { AuditExtra } from '../../staff-data.ts';
import { actorText, dateText, timeText } from './format.ts';

/** Audit actions that are not steps of a case. */
const AUDIT_LABELS: Readonly<Record<string, string>> = {
  download_attachment: '下载申请附件',
  export: '导出',
};

/** The details of a step, as label/value pairs. `full`: the viewer handles the case (names of consulted persons). */
export function detailsOf(e: CaseEvent, agencyNames: ReadonlyMap<number, string>, full: boolean): [string, string][] {
  switch (e.type) {
    case 'submit':
      return [['申请方式', channelLabel(e.data.channel)]];
    case 'register':
      return [
        ['申请方式', channelLabel(e.data.channel)],
        ...(e.data.arrivedOn ? ([['实际到达日期', chineseDate(e.data.arrivedOn)]] as [string, string][]) : []),
      ];
    case 'assign':
      return [['承办部门', agencyNames.get(e.data.departmentId) ?? `机关 ${e.data.departmentId}`]];
    case 'request_correction':
      return [
        ['补正事项', e.data.items],
        ['补正期限', chineseDate(e.data.periodEnd)],
      ];
    case 'start_consultation':
      return [
        ['征求意见对象', CONSULTATION_PARTY_LABELS[e.data.party]],
        ...(e.data.name ? ([['名称', full ? e.data.name : '（已隐去）']] as [string, string][]) : []),
      ];
    case 'end_consultation':
      return [
        ['所结束的征求意见', `第 ${e.data.startSeq} 步`],
        ['是否收到答复意见', e.data.replied ? '已收到' : '未收到（逾期未答复）'],
      ];
    case 'fee_notice':
      return [
        ['收费金额', `${e.data.amount} 元`],
        ['收费依据和计算方式', e.data.basis],
        ['缴费期限', chineseDate(e.data.payBy)],
      ];
    case 'custom_deadline':
      return [['确定的答复期限', chineseDate(e.data.due)]];
    case 'reply': {
      const d = e.data;
      const rows: [string, string | undefined][] = [
        ['答复类型', replyLabel(d.replyType)],
        ['法律依据', d.legalBasis],
        ['具体理由', d.subReason],
        ['予以公开的内容', d.disclosedPart],
        ['不予公开的内容', d.withheldPart],
        ['获取途径', d.whereToObtain],
        ['负责公开的机关', d.otherAgency],
        ['答复书文号', d.letterRef],
      ];
      return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
    }
    case 'deliver':
      return [['送达方式', deliveryLabel(e.data.method)]];
    case 'note':
      return [['备注', e.data.text]];
    default:
      return [];
  }
}

export function Timeline(props: { events: readonly CaseEvent[]; agencyNames: ReadonlyMap<number, string>; full: boolean; extras: readonly AuditExtra[] }) {
  return (
    <>
      <ol class="timeline">
        {props.events.map((e) => {
          const details = detailsOf(e, props.agencyNames, props.full);
          return (
            <li class={`timeline__item timeline__item--${e.type}`} id={`step-${e.seq}`}>
              <p class="timeline__head">
                <time datetime={e.on}>{dateText(e.on)}</time> <strong>{ACTION_LABELS[e.type]}</strong> <span class="muted">第 {e.seq} 步</span>
              </p>
              <p class="timeline__meta muted">
                {actorText(e.actor)} · 记录于 <time datetime={e.at}>{timeText(e.at)}</time>
              </p>
              {details.length > 0 || e.reason ? (
                <dl class="facts facts--compact">
                  {details.map(([k, v]) => (
                    <>
                      <dt>{k}</dt>
                      <dd class="pre">{v}</dd>
                    </>
                  ))}
                  {e.reason ? (
                    <>
                      <dt>理由</dt>
                      <dd class="pre">{e.reason}</dd>
                    </>
                  ) : null}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ol>
      {props.extras.length > 0 ? (
        <>
          <h3>其他记录</h3>
          <ul class="audit-extras">
            {props.extras.map((x) => (
              <li>
                <time datetime={x.at}>{timeText(x.at)}</time> {AUDIT_LABELS[x.action] ?? x.action}
                {x.actor ? `（${x.actor}）` : ''}
                {x.reason ? `：${x.reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

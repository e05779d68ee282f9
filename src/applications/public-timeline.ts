// What the applicant's status page says about a case: the steps the applicant is told of (提交, 签收, 补正, 延期,
// 收费, 答复, 送达, 撤回, 视为放弃 …) with their dates and details, and the reply deadline in words. Internal steps —
// 转办, 退回, 备注, 征求意见 (and whom), 申请延期 before a leader approved it — are left out. Pure.
import { isoOf, type IsoDate } from '../calendar/dates.ts';
import type { CaseDeadline } from './clock.ts';
import { ACTION_LABELS, chineseDate, type CaseEvent, type CaseState } from './model.ts';
import { deliveryLabel, replyLabel } from './present.ts';

export interface TimelineEntry {
  on: IsoDate;
  title: string;
  details: string[];
}

/** 5500 → 5500 元; 12.5 → 12.50 元. */
function yuan(amount: number): string {
  return `${Number.isInteger(amount) ? amount : amount.toFixed(2)} 元`;
}

function entryOf(e: CaseEvent): TimelineEntry | null {
  const at = (title: string, details: string[] = []): TimelineEntry => ({ on: e.on, title, details });
  switch (e.type) {
    case 'submit':
      return at(ACTION_LABELS.submit, ['通过互联网渠道提交']);
    case 'register':
      return at(ACTION_LABELS.register, ['行政机关收到申请并登记，当日为收到申请之日']);
    case 'sign':
      return at('签收（受理）', ['政府信息公开工作机构签收申请，当日为收到申请之日，答复期限自次日起计算']);
    case 'request_correction':
      return at('补正通知', [`需要补正的内容：${e.data.items}`, `补正期限：${chineseDate(e.data.periodEnd)}前`]);
    case 'correction_received':
      return at('收到补正', ['答复期限自收到补正之日起重新计算']);
    case 'correction_lapsed':
      return at('视为放弃申请', ['申请人无正当理由逾期不补正，行政机关不再处理该申请']);
    case 'approve_extension':
      return at('延期答复', ['经批准延长答复期限，延长的期限最长不超过 20 个工作日']);
    case 'custom_deadline':
      return at('另行确定答复期限', [`答复期限：${chineseDate(e.data.due)}`]);
    case 'fee_notice':
      return at('收费通知', [`信息处理费：${yuan(e.data.amount)}`, `计算说明：${e.data.basis}`, `缴费期限：${chineseDate(e.data.payBy)}前`]);
    case 'fee_paid':
      return at('已缴费');
    case 'fee_lapsed':
      return at('视为放弃申请', ['申请人逾期未按收费通知要求缴纳费用，行政机关不再处理该申请']);
    case 'reply':
      return at('作出答复', [`答复结果：${replyLabel(e.data.replyType)}`, ...(e.data.letterRef ? [`答复书文号：${e.data.letterRef}`] : [])]);
    case 'deliver':
      return at('送达', [`送达方式：${deliveryLabel(e.data.method)}`]);
    case 'withdraw':
      return at(ACTION_LABELS.withdraw);
    default:
      // assign, return, note, consultations, extension requests and refusals: internal to the agency.
      return null;
  }
}

/** The public steps of a case, oldest first. */
export function publicTimeline(events: readonly CaseEvent[]): TimelineEntry[] {
  return events.map(entryOf).filter((e): e is TimelineEntry => e !== null);
}

const WAITING: Partial<Record<CaseState['state'], string>> = {
  awaiting_correction: '等待补正',
  awaiting_payment: '等待缴费',
  consulting: '征求意见',
};

/** The reply deadline in words: the due date, why it is paused, or why there is none. */
export function dueText(state: CaseState, deadline: CaseDeadline | null): string {
  if (state.state === 'withdrawn') return '申请已撤回，不再计算';
  if (state.state === 'abandoned') return '申请已视为放弃，不再计算';
  if (deadline === null) return '尚未签收，自签收之日起计算';
  if (deadline.status === 'paused' || deadline.due === null) {
    return `暂停计算（${WAITING[state.state] ?? '等待补正/缴费/征求意见'}）`;
  }
  const notes = [deadline.customDeadline ? '依第三十五条另行确定' : deadline.extended ? '已延期' : ''].filter(Boolean);
  return `${chineseDate(isoOf(deadline.due))}${notes.length > 0 ? `（${notes.join('，')}）` : ''}`;
}

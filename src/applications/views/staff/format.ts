// Small formatting rules of the workbench pages: dates with their weekday, recorded times in China time, who
// did a step, and the due-date cell of a list (colour and words together, never colour alone). Pure.
import type { Calendar } from '../../../calendar/model.ts';
import { dayOf, describeDay, parseIsoDate, type IsoDate } from '../../../calendar/dates.ts';
import { roleLabels } from '../../../agencies/model.ts';
import type { ApplicationRow } from '../../store.ts';
import type { Actor } from '../../model.ts';

/** 2024-10-31（周四）; anything that is not a date stays as it is. */
export function dateText(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const day = parseIsoDate(iso);
  return day === null ? iso : describeDay(day);
}

/** An ISO timestamp (UTC) as China Standard Time: 2024-09-29 10:05. */
export function timeText(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const ACTOR_ROLE_LABELS: Readonly<Record<Actor['role'], string>> = { ...roleLabels, applicant: '申请人', system: '系统' };

/** 王敏（公开办）; 申请人; 系统. */
export function actorText(actor: Actor): string {
  const role = ACTOR_ROLE_LABELS[actor.role] ?? actor.role;
  return actor.name ? `${actor.name}（${role}）` : role;
}

/** At most `max` characters, with … when cut. */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

export type DueKind = 'overdue' | 'soon' | 'plain' | 'none';

export interface DueCell {
  kind: DueKind;
  /** The due date, when there is one. */
  due: IsoDate | null;
  /** What the cell says besides the date: 剩余 3 个工作日, 已超期 2 个工作日, 已办结 … */
  note: string;
}

const OPEN_STATES: readonly ApplicationRow['state'][] = ['pending', 'handling', 'awaiting_correction', 'consulting', 'awaiting_payment', 'answered'];

/**
 * The due-date cell of a case in a list, as of `today`: overdue (open and past its due date), due soon (within
 * `soonDays` working days, as the store's filter counts them), plain, or none (not running).
 */
export function dueCell(
  row: Pick<ApplicationRow, 'state' | 'due_on'>,
  calendar: Calendar,
  today: IsoDate,
  soonDays: number,
): DueCell {
  const due = row.due_on;
  if (!OPEN_STATES.includes(row.state)) {
    const note = row.state === 'closed' ? '已办结' : row.state === 'withdrawn' ? '已撤回' : '视为放弃';
    return { kind: 'none', due, note };
  }
  if (due === null) {
    const note = row.state === 'pending' ? '签收后起算' : row.state === 'awaiting_correction' ? '待补正，暂不计算' : '暂停计算';
    return { kind: 'none', due: null, note };
  }
  const t = dayOf(today);
  const d = dayOf(due);
  if (d < t) {
    const late = calendar.workingDaysBetween(d, t);
    return { kind: 'overdue', due, note: late > 0 ? `已超期 ${late} 个工作日` : '已超期' };
  }
  const left = calendar.workingDaysBetween(t, d);
  const note = d === t ? '今日到期' : `剩余 ${left} 个工作日`;
  // The store's filter (即将到期): due no later than the soonDays-th working day after today.
  return { kind: d <= calendar.addWorkingDays(t, soonDays) ? 'soon' : 'plain', due, note };
}

// A year's schedule, its notices and an import's changes as Chinese text, the way the notices word them:
// "国庆节：10月1日至10月8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班". Pure: no I/O.
import { dayOf, describeDay, isWeekend, weekdayOf, type IsoDate } from './dates.ts';
import type { Notice, YearSchedule } from './model.ts';
import type { DayChange, DayEntry } from './plan.ts';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const KIND = { holiday: '放假', workday: '上班' } as const;
/** Days of the same festival further apart than this are separate holidays (元旦 in January and December). */
const SAME_HOLIDAY_GAP = 20;

const monthDay = (date: IsoDate) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const withWeekday = (date: IsoDate) => `${monthDay(date)}（${WEEKDAYS[weekdayOf(dayOf(date))]}）`;

interface Cluster {
  name: string;
  off: IsoDate[];
  work: IsoDate[];
}

/** Days of each festival grouped into holidays, each make-up working day joined to its nearest holiday. */
function clusters(s: YearSchedule): Cluster[] {
  const out: Cluster[] = [];
  for (const h of [...s.holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = [...out].reverse().find((c) => c.name === h.name);
    const prev = last?.off[last.off.length - 1];
    if (last && prev && dayOf(h.date) - dayOf(prev) <= SAME_HOLIDAY_GAP) last.off.push(h.date);
    else out.push({ name: h.name, off: [h.date], work: [] });
  }
  for (const w of [...s.workdays].sort((a, b) => a.date.localeCompare(b.date))) {
    const d = dayOf(w.date);
    const distance = (c: Cluster) => Math.max(0, dayOf(c.off[0]!) - d, d - dayOf(c.off[c.off.length - 1]!));
    const near = out
      .filter((c) => c.name === w.name && c.off.length > 0)
      .sort((a, b) => distance(a) - distance(b))[0];
    if (near && distance(near) <= SAME_HOLIDAY_GAP) near.work.push(w.date);
    else out.push({ name: w.name, off: [], work: [w.date] });
  }
  const first = (c: Cluster) => [...c.off, ...c.work].sort()[0]!;
  return out.sort((a, b) => first(a).localeCompare(first(b)));
}

function offText(off: IsoDate[], adjusted: boolean): string {
  if (off.length === 0) return '';
  const contiguous = dayOf(off[off.length - 1]!) - dayOf(off[0]!) === off.length - 1;
  const days =
    off.length === 1 ? monthDay(off[0]!) : contiguous ? `${monthDay(off[0]!)}至${monthDay(off[off.length - 1]!)}` : off.map(monthDay).join('、');
  return `${days}放假${adjusted ? '调休' : ''}，共${off.length}天`;
}

/** One line per holiday, in date order. */
export function describeHolidays(s: YearSchedule): string[] {
  return clusters(s).map((c) => {
    const dates = [...c.off, ...c.work];
    const nextYears = c.name === '元旦' && dates.every((d) => d.slice(5, 7) === '12');
    const label = nextYears ? `${c.name}（${s.year + 1}年元旦假期）` : c.name;
    const parts = [offText(c.off, c.work.length > 0), c.work.length ? `${c.work.map(withWeekday).join('、')}上班` : ''];
    return `${label}：${parts.filter(Boolean).join('；')}`;
  });
}

export function describeTotals(s: YearSchedule): string {
  const weekdaysOff = s.holidays.filter((h) => !isWeekend(dayOf(h.date))).length;
  return `合计：放假${s.holidays.length}天（其中周一至周五${weekdaysOff}天），调休上班${s.workdays.length}天`;
}

/** 国办发明电〔2024〕12号《国务院办公厅关于2025年部分节假日安排的通知》（2024-11-12） */
export function describeNotice(n: Notice): string {
  const title = n.title.replace(/《/g, '〈').replace(/》/g, '〉');
  return `${n.number}《${title}》（${n.issuedOn}）${n.note ? `：${n.note}` : ''}`;
}

const entryText = (e: DayEntry) => `${e.name} ${KIND[e.kind]}`;

/** 新增：2027-01-01（周五）元旦 放假 */
export function describeChange(c: DayChange): string {
  const day = describeDay(dayOf(c.date));
  if (c.before && c.after) return `变更：${day}${entryText(c.before)} → ${entryText(c.after)}`;
  if (c.after) return `新增：${day}${entryText(c.after)}`;
  return `删除：${day}${entryText(c.before!)}`;
}

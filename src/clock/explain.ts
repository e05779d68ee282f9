// The explanation of a computed deadline in Chinese, one sentence per step (the `steps` of
// `gongkai deadline`): which rules apply, day 0, corrections, pauses, the holidays skipped and the 调休
// days counted, extension, art. 35, the result. Built only on request: it formats dates, the engine does not.
import type { Calendar } from '../calendar/model.ts';
import { describeDay, isoOf, yearOf } from '../calendar/dates.ts';
import { CORRECTION_NOTICE_DAYS, REGIMES } from './law.ts';
import type { Deadline, Pause, PausePart, Timeline } from './model.ts';

export function explainDeadline(
  timeline: Timeline,
  d: Deadline,
  calendar: Calendar,
  options: { cutover: number; feePausesClock: boolean },
): string[] {
  const steps = [regimeStep(d, options.cutover), receiptStep(d.receivedOn, calendar)];
  steps.push(...correctionSteps(timeline, d));
  for (const p of d.pauses) steps.push(pauseStep(p, d, calendar));
  if (!options.feePausesClock) {
    const notices = timeline.events.filter((e) => e.type === 'fee_notified').map((e) => describeDay(e.on));
    if (notices.length > 0) steps.push(`收费通知（${notices.join('、')}）按配置不暂停计时。`);
  }
  if (d.start !== null && d.computedDue !== null) steps.push(...calendarSteps(calendar, d.start, d.computedDue));
  const base = baseDueStep(d);
  if (base) steps.push(base);
  if (d.extendedOn !== null) steps.push(extensionStep(d, d.extendedOn));
  if (d.customDeadline) {
    const replaced = d.computedDue === null ? '' : `，取代按工作日计算的期限 ${describeDay(d.computedDue)}`;
    steps.push(
      `依条例第三十五条另行确定答复期限 ${describeDay(d.customDeadline.on)}（理由：${d.customDeadline.reason}）${replaced}；暂停不再顺延该期限。`,
    );
  }
  steps.push(resultStep(d));
  if (d.provisional) {
    steps.push(
      `${d.provisionalYears.join('、')} 年的节假日安排尚未载入，按周一至周五为工作日计算：结果为暂定，载入官方安排后应重新计算。`,
    );
  }
  return steps;
}

function regimeStep(d: Deadline, cutover: number): string {
  const rules = REGIMES[d.regime];
  const when = d.regime === '2008' ? '早于' : '不早于';
  return (
    `收到申请之日 ${isoOf(d.receivedOn)} ${when}新旧条例切换日 ${isoOf(cutover)}，适用${rules.title}${rules.replyArticle}：` +
    `答复期限 ${rules.periodWorkingDays} 个工作日，延期不超过 ${rules.periodWorkingDays} 个工作日。`
  );
}

function receiptStep(day: number, calendar: Calendar): string {
  const opening = `收到申请之日 ${describeDay(day)}为第 0 日，从次日起计算工作日`;
  const special = specialDayOf(calendar, day);
  if (special?.kind === 'holiday') return `${opening}；该日为${special.name}假日，不是工作日，但仍为第 0 日。`;
  if (special?.kind === 'workday') return `${opening}；该日为${special.name}调休上班日，是工作日。`;
  if (!calendar.isWorkingDay(day)) return `${opening}；该日为周末，不是工作日，但仍为第 0 日。`;
  return `${opening}。`;
}

function correctionSteps(timeline: Timeline, d: Deadline): string[] {
  const steps: string[] = [];
  let requested = false;
  for (const e of timeline.events) {
    if (e.type === 'correction_requested' && !requested) {
      requested = true;
      const verdict = d.correctionNoticeLate ? '补正通知逾期（程序瑕疵，单独标记，不影响答复期限的计算）' : '补正通知按时';
      steps.push(
        `${describeDay(e.on)}要求补正；补正通知应在收到申请之日起 ${CORRECTION_NOTICE_DAYS} 个工作日内发出，即不晚于 ${describeDay(d.correctionNoticeDue)}：${verdict}。`,
      );
    } else if (e.type === 'correction_requested') {
      steps.push(`${describeDay(e.on)}再次要求补正。`);
    } else if (e.type === 'correction_received') {
      steps.push(`${describeDay(e.on)}收到补正后的申请：答复期限自该日重新计算，该日为第 0 日，此前经过的日子不计。`);
    }
  }
  if (d.awaitingCorrection) steps.push('已要求补正，尚未收到补正后的申请：答复期限将自收到之日起重新计算，目前无法确定。');
  return steps;
}

function pauseStep(p: Pause, d: Deadline, calendar: Calendar): string {
  const parts = p.parts.map(partText);
  const merged = p.to === null ? `自 ${describeDay(p.from)}起（尚未结束）` : `${describeDay(p.from)}至 ${describeDay(p.to)}`;
  const what = parts.length === 1 ? parts[0]! : `${parts.join('与')}相互重叠或衔接，合并为 ${merged}`;
  if (d.start === null) return `${what}：补正后的申请尚未收到，暂停对期限的影响待重新起算后确定。`;
  if (p.to !== null && p.to <= d.start) return `${what}：在起算日 ${describeDay(d.start)}之前已结束，不影响期限。`;
  if (d.computedDue !== null && p.from >= d.computedDue) {
    return `${what}：开始于期限 ${describeDay(d.computedDue)}当日或之后，不影响期限。`;
  }
  if (p.to === null) return `${what}：计时暂停，期限待暂停结束后确定。`;
  const removed = p.removedWorkingDays ?? calendar.workingDaysBetween(Math.max(p.from, d.start), p.to);
  const before = p.from < d.start ? '；起算日之前的部分本不计算' : '';
  return `${what}：其间 ${removed} 个工作日不计入期限（开始当日照常计算，结束当日不计${before}）。`;
}

function partText(part: PausePart): string {
  const from = describeDay(part.from);
  if (part.kind === 'consultation') {
    return part.to === null ? `征求意见自 ${from}起（尚未结束）` : `征求意见 ${from}至 ${describeDay(part.to)}`;
  }
  return part.to === null ? `收费通知自 ${from}起（尚未缴费）` : `收费通知 ${from}至缴费 ${describeDay(part.to)}`;
}

/** The weekday holidays skipped and the 调休 weekend days counted in (start, due]. */
function calendarSteps(calendar: Calendar, start: number, due: number): string[] {
  const special = calendar.specialDaysBetween(start, due + 1);
  const groups: { name: string; first: number; last: number }[] = [];
  for (const s of special) {
    if (s.kind !== 'holiday') continue;
    const last = groups[groups.length - 1];
    if (last && last.name === s.name && s.day - last.last <= 7) last.last = s.day;
    else groups.push({ name: s.name, first: s.day, last: s.day });
  }
  const steps: string[] = [];
  if (groups.length > 0) {
    const list = groups.map((g) =>
      g.first === g.last ? `${g.name} ${describeDay(g.first)}` : `${g.name} ${describeDay(g.first)}至 ${describeDay(g.last)}`,
    );
    steps.push(`期间跳过法定节假日（不计为工作日）：${list.join('；')}。`);
  }
  const workdays = special
    .filter((s) => s.kind === 'workday')
    .map((s) => `${describeDay(s.day).slice(0, -1)}，${s.name}调休上班）`);
  if (workdays.length > 0) steps.push(`期间计入调休上班的周末：${workdays.join('、')}。`);
  return steps;
}

function baseDueStep(d: Deadline): string | null {
  if (d.start === null) return null;
  const n = d.periodWorkingDays;
  if (d.baseDue === null) return `计时暂停中，原定答复期限（第 ${n} 个计入的工作日）暂无法确定。`;
  const baseDue = d.baseDue;
  const paused = d.pauses.some((p) => p.from < baseDue && (p.removedWorkingDays ?? 0) > 0) ? '（暂停期间的工作日不计）' : '';
  return `自起算日起第 ${n} 个计入的工作日${paused}为 ${describeDay(baseDue)}，即原定答复期限。`;
}

function extensionStep(d: Deadline, on: number): string {
  const n = d.periodWorkingDays;
  if (d.extensionLate && d.baseDue !== null) {
    return `${describeDay(on)}决定延期，晚于原定期限 ${describeDay(d.baseDue)}：延期无效（仍予记录并标记），期限不变。`;
  }
  if (d.baseDue === null || d.computedDue === null) {
    return `${describeDay(on)}决定延期，在原定期限届满之前，延期有效：期限为第 ${2 * n} 个计入的工作日，待计时恢复后确定。`;
  }
  return `${describeDay(on)}决定延期，不晚于原定期限 ${describeDay(d.baseDue)}，延期有效：再计 ${n} 个工作日（暂停期间仍不计），期限为 ${describeDay(d.computedDue)}。`;
}

function resultStep(d: Deadline): string {
  const asOf = describeDay(d.asOf);
  if (d.answeredOn !== null) {
    const answered = `${describeDay(d.answeredOn)}作出答复`;
    if (d.due === null) return `${answered}，在计时暂停期间，答复期限尚未用完：按时答复。`;
    const margin = d.marginWorkingDays ?? 0;
    if (d.status === 'answered_late') {
      return `${answered}，晚于期限 ${describeDay(d.due)}：逾期答复${margin < 0 ? `（超过 ${-margin} 个工作日）` : ''}。`;
    }
    const note = d.answeredOn === d.due ? '（期限当日答复）' : margin > 0 ? `（提前 ${margin} 个工作日）` : '';
    return `${answered}，不晚于期限 ${describeDay(d.due)}：按时答复${note}。`;
  }
  if (d.due === null) {
    return d.awaitingCorrection ? `截至 ${asOf}，等待申请人补正，计时暂停。` : `截至 ${asOf}，计时暂停中，期限待暂停结束后确定。`;
  }
  const remaining = d.remainingWorkingDays ?? 0;
  if (d.status === 'overdue') {
    return `截至 ${asOf}，已超过期限 ${describeDay(d.due)}仍未答复：逾期${remaining < 0 ? ` ${-remaining} 个工作日` : ''}。`;
  }
  if (d.asOf === d.due) return `截至 ${asOf}，今日即为答复期限的最后一日。`;
  return `截至 ${asOf}，距期限 ${describeDay(d.due)}还有 ${remaining} 个工作日（含期限当日）。`;
}

/** The holiday or 调休 entry of the official schedule for a day (weekend days inside a holiday included). */
function specialDayOf(calendar: Calendar, day: number): { kind: 'holiday' | 'workday'; name: string } | undefined {
  const schedule = calendar.schedules.get(yearOf(day));
  if (!schedule) return undefined;
  const iso = isoOf(day);
  const holiday = schedule.holidays.find((h) => h.date === iso);
  if (holiday) return { kind: 'holiday', name: holiday.name };
  const workday = schedule.workdays.find((w) => w.date === iso);
  return workday && { kind: 'workday', name: workday.name };
}

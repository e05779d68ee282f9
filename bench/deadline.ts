// The deadline engine against the day-by-day walk: 1,000,000 timelines generated from a fixed seed (receipt
// years 2008–2026, every kind of event), computed by the engine without explanations; the same timelines,
// a subset of them, computed by stepping one day at a time (src/clock/stepping.ts), and every due date of
// the subset compared. The baseline steps the way the systems our users compare us with do: a JavaScript
// Date moved one day at a time, Monday–Friday, with the holiday and make-up days looked up in a list by
// their date text. The same walk over our precomputed working-day table is printed too, for reference.
import { dayOf } from '../src/calendar/dates.ts';
import type { Calendar } from '../src/calendar/model.ts';
import { loadCalendar, loadSchedules } from '../src/calendar/store.ts';
import { DEFAULT_CUTOVER } from '../src/clock/law.ts';
import { computeDeadline, type ClockEvent, type EventType, type Timeline } from '../src/clock/model.ts';
import { stepDeadline } from '../src/clock/stepping.ts';
import { prng } from './prng.ts';

const TOTAL = 1_000_000;
const BASELINE = 100_000;
const CHUNK = 100_000;
const SEED = 20240927;
const FIRST_RECEIPT = dayOf('2008-05-01');
const LAST_RECEIPT = dayOf('2026-12-31');
const TARGET_MICROS = 1;
const TARGET_RATIO = 50;


/** Valid timelines with a realistic mix: most answered, some corrected, consulted, charged or extended. */
function generator(seed: number): () => Timeline {
  const random = prng(seed);
  const int = (max: number) => Math.floor(random() * (max + 1));
  const chance = (p: number) => random() < p;
  return () => {
    const receivedOn = FIRST_RECEIPT + int(LAST_RECEIPT - FIRST_RECEIPT);
    const events: ClockEvent[] = [];
    let day = receivedOn;
    const pair = (open: EventType, close: EventType, openChance: number) => {
      day += 1 + int(10);
      events.push({ type: open, on: day });
      if (chance(openChance)) return false;
      day += int(15);
      events.push({ type: close, on: day });
      return true;
    };
    if (chance(0.2) && pair('correction_requested', 'correction_received', 0.1) && chance(0.2)) {
      pair('correction_requested', 'correction_received', 0.1);
    }
    if (chance(0.25) && pair('consultation_started', 'consultation_ended', 0.05) && chance(0.3)) {
      pair('consultation_started', 'consultation_ended', 0.05);
    }
    if (chance(0.1)) {
      day = receivedOn + int(20); // may overlap a consultation
      pair('fee_notified', 'fee_paid', 0.05);
    }
    if (chance(0.2)) events.push({ type: 'extended', on: receivedOn + 10 + int(30) });
    if (chance(0.03) && receivedOn >= DEFAULT_CUTOVER) {
      events.push({ type: 'custom_deadline', on: receivedOn + 40 + int(60), reason: '数量过大' });
    }
    const last = events.reduce((m, e) => (e.type === 'custom_deadline' ? m : Math.max(m, e.on)), receivedOn);
    if (chance(0.75)) events.push({ type: 'answered', on: last + int(40) });
    events.sort((a, b) => a.on - b.on);
    return { receivedOn, events, asOf: receivedOn + int(200) };
  };
}

function generate(next: () => Timeline, n: number): Timeline[] {
  return Array.from({ length: n }, next);
}

/** The calendar as a holiday list: each question answered from a Date and the day's YYYY-MM-DD text. */
function holidayListCalendar(calendar: Calendar): Calendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const s of loadSchedules()) {
    for (const h of s.holidays) holidays.add(h.date);
    for (const w of s.workdays) workdays.add(w.date);
  }
  return {
    ...calendar,
    isWorkingDay(day) {
      const date = new Date(day * 86_400_000);
      const text = date.toISOString().slice(0, 10);
      if (workdays.has(text)) return true;
      if (holidays.has(text)) return false;
      const weekday = date.getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

function timeStepping(subset: { timeline: Timeline }[], calendar: Calendar): { ms: number; dues: (number | null)[] } {
  const start = nanos();
  const dues = subset.map((s) => stepDeadline(s.timeline, calendar).due);
  return { ms: millis(start, nanos()), dues };
}

const format = (n: number) => n.toLocaleString('en-US');
const nanos = () => process.hrtime.bigint();
const millis = (from: bigint, to: bigint) => Number(to - from) / 1e6;

export async function run(): Promise<void> {
  const calendar = loadCalendar();
  const listCalendar = holidayListCalendar(calendar);
  console.log(`确定性生成 ${format(TOTAL)} 条时间线（种子 ${SEED}，收到申请年份 2008–2026，九类事件齐全，已解析为日序号）`);

  // Warm-up on other timelines, so that both sides are measured optimised by the JIT.
  const warm = generate(generator(SEED + 1), 50_000);
  for (let round = 0; round < 4; round++) {
    for (const t of warm) {
      computeDeadline(t, calendar);
      stepDeadline(t, calendar);
      if (round === 0) stepDeadline(t, listCalendar);
    }
  }

  const next = generator(SEED);
  let engineMs = 0;
  let checksum = 0;
  let subset: { timeline: Timeline; due: number | null }[] = [];
  for (let done = 0; done < TOTAL; done += CHUNK) {
    const chunk = generate(next, CHUNK);
    const start = nanos();
    for (const t of chunk) checksum += computeDeadline(t, calendar).due ?? 0;
    engineMs += millis(start, nanos());
    if (done === 0) subset = chunk.slice(0, BASELINE).map((timeline) => ({ timeline, due: null }));
  }
  // The engine's own due dates for the subset, outside the timing.
  for (const s of subset) s.due = computeDeadline(s.timeline, calendar).due;

  const listed = timeStepping(subset, listCalendar);
  const tabled = timeStepping(subset, calendar);

  let mismatches = 0;
  subset.forEach((s, i) => {
    if (s.due !== listed.dues[i] || s.due !== tabled.dues[i]) mismatches++;
  });

  const engineMicros = (engineMs * 1000) / TOTAL;
  const baselineMicros = (listed.ms * 1000) / subset.length;
  const tabledMicros = (tabled.ms * 1000) / subset.length;
  const ratio = baselineMicros / engineMicros;
  const mark = (ok: boolean) => (ok ? '达标' : '未达标');
  console.log(`引擎（O(1) 区间运算，不生成说明）：${format(TOTAL)} 条，${engineMs.toFixed(0)} ms，${engineMicros.toFixed(3)} µs/条（校验和 ${checksum}）`);
  console.log(`基线：逐日步进 + 假日列表（Date 对象，按日期文本查放假/调休表），前 ${format(subset.length)} 条（子集，控制总时长），${listed.ms.toFixed(0)} ms，${baselineMicros.toFixed(3)} µs/条`);
  console.log(`参考：逐日步进 + 预计算工作日表，同一子集，${tabled.ms.toFixed(0)} ms，${tabledMicros.toFixed(3)} µs/条（引擎快 ${(tabledMicros / engineMicros).toFixed(1)} 倍）`);
  console.log(`倍数：引擎比基线快 ${ratio.toFixed(1)} 倍`);
  console.log(`答复期限不一致：${mismatches} 条（共比较 ${format(subset.length)} 条）`);
  console.log(
    `目标：引擎 ≤ ${TARGET_MICROS} µs/条 ${mark(engineMicros <= TARGET_MICROS)}；至少快 ${TARGET_RATIO} 倍 ${mark(ratio >= TARGET_RATIO)}；不一致 0 条 ${mark(mismatches === 0)}`,
  );
  if (mismatches > 0) process.exitCode = 1;
}

// Holiday feeds in iCalendar form (RFC 5545) → days off and make-up working days. Only all-day events are
// read. Publishers mark "rest" and "work" differently; every marker we know is read, and an event whose
// markers are missing or disagree is rejected with its line number — never guessed. Pure: no I/O.
//
// Markers, any of which classifies an event:
//   SUMMARY ending in (休)/(班), full-width （休）/（班）, or (Holiday)/(Workday)  — the chinese-days feeds;
//   X-APPLE-SPECIAL-DAY:WORK-HOLIDAY / ALTERNATE-WORKDAY                         — Apple's extension, also in those feeds;
//   DESCRIPTION of just 休/放假 or 班/上班/补班;
//   SUMMARY words 放假/假期/休假 or 上班/补班/调休上班 (e.g. 春节放假, 春节补班).
import { isoOf, parseIsoDate, type IsoDate } from './dates.ts';

export type DayKind = 'holiday' | 'workday';

/** One day as a source file states it; `where` names its place in the file for messages. */
export interface MarkedDay {
  date: IsoDate;
  kind: DayKind;
  name: string;
  where: string;
}

interface Property {
  line: number;
  name: string;
  value: string;
}

interface VEvent {
  line: number;
  props: Property[];
}

const MAX_SPAN_DAYS = 62;
const MAX_EVENTS = 5000;

/** Content lines with folding undone (a line starting with a space or tab continues the previous one). */
function contentLines(text: string): Property[] {
  const joined: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const last = joined[joined.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') joined.push({ line: i + 1, text: raw });
  });
  return joined.map(({ line, text: t }) => {
    let colon = -1;
    let quoted = false;
    for (let i = 0; i < t.length && colon < 0; i++) {
      if (t[i] === '"') quoted = !quoted;
      else if (t[i] === ':' && !quoted) colon = i;
    }
    const head = colon < 0 ? t : t.slice(0, colon);
    const semi = head.indexOf(';'); // parameters (VALUE=DATE, TZID=…) are not needed: values are checked as they are
    return { line, name: (semi < 0 ? head : head.slice(0, semi)).trim().toUpperCase(), value: colon < 0 ? '' : t.slice(colon + 1) };
  });
}

const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim();

/** The VEVENTs of the calendar, or the problems that keep the file from being one. */
function events(props: Property[], problems: string[]): VEvent[] {
  const first = props[0];
  if (!first || first.name !== 'BEGIN' || first.value.trim().toUpperCase() !== 'VCALENDAR') {
    problems.push(`不是 iCalendar 文件：第${first?.line ?? 1}行应为 BEGIN:VCALENDAR`);
    return [];
  }
  const found: VEvent[] = [];
  const stack: string[] = [];
  let current: VEvent | null = null;
  for (const p of props) {
    const component = p.value.trim().toUpperCase();
    if (p.name === 'BEGIN') {
      stack.push(component);
      if (component === 'VEVENT' && stack.length === 2) current = { line: p.line, props: [] };
    } else if (p.name === 'END') {
      if (stack[stack.length - 1] !== component) {
        problems.push(`第${p.line}行：END:${component} 与 BEGIN:${stack[stack.length - 1] ?? '（无）'} 不配对`);
        return [];
      }
      stack.pop();
      if (component === 'VEVENT' && current && stack.length === 1) {
        found.push(current);
        current = null;
      }
    } else if (current && stack.length === 2) {
      current.props.push(p);
    }
  }
  if (stack.length > 0) problems.push(`文件不完整：缺少 END:${stack[stack.length - 1]}`);
  return found;
}

function dateValue(p: Property, label: string, problems: string[]): number | null {
  const v = p.value.trim();
  if (/^\d{8}T/.test(v)) {
    problems.push(`第${p.line}行：${label} 带有时刻（${v}），节假日应为全天事件（${label};VALUE=DATE:YYYYMMDD）`);
    return null;
  }
  const day = /^\d{8}$/.test(v) ? parseIsoDate(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`) : null;
  if (day === null) problems.push(`第${p.line}行：${label} 的值「${v}」不是有效的日期（应为 YYYYMMDD）`);
  return day;
}

const SUFFIX_REST = /[（(]\s*(休|假|holiday|rest|off)\s*[)）]\s*$/i;
const SUFFIX_WORK = /[（(]\s*(班|workday|work)\s*[)）]\s*$/i;
const WORDS_WORK = /调休上班|补班|上班/;
const WORDS_REST = /放假|休假|假期/;

/** The event's markers: each says rest or work, with where it was read; and the festival name from SUMMARY. */
function classify(props: Property[]): { votes: { kind: DayKind; by: string }[]; name: string } {
  const votes: { kind: DayKind; by: string }[] = [];
  const get = (n: string) => props.find((p) => p.name === n);
  let name = unescapeText(get('SUMMARY')?.value ?? '');
  if (SUFFIX_REST.test(name)) {
    votes.push({ kind: 'holiday', by: 'SUMMARY' });
    name = name.replace(SUFFIX_REST, '');
  } else if (SUFFIX_WORK.test(name)) {
    votes.push({ kind: 'workday', by: 'SUMMARY' });
    name = name.replace(SUFFIX_WORK, '');
  } else if (WORDS_WORK.test(name)) {
    votes.push({ kind: 'workday', by: 'SUMMARY' });
    name = name.replace(WORDS_WORK, '');
  } else if (WORDS_REST.test(name)) {
    votes.push({ kind: 'holiday', by: 'SUMMARY' });
    name = name.replace(WORDS_REST, '');
  }
  const apple = get('X-APPLE-SPECIAL-DAY')?.value.trim().toUpperCase();
  if (apple === 'WORK-HOLIDAY') votes.push({ kind: 'holiday', by: 'X-APPLE-SPECIAL-DAY' });
  if (apple === 'ALTERNATE-WORKDAY') votes.push({ kind: 'workday', by: 'X-APPLE-SPECIAL-DAY' });
  const description = unescapeText(get('DESCRIPTION')?.value ?? '');
  if (/^(休|放假)$/.test(description)) votes.push({ kind: 'holiday', by: 'DESCRIPTION' });
  if (/^(班|上班|补班)$/.test(description)) votes.push({ kind: 'workday', by: 'DESCRIPTION' });
  return { votes, name: name.replace(/^[\s,，、:：-]+|[\s,，、:：-]+$/g, '') };
}

function eventDays(ev: VEvent, problems: string[]): MarkedDay[] {
  const get = (n: string) => ev.props.find((p) => p.name === n);
  if ((get('STATUS')?.value.trim().toUpperCase() ?? '') === 'CANCELLED') return [];
  const summary = unescapeText(get('SUMMARY')?.value ?? '');
  const where = `第${ev.line}行起的事件${summary ? `「${summary}」` : ''}`;
  const before = problems.length;
  if (get('RRULE') || get('RDATE')) problems.push(`${where}：不支持重复规则（RRULE/RDATE），请把每段假期写成单独的事件`);
  const dtstart = get('DTSTART');
  if (!dtstart) problems.push(`${where}：缺少 DTSTART`);
  const start = dtstart ? dateValue(dtstart, 'DTSTART', problems) : null;
  let end = start === null ? null : start + 1;
  const dtend = get('DTEND');
  const duration = get('DURATION');
  if (dtend && start !== null) {
    end = dateValue(dtend, 'DTEND', problems);
    if (end !== null && end <= start) problems.push(`第${dtend.line}行：DTEND 应晚于 DTSTART（DTEND 是最后一天的次日）`);
  } else if (duration && start !== null) {
    const m = /^P(?:(\d+)W|(\d+)D)$/.exec(duration.value.trim());
    if (!m || Number(m[1] ?? m[2]) === 0) problems.push(`第${duration.line}行：DURATION「${duration.value.trim()}」应为整天数，例如 P3D`);
    else end = start + (m[1] ? Number(m[1]) * 7 : Number(m[2]));
  }
  if (start !== null && end !== null && end - start > MAX_SPAN_DAYS) {
    problems.push(`${where}：跨度 ${end - start} 天，超过 ${MAX_SPAN_DAYS} 天，不像一段节假日`);
  }
  const { votes, name } = classify(ev.props);
  const kinds = new Set(votes.map((v) => v.kind));
  if (kinds.size === 0) {
    problems.push(`${where}：无法判断是放假还是上班——SUMMARY 应以（休）或（班）结尾，或带 X-APPLE-SPECIAL-DAY 标记`);
  } else if (kinds.size > 1) {
    const said = votes.map((v) => `${v.by} 标为${v.kind === 'holiday' ? '放假' : '上班'}`).join('，');
    problems.push(`${where}：标记互相矛盾（${said}）`);
  }
  if (!name) problems.push(`${where}：SUMMARY 中没有节日名称`);
  if (problems.length > before || start === null || end === null) return [];
  const kind = votes[0]!.kind;
  const days: MarkedDay[] = [];
  for (let d = start; d < end; d++) days.push({ date: isoOf(d), kind, name, where });
  return days;
}

/** The days of an iCalendar text and the problems found (each naming its line); days are only valid when there are none. */
export function parseIcs(text: string): { days: MarkedDay[]; problems: string[] } {
  const problems: string[] = [];
  const found = events(contentLines(text), problems);
  if (problems.length === 0 && found.length === 0) problems.push('文件中没有任何事件（VEVENT）');
  if (found.length > MAX_EVENTS) {
    problems.push(`文件有 ${found.length} 个事件，过多（最多 ${MAX_EVENTS} 个），不像节假日安排`);
    return { days: [], problems };
  }
  const days = found.flatMap((ev) => eventDays(ev, problems));
  return { days, problems };
}

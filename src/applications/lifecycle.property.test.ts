// Properties of the lifecycle on random action sequences (fast-check): random actions by random actors on
// random days are offered to decide(), the accepted ones appended. Then: the fold is deterministic (and the
// same after a JSON round trip, as stored), nothing is ever accepted on a closed case, seq runs 1, 2, 3 …,
// and the clock timeline of every case is valid input for the `gongkai deadline` engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dayOf, isoOf } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/store.ts';
import { parseTimeline } from '../clock/input.ts';
import { DEFAULT_CUTOVER } from '../clock/law.ts';
import { deadlineOf, timelineOf } from './clock.ts';
import { decide } from './lifecycle.ts';
import { ACTION_TYPES, caseStateOf, type Action, type ActionType, type Actor, type CaseEvent, type CaseState } from './model.ts';

const calendar = loadCalendar();
const RUNS = 300;

const ACTORS = {
  applicant: { userId: null, role: 'applicant', agencyId: null },
  office: { userId: 1, role: 'office', agencyId: 10 },
  leader: { userId: 3, role: 'leader', agencyId: 10 },
  supervisor: { userId: 4, role: 'supervisor', agencyId: 1 },
  system: { userId: null, role: 'system', agencyId: null },
  foreign: { userId: 5, role: 'office', agencyId: 99 },
} satisfies Record<string, Actor>;
type ActorKey = keyof typeof ACTORS | 'handler';

/** The actor who would usually do it (a handler: of the case's department, if any). */
const USUAL: Record<ActionType, ActorKey> = {
  submit: 'applicant',
  register: 'office',
  sign: 'office',
  assign: 'office',
  return: 'handler',
  request_correction: 'handler',
  correction_received: 'office',
  correction_lapsed: 'office',
  start_consultation: 'handler',
  end_consultation: 'handler',
  fee_notice: 'office',
  fee_paid: 'system',
  fee_lapsed: 'office',
  request_extension: 'handler',
  approve_extension: 'leader',
  reject_extension: 'leader',
  custom_deadline: 'office',
  reply: 'handler',
  deliver: 'office',
  withdraw: 'applicant',
  note: 'supervisor',
};

function actorFor(key: ActorKey, s: CaseState): Actor {
  if (key === 'handler') return { userId: 2, role: 'handler', agencyId: s.departmentId ?? 20 };
  return ACTORS[key];
}

interface Step {
  gap: number;
  back: number;
  omitOn: boolean;
  type: ActionType;
  actor: ActorKey | 'usual';
  n: number;
  flag: boolean;
  pick: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  gap: fc.integer({ min: 0, max: 8 }),
  back: fc.integer({ min: 0, max: 3 }),
  omitOn: fc.boolean(),
  // the handling actions three times as often as the openers (always refused here) and the withdrawal
  type: fc.constantFrom(...ACTION_TYPES, ...[1, 2].flatMap(() => ACTION_TYPES.filter((t) => !['submit', 'register', 'withdraw'].includes(t)))),
  actor: fc.constantFrom<ActorKey | 'usual'>(...Array<'usual'>(8).fill('usual'), 'handler', 'office', 'leader', 'applicant', 'supervisor', 'foreign'),
  n: fc.integer({ min: 0, max: 70 }),
  flag: fc.boolean(),
  pick: fc.nat(),
});

const scenario = fc.record({
  start: fc.integer({ min: dayOf('2016-01-01'), max: dayOf('2025-06-30') }),
  online: fc.boolean(),
  signAfter: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 5 }),
  steps: fc.array(step, { minLength: 5, maxLength: 60, size: 'max' }),
});

function actionOf(st: Step, on: string, s: CaseState): Action {
  const plus = (days: number) => isoOf(dayOf(on) + days);
  const reason = st.flag ? '理由' : undefined;
  const base = { ...(st.omitOn ? {} : { on }), ...(reason ? { reason } : {}) };
  switch (st.type) {
    case 'submit':
      return { ...base, type: 'submit', data: { agencyId: 10, channel: 'online' } };
    case 'register':
      return { ...base, type: 'register', data: { agencyId: 10, channel: 'post' } };
    case 'assign':
      return { ...base, type: 'assign', data: { departmentId: st.pick % 2 === 0 ? 20 : 30 } };
    case 'request_correction':
      return { ...base, type: 'request_correction', data: { items: '请补充文号', periodEnd: plus(st.n % 30) } };
    case 'start_consultation':
      return { ...base, type: 'start_consultation', data: { party: st.flag ? 'third_party' : 'agency' } };
    case 'end_consultation': {
      const open = s.consultations.filter((c) => c.endedOn === null);
      const startSeq = st.pick % 3 === 0 ? undefined : (open[st.pick % Math.max(open.length, 1)]?.seq ?? st.pick % 9);
      return { ...base, type: 'end_consultation', data: { ...(startSeq === undefined ? {} : { startSeq }), replied: st.flag } };
    }
    case 'fee_notice':
      return { ...base, type: 'fee_notice', data: { amount: [100, 0, 250.5][st.pick % 3]!, basis: '按件', payBy: plus(st.n) } };
    case 'custom_deadline':
      return { ...base, type: 'custom_deadline', data: { due: plus(st.n) } };
    case 'reply':
      return { ...base, type: 'reply', data: { replyType: st.pick % 4 === 0 ? 'bogus' : 'disclosed', legalBasis: '第三十六条' } };
    case 'deliver':
      return { ...base, type: 'deliver', data: { method: 'postal' } };
    case 'note':
      return { ...base, type: 'note', data: { text: '备注' } };
    default:
      return { ...base, type: st.type, data: {} } as Action;
  }
}

const isValidReply = (_regime: string, id: string) => (id === 'bogus' ? `未知的答复类型「${id}」` : null);
const endings = { closed: 0, abandoned: 0, withdrawn: 0, accepted: 0 };

/** Plays a scenario; returns the events and the last "today". */
function playScenario(sc: { start: number; online: boolean; signAfter: number | null; steps: Step[] }): { events: CaseEvent[]; today: string } {
  const events: CaseEvent[] = [];
  let day = sc.start;
  const opening: Step = { gap: 0, back: 0, omitOn: true, type: sc.online ? 'submit' : 'register', actor: 'usual', n: 0, flag: false, pick: 0 };
  const openings = [opening];
  // most online submissions are signed for soon (else nearly every step would be refused as 待签收)
  if (sc.online && sc.signAfter !== null) openings.push({ ...opening, type: 'sign', gap: sc.signAfter });
  for (const st of [...openings, ...sc.steps]) {
    day += st.gap;
    const today = isoOf(day);
    const before = caseStateOf(events);
    const usual = USUAL[st.type] === 'handler' && before.departmentId === null ? 'office' : USUAL[st.type];
    const actor = actorFor(st.actor === 'usual' ? usual : st.actor, before);
    const action = actionOf(st, isoOf(day - st.back), before);
    const ctx = { today, now: `${today}T03:00:00.000Z`, calendar, isValidReply };
    const decision = decide(events, action, actor, ctx);
    assert.deepEqual(decide(events, action, actor, ctx), decision, 'decide is a function of its inputs');
    if (!before.open) assert.equal(decision.ok, false, `accepted ${action.type} on a ${before.state} case`);
    if (decision.ok) {
      assert.equal(decision.event.seq, events.length + 1);
      assert.equal(decision.event.type, action.type);
      assert.ok(decision.event.on <= today);
      events.push(decision.event);
      endings.accepted++;
    }
  }
  return { events, today: isoOf(day) };
}

test('random action sequences: the fold is deterministic, closed cases accept nothing, the timeline is valid engine input', () => {
  fc.assert(
    fc.property(scenario, (sc) => {
      const { events, today } = playScenario(sc);
      const state = caseStateOf(events);
      assert.deepEqual(caseStateOf(events), state);
      assert.deepEqual(caseStateOf(JSON.parse(JSON.stringify(events)) as CaseEvent[]), state);
      if (state.state in endings) endings[state.state as 'closed' | 'abandoned' | 'withdrawn']++;

      const timeline = timelineOf(events, today);
      assert.equal(timeline === null, state.receivedOn === null);
      if (timeline === null) return;
      const json = JSON.stringify({
        receivedOn: isoOf(timeline.receivedOn),
        events: timeline.events.map((e) => ({ ...e, on: isoOf(e.on) })),
        asOf: today,
      });
      const parsed = parseTimeline(json, { today, cutover: DEFAULT_CUTOVER });
      assert.ok(parsed.ok, parsed.ok ? '' : `${parsed.errors.join('\n')}\n${json}`);
      assert.deepEqual(parsed.timeline, timeline);
      const d = deadlineOf(events, calendar, today);
      assert.ok(d);
      if (state.ending === 'withdrawn') assert.equal(d.caseStatus, 'withdrawn');
      if (state.state === 'abandoned') assert.equal(d.caseStatus, 'abandoned');
      if (state.state === 'closed') assert.match(d.caseStatus, /^answered_/);
    }),
    { numRuns: RUNS },
  );
  // The generator reaches every ending, so the properties above were tested on closed cases too.
  assert.ok(endings.closed > 0 && endings.abandoned > 0 && endings.withdrawn > 0, JSON.stringify(endings));
});

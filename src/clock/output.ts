// The JSON form of a computed deadline (clock.md "Output"): the contract's fields first, in its order, with
// dates as YYYY-MM-DD; then the extras; then the explanation.
import { isoOf, type IsoDate } from '../calendar/dates.ts';
import type { Regime } from './law.ts';
import type { Deadline, PauseKind, Status } from './model.ts';

export interface DeadlineOutput {
  regime: Regime;
  start: IsoDate | null;
  correctionNoticeDue: IsoDate;
  correctionNoticeLate: boolean;
  baseDue: IsoDate | null;
  pausedWorkingDays: number | null;
  extended: boolean;
  extensionLate: boolean;
  due: IsoDate | null;
  provisional: boolean;
  status: Status;
  remainingWorkingDays: number | null;
  receivedOn: IsoDate;
  asOf: IsoDate;
  periodWorkingDays: number;
  awaitingCorrection: boolean;
  pauses: { from: IsoDate; to: IsoDate | null; kinds: PauseKind[]; removedWorkingDays: number | null }[];
  extendedOn: IsoDate | null;
  computedDue: IsoDate | null;
  customDeadline: { on: IsoDate; reason: string } | null;
  answeredOn: IsoDate | null;
  marginWorkingDays: number | null;
  provisionalYears: readonly number[];
  steps: readonly string[];
}

const dateOrNull = (day: number | null): IsoDate | null => (day === null ? null : isoOf(day));

export function toOutput(d: Deadline): DeadlineOutput {
  return {
    regime: d.regime,
    start: dateOrNull(d.start),
    correctionNoticeDue: isoOf(d.correctionNoticeDue),
    correctionNoticeLate: d.correctionNoticeLate,
    baseDue: dateOrNull(d.baseDue),
    pausedWorkingDays: d.pausedWorkingDays,
    extended: d.extended,
    extensionLate: d.extensionLate,
    due: dateOrNull(d.due),
    provisional: d.provisional,
    status: d.status,
    remainingWorkingDays: d.remainingWorkingDays,
    receivedOn: isoOf(d.receivedOn),
    asOf: isoOf(d.asOf),
    periodWorkingDays: d.periodWorkingDays,
    awaitingCorrection: d.awaitingCorrection,
    pauses: d.pauses.map((p) => ({
      from: isoOf(p.from),
      to: dateOrNull(p.to),
      kinds: [...new Set(p.parts.map((part) => part.kind))],
      removedWorkingDays: p.removedWorkingDays,
    })),
    extendedOn: dateOrNull(d.extendedOn),
    computedDue: dateOrNull(d.computedDue),
    customDeadline: d.customDeadline && { on: isoOf(d.customDeadline.on), reason: d.customDeadline.reason },
    answeredOn: dateOrNull(d.answeredOn),
    marginWorkingDays: d.marginWorkingDays,
    provisionalYears: d.provisionalYears,
    steps: d.steps,
  };
}

// A case as the REST API answers it: list items (never the applicant's document number, phone, address or
// e-mail), the staff detail (applicant through present.ts, so masking follows access.ts), the applicant's own
// status (public steps only) and the rows of an export. Pure: rows and events in, plain JSON out.
import { isoOf } from '../calendar/dates.ts';
import type { CaseDeadline } from './clock.ts';
import type { ExportRow } from './export.ts';
import { ACTION_LABELS, type CaseEvent } from './model.ts';
import { applicantOf, channelLabel, lettersOf, pickupLabel, provisionLabel, replyLabel, stateLabel, type ApplicantView } from './present.ts';
import { publicTimeline } from './public-timeline.ts';
import type { ApplicationRow } from './store.ts';

export interface Named {
  id: number;
  name: string;
}

/** An agency's name by id (the caller looks them up). */
export type NameOf = (agencyId: number) => string;

/** 自然人 / 法人或其他组织（商业企业）: present.ts's label (read from the masked view, which holds no personal field). */
function kindLabel(row: ApplicationRow): string {
  return applicantOf(row, 'masked').kindLabel;
}

function department(row: ApplicationRow, nameOf: NameOf): Named | null {
  return row.department_id === null ? null : { id: row.department_id, name: nameOf(row.department_id) };
}

/** One case in a list: what staff need to pick it, and no personal field but the name. */
export function listItemOf(row: ApplicationRow, nameOf: NameOf) {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    stateLabel: stateLabel(row.state),
    applicant: row.applicant_name,
    applicantKind: kindLabel(row),
    description: row.description,
    channel: channelLabel(row.channel),
    submittedAt: row.submitted_at,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    department: department(row, nameOf),
    reply: row.reply_type === null ? null : replyLabel(row.reply_type),
    answeredOn: row.answered_on,
    deliveredOn: row.delivered_on,
  };
}

/** A step of the case. Masked viewers do not see whom a consultation went to (it may name a person). */
export function eventViewOf(e: CaseEvent, masked: boolean) {
  const data: Record<string, unknown> = { ...(e.data as Record<string, unknown>) };
  if (masked && e.type === 'start_consultation') delete data.name;
  return {
    seq: e.seq,
    type: e.type,
    label: ACTION_LABELS[e.type],
    on: e.on,
    at: e.at,
    actor: { role: e.actor.role, name: e.actor.name ?? null },
    data,
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
  };
}

export function deadlineViewOf(d: CaseDeadline | null) {
  if (d === null) return null;
  return {
    regime: d.regime,
    periodWorkingDays: d.periodWorkingDays,
    receivedOn: isoOf(d.receivedOn),
    dueOn: d.due === null ? null : isoOf(d.due),
    status: d.caseStatus,
    remainingWorkingDays: d.remainingWorkingDays,
    extended: d.extended,
    provisional: d.provisional,
    steps: [...d.steps],
  };
}

export function lettersViewOf(events: readonly CaseEvent[], href: (seq: number) => string) {
  return lettersOf(events).map((l) => ({
    seq: l.seq,
    on: events.find((e) => e.seq === l.seq)?.on ?? '',
    label: l.label,
    kind: l.kind,
    href: href(l.seq),
  }));
}

export interface DetailInput {
  row: ApplicationRow;
  access: 'full' | 'masked';
  events: readonly CaseEvent[];
  deadline: CaseDeadline | null;
  nameOf: NameOf;
  letterHref: (seq: number) => string;
  attachments: readonly { name: string; mime: string; size: number }[];
}

/** The staff view of one case; the applicant as `access` allows (present.ts applicantOf). */
export function detailOf({ row, access, events, deadline, nameOf, letterHref, attachments }: DetailInput) {
  const applicant: ApplicantView = applicantOf(row, access);
  return {
    id: row.id,
    number: row.number,
    access,
    state: row.state,
    stateLabel: stateLabel(row.state),
    agency: { id: row.agency_id, name: nameOf(row.agency_id) },
    department: department(row, nameOf),
    channel: row.channel,
    channelLabel: channelLabel(row.channel),
    submittedAt: row.submitted_at,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    description: row.description,
    purpose: row.purpose,
    provision: provisionLabel(row.provision),
    pickup: pickupLabel(row.pickup),
    reply: row.reply_type === null ? null : replyLabel(row.reply_type),
    applicant,
    events: events.map((e) => eventViewOf(e, access !== 'full')),
    deadline: deadlineViewOf(deadline),
    letters: lettersViewOf(events, letterHref),
    attachments: attachments.map((a) => ({ name: a.name, mime: a.mime, size: a.size })),
  };
}

/** What the applicant sees with the number and the 查询码. */
export function publicStatusOf(row: ApplicationRow, events: readonly CaseEvent[]) {
  return {
    number: row.number,
    state: row.state,
    label: stateLabel(row.state),
    receivedOn: row.received_on,
    dueOn: row.due_on,
    reply: row.reply_type === null ? null : replyLabel(row.reply_type),
    timeline: publicTimeline(events).map((e) => ({ on: e.on, label: e.title, details: e.details })),
    letters: lettersOf(events).map((l) => ({ seq: l.seq, on: events.find((e) => e.seq === l.seq)?.on ?? '', label: l.label })),
  };
}

/** 按时 / 超期 by the delivery day against the due date; — while not delivered (or without a due date). */
export function onTimeOf(deliveredOn: string | null, dueOn: string | null): string {
  if (deliveredOn === null || dueOn === null) return '—';
  return deliveredOn <= dueOn ? '按时' : '超期';
}

/** A case as a row of the export, personal fields in full: the caller masks (export.ts maskRow) unless revealed. */
export function exportRowOf(row: ApplicationRow, nameOf: NameOf): ExportRow {
  const person = row.applicant_kind === 'person';
  return {
    number: row.number,
    receivedOn: row.received_on ?? '',
    applicant: row.applicant_name,
    applicantKind: kindLabel(row),
    idKind: person ? (row.id_type ?? null) : 'credit_code',
    idNumber: person ? row.id_number : row.credit_code,
    phone: row.phone,
    address: row.address,
    email: row.email,
    description: row.description,
    department: row.department_id === null ? null : nameOf(row.department_id),
    state: stateLabel(row.state),
    dueOn: row.due_on,
    answeredOn: row.answered_on,
    reply: row.reply_type === null ? null : replyLabel(row.reply_type),
    deliveredOn: row.delivered_on,
    onTime: onTimeOf(row.delivered_on, row.due_on),
  };
}

// The reader's own checks: their ids and default severities (checks.json, the one place they are documented),
// and how a finding in the text is quoted.
import type { Check, CellId, CheckStatus, Severity } from '../model.ts';
import { makeCheck, type Ctx } from './arithmetic.ts';
import data from './checks.json' with { type: 'json' };

export type OwnCheckId = keyof typeof data.own_checks;

export const checkData = data;

/** A check of the reader's own, with its default severity unless `severity` says otherwise. */
export function ownCheck(ctx: Ctx, id: OwnCheckId, status: CheckStatus, message: string, cells: CellId[] = [], severity?: Severity): Check {
  return makeCheck(ctx, id, severity ?? (data.own_checks[id].severity as Severity), status, message, cells);
}

/** A short quotation of the text around a position: “…2017年共公开社会保险和基金运行情况信息176条…”. */
export function quote(text: string, at = 0, length = 0, room = 24): string {
  const start = Math.max(0, at - room);
  const end = Math.min(text.length, at + length + room);
  return `“${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}”`;
}

export function where(line: number): string {
  return `第 ${line} 行`;
}

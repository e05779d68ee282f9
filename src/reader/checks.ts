// Every check of a parsed report: the relations of its format in formats.json (checks/relations.ts) and the
// reader's own checks (ids and rules documented in checks/checks.json). Pure: the report and its lines in,
// the list of checks out — holds, fails (with the cells and values named in Chinese) or not_checkable.
import type { Check, Line, ParsedReport } from './model.ts';
import { contextOf } from './checks/arithmetic.ts';
import { channelsSumIsTotal } from './checks/channels.ts';
import { applicationUnit, labelVsNarrative, narrativePartLeTotal, narrativeVsNarrative, narrativeVsTable, percentVsCounts } from './checks/narrative.ts';
import { relationChecks } from './checks/relations.ts';
import { anachronism, dateTypos, sectionChecks, tablePresent, unitColumn, yearMismatch } from './checks/structure.ts';

export function runChecks(report: ParsedReport, lines: Line[]): Check[] {
  const ctx = contextOf(report, lines);
  return [
    ...relationChecks(ctx),
    ...channelsSumIsTotal(ctx),
    ...narrativeVsTable(ctx),
    ...labelVsNarrative(ctx),
    ...narrativeVsNarrative(ctx),
    ...narrativePartLeTotal(ctx),
    ...percentVsCounts(ctx),
    ...applicationUnit(ctx),
    ...yearMismatch(ctx),
    ...anachronism(ctx),
    ...sectionChecks(ctx),
    ...tablePresent(ctx),
    ...unitColumn(ctx),
    ...dateTypos(ctx),
  ];
}

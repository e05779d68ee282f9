// The reader's pipeline: bytes → text (inputs/) → normalised lines → metadata → tables (modern or legacy) and prose
// → cells (a table figure wins; prose fills only cells no table gave) → checks. parseText is pure.
import { readInput, type InputText } from './inputs/index.ts';
import { runChecks } from './checks.ts';
import { readMeta } from './meta.ts';
import { ReaderError } from './model.ts';
import type { CellId, Figure, Found, Line, ParsedReport, ReportMeta, Source } from './model.ts';
import { normalizeText } from './normalize.ts';
import { readProse } from './prose.ts';
import { readLegacyTable } from './tables/legacy.ts';
import { readModernTables } from './tables/modern.ts';

function readTables(lines: Line[], meta: ReportMeta): Found {
  if (meta.format === 'fmt2019' || meta.format === 'fmt2021') return readModernTables(lines, meta.format);
  if (meta.format === 'legacy') return readLegacyTable(lines, meta.variant);
  return { figures: [], warnings: [] };
}

type Cells = Pick<ParsedReport, 'cells' | 'sources'>;

/** Table figures first; a prose figure fills a cell only where no table gave it, and only when the prose figures
 *  for that cell agree (two different numbers for one cell in prose: none is taken). */
function cellsOf(figures: Figure[], warnings: string[]): Cells {
  const out: Cells = { cells: {}, sources: {} };
  for (const f of figures) if (f.from === 'table' && !(f.id in out.cells)) put(out, f);
  const prose = new Map<CellId, Figure[]>();
  for (const f of figures) if (f.from === 'prose' && !(f.id in out.cells)) prose.set(f.id, [...(prose.get(f.id) ?? []), f]);
  for (const [id, found] of prose) {
    const values = new Set(found.map((f) => f.value));
    if (values.size === 1) put(out, found[0]!);
    else warnings.push(`正文对同一项（${id}）给出不同数字（${found.map((f) => `第${f.line}行 ${f.value ?? '—'}`).join('；')}），未采用`);
  }
  return out;
}

function put(out: Cells, f: Figure): void {
  out.cells[f.id] = f.value;
  const source: Source = { line: f.line, text: f.text, from: f.from };
  if (f.unit !== undefined) source.unit = f.unit;
  out.sources[f.id] = source;
}

export function parseText(text: string, file: string): ParsedReport {
  const lines = normalizeText(text);
  const meta = readMeta(lines);
  const tables = readTables(lines, meta);
  const prose = readProse(lines, meta);
  const figures = [...tables.figures, ...prose.figures];
  const warnings = [...tables.warnings, ...prose.warnings];
  const report: ParsedReport = {
    file,
    agency: meta.agency,
    year: meta.year,
    years: meta.years,
    format: meta.format,
    variant: meta.variant,
    ...cellsOf(figures, warnings),
    figures,
    sections: meta.sections,
    checks: [],
    warnings,
  };
  report.checks = runChecks(report, lines);
  return report;
}

/** A report that could not be read at all: only the file and the reason. */
function unreadable(file: string, error: string): ParsedReport {
  return {
    file,
    agency: null,
    year: null,
    years: { title: null, period: null, template: null },
    format: null,
    variant: null,
    cells: {},
    sources: {},
    figures: [],
    checks: [],
    warnings: [],
    error,
  };
}

/** parseText on what the inputs read, with the inputs' own warnings (an OCR-only PDF page …) first. */
export function parseInput(input: InputText, file: string): ParsedReport {
  const report = parseText(input.text, file);
  report.warnings.unshift(...input.warnings);
  return report;
}

export async function parseFile(bytes: Uint8Array, file: string): Promise<ParsedReport> {
  try {
    return parseInput(await readInput(bytes, file), file);
  } catch (err) {
    if (err instanceof ReaderError) return unreadable(file, err.message);
    throw err;
  }
}

// One table of a parsed report drawn in the national layout: grouped column headers (表三 法人或其他组织, 表四
// 行政复议 / 行政诉讼 · 未经复议直接起诉 / 复议后起诉), every row with its label from formats.json, indented by
// level; each value links to the source line it was read from. Cells a failed check names are marked.
import type { Column } from '../../reports/formats.ts';
import { cellText, type CellView, type RowView, type TableView } from './tables.ts';

interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/** The header rows: a column's path is its groups then its label; equal group prefixes merge into one cell. */
export function headerRows(columns: Column[]): HeaderCell[][] {
  const paths = columns.map((c) => [...(c.group ? c.group.split('/') : []), c.label]);
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: HeaderCell[] = [];
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      if (level > path.length - 1) continue;
      if (level === path.length - 1) {
        row.push({ text: path[level]!, colspan: 1, rowspan: depth - level });
        continue;
      }
      const prefix = path.slice(0, level + 1).join('/');
      const previous = paths[i - 1];
      if (previous && previous.length - 1 > level && previous.slice(0, level + 1).join('/') === prefix) {
        row[row.length - 1]!.colspan += 1;
        continue;
      }
      row.push({ text: path[level]!, colspan: 1, rowspan: 1 });
    }
    rows.push(row);
  }
  return rows;
}

function Cell({ cell }: { cell: CellView }) {
  const classes = ['num', cell.flagged ? 'flagged' : '', cell.value === undefined ? 'missing' : '', cell.source?.from === 'prose' ? 'from-prose' : ''].filter(Boolean).join(' ');
  const text = cellText(cell.value, cell.source?.unit);
  const title = cell.value === undefined ? '报告中未找到' : cell.value === null ? '报告未填报' : undefined;
  return (
    <td class={classes} title={title}>
      {cell.source ? (
        <a href={`#L${cell.source.line}`} title={`第 ${cell.source.line} 行${cell.source.from === 'prose' ? '（正文）' : ''}：${cell.source.text.slice(0, 200)}`}>
          {text}
        </a>
      ) : (
        text
      )}
    </td>
  );
}

function Row({ row, width, units }: { row: RowView; width: number; units: boolean }) {
  const unit = units ? <td class="unit">{row.unit ?? ''}</td> : null;
  const label = <th scope="row" class={`label depth-${Math.min(row.depth, 3)}`}>{row.label}</th>;
  if (row.kind === 'group') {
    return (
      <tr class="group">
        {label}
        {unit}
        <td colspan={width} />
      </tr>
    );
  }
  return (
    <tr>
      {label}
      {unit}
      {row.cells.map((c) => (
        <Cell cell={c} />
      ))}
    </tr>
  );
}

export function ReportTable({ table }: { table: TableView }) {
  const header = headerRows(table.columns);
  return (
    <div class="table-scroll">
      <table class="report-table">
        <caption>
          {table.name === '统计表' ? table.title : `${table.name} ${table.title.replace(/^[一二三四五六七八九十]+、/, '')}`}
          {table.heading ? ` · ${table.heading}` : ''}
        </caption>
        <thead>
          {header.map((cells, level) => (
            <tr>
              {level === 0 ? (
                <th scope="col" rowspan={header.length > 1 ? header.length : undefined} class="corner">
                  {table.corner}
                </th>
              ) : null}
              {level === 0 && table.units ? (
                <th scope="col" rowspan={header.length > 1 ? header.length : undefined}>
                  单位
                </th>
              ) : null}
              {cells.map((c) => (
                <th scope="col" colspan={c.colspan > 1 ? c.colspan : undefined} rowspan={c.rowspan > 1 ? c.rowspan : undefined}>
                  {c.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <Row row={row} width={table.columns.length} units={table.units} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

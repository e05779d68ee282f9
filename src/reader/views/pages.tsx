// The supervisor's pages for reading a published annual report: the form (upload a file or paste the text),
// and the result — the report's tables in the national layout beside the failed checks, every value linked
// to the line of the source text it was read from. Server-rendered; no script, no inline style.
import { renderPage } from '../../web/layout.tsx';
import { formatName, variantName } from '../checks/schema.ts';
import type { Check, ParsedReport } from '../model.ts';
import { ReportTable } from './report-table.tsx';
import { severityNames, tablesOf } from './tables.ts';

export const READER_CSS = '/static/reader.css';
/** Above this many lines the source shows only the lines the tables and checks cite. */
const SOURCE_LINES_SHOWN = 20_000;

const Styles = () => <link rel="stylesheet" href={READER_CSS} />;

export interface FormView {
  error?: string;
  /** The pasted text, kept when the page comes back with an error. */
  text?: string;
}

export function renderReaderForm({ error, text }: FormView): string {
  return renderPage({
    title: '读取政府信息公开工作年度报告',
    children: (
      <>
        <Styles />
        <section class="panel">
          <h1>读取政府信息公开工作年度报告</h1>
          <p class="lead">上传已发布的年度报告（文本、HTML、Word DOCX 或 PDF，不超过 20 MB），或粘贴报告全文：系统读出各表数字，并按年度报告格式校验。</p>
          {error ? (
            <p class="alert" role="alert" id="reader-error">
              {error}
            </p>
          ) : null}
          <form method="post" action="/reader" enctype="multipart/form-data" class="form" aria-describedby={error ? 'reader-error' : undefined}>
            <label for="file">报告文件</label>
            <input id="file" name="file" type="file" accept=".txt,.htm,.html,.docx,.pdf,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
            <label for="text">或粘贴报告全文</label>
            <textarea id="text" name="text" rows={12} class="reader-paste">
              {text ?? ''}
            </textarea>
            <button type="submit" class="button">
              读取并校验
            </button>
          </form>
        </section>
      </>
    ),
  });
}

export interface ResultView {
  report: ParsedReport;
  /** The source text's lines as the input gave them (line numbers are the figures' `line`). */
  lines: string[];
}

const statusNames: Record<Check['status'], string> = { holds: '通过', fails: '未通过', not_checkable: '无法校验' };

/** The source lines a check's cells were read from. */
function citedLines(report: ParsedReport, check: Check): number[] {
  const lines = Object.keys(check.values)
    .map((id) => report.sources[id.split('#')[0]!]?.line)
    .filter((n): n is number => n !== undefined);
  const inMessage = [...check.message.matchAll(/第 (\d+) 行/g)].map((m) => Number(m[1]));
  return [...new Set([...lines, ...inMessage])].sort((a, b) => a - b);
}

function CheckItem({ report, check }: { report: ParsedReport; check: Check }) {
  const lines = citedLines(report, check);
  return (
    <li class={`check check--${check.status} check--${check.severity}`}>
      <span class="tag">{check.status === 'fails' ? severityNames[check.severity] : statusNames[check.status]}</span> <code>{check.id}</code>
      <p>{check.message}</p>
      {lines.length > 0 ? (
        <p class="check__lines">
          原文：
          {lines.map((n) => (
            <>
              {' '}
              <a href={`#L${n}`}>第 {n} 行</a>
            </>
          ))}
        </p>
      ) : null}
    </li>
  );
}

const order = { error: 0, warning: 1, info: 2 } as const;

function Checks({ report }: { report: ParsedReport }) {
  const failed = report.checks.filter((c) => c.status === 'fails').sort((a, b) => order[a.severity] - order[b.severity]);
  const others = report.checks.filter((c) => c.status !== 'fails');
  const count = (s: Check['status']) => report.checks.filter((c) => c.status === s).length;
  return (
    <aside class="reader-checks" aria-labelledby="failed-title">
      <h2 id="failed-title">未通过的校验（{failed.length}）</h2>
      {failed.length === 0 ? <p class="muted">没有未通过的校验。</p> : null}
      <ul class="checks">
        {failed.map((c) => (
          <CheckItem report={report} check={c} />
        ))}
      </ul>
      {report.warnings.length > 0 ? (
        <>
          <h2>读取警告（{report.warnings.length}）</h2>
          <ul class="warnings">
            {report.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      <details>
        <summary>
          其余校验：通过 {count('holds')} 项，无法校验 {count('not_checkable')} 项
        </summary>
        <ul class="checks">
          {others.map((c) => (
            <CheckItem report={report} check={c} />
          ))}
        </ul>
      </details>
    </aside>
  );
}

function Source({ report, lines }: ResultView) {
  const cited = new Set([...Object.values(report.sources).map((s) => s.line), ...report.checks.flatMap((c) => citedLines(report, c))]);
  const all = lines.map((text, i) => ({ no: i + 1, text }));
  const shown = all.length <= SOURCE_LINES_SHOWN ? all : all.filter((l) => cited.has(l.no));
  return (
    <section class="reader-source" aria-labelledby="source-title">
      <h2 id="source-title">报告原文</h2>
      {shown.length < all.length ? <p class="muted">原文共 {all.length} 行，只显示被引用的 {shown.length} 行。</p> : null}
      <ol class="source">
        {shown.map((l) => (
          <li id={`L${l.no}`} class={cited.has(l.no) ? 'cited' : undefined}>
            <a class="source__no" href={`#L${l.no}`}>
              {l.no}
            </a>
            <span class="source__text">{l.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function renderReaderResult({ report, lines }: ResultView): string {
  const tables = tablesOf(report).filter((t) => t.found > 0);
  const years = [report.years.title !== null ? `标题 ${report.years.title}` : '', report.years.period !== null ? `统计期限 ${report.years.period}` : ''].filter(Boolean);
  return renderPage({
    title: `读取结果 - ${report.agency ?? report.file}`,
    children: (
      <>
        <Styles />
        <h1>
          {report.agency ? <span class="agency-name">{report.agency}</span> : null}
          {report.year ? `${report.year} 年度` : ''}政府信息公开工作年度报告 · 读取结果
        </h1>
        <dl class="reader-meta">
          <dt>文件</dt>
          <dd>{report.file}</dd>
          <dt>机关</dt>
          <dd>{report.agency ?? '未能确定'}</dd>
          <dt>年度</dt>
          <dd>
            {report.year ?? '未能确定'}
            {years.length > 0 ? `（${years.join('，')}）` : ''}
          </dd>
          <dt>格式</dt>
          <dd>
            {report.format ? formatName(report.format) : '未能确定'}
            {report.variant ? `（${variantName(report.variant)}）` : ''}
          </dd>
        </dl>
        <p>
          <a href="/reader">读取另一份报告</a>
        </p>
        <div class="reader-layout">
          <section class="reader-tables" aria-label="读出的表格">
            {tables.length === 0 ? <p class="alert">未读出任何表格数字。</p> : null}
            {tables.map((t) => (
              <ReportTable table={t} />
            ))}
            <p class="muted legend">— 报告未填报；空白：报告中未找到；斜体：取自正文；红框：未通过校验涉及的单元格。点击数字查看原文。</p>
          </section>
          <Checks report={report} />
        </div>
        <Source report={report} lines={lines} />
      </>
    ),
  });
}

// A letter of a case as a page to print: the letter laid out by letter.css (A4, GB/T 9704), with a small bar
// of links that the print stylesheet hides along with the site's header and footer.
import { renderPage, type StaffBadge } from '../../../web/layout.tsx';
import type { Letter } from '../../letters/render.ts';
import { LetterView } from '../../letters/view.tsx';

/** Where the letter stylesheet is served (staff-routes.ts). */
export const LETTER_CSS = '/staff/applications/letter.css';

export interface LetterPageView {
  staff: StaffBadge;
  caseId: number;
  caseNumber: string;
  seq: number;
  letter: Letter;
}

export function renderLetterPage(v: LetterPageView): string {
  return renderPage({
    title: `${v.letter.title}（${v.caseNumber}）`,
    staff: v.staff,
    children: (
      <>
        <link rel="stylesheet" href={LETTER_CSS} />
        <p class="letter-tools">
          <a href={`/staff/applications/${v.caseId}`}>返回申请 {v.caseNumber}</a>
          <a href={`/staff/applications/${v.caseId}/letters/${v.seq}.docx`}>下载 Word</a>
          <span class="muted">用浏览器的“打印”（Ctrl+P）打印本页，只打印文书。</span>
        </p>
        <LetterView letter={v.letter} />
      </>
    ),
  });
}

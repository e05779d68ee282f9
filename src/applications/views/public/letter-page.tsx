// A letter of a case as a printable page (letters/view.tsx, laid out on A4 by letters/letter.css): the browser's
// print command prints it or saves it as PDF. No script, so no print button.
import { renderPage } from '../../../web/layout.tsx';
import { LetterView } from '../../letters/view.tsx';
import type { Letter } from '../../letters/render.ts';
import { Styles } from './apply-form.tsx';

export const LETTER_CSS = '/static/letter.css';

export function renderLetterPage({ letter, number, elder }: { letter: Letter; number: string; elder: boolean }): string {
  return renderPage({
    title: `${letter.title} - 申请 ${number}`,
    elder,
    children: (
      <>
        <Styles />
        <link rel="stylesheet" href={LETTER_CSS} />
        <p class="print-hint muted">请使用浏览器的“打印”功能（Ctrl+P）打印本文书或另存为 PDF。</p>
        <LetterView letter={letter} />
      </>
    ),
  });
}

// A letter as printable HTML: the page that shows it links letter.css, which lays it out on A4 for printing.
// Text only — preact escapes every value, and there is no inline style or script (strict CSP).
import type { Letter } from './render.ts';

export function LetterView({ letter }: { letter: Letter }) {
  return (
    <article class="letter">
      <h1 class="letter__title">{letter.title}</h1>
      {letter.number ? <p class="letter__number">{letter.number}</p> : null}
      <p class="letter__salutation">{letter.salutation}</p>
      {letter.paragraphs.map((text) => (
        <p class="letter__text">{text}</p>
      ))}
      <footer class="letter__signature">
        <p class="letter__seal">{letter.signature.seal}</p>
        <p class="letter__agency">{letter.signature.agency}</p>
        <p class="letter__date">{letter.signature.date}</p>
      </footer>
    </article>
  );
}

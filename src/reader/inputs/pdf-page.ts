// One pdf.js page → its text pieces and ruling lines in page coordinates (y down, the page turned so that most of
// its text reads left to right), for pdf-layout.ts. The ruling lines come from the page's drawing operators:
// stroked axis-parallel segments and thin filled rectangles (how Word, WPS and Chromium draw table borders).
import { OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import type { PageContent, Piece, Rule } from './pdf-layout.ts';

type Matrix = number[];
type Point = [number, number];

export interface PageRead {
  content: PageContent;
  /** Nearly all text of the page is drawn invisible (render mode 3): an OCR layer over a scanned image. */
  hiddenText: boolean;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return 'str' in item;
}

/** Quarter turns (0–3) of a text matrix's baseline direction, in y-down page coordinates. */
function quarterOf(m: Matrix): number {
  return (((Math.round(Math.atan2(m[1]!, m[0]!) / (Math.PI / 2)) % 4) + 4) % 4);
}

/** Turns page coordinates so that text of the given quarter runs left to right; returns the turned page size. */
function turner(quarter: number, width: number, height: number): { turn: (x: number, y: number) => Point; width: number; height: number } {
  switch (quarter) {
    case 1:
      return { turn: (x, y) => [y, width - x], width: height, height: width };
    case 2:
      return { turn: (x, y) => [width - x, height - y], width, height };
    case 3:
      return { turn: (x, y) => [height - y, x], width: height, height: width };
    default:
      return { turn: (x, y) => [x, y], width, height };
  }
}

/** A rule at least this long; a filled rectangle at most this thick is a rule. */
const MIN_RULE = 3;
const MAX_THICKNESS = 3;
const STRAIGHT = 0.5;

function segmentRule(a: Point, b: Point): Rule | null {
  const [dx, dy] = [Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])];
  if (dy <= STRAIGHT && dx >= MIN_RULE) return { axis: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  if (dx <= STRAIGHT && dy >= MIN_RULE) return { axis: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  return null;
}

/** A thin axis-parallel filled rectangle → the rule along its middle. */
function barRule(points: readonly Point[]): Rule | null {
  if (points.length < 4 || points.length > 5) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axisParallel = points.every((p) => [x0, x1].some((x) => Math.abs(p[0] - x) <= STRAIGHT) && [y0, y1].some((y) => Math.abs(p[1] - y) <= STRAIGHT));
  if (!axisParallel) return null;
  if (y1 - y0 <= MAX_THICKNESS && x1 - x0 >= MIN_RULE && x1 - x0 > y1 - y0) return { axis: 'h', at: (y0 + y1) / 2, from: x0, to: x1 };
  if (x1 - x0 <= MAX_THICKNESS && y1 - y0 >= MIN_RULE && y1 - y0 > x1 - x0) return { axis: 'v', at: (x0 + x1) / 2, from: y0, to: y1 };
  return null;
}

interface Subpath {
  points: Point[];
  closed: boolean;
}

/** Sub-paths of a pdf.js path buffer (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4); a curve
 *  ends a straight run (its end point starts the next one). */
function subpaths(buffer: ArrayLike<number>, place: (x: number, y: number) => Point): Subpath[] {
  const out: Subpath[] = [];
  for (let k = 0; k < buffer.length; ) {
    const op = buffer[k++];
    const current = out.at(-1);
    if (op === 0 || op === 1) {
      const p = place(buffer[k]!, buffer[k + 1]!);
      k += 2;
      if (op === 1 && current !== undefined && !current.closed) current.points.push(p);
      else out.push({ points: [p], closed: false });
    } else if (op === 2 || op === 3) {
      const n = op === 2 ? 6 : 4;
      out.push({ points: [place(buffer[k + n - 2]!, buffer[k + n - 1]!)], closed: false });
      k += n;
    } else if (op === 4) {
      if (current !== undefined) current.closed = true;
    } else {
      break;
    }
  }
  return out;
}

const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const SHOW_TEXT = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);

interface GraphicsState {
  ctm: Matrix;
  textMode: number;
}

interface Drawing {
  rules: Rule[];
  visibleText: number;
  hiddenText: number;
}

/** Walks the operator list with the current transformation matrix: ruling lines and how text is drawn. */
function readDrawing(fnArray: readonly number[], argsArray: readonly unknown[], toPage: (x: number, y: number) => Point): Drawing {
  const drawing: Drawing = { rules: [], visibleText: 0, hiddenText: 0 };
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: [1, 0, 0, 1, 0, 0], textMode: 0 };
  for (const [i, fn] of fnArray.entries()) {
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.transform && args !== null) state = { ...state, ctm: Util.transform(state.ctm, args as Matrix) };
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...state });
      const matrix = args?.[0];
      if (Array.isArray(matrix) && matrix.length === 6) state = { ...state, ctm: Util.transform(state.ctm, matrix as Matrix) };
    } else if (fn === OPS.setTextRenderingMode && typeof args?.[0] === 'number') state = { ...state, textMode: args[0] };
    else if (SHOW_TEXT.has(fn)) {
      if (state.textMode % 4 === 3) drawing.hiddenText += 1;
      else drawing.visibleText += 1;
    } else if (fn === OPS.constructPath && args !== null) {
      const [paint, [buffer]] = args as [number, [ArrayLike<number> | null]];
      if (buffer === null || buffer === undefined || (!FILLS.has(paint) && !STROKES.has(paint))) continue;
      const ctm = state.ctm;
      const place = (x: number, y: number): Point => {
        const p = [x, y];
        Util.applyTransform(p, ctm);
        return toPage(p[0]!, p[1]!);
      };
      for (const path of subpaths(buffer, place)) {
        if (FILLS.has(paint)) {
          const bar = barRule(path.points);
          if (bar !== null) drawing.rules.push(bar);
        }
        if (STROKES.has(paint)) {
          const points = path.closed ? [...path.points, path.points[0]!] : path.points;
          for (let k = 1; k < points.length; k += 1) {
            const rule = segmentRule(points[k - 1]!, points[k]!);
            if (rule !== null) drawing.rules.push(rule);
          }
        }
      }
    }
  }
  return drawing;
}

/** Smaller text than this (points) is not read: hidden markers, not content. */
const MIN_FONT = 1;

export async function readPage(page: PDFPageProxy): Promise<PageRead> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform;
  const items = (await page.getTextContent()).items
    .filter(isTextItem)
    .filter((item) => item.str !== '')
    .map((item) => {
      const m = Util.transform(view, item.transform);
      return { item, m, quarter: quarterOf(m) };
    });
  const weightByQuarter = [0, 0, 0, 0];
  for (const { item, quarter } of items) weightByQuarter[quarter]! += item.str.length;
  const quarter = weightByQuarter.indexOf(Math.max(...weightByQuarter));
  const { turn, width, height } = turner(quarter, viewport.width, viewport.height);
  const pieces: Piece[] = items
    .filter((entry) => entry.quarter === quarter)
    .map(({ item, m }) => {
      const [x, y] = turn(m[4]!, m[5]!);
      return { text: item.str, x0: x, x1: x + item.width, base: y, size: Math.hypot(m[2]!, m[3]!) };
    })
    .filter((piece) => piece.size >= MIN_FONT);
  if (!pieces.some((piece) => piece.text.trim() !== '')) return { content: { width, height, pieces: [], rules: [] }, hiddenText: false };
  const toPage = (x: number, y: number): Point => {
    const p = [x, y];
    Util.applyTransform(p, view);
    return turn(p[0]!, p[1]!);
  };
  const list = await page.getOperatorList();
  const drawing = readDrawing(list.fnArray, list.argsArray, toPage);
  return {
    content: { width, height, pieces, rules: drawing.rules },
    hiddenText: drawing.hiddenText > 4 * drawing.visibleText,
  };
}

import { limits } from '../report/limits.js';

/**
 * Where a text goes past what the Markdown parser is given to read: container prefixes (block quotes and
 * list markers) deeper than `limits.nestingDepth`, and table rows past `limits.tableRows`. micromark's
 * work grows faster than the text there: lists nested 10 000 deep in 20 KB took over a minute (1 000
 * deep by indentation, 27 s), `>` × 1…4 000 ran out of memory, a 100 000-row table took 2.3 GB. The parser gets those
 * stretches blanked (same length, so every offset holds) and the `analysis-limit` rule notes them (`checks/rules/analysis-limit.ts`).
 */
export interface StructureCuts {
  /** Stretches of the text to blank, in order. */
  readonly ranges: readonly (readonly [number, number])[];
  /** Lines whose deeper container prefixes were cut, and where the first is. */
  readonly deepLines: number;
  readonly firstDeep: number | undefined;
  /** Table rows left out, and where the first is. */
  readonly tableRows: number;
  readonly firstRow: number | undefined;
}

/** One container marker of a line's prefix, with its spacing: `>`, `-`, `*`, `+`, `1.`, `1)`. */
const containerMarker = /[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=[\r\n]|$)))/y;
/** A GFM delimiter row (`| - | :-: |`), possibly inside block quotes; a `|` is required. */
const delimiterRow = /^[ \t>]*(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export function structureCuts(text: string): StructureCuts {
  const ranges: [number, number][] = [];
  let deepLines = 0;
  let firstDeep: number | undefined;
  let tableRows = 0;
  let firstRow: number | undefined;
  /** Rows of the table the line is in, -1 outside a table. */
  let rows = -1;
  let previousHasPipe = false;
  let nextPipe = -1;
  /**
   * The content columns of the list items open above the line, innermost last: lists nested by
   * indentation, one level a line (an estimate: a lazy line may close items it does not close).
   */
  const open: number[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let indent = start;
    while (indent < end && (text[indent] === ' ' || text[indent] === '\t')) indent++;
    if (indent < end && text[indent] !== '\r') {
      while (open.length && open[open.length - 1]! > indent - start) open.pop();
      let depth = open.length;
      let cutFrom = -1;
      // Inside an open item, a marker stands at the item's content column, not within 3 of the margin.
      let at = open.length ? indent : start;
      for (;;) {
        containerMarker.lastIndex = at;
        if (!containerMarker.test(text) || containerMarker.lastIndex > end) break;
        if (++depth === limits.nestingDepth + 1) cutFrom = at;
        if (cutFrom < 0 && text.slice(at, containerMarker.lastIndex).trim()[0] !== '>') open.push(containerMarker.lastIndex - start);
        at = containerMarker.lastIndex;
      }
      if (cutFrom >= 0) {
        ranges.push([cutFrom, at]);
        deepLines++;
        firstDeep ??= start;
      }
    }
    // The next `|` is looked for once per stretch without one, not once per line: linear in the text.
    if (nextPipe < start) {
      const found = text.indexOf('|', start);
      nextPipe = found < 0 ? Infinity : found;
    }
    const hasPipe = nextPipe < end;
    if (rows >= 0 && hasPipe) {
      if (++rows > limits.tableRows) {
        ranges.push([start, end]);
        tableRows++;
        firstRow ??= start;
      }
    } else if (previousHasPipe && hasPipe && delimiterRow.test(text.slice(start, end))) {
      rows = 0;
    } else {
      rows = -1;
    }
    previousHasPipe = hasPipe;
    if (newline < 0) break;
    start = newline + 1;
  }
  return { ranges, deepLines, firstDeep, tableRows, firstRow };
}

/** The text with the cuts' ranges blanked: each character a space, line breaks kept. */
export function blankCuts(text: string, cuts: StructureCuts): string {
  if (cuts.ranges.length === 0) return text;
  const pieces: string[] = [];
  let copied = 0;
  for (const [from, to] of cuts.ranges) {
    pieces.push(text.slice(copied, from), text.slice(from, to).replace(/[^\r\n]/g, ' '));
    copied = to;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

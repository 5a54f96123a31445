import { gfmTable } from 'micromark-extension-gfm-table';
import type { Construct, TokenizeContext } from 'micromark-util-types';

/** The text being parsed, and how far micromark's offsets are behind its indices (a leading BOM is dropped). */
let source = '';
let bomShift = 0;

const lineEnding = /\r\n?|\n/g;
/** A line that a GFM table delimiter row could stand on: only `|`, `:`, `-`, blanks, and `>` of block quotes. */
const delimiterRowLine = /[ \t|:>-]*(?:\r|\n|$)/y;

/**
 * Whether the line after the one at `offset` could be a table's delimiter row. A head row needs one right
 * after it (in the same containers, whose prefixes are `>` and blanks).
 */
function delimiterRowMayFollow(offset: number): boolean {
  lineEnding.lastIndex = offset + bomShift;
  const end = lineEnding.exec(source);
  if (!end) return false;
  delimiterRowLine.lastIndex = end.index + end[0].length;
  return delimiterRowLine.test(source);
}

/** Whether the table construct would start a head row here, not a body row (as the extension decides). */
function startsHeadRow(context: TokenizeContext): boolean {
  const events = context.events;
  let index = events.length - 1;
  while (index > -1 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix')) index--;
  const tail = index > -1 ? events[index]![1].type : undefined;
  return tail !== 'tableHead' && tail !== 'tableRow';
}

/**
 * The GFM table construct, refusing a head row at once when no delimiter row can follow. micromark tries
 * it at the start of every line of flow content, and the extension reads the whole line as a head row
 * before it looks at the next: reports' paragraphs are long lines, and that reading cost about as much as
 * tokenizing the paragraphs themselves. The refusal is the one the extension would reach after reading the
 * line; body rows are left to it.
 */
export function quickGfmTable(): Construct {
  const table = (gfmTable().flow as Record<string, Construct>)['null']!;
  return {
    ...table,
    tokenize(effects, ok, nok) {
      const start = table.tokenize.call(this, effects, ok, nok);
      return (code) => (startsHeadRow(this) && !delimiterRowMayFollow(this.now().offset) ? nok(code) : start(code));
    },
  };
}

/** `parse()` with `text` as the source `quickGfmTable` looks ahead in: the text micromark is given, whole. */
export function withTableSource<T>(text: string, parse: () => T): T {
  source = text;
  bomShift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    return parse();
  } finally {
    source = '';
  }
}

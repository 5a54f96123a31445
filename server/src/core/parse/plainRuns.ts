import { frontMatterEnd, isAtxHeadingLine, isBlank } from './blocks.js';

/**
 * A paragraph, or a list of one-line items, whose text has no Markdown in it: the model takes it from the
 * lines themselves, and micromark parses only what lies between such runs (see `parseBlock`). Offsets are
 * those of the text given to `plainRuns`; an `end` is where the last line's content ends (before its line
 * ending).
 */
export type PlainRun = PlainParagraph | PlainList;

interface Run {
  readonly start: number;
  readonly end: number;
  /** The line before is an ATX heading, not a blank line: it is one only if it parses as a heading in place. */
  readonly afterHeading: boolean;
}

export interface PlainParagraph extends Run {
  readonly kind: 'paragraph';
}

export interface PlainList extends Run {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly PlainItem[];
}

/** A list item of one line: its marker at `start`, its text from `textStart` to `end`. */
export interface PlainItem {
  readonly start: number;
  readonly textStart: number;
  readonly end: number;
}

/**
 * The plain runs of a block's text (`atDocumentStart` when the block starts the document, where front
 * matter may stand), in order. A run is taken only where CommonMark gives its lines that meaning whatever
 * the document around them holds, with three exceptions `parseBlock` checks after parsing the text before
 * the run: a fenced code block or an HTML block of kinds 1–5 still open there (blank lines do not end them),
 * a list there that a list run would continue, and, for a run right after a line that looks like an ATX
 * heading, anything but that heading there (the line may be the content of an HTML block, say).
 *
 * - A run starts after a blank line or an ATX heading, at column 0, and is followed by a blank line or the
 *   end. A line at column 0 after a blank line always stands at the document level: it closes the lists and
 *   block quotes before it (a list item's continuation must be indented, a lazy line cannot follow a blank
 *   one); after a heading, which is one line, nothing is open. A paragraph run may also end at a heading or
 *   at a run of bullet list items, which interrupt it.
 * - Every line's text is non-empty, starts with no space, tab or character that could open a block
 *   (`#`, `>`, list markers, `=`, `_`, fences, `<`, `|`, `:`, `[`, `1.` / `1)`), ends with no space (one is
 *   dropped, two make a hard break), and holds none of what opens inline Markdown (`` ` ``, `*`, `_`,
 *   `[`, `]`, `<`, `>`, `&`, `\`, `|`) or what micromark reads differently from the source (tab, NUL, a
 *   lone CR). So no line interrupts the paragraph, nothing inline is parsed, and no table forms.
 * - A list's items all have the same marker (`-`, `*`, `+`, or digits and the same `.` or `)`) followed by
 *   one space; blank lines may separate them. What follows its last blank line is not indented (it would
 *   continue the last item) and is not a list item (it would continue the list). A list run does not
 *   follow a line that is indented or is a list item: the list it belongs to would take the run in.
 */
export function plainRuns(text: string, atDocumentStart: boolean): PlainRun[] {
  const runs: PlainRun[] = [];
  let position = atDocumentStart ? frontMatterEnd(text) : 0;
  if (position < 0) return runs;
  let previousBlank = false;
  let previousHeading = false;
  // Whether the line before ends a plain paragraph run (the line it stopped at is a heading or a list run's first item).
  let afterParagraph = false;
  // Whether the last non-blank line could belong to a list that a list item after it would continue.
  let previousListish = false;
  while (position < text.length) {
    const line = lineAt(text, position);
    let run: PlainRun | undefined;
    if (previousBlank || previousHeading) run = plainParagraph(text, line, previousHeading) ?? (previousListish ? undefined : plainList(text, line, previousHeading));
    else if (afterParagraph) run = plainList(text, line, false);
    if (run) {
      runs.push(run);
      // The line after it: blank, the end, or (after a paragraph) a list item or a heading.
      position = lineAt(text, run.end).next;
      previousBlank = previousHeading = false;
      afterParagraph = run.kind === 'paragraph';
      previousListish = run.kind === 'list';
      continue;
    }
    afterParagraph = false;
    previousBlank = isBlank(text, line.start, line.end);
    previousHeading = isAtxHeadingLine(text, line.start, line.end);
    if (!previousBlank) previousListish = startsIndented(text, line.start) || itemMarker(text, line) !== undefined;
    position = line.next;
  }
  return runs;
}

interface Line {
  readonly start: number;
  /** Where the line's content ends: before `\n` or `\r\n`. */
  readonly end: number;
  /** Where the next line starts (the text's length after the last). */
  readonly next: number;
}

function lineAt(text: string, start: number): Line {
  const newline = text.indexOf('\n', start);
  if (newline < 0) return { start, end: text.length, next: text.length };
  return { start, end: newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline, next: newline + 1 };
}

/** Whether the text ends at `position`: no line follows, or only blank ones. */
function blankFrom(text: string, position: number): Line | undefined {
  while (position < text.length) {
    const line = lineAt(text, position);
    if (!isBlank(text, line.start, line.end)) return line;
    position = line.next;
  }
  return undefined;
}

/** Characters that open inline Markdown or that micromark does not read as themselves. */
const inlineFree = /[^`*_[\]<>&\\|\t\0\r]*/y;
/** Characters that may open a block when they start a line, or indent it. */
const blockStarts = new Set([...'#>-*+=_`~<|:[ \t'].map((c) => c.charCodeAt(0)));
/** An ordered list item's marker and what must follow it to make one. */
const orderedMarker = /\d{1,9}[.)](?=[ \t\r\n]|$)/y;

/** Whether `[start, end)` is text that parses as itself, whether it starts a paragraph or continues one. */
function isPlainText(text: string, start: number, end: number): boolean {
  if (end <= start || blockStarts.has(text.charCodeAt(start)) || text.charCodeAt(end - 1) === 32) return false;
  orderedMarker.lastIndex = start;
  if (orderedMarker.test(text)) return false;
  inlineFree.lastIndex = start;
  inlineFree.test(text);
  return inlineFree.lastIndex >= end;
}

function plainParagraph(text: string, first: Line, afterHeading: boolean): PlainParagraph | undefined {
  let line = first;
  let end = first.start;
  while (isPlainText(text, line.start, line.end)) {
    end = line.end;
    if (line.next >= text.length) return { kind: 'paragraph', start: first.start, end, afterHeading };
    line = lineAt(text, line.next);
  }
  return end > first.start && (isBlank(text, line.start, line.end) || interruptsWith(text, line)) ? { kind: 'paragraph', start: first.start, end, afterHeading } : undefined;
}

/**
 * Whether a line at column 0 right after a paragraph's line ends the paragraph and starts what parses the
 * same there as at the start of a document: an ATX heading, or a plain run of bullet list items. Not any
 * list item: one that interrupts a paragraph reads what follows its marker in that light (`- +` holds the
 * text `+` there, an empty list at the start).
 */
function interruptsWith(text: string, line: Line): boolean {
  if (isAtxHeadingLine(text, line.start, line.end)) return true;
  const first = text.charCodeAt(line.start);
  return (first === 45 /* - */ || first === 42 /* * */ || first === 43) /* + */ && plainList(text, line, false) !== undefined;
}

/** What tells a list item's marker from another's: the bullet, or the delimiter after the digits. */
function itemMarker(text: string, line: Line): { kind: number; textStart: number } | undefined {
  const first = text.charCodeAt(line.start);
  let at = line.start;
  let kind = first;
  if (first === 45 /* - */ || first === 42 /* * */ || first === 43 /* + */) at++;
  else {
    orderedMarker.lastIndex = line.start;
    if (!orderedMarker.test(text)) return undefined;
    at = orderedMarker.lastIndex;
    kind = text.charCodeAt(at - 1);
  }
  if (at === line.end) return { kind, textStart: at };
  const after = text.charCodeAt(at);
  return after === 32 || after === 9 ? { kind, textStart: at + 1 } : undefined;
}

function plainItem(text: string, line: Line, kind: number | undefined): PlainItem | undefined {
  const marker = itemMarker(text, line);
  if (!marker || (kind !== undefined && marker.kind !== kind) || text.charCodeAt(marker.textStart - 1) !== 32) return undefined;
  return isPlainText(text, marker.textStart, line.end) ? { start: line.start, textStart: marker.textStart, end: line.end } : undefined;
}

function plainList(text: string, first: Line, afterHeading: boolean): PlainList | undefined {
  const marker = itemMarker(text, first);
  if (!marker) return undefined;
  const items: PlainItem[] = [];
  let line: Line | undefined = first;
  while (line) {
    const item = plainItem(text, line, marker.kind);
    if (!item) return undefined;
    items.push(item);
    if (line.next >= text.length) break;
    const next = lineAt(text, line.next);
    if (!isBlank(text, next.start, next.end)) {
      line = next;
      continue;
    }
    // Blank lines: the list goes on if an item of its kind follows, and must not have anything that
    // could continue it follow.
    line = blankFrom(text, next.next);
    if (!line) break;
    const following = itemMarker(text, line);
    if (following ? following.kind !== marker.kind : startsIndented(text, line.start)) return undefined;
    if (!following) break;
  }
  const ordered = marker.kind === 46 /* . */ || marker.kind === 41; /* ) */
  return { kind: 'list', ordered, start: first.start, end: items[items.length - 1]!.end, afterHeading, items };
}

function startsIndented(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return c === 32 || c === 9;
}

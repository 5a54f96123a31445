/** What the in-process benchmark (bench.ts) and the language-server one (lsp.ts) share. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Summary {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

export function summarize(times: readonly number[]): Summary {
  return { medianMs: median(times), minMs: Math.min(...times), runs: times.length };
}

/**
 * The one character that an edit run replaces: a Chinese character in a prose line just past the middle of
 * the document, so that an incremental parse has as much unchanged text before it as after it. With its
 * zero-based line and UTF-16 column, for an LSP range.
 */
export interface MidEdit {
  readonly offset: number;
  readonly line: number;
  readonly character: number;
}

/**
 * Edit runs alternate between these two, so that every run makes a version that differs from the one
 * before (a cache keyed on the text could otherwise answer it). The edited character is neither.
 */
const REPLACEMENTS = ['甲', '乙'] as const;

export function replacementFor(run: number): string {
  return REPLACEMENTS[run % REPLACEMENTS.length]!;
}

/**
 * Finds the edit point, on the first line after `from` (the middle) that `accept`s. A line that starts with
 * two Chinese characters is a paragraph, not a heading, list or table.
 */
export function midDocumentEdit(text: string, accept: (line: number) => boolean = () => true, from = text.length >> 1): MidEdit {
  let line = 0;
  let counted = 0;
  for (let start = text.indexOf('\n', from) + 1; start > 0; start = text.indexOf('\n', start) + 1) {
    if (!/^[\u4e00-\u9fff]{2}/.test(text.slice(start, start + 2))) continue;
    const offset = start + 1;
    if (REPLACEMENTS.some((r) => r === text[offset])) continue;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < start; i = text.indexOf('\n', counted)) {
      line++;
      counted = i + 1;
    }
    if (accept(line)) return { offset, line, character: 1 };
  }
  throw new Error('no prose line to edit after the given offset');
}

/** The text with the edit point replaced by `replacement`. */
export function editedText(text: string, edit: MidEdit, replacement: string): string {
  return text.slice(0, edit.offset) + replacement + text.slice(edit.offset + 1);
}

/** Where a line-start keystroke goes: a new line of its own mid-document, holding only its block's marker. */
export interface LineStartEdit {
  /** The document with that line added (and a blank line after it): the text the editor holds before the keystroke. */
  readonly text: string;
  readonly line: number;
  /** Just after the marker: where the block's first character is typed. */
  readonly character: number;
}

/**
 * The text with a new line, `marker` alone (`''` for a paragraph, `## ` for a heading, `- ` for a list
 * item), before the first paragraph past the middle that follows a blank line: the state of the document
 * while a writer starts a new block there, the marker typed and its text not yet. The keystroke measured is
 * the block's first character, which turns an empty line into a paragraph, an empty heading into a
 * chapter with a title to classify, an empty list item into one with text.
 */
export function lineStartEdit(text: string, marker: string): LineStartEdit {
  for (let blank = text.indexOf('\n\n', text.length >> 1); blank >= 0; blank = text.indexOf('\n\n', blank + 1)) {
    const start = blank + 2;
    if (!/^[\u4e00-\u9fff]{2}/.test(text.slice(start, start + 2))) continue;
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
    return { text: `${text.slice(0, start)}${marker}\n\n${text.slice(start)}`, line, character: marker.length };
  }
  throw new Error('no paragraph after a blank line past the middle of the document');
}

import type { Span } from './model.js';

/**
 * Where a document may be cut into blocks that parse on their own exactly as they parse inside the whole
 * document: before an ATX heading at column 0 whose previous line is blank. Such a line always starts a
 * fresh block at the document level — it closes any list, block quote, paragraph, table or HTML block of
 * kinds 6–7 — unless an earlier line opened a construct that runs across blank lines: front matter, a
 * fenced code block, or an HTML block of kinds 1–5 (`<!--`, `<script>`, `<pre>`…). The scan below follows
 * front matter, fences and comments so it does not cut inside them; whatever it misses, the model builder
 * catches after parsing (a block that ends inside an open construct is merged with the rest).
 *
 * Link reference definitions are the one thing that reaches across blocks (`[label]: url` anywhere
 * resolves `[text][label]` everywhere), so a document that has one is not cut at all.
 *
 * Blocks are at least `minimum` characters long where the headings allow: each parse has a fixed cost
 * (micromark sets up its constructs every time), which tens of thousands of tiny blocks would multiply.
 */
export function splitBlocks(text: string, minimum = defaultMinimumBlock): Span[] {
  const afterFrontMatter = frontMatterEnd(text);
  if (afterFrontMatter < 0 || definitionLine.test(text)) return [{ start: 0, end: text.length }];
  const cuts: number[] = [0];
  let position = afterFrontMatter;
  let fence: { char: number; length: number } | undefined;
  let comment = false;
  let previousBlank = true;
  while (position < text.length) {
    const newline = text.indexOf('\n', position);
    const lineEnd = newline < 0 ? text.length : newline;
    const first = text.charCodeAt(position);
    if (fence) {
      if (closesFence(text, position, lineEnd, fence)) fence = undefined;
    } else if (comment) {
      if (text.lastIndexOf('-->', lineEnd - 3) >= position) comment = false;
    } else if (first === 35 /* # */ && previousBlank && position - cuts[cuts.length - 1]! >= Math.max(1, minimum) && atxHeading.test(text.slice(position, Math.min(lineEnd, position + 8)))) {
      cuts.push(position);
    } else {
      fence = opensFence(text, position, lineEnd);
      comment = fence === undefined && opensComment(text, position, lineEnd);
    }
    previousBlank = isBlank(text, position, lineEnd);
    position = lineEnd + 1;
  }
  return cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? text.length }));
}

/** About 2 KB: a few headings' worth of a report, parsed in a millisecond or two. */
export const defaultMinimumBlock = 2048;

/** `[label]: destination` at a line start, also inside block quotes and list items; labels are ≤ 999 characters. */
const definitionLine = /^[ \t>*+\-\d.)]*\[[^\]]{0,999}\]:/m;

const atxHeading = /^#{1,6}(?:[ \t\r]|$)/;

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * Offset after a front matter block at the very start (after a byte order mark); 0 when there is none, -1
 * when its fence is never closed: micromark then parses no list in the whole document (it reads `- a` as a
 * paragraph), a state no block after the first would share.
 */
function frontMatterEnd(text: string): number {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const match = /^---[ \t]*(?:\r?\n|$)/m.exec(text.slice(open[0].length));
  return match ? open[0].length + match.index + match[0].length : -1;
}

/** Up to three spaces, then three or more backticks (no backtick after them) or tildes. */
function opensFence(text: string, start: number, end: number): { char: number; length: number } | undefined {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  const char = text.charCodeAt(i);
  if (char !== 96 /* ` */ && char !== 126 /* ~ */) return undefined;
  let length = 0;
  while (text.charCodeAt(i + length) === char) length++;
  if (length < 3) return undefined;
  if (char === 96 && text.slice(i + length, end).includes('`')) return undefined;
  return { char, length };
}

function closesFence(text: string, start: number, end: number, fence: { char: number; length: number }): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  let length = 0;
  while (text.charCodeAt(i + length) === fence.char) length++;
  return length >= fence.length && isBlank(text, i + length, end);
}

/** An HTML comment that starts a line and does not end on it. */
function opensComment(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  if (!text.startsWith('<!--', i)) return false;
  const close = text.indexOf('-->', i + 4);
  return close < 0 || close + 3 > end;
}

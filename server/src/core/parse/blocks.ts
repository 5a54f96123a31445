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
 * Link reference definitions reach across blocks (`[label]: url` anywhere resolves `[text][label]`
 * everywhere): blocks are parsed knowing the document's definitions (see `IncrementalModel`).
 *
 * Blocks are at least `minimum` characters long where the headings allow: each parse has a fixed cost
 * (micromark sets up its constructs every time), which tens of thousands of tiny blocks would multiply.
 */
export function splitBlocks(text: string, minimum = defaultMinimumBlock): Span[] {
  return spansOf(cutBlocks(text, minimum), text.length);
}

/** About 2 KB: a few headings' worth of a report, parsed in a millisecond or two. */
export const defaultMinimumBlock = 2048;

/** Where the blocks of `splitBlocks` start, in order; the first is 0. */
export function cutBlocks(text: string, minimum = defaultMinimumBlock): number[] {
  const afterFrontMatter = frontMatterEnd(text);
  if (afterFrontMatter < 0) return [0];
  const cuts = [0];
  scan(text, minimum, afterFrontMatter, cuts, () => false);
  return cuts;
}

/**
 * `cutBlocks(text, minimum)` from the cuts `previous` (for the same `minimum`) of the previous version of
 * the document, which differed from `text` only in `[from, to)` (offsets in `text`; what follows moved by
 * `delta`, see `changedRange`). The scan is the same but resumes at the last cut before the change (the
 * scanner's state there depends only on the text before it) and stops at the first cut after the change
 * that the previous version also had: at a cut the scanner's state is always the same, so from there the
 * same text gives the same cuts.
 */
export function recutBlocks(text: string, minimum: number, previous: readonly number[], from: number, to: number, delta: number): number[] {
  if (previous.length < 2) return cutBlocks(text, minimum);
  let resume = 0;
  while (resume + 1 < previous.length && previous[resume + 1]! <= from) resume++;
  let cuts: number[];
  let position: number;
  if (resume > 0) {
    cuts = previous.slice(0, resume);
    position = previous[resume]!;
  } else {
    position = frontMatterEnd(text);
    if (position < 0) return [0];
    cuts = [0];
  }
  let old = resume;
  const converged = scan(text, minimum, position, cuts, (cut) => {
    if (cut < to) return false;
    while (old < previous.length && previous[old]! + delta < cut) old++;
    return old < previous.length && previous[old]! + delta === cut;
  });
  for (let i = old; converged && i < previous.length; i++) cuts.push(previous[i]! + delta);
  return cuts;
}

/**
 * Where a version of a document differs from an earlier one: it equals the earlier text before `from` and
 * from `to` on, where the earlier text has moved by `delta` (how much longer the new text is).
 */
export interface TextChange {
  readonly from: number;
  readonly to: number;
  readonly delta: number;
}

/** Whether `change` can describe how `text` differs from `previous` (it is trusted for the rest). */
export function changeFits(change: TextChange, previous: string, text: string): boolean {
  const { from, to, delta } = change;
  return delta === text.length - previous.length && from >= 0 && from <= to && to <= text.length && from <= to - delta;
}

/**
 * The change from `previous` to `text`, as small as it is: compares slices (a memory comparison) before
 * single characters.
 */
export function changedRange(previous: string, text: string): TextChange {
  const delta = text.length - previous.length;
  const shorter = Math.min(previous.length, text.length);
  let from = 0;
  while (from + chunk <= shorter && text.slice(from, from + chunk) === previous.slice(from, from + chunk)) from += chunk;
  while (from < shorter && text.charCodeAt(from) === previous.charCodeAt(from)) from++;
  let to = text.length;
  while (to - chunk >= from + Math.max(0, delta) && text.slice(to - chunk, to) === previous.slice(to - chunk - delta, to - delta)) to -= chunk;
  while (to > from + Math.max(0, delta) && text.charCodeAt(to - 1) === previous.charCodeAt(to - 1 - delta)) to--;
  return { from, to, delta };
}

/** Long enough that comparing a document costs few slices, short enough to finish in a few characters. */
const chunk = 4096;

/** The spans between `cuts`, the last running to `length`. */
export function spansOf(cuts: readonly number[], length: number): Span[] {
  return cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? length }));
}

const atxHeading = /^#{1,6}(?:[ \t\r]|$)/;

/** Whether the line from `start` to `end` (its content, before the `\n`) is an ATX heading at column 0. */
export function isAtxHeadingLine(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === 35 /* # */ && atxHeading.test(text.slice(start, Math.min(end, start + 8)));
}

/**
 * Scans the lines from `position`, where the scanner starts afresh (after the front matter, or at a cut,
 * which it decides again), and appends the cuts it finds to `cuts`, whose last is the cut before
 * `position`. Stops at the end, or at a cut where `converged(cut)` says the rest is known: returns whether
 * it did (leaving that cut out).
 */
function scan(text: string, minimum: number, position: number, cuts: number[], converged: (cut: number) => boolean): boolean {
  let fence: { char: number; length: number } | undefined;
  let comment = false;
  let previousBlank = true;
  while (position < text.length) {
    const newline = text.indexOf('\n', position);
    const lineEnd = newline < 0 ? text.length : newline;
    if (fence) {
      if (closesFence(text, position, lineEnd, fence)) fence = undefined;
    } else if (comment) {
      if (text.lastIndexOf('-->', lineEnd - 3) >= position) comment = false;
    } else if (previousBlank && position - cuts[cuts.length - 1]! >= Math.max(1, minimum) && isAtxHeadingLine(text, position, lineEnd)) {
      if (converged(position)) return true;
      cuts.push(position);
    } else {
      fence = opensFence(text, position, lineEnd);
      comment = fence === undefined && opensComment(text, position, lineEnd);
    }
    previousBlank = isBlank(text, position, lineEnd);
    position = lineEnd + 1;
  }
  return false;
}

/** Whether `[start, end)` holds only spaces, tabs and CRs: a blank line, or several of them. */
export function isBlank(text: string, start: number, end: number): boolean {
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
export function frontMatterEnd(text: string): number {
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

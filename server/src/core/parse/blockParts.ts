import { parseNumbering } from '../report/numberingStyle.js';
import type { HeadingInfo, Span, TextBlock } from './model.js';

/*
 * What both block parsers (remark's tree in fromMdast.ts, micromark's events in events.ts) build a block's
 * model from: one copy, so the two paths can differ only in how they read the Markdown.
 */

/** Markup that may stand before a heading's number: `**第三章**`, `*3.*`, `[第三章](#…)`, `` `3.` ``. */
const numberingMarkup = /^[*_`[~]{0,3}$/;

/** The source of a block and where it stands in the document; spans are document offsets. */
export interface Source {
  readonly text: string;
  readonly base: number;
  slice(span: Span): string;
}

/** The block `text.slice(start, end)`, copied so that what the model keeps of it does not keep the whole document alive. */
export function blockSource(text: string, start: number, end: number): Source {
  const own = (' ' + text.slice(start, end)).slice(1);
  return { text: own, base: start, slice: (span) => own.slice(span.start - start, span.end - start) };
}

export function headingInfo(span: Span, depth: number, contentStart: number, contentEnd: number, text: string, source: Source): HeadingInfo {
  const plain = text.trim();
  const numbering = parseNumbering(plain);
  const content = source.slice({ start: contentStart, end: contentEnd });
  const at = numbering ? content.indexOf(numbering.raw) : -1;
  const numberingSpan =
    numbering && at >= 0 && numberingMarkup.test(content.slice(0, at))
      ? { start: contentStart + at, end: contentStart + at + numbering.raw.length }
      : undefined;
  // Object literals with the properties always in this order, not spreads: V8 gives each spread-built
  // object its own hidden class, which makes every later read of a heading's properties slow.
  return {
    start: span.start,
    end: span.end,
    depth,
    contentStart,
    contentEnd,
    text: plain,
    numbering,
    numberingSpan,
    title: numbering ? plain.slice(numbering.length).trim() : plain,
  };
}

export function textBlock(start: number, end: number, text: string): TextBlock {
  return { start, end, text };
}

const bareUrl = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'，。；！？、（）【】「」]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/**
 * A text span (document offsets) with its bare URLs and e-mail addresses cut out (the parser does not
 * link them), pushed to `out` relative to the block's start.
 */
export function withoutUrls(source: Source, span: Span, out: Span[]): void {
  const slice = source.slice(span);
  const base = source.base;
  if (!/:\/\/|www\.|@/i.test(slice)) {
    out.push({ start: span.start - base, end: span.end - base });
    return;
  }
  let cursor = span.start;
  for (const match of slice.matchAll(bareUrl)) {
    const start = span.start + match.index;
    if (start > cursor) out.push({ start: cursor - base, end: start - base });
    cursor = start + match[0].length;
  }
  if (cursor < span.end) out.push({ start: cursor - base, end: span.end - base });
}

export function uniqueSorted(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort();
}

/** Sorted labels, each once, as one string: the same definitions give the same key. */
export function definitionsKey(labels: Iterable<string>): string {
  return uniqueSorted(labels).join('\n');
}

/** HTML blocks that blank lines do not end, with what ends them (CommonMark kinds 1–5). */
const htmlUntil: readonly [RegExp, string | RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, '-->'],
  [/^<\?/, '?>'],
  [/^<!\[CDATA\[/, ']]>'],
  [/^<![A-Za-z]/, '>'],
];

/** Whether a code block or an HTML node left open at the end of its block would, in the whole document, go on past it. */
export function runsOn(leaf: 'code' | 'html', source: string): boolean {
  if (leaf === 'code') {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(source);
    if (!opening) return false;
    const lines = source.replace(/(?:\r?\n)+$/, '').split(/\r?\n/);
    const closing = lines.length > 1 ? /^ {0,3}(`+|~+)[ \t]*$/.exec(lines[lines.length - 1]!) : null;
    return !(closing && closing[1]![0] === opening[1]![0] && closing[1]!.length >= opening[1]!.length);
  }
  const html = source.replace(/^ {0,3}/, '');
  for (const [start, end] of htmlUntil) {
    const opening = start.exec(html);
    if (!opening) continue;
    const rest = html.slice(opening[0].length);
    return typeof end === 'string' ? !rest.includes(end) : !end.test(rest);
  }
  return false;
}

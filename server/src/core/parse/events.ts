import { blockSource, definitionsKey, uniqueSorted } from './blockParts.js';
import { BlockWalk } from './eventWalk.js';
import { eventsWithListItems } from './markdown.js';
import type { BlockModel } from './model.js';
import { plainRuns } from './plainRuns.js';

/*
 * The block parser for large documents (see `eventsAbove` in parse/index.ts): the model built straight from
 * micromark's events (eventWalk.ts), taking plain paragraphs and lists from their lines, without remark's
 * tree. It must give exactly what fromMdast.ts gives; the differential tests (test/unit/blockParser.test.ts)
 * hold it to that.
 */

/**
 * Parses `text.slice(start, end)` on its own, as it parses in a document whose link reference definitions
 * are its own and those of the labels `defined` (normalized); it must start at 0 or at a place
 * `splitBlocks` chose.
 */
export function blockFromEvents(text: string, start: number, end: number, defined: readonly string[]): BlockModel {
  return parseBlockIn(text, start, end, true, defined);
}

const onlyLineFeeds = /^\n*$/;

/**
 * Walks micromark's events of a piece of the block. A piece of line feeds alone (the blank lines between
 * two plain runs, or after the last) is not parsed: micromark gives nothing but blank line endings for it,
 * which the walk passes over, and starting micromark costs more than parsing a short piece.
 */
function walkPiece(walk: BlockWalk, piece: string, defined: readonly string[]): void {
  if (!onlyLineFeeds.test(piece)) walk.walk(eventsWithListItems(piece, defined));
}

/**
 * `blockFromEvents`, taking the block's plain runs (see `plainRuns`) from their lines and having micromark
 * parse only the pieces between them when `byRuns` says so: report prose is mostly such runs, and micromark
 * takes ten times as long over them. Where a piece turns out to leave open what would take in the run after
 * it (see `plainRuns`), the block is parsed again in one piece.
 */
function parseBlockIn(text: string, start: number, end: number, byRuns: boolean, defined: readonly string[]): BlockModel {
  const source = blockSource(text, start, end);
  const own = source.text;
  // micromark drops a leading byte order mark and counts offsets without it.
  const bom = start === 0 && own.charCodeAt(0) === 0xfeff ? 1 : 0;
  const value = bom ? own.slice(1) : own;
  const walk = new BlockWalk(text, source, value, bom);
  // micromark's offsets count the source's characters, tabs and NUL too, but not a byte order mark it drops.
  for (const run of byRuns && value.charCodeAt(0) !== 0xfeff ? plainRuns(value, start === 0) : []) {
    walkPiece(walk, value.slice(walk.piece, run.start), defined);
    const last = walk.root.lastEnd;
    if (walk.endsOpen() || (run.kind === 'list' && walk.listEnd >= 0 && walk.listEnd === last) || (run.afterHeading && (walk.headingEnd < 0 || walk.headingEnd !== last))) {
      return parseBlockIn(text, start, end, false, defined);
    }
    if (run.kind === 'paragraph') walk.plainParagraph(run.start, run.end);
    else walk.plainList(run);
    walk.piece = run.end;
    walk.shift = start + bom + walk.piece;
  }
  walkPiece(walk, walk.piece ? value.slice(walk.piece) : value, defined);
  walk.closeText(walk.root);
  // A reference to a label the block itself defines was read as text where the parse did not know of it
  // (in another piece, or given definitions that lack it): parse again knowing it.
  const { definitions } = walk;
  const mayReference = own.includes(']');
  if (mayReference && definitions.some((label) => !defined.includes(label))) return parseBlockIn(text, start, end, byRuns, [...defined, ...definitions]);
  const { frontMatter, headings, paragraphs, tables, prose, contentBlocks } = walk;
  return {
    start, end, frontMatter, headings, paragraphs, listItems: walk.listItems(), tables, prose, contentBlocks, open: walk.endsOpen(),
    definitions: uniqueSorted(definitions),
    definedWith: mayReference ? definitionsKey([...defined, ...definitions]) : undefined,
    memo: new WeakMap(),
  };
}

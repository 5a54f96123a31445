/**
 * The parser's one entry point: Markdown text → the report model (model.ts), in document offsets. The rest
 * of the engine imports parsing from here only (eslint.config.mjs holds it to that).
 *
 * The main path is remark: unified + remark-parse with GFM tables and YAML front matter (remark.ts, one
 * configuration with the Word export) → mdast → the model (fromMdast.ts). A document is parsed in blocks
 * (blocks.ts) that checks keep their results per, and a new version parses again only the blocks it
 * changed (incremental.ts). Documents above `eventsAbove` characters are parsed the same way but each block
 * straight from micromark's events (events.ts), which skips building the tree and takes plain prose from
 * its lines: same model, proven equal by the differential tests (test/unit/blockParser.test.ts).
 */
import { blockFromEvents } from './events.js';
import { blockFromMdast } from './fromMdast.js';
import { defaultMinimumBlock, type TextChange } from './blocks.js';
import { parseIncrementally, type BlockParser, type ReportParse } from './incremental.js';
import type { BlockModel, ReportModel } from './model.js';

export type * from './model.js';
export type { FrontMatter, FrontMatterProblem } from './frontMatter.js';
export type { ReportParse } from './incremental.js';
export { splitBlocks, type TextChange } from './blocks.js';
export { structureCuts, type StructureCuts } from './bounds.js';
export { markdownProcessor } from './remark.js';

/**
 * Above this many characters (UTF-16 units; ~6 KB of Chinese in UTF-8) a document's blocks are parsed from
 * micromark's events, not remark's tree. Measured (cold analysis, prefixes of the three sample reports, 2
 * CPUs): remark's tree costs 0.3–0.5 ms more at 1 000 characters, 0.6–1.3 ms at 2 000, 2–3 ms on the whole
 * samples (~6 100), which takes them from 1.0–1.2x markdownlint to 1.6–2.0x; the events, which skip the
 * tree and micromark's reading of plain prose, are what holds real reports (5–100 KB) at or under 1x.
 * Below this, remark's extra cost is about a millisecond at most, and a keystroke parses again one block.
 */
export const eventsAbove = 2048;

export interface ParseOptions {
  /** Blocks are at least this long where the headings allow (see `splitBlocks`); tests make it small. */
  readonly minimumBlock?: number;
  /** See `eventsAbove`; tests set 0 or Infinity to hold one path. */
  readonly eventsAbove?: number;
}

function blockParser(text: string, options: ParseOptions): BlockParser {
  return text.length > (options.eventsAbove ?? eventsAbove) ? blockFromEvents : blockFromMdast;
}

/**
 * The parse of `text` (its model, and what the next version's parse starts from), in steps: the generator
 * yields after each block it parses, so a host can give way to other work and abandon it (`return()`).
 * `previous`, the parse of an earlier version of the same document, lends the blocks `text` did not change;
 * `change`, where the host knows it, says where the two texts differ, which spares comparing them.
 */
export function parseReportSteps(uri: string, text: string, previous?: ReportParse, change?: TextChange, options: ParseOptions = {}): Generator<void, ReportParse> {
  return parseIncrementally(uri, text, previous, change, options.minimumBlock ?? defaultMinimumBlock, blockParser(text, options));
}

/** `parseReportSteps` at once. */
export function parseReport(uri: string, text: string, previous?: ReportParse, change?: TextChange, options: ParseOptions = {}): ReportParse {
  const steps = parseReportSteps(uri, text, previous, change, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The model of a document parsed on its own. */
export function buildReportModel(uri: string, text: string): ReportModel {
  return parseReport(uri, text).model;
}

/**
 * The model of `text.slice(start, end)` parsed on its own, as it parses in a document (of `text`'s length)
 * whose link reference definitions are its own and those of the labels `defined` (normalized); it must
 * start at 0 or at a place `splitBlocks` chose.
 */
export function parseBlock(text: string, start: number, end: number, defined: readonly string[] = [], options: ParseOptions = {}): BlockModel {
  return blockParser(text, options)(text, start, end, defined);
}

import type { FrontMatter, FrontMatterProblem } from './frontMatter.js';
import type { Numbering } from '../report/numberingStyle.js';

/*
 * The report model: what a Markdown document is made of, independent of any chapter schema. Built by the
 * parser behind `parse/index.ts`; the rest of the engine reads these types.
 */

/** A span of the document as UTF-16 offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface HeadingInfo extends Span {
  readonly depth: number;
  /** The heading's content, after the `#` marks. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Plain text of the heading (markup removed), numbering included. */
  readonly text: string;
  readonly numbering: Numbering | undefined;
  /** Where the numbering stands in the document, when it can be located in the source. */
  readonly numberingSpan: Span | undefined;
  /** The text without its numbering. */
  readonly title: string;
}

/** A chapter or a section: a heading and everything up to the next heading of the same or a higher level. */
export interface Section extends Span {
  readonly heading: HeadingInfo;
  readonly sections: Section[];
  /** True when something other than headings and HTML comments stands under the heading. */
  hasContent: boolean;
}

export interface TextBlock extends Span {
  readonly text: string;
}

export interface ListItemInfo extends TextBlock {
  /** Nesting level, 0 for an item of a top-level list. */
  readonly level: number;
  readonly ordered: boolean;
}

export interface TableInfo extends Span {
  readonly header: readonly TextBlock[];
  readonly rows: readonly (readonly TextBlock[])[];
}

/** What a Markdown document is made of, independent of any chapter schema. */
export interface ReportModel {
  readonly uri: string;
  readonly text: string;
  readonly frontMatter: FrontMatter | undefined;
  readonly frontMatterProblems: readonly FrontMatterProblem[];
  /** The single top-level `#` heading that names the document, when there is one. */
  readonly titleHeading: HeadingInfo | undefined;
  /** The heading level used for chapters (the shallowest below the title). */
  readonly chapterDepth: number | undefined;
  readonly headings: readonly HeadingInfo[];
  readonly chapters: readonly Section[];
  readonly tables: readonly TableInfo[];
  /** The blocks the document was parsed in, in order; what a check keeps per block outlives an edit elsewhere. */
  readonly blocks: readonly BlockModel[];
}
/** What one block of the document contributes to the model, in document offsets (but paragraphs, list items, `prose` and `contentBlocks`). */
export interface BlockModel extends Span, Pick<ReportModel, 'frontMatter' | 'headings' | 'tables'> {
  /**
   * The block's paragraphs and list items, relative to its start: a moved block shares them. The goal
   * engine reads those of a few chapters (`paragraphsWithin` and `listItemsWithin` in goals/segments.ts
   * place them in the document).
   */
  readonly paragraphs: readonly TextBlock[];
  readonly listItems: readonly ListItemInfo[];
  /**
   * Stretches of prose that checks may scan (text outside code, HTML, URLs and front matter), relative
   * to the block's start: a moved block shares them. Checks scan them per block (see `BlockModel.memo`).
   */
  readonly prose: readonly Span[];
  /** Offsets of top-level blocks that count as content, for empty-section detection, relative to the block's start. */
  readonly contentBlocks: readonly number[];
  /**
   * The block ends inside a fenced code block or an HTML block of kinds 1–5 that never closes: in the
   * whole document that construct would run on into the next block, so the next block may not be cut off.
   */
  readonly open: boolean;
  /** The labels (normalized) its link reference definitions define, sorted, each once. */
  readonly definitions: readonly string[];
  /**
   * For a block that may hold a link reference (it has a `]`): the labels it was parsed knowing to be
   * defined, its own and those given, as `definitionsKey` writes them. It is right for a document whose
   * definitions are those; a block without `]` is right for any (undefined).
   */
  readonly definedWith: string | undefined;
  /**
   * What checks computed from this block alone, keyed by whatever they choose (held weakly), with offsets
   * relative to the block's start: shared by the block's moved copies, so an edit elsewhere keeps it valid.
   */
  readonly memo: WeakMap<object, unknown>;
}

import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Extension } from 'micromark-util-types';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { quickGfmTable, withTableSource } from './quickTable.js';

/** The labels the next parse is to take as defined elsewhere in the document (see `remarkDefined`). */
let pending: readonly string[] = [];

/**
 * A block is parsed on its own, yet link reference definitions reach across blocks: this plugin hands the
 * parser the labels (normalized) the rest of the document defines, as micromark's own definition construct
 * records them. It is tried first on every flow line (`flowInitial`, any character) and always declines;
 * the first try, on the first non-blank line, records the labels before any text is read (micromark reads
 * text only once the flow is done), so every reference in the block sees them.
 */
function remarkDefined(this: Processor): void {
  const seed: Extension = {
    flowInitial: {
      null: {
        name: 'reportDefined',
        tokenize(_effects, _ok, nok) {
          if (pending.length) {
            this.parser.defined.push(...pending);
            pending = [];
          }
          return nok;
        },
      },
    },
  };
  (this.data().micromarkExtensions ??= []).push(seed);
}

/**
 * GFM tables alone, as remark-gfm adds them with the rest of GFM; the table construct refuses a head row at
 * once where no delimiter row can follow (see `quickGfmTable`), which `parseMdast` makes possible.
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ flow: { null: quickGfmTable() } });
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/**
 * The Markdown the report engine and the Word export read: CommonMark, GFM and YAML front matter, one
 * configuration. The model takes only GFM's tables (`gfm: 'tables'`), on purpose: autolink literals
 * alone cost about a quarter of the parse, and bare URLs are cut out of the prose by the model instead
 * (`withoutUrls`); strikethrough would take its tildes out of a heading's or a paragraph's text, task
 * list markers out of an item's text and footnote references out of a paragraph's, which the checks and
 * the eval were written against. The export renders all of GFM (`gfm: 'all'`).
 */
export function markdownProcessor(gfm: 'tables' | 'all') {
  const base = unified().use(remarkParse);
  return (gfm === 'all' ? base.use(remarkGfm) : base.use(remarkGfmTable)).use(remarkFrontmatter, ['yaml']);
}

const blockParser = markdownProcessor('tables').use(remarkDefined).freeze();

/** The mdast tree of `text`, knowing that the labels `defined` (normalized) are defined elsewhere in the document. */
export function parseMdast(text: string, defined: readonly string[]): Root {
  pending = defined;
  try {
    return withTableSource(text, () => blockParser.parse(text));
  } finally {
    pending = [];
  }
}

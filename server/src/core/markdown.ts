import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';

/**
 * remark's parser (mdast-util-from-markdown over micromark) with the two extensions reports need: GFM
 * tables (KPI and milestone tables) and YAML front matter. The rest of GFM is left out on purpose: its
 * autolink literals alone cost about a quarter of the parse, and bare URLs are cut out of the prose by
 * the model instead (see `withoutUrls`); footnotes, strikethrough and task lists change nothing we check.
 */
const options = {
  extensions: [gfmTable(), frontmatter(['yaml'])],
  mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
};

/** CommonMark + GFM tables + YAML front matter, with source positions. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, options);
}

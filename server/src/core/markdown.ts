import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Event } from 'micromark-util-types';

export type { Event, Token } from 'micromark-util-types';

/**
 * micromark with the two extensions reports need: GFM tables (KPI and milestone tables) and YAML front
 * matter. The rest of GFM is left out on purpose: its autolink literals alone cost about a quarter of the
 * parse, and bare URLs are cut out of the prose by the model instead (see `withoutUrls`); footnotes,
 * strikethrough and task lists change nothing we check.
 */
const extensions = [gfmTable(), frontmatter(['yaml'])];

/**
 * The micromark events of CommonMark + GFM tables + YAML front matter, as `fromMarkdown` gets them: the
 * model is built from these directly, since building an mdast tree first cost a third of the parse.
 */
export function markdownEvents(text: string): Event[] {
  return postprocess(parse({ extensions }).document().write(preprocess()(text, undefined, true)));
}

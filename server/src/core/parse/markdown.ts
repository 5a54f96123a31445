import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Event, Token } from 'micromark-util-types';
import { blankCuts, structureCuts } from './bounds.js';
import { quickGfmTable, withTableSource } from './quickTable.js';

export type { Event, Token } from 'micromark-util-types';

/**
 * micromark with the two extensions reports need: GFM tables (KPI and milestone tables) and YAML front
 * matter. The rest of GFM is left out on purpose: its autolink literals alone cost about a quarter of the
 * parse, and bare URLs are cut out of the prose by the model instead (see `withoutUrls`); footnotes,
 * strikethrough and task lists change nothing we check.
 */
const parser = parse({ extensions: [{ flow: { null: quickGfmTable() } }, frontmatter(['yaml'])] });

/**
 * The micromark events of CommonMark + GFM tables + YAML front matter, as `fromMarkdown` gets them: the
 * model is built from these directly, since building an mdast tree first cost a third of the parse.
 * `defined`: the labels (normalized) that link reference definitions elsewhere in the document define.
 */
export function markdownEvents(text: string, defined: readonly string[] = []): Event[] {
  // One parser for every text: `parse` merges the extensions with the default constructs, which cost
  // ~2 % of a small report's analysis when done per block. A text's own state is reset: the link
  // definitions it knows of and its lazy lines.
  parser.defined = defined.slice();
  parser.lazy = {};
  // Nesting and tables past their budgets are blanked: the events keep the text's offsets.
  const source = blankCuts(text, structureCuts(text));
  return withTableSource(source, () => postprocess(parser.document().write(preprocess()(source, undefined, true))));
}

/** What may stand between the end of a list item's content and the next item's marker, besides line endings. */
const linePrefixes = new Set<string>(['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);

/**
 * The list item tokens `fromMarkdown` adds to the events of the list that starts at `start` and ends
 * at the end of `events` (its `prepareList`, less the looseness it also works out): an item starts at its
 * marker and ends before the line endings that follow its content.
 */
function addListItems(events: Event[], start: number): void {
  const end = events.length - 1;
  let containerBalance = -1;
  let item: Token | undefined;
  const insertions: { at: number; event: Event }[] = [];
  for (let index = start; index <= end; index++) {
    const event = events[index]!;
    const type = event[1].type;
    if (type === 'listUnordered' || type === 'listOrdered' || type === 'blockQuote') containerBalance += event[0] === 'enter' ? 1 : -1;
    const atPrefix = containerBalance === 0 && event[0] === 'enter' && type === 'listItemPrefix';
    if (!atPrefix && !(containerBalance === -1 && event[0] === 'exit' && (type === 'listUnordered' || type === 'listOrdered'))) continue;
    if (item) {
      let lineIndex: number | undefined;
      for (let tail = index - 1; tail >= 0; tail--) {
        const [kind, token] = events[tail]!;
        if (token.type === 'lineEnding' || token.type === 'lineEndingBlank') {
          if (kind === 'enter') lineIndex = tail;
        } else if (!linePrefixes.has(token.type)) break;
      }
      item.end = { ...(lineIndex ? events[lineIndex]![1].start : event[1].end) };
      insertions.push({ at: lineIndex || index, event: ['exit', item, event[2]] });
      item = undefined;
    }
    if (atPrefix) {
      // 'listItem' is mdast's token type, not micromark's: this token exists only in this walk.
      item = { type: 'listItem' as string as Token['type'], start: { ...event[1].start }, end: event[1].end };
      insertions.push({ at: index, event: ['enter', item, event[2]] });
    }
  }
  const listEvents = events.splice(start);
  let insertion = 0;
  for (let index = 0; index < listEvents.length; index++) {
    while (insertion < insertions.length && insertions[insertion]!.at === start + index) events.push(insertions[insertion++]!.event);
    events.push(listEvents[index]!);
  }
}

/** The events of `value` with the list items `fromMarkdown` adds; `defined` as for `markdownEvents`. */
export function eventsWithListItems(value: string, defined: readonly string[]): Event[] {
  const events: Event[] = [];
  const lists: number[] = [];
  for (const event of markdownEvents(value, defined)) {
    events.push(event);
    const type = event[1].type;
    if (type !== 'listOrdered' && type !== 'listUnordered') continue;
    if (event[0] === 'enter') lists.push(events.length - 1);
    else addListItems(events, lists.pop()!);
  }
  return events;
}

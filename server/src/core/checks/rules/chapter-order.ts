import type { ReportDiagnostic } from '../../report/diagnostics.js';
import type { ClassifiedChapter } from '../../report/chapters.js';
import { slotRanks } from '../../schema/recognize.js';
import { headingLabel, slotLabel } from '../structure.js';
import type { Rule, RuleContext } from '../rule.js';

/**
 * Chapters must follow the schema's slot order. A slot with `between: [a, b]` may stand anywhere after
 * the first chapter filling `a` and before the first filling `b`. The others: the longest chain of chapters
 * in order stays, and each chapter outside it is reported — on a tie, the earlier one (a results chapter
 * put before the implementation is what stands out, not the implementation after it).
 */
function checkChapterOrder({ schema, chapters, language, diagnostic }: RuleContext): ReportDiagnostic[] {
  const floating = new Map(schema.slots.filter((s) => s.between).map((s) => [s.id, s.between!]));
  // Where each slot is first filled, found in one pass: asked of every chapter with a floating slot, a search
  // through all the chapters for a slot none fills made this quadratic.
  const firstFillings = new Map<string, number>();
  chapters.forEach((chapter, i) => {
    for (const slot of chapter.slots) if (!firstFillings.has(slot)) firstFillings.set(slot, i);
  });
  const firstFilling = (id: string) => firstFillings.get(id) ?? -1;
  const diagnostics: ReportDiagnostic[] = [];
  const report = (chapter: ClassifiedChapter, slot: string, other: ClassifiedChapter, otherSlot: string, key: string) =>
    diagnostics.push(
      diagnostic(chapter.section.heading, key, {
        chapter: headingLabel(chapter),
        slot: slotLabel(schema, slot, language),
        other: headingLabel(other),
        otherSlot: slotLabel(schema, otherSlot, language),
      }),
    );

  chapters.forEach((chapter, position) => {
    for (const slot of chapter.slots.filter((s) => floating.has(s))) {
      const [afterId, beforeId] = floating.get(slot)!;
      const afterAt = afterId === null ? -1 : firstFilling(afterId);
      const beforeAt = beforeId === null ? -1 : firstFilling(beforeId);
      if (afterAt > position) report(chapter, slot, chapters[afterAt]!, afterId!, 'chapterOrder.after');
      else if (beforeAt >= 0 && beforeAt < position) report(chapter, slot, chapters[beforeAt]!, beforeId!, 'chapterOrder.before');
    }
  });

  const ranks = slotRanks(schema);
  const placed = chapters
    .map((chapter) => {
      const own = chapter.slots.filter((s) => ranks.has(s));
      if (own.length === 0) return undefined;
      const values = own.map((s) => ranks.get(s)!);
      const low = Math.min(...values);
      const high = Math.max(...values);
      return { chapter, low, high, lowSlot: own[values.indexOf(low)]!, highSlot: own[values.indexOf(high)]! };
    })
    .filter((p) => p !== undefined);
  const kept = orderedChain(placed, ranks.size === 0 ? 0 : Math.max(...ranks.values()) + 1);
  // The chain is in document order: one pointer finds each chapter's neighbours in it.
  let after = 0;
  placed.forEach((item, i) => {
    while (after < kept.length && kept[after]! < i) after++;
    if (kept[after] === i) return;
    const previous = after > 0 ? kept[after - 1] : undefined;
    const next = kept[after];
    if (previous !== undefined && item.low < placed[previous]!.high) {
      report(item.chapter, item.lowSlot, placed[previous]!.chapter, placed[previous]!.highSlot, 'chapterOrder.before');
    } else if (next !== undefined) {
      report(item.chapter, item.highSlot, placed[next]!.chapter, placed[next]!.lowSlot, 'chapterOrder.after');
    }
  });
  return diagnostics.sort((a, b) => a.start - b.start);
}

/**
 * The indices, ascending, of the longest chain of items in order (each item's `low` at least the `high`
 * before it), preferring later items on a tie. Ranks are few (a schema's slots), so this is linear in the items.
 */
function orderedChain(items: readonly { readonly low: number; readonly high: number }[], rankCount: number): number[] {
  const length = new Array<number>(items.length).fill(0);
  const successor = new Array<number>(items.length).fill(-1);
  // Per rank: the longest chain found so far starting at an item whose low is that rank, and that item.
  const byLow: { length: number; index: number }[] = Array.from({ length: rankCount }, () => ({ length: 0, index: -1 }));
  for (let i = items.length - 1; i >= 0; i--) {
    const { low, high } = items[i]!;
    let best = { length: 0, index: -1 };
    for (let r = high; r < rankCount; r++) {
      const candidate = byLow[r]!;
      if (candidate.length > best.length || (candidate.length === best.length && candidate.index > best.index)) best = candidate;
    }
    length[i] = best.length + 1;
    successor[i] = best.index;
    // Scanning from the end, the first item of a length is the latest: keep it on a tie.
    if (length[i]! > byLow[low]!.length) byLow[low] = { length: length[i]!, index: i };
  }
  let start = -1;
  for (let i = 0; i < items.length; i++) if (start < 0 || length[i]! >= length[start]!) start = i;
  const chain: number[] = [];
  for (let i = start; i >= 0; i = successor[i]!) chain.push(i);
  return chain;
}

export const chapterOrder: Rule = {
  code: 'chapter-order',
  defaultSeverity: 'warning',
  messages: ['chapterOrder.before', 'chapterOrder.after'],
  run: checkChapterOrder,
};

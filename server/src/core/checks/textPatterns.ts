/** Pattern matches per block, shared by the rules and the analysis (which lists the placeholders for the checklist). */
import type { BlockModel, ReportModel } from '../parse/model.js';
import { placeholderPatterns, scanSpans, type PatternMatch, type TextPattern } from '../report/patterns.js';

/** The built-in placeholder patterns followed by the user's, one array per user list (the block memo's key). */
const withExtra = new WeakMap<readonly TextPattern[], readonly TextPattern[]>();

export function placeholderPatternsWith(extra: readonly TextPattern[]): readonly TextPattern[] {
  if (!extra.length) return placeholderPatterns;
  let patterns = withExtra.get(extra);
  if (!patterns) withExtra.set(extra, (patterns = [...placeholderPatterns, ...extra]));
  return patterns;
}

/** A block's matches of `patterns`, relative to its start: found once, kept in its memo while its text stays the same. */
export function blockMatches(model: ReportModel, block: BlockModel, patterns: readonly TextPattern[]): readonly PatternMatch[] {
  let relative = block.memo.get(patterns) as readonly PatternMatch[] | undefined;
  if (!relative) {
    relative = scanSpans(model.text, block.prose, patterns, block.start);
    block.memo.set(patterns, relative);
  }
  return relative;
}

/** Placeholders left in the prose: `XX%`, `XX万元`, `【待补充】`, `TBD`, `某款`… Matches never cross a prose span. */
export function findPlaceholders(model: ReportModel, extra: readonly TextPattern[]): PatternMatch[] {
  const patterns = placeholderPatternsWith(extra);
  const matches: PatternMatch[] = [];
  for (const block of model.blocks) {
    for (const m of blockMatches(model, block, patterns)) matches.push({ id: m.id, start: m.start + block.start, end: m.end + block.start });
  }
  return matches;
}

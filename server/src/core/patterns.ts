import detectionYaml from '../../data/detection.yaml';
import placeholdersYaml from '../../data/placeholders.yaml';
import vagueYaml from '../../data/vague-quantities.yaml';
import type { Span } from './model.js';

export interface TextPattern {
  readonly id: string;
  readonly regex: RegExp;
}

export interface PatternMatch extends Span {
  readonly id: string;
}

interface PatternFile {
  patterns: { id: string; pattern: string; ignoreCase?: boolean }[];
  words?: string[];
}

function compile(file: PatternFile): TextPattern[] {
  return file.patterns.map((p) => ({
    id: p.id,
    regex: new RegExp(p.pattern, p.ignoreCase ? 'giu' : 'gu'),
  }));
}

export const placeholderPatterns: readonly TextPattern[] = compile(placeholdersYaml as PatternFile);

/** Words a match may not end inside (placeholders.yaml, `words`), as their cut points: 项目 → 项 | 目. */
const wordCuts: readonly { readonly head: string; readonly tail: string }[] = ((placeholdersYaml as PatternFile).words ?? []).flatMap((word) =>
  Array.from({ length: word.length - 1 }, (_, i) => ({ head: word.slice(0, i + 1), tail: word.slice(i + 1) })),
);

/** Where a match `[start, end)` of `text` ends when it must not end inside a word: before the word's first character. */
function wholeTokenEnd(text: string, start: number, end: number): number {
  for (const { head, tail } of wordCuts) {
    if (end - head.length > start && text.startsWith(head, end - head.length) && text.startsWith(tail, end)) return end - head.length;
  }
  return end;
}
export const vagueQuantityPatterns: readonly TextPattern[] = compile(vagueYaml as PatternFile);

interface DetectionFile {
  reportTitles: string[];
  minimumSlots: number;
  notReports: string;
}

const detectionData = detectionYaml as DetectionFile;
export const detection = {
  reportTitles: detectionData.reportTitles.map((t) => t.toLowerCase()),
  minimumSlots: detectionData.minimumSlots,
  notReports: new RegExp(detectionData.notReports, 'i'),
};

/**
 * A regular expression source that finds a keyword in lower-cased text: Latin words only as whole words
 * ("plan" is not in "planet", "lean" not in "clean"); a space may be written as any white space.
 */
export function keywordPattern(keyword: string): string {
  const escaped = keyword.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*');
  return /^[a-z]/.test(keyword.toLowerCase()) ? `(?<![a-z])${escaped}(?![a-z])` : escaped;
}

/**
 * User patterns from settings. An invalid one is returned in `invalid` (with the engine's reason) so the
 * host can tell the user, and is otherwise ignored.
 */
export function compileUserPatterns(sources: readonly string[]): { patterns: TextPattern[]; invalid: { pattern: string; reason: string }[] } {
  const patterns: TextPattern[] = [];
  const invalid: { pattern: string; reason: string }[] = [];
  sources.forEach((source, index) => {
    try {
      const regex = new RegExp(source, 'gu');
      if (regex.test('')) invalid.push({ pattern: source, reason: 'matches the empty string' });
      else patterns.push({ id: `extra-${index + 1}`, regex });
    } catch (error) {
      invalid.push({ pattern: source, reason: (error as Error).message });
    }
  });
  return { patterns, invalid };
}

/**
 * Every match of the patterns inside the spans, which are offsets from `base` in `text`, as are the
 * matches. Where matches overlap, the longest (then the earliest) is kept, so `XX月` is one placeholder,
 * not `XX` and `XX月`. A match that would end inside a word (`XX项` of `XX项目`) ends before it.
 */
export function scanSpans(text: string, spans: readonly Span[], patterns: readonly TextPattern[], base = 0): PatternMatch[] {
  const found: PatternMatch[] = [];
  for (const span of spans) {
    const slice = text.slice(base + span.start, base + span.end);
    for (const { id, regex } of patterns) {
      regex.lastIndex = 0;
      for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        found.push({ id, start: span.start + m.index, end: span.start + wholeTokenEnd(slice, m.index, m.index + m[0].length) });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: PatternMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) {
      if (match.end - match.start > last.end - last.start) kept[kept.length - 1] = match;
      continue;
    }
    kept.push(match);
  }
  return kept;
}

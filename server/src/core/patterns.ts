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

/** `text` as a regular expression that matches it literally. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What follows a pattern so that its match never ends inside one of the words of placeholders.yaml:
 * `(?!(?<=项)目|…)`. A pattern whose unit is optional then backtracks to the match without it, so `XX项目`
 * gives the placeholder `XX` before 项目. syntaxes/generate.cjs appends the same to the editor's grammar.
 */
function wordGuard(words: readonly string[]): string {
  const cuts = words.flatMap((word) => Array.from({ length: word.length - 1 }, (_, i) => `(?<=${escapeRegExp(word.slice(0, i + 1))})${escapeRegExp(word.slice(i + 1))}`));
  return cuts.length ? `(?!${cuts.join('|')})` : '';
}

const guard = wordGuard((placeholdersYaml as PatternFile).words ?? []);

function compile(file: PatternFile): TextPattern[] {
  return file.patterns.map((p) => ({
    id: p.id,
    regex: new RegExp(`(?:${p.pattern})${guard}`, p.ignoreCase ? 'giu' : 'gu'),
  }));
}

export const placeholderPatterns: readonly TextPattern[] = compile(placeholdersYaml as PatternFile);
export const vagueQuantityPatterns: readonly TextPattern[] = compile(vagueYaml as PatternFile);

interface DetectionFile {
  reportTitles: string[];
  minimumSlots: number;
  notReports: string;
  englishNameWords: string[];
}

const detectionData = detectionYaml as DetectionFile;
export const detection = {
  reportTitles: detectionData.reportTitles.map((t) => t.toLowerCase()),
  minimumSlots: detectionData.minimumSlots,
  notReports: new RegExp(detectionData.notReports, 'i'),
  /** Tested against lower-cased file names. */
  englishName: new RegExp(detectionData.englishNameWords.map(keywordPattern).join('|'), 'u'),
};

/**
 * A regular expression source that finds a keyword in lower-cased text: Latin words only as whole words
 * ("plan" is not in "planet", "lean" not in "clean"); a space may be written as any white space.
 */
export function keywordPattern(keyword: string): string {
  const escaped = escapeRegExp(keyword.toLowerCase()).replace(/ /g, '\\s*');
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
 * not `XX` and `XX月`.
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
        found.push({ id, start: span.start + m.index, end: span.start + m.index + m[0].length });
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

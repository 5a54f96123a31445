import { RE2JS, type Matcher } from 're2js';
import detectionYaml from '../../../data/detection.yaml';
import placeholdersYaml from '../../../data/placeholders.yaml';
import vagueYaml from '../../../data/vague-quantities.yaml';
import { localize, type Locale } from './l10n.js';
import { limits } from './limits.js';
import type { Span } from '../parse/model.js';

/** What `scanSpans` needs of an expression: `exec` and `lastIndex` of a global RegExp. */
export interface PatternExpression {
  lastIndex: number;
  exec(text: string): { readonly index: number; readonly 0: string } | null;
}

export interface TextPattern {
  readonly id: string;
  readonly regex: PatternExpression;
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
 * A word list of a data file as one alternation, in its order (the first word that fits wins, as when the
 * list was written into the expression), each word literal: a regular expression source for an expression
 * of the code to put in place. `space` is what a space inside a word stands for.
 */
export function wordAlternation(words: readonly string[], space = ' '): string {
  return words.map((word) => escapeRegExp(word).replace(/ /g, space)).join('|');
}

/** Single characters of a data file as the inside of a character class (`[…]`), for an expression of the code. */
export function characterClass(characters: readonly string[]): string {
  return characters.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
}

/**
 * What follows a pattern so that its match never ends inside one of the words of placeholders.yaml:
 * `(?!(?<=项)目|…)`. A pattern whose unit is optional then backtracks to the match without it, so `XX项目`
 * gives the placeholder `XX` before 项目. syntaxes/generate.cjs appends the same to the editor's grammar.
 */
function wordGuard(words: readonly string[]): string {
  const cuts = words.flatMap((word) => Array.from({ length: word.length - 1 }, (_, i) => `(?<=${escapeRegExp(word.slice(0, i + 1))})${escapeRegExp(word.slice(i + 1))}`));
  return cuts.length ? `(?!${cuts.join('|')})` : '';
}

const placeholdersFile: PatternFile = placeholdersYaml;
const vagueFile: PatternFile = vagueYaml;
const guard = wordGuard(placeholdersFile.words ?? []);

function compile(file: PatternFile): TextPattern[] {
  return file.patterns.map((p) => ({
    id: p.id,
    regex: new RegExp(`(?:${p.pattern})${guard}`, p.ignoreCase ? 'giu' : 'gu'),
  }));
}

export const placeholderPatterns: readonly TextPattern[] = compile(placeholdersFile);
export const vagueQuantityPatterns: readonly TextPattern[] = compile(vagueFile);

interface DetectionFile {
  reportTitles: string[];
  minimumSlots: number;
  notReports: string;
  englishNameWords: string[];
}

const detectionData: DetectionFile = detectionYaml;
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
 * A user's pattern, run by RE2JS (a port of RE2), whose time is linear in the text whatever the pattern:
 * with the engine of JavaScript, `(a+)+$` against 39 `a` and a `!` stopped the server. A matcher is made
 * once per text scanned, as a RegExp's `lastIndex` walks one text.
 */
class LinearExpression implements PatternExpression {
  lastIndex = 0;
  private text: string | undefined;
  private matcher: Matcher | undefined;

  constructor(private readonly pattern: RE2JS) {}

  exec(text: string): { index: number; 0: string } | null {
    if (text !== this.text || !this.matcher) {
      this.text = text;
      this.matcher = this.pattern.matcher(text);
    }
    if (this.lastIndex > text.length || !this.matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    this.lastIndex = this.matcher.end();
    return { index: this.matcher.start(), 0: this.matcher.group() ?? '' };
  }
}

/**
 * User patterns from settings, in RE2 syntax (JavaScript's without lookaround and back-references). Each
 * one that cannot be used is returned in `invalid`, with the reason in `locale`, so the host can tell the
 * user, and is otherwise ignored: a setting that is not a list of strings, a pattern past the limits of
 * number or length, one that does not compile or that matches the empty string.
 */
export function compileUserPatterns(sources: unknown, locale: Locale): { patterns: TextPattern[]; invalid: { pattern: string; reason: string }[] } {
  const patterns: TextPattern[] = [];
  const invalid: { pattern: string; reason: string }[] = [];
  if (!Array.isArray(sources)) {
    if (sources !== undefined && sources !== null) invalid.push({ pattern: JSON.stringify(sources) ?? String(sources), reason: localize(locale, 'pattern.notList') });
    return { patterns, invalid };
  }
  sources.forEach((source: unknown, index) => {
    if (typeof source !== 'string') {
      invalid.push({ pattern: JSON.stringify(source) ?? String(source), reason: localize(locale, 'pattern.notString') });
      return;
    }
    if (index >= limits.userPatterns) {
      invalid.push({ pattern: source, reason: localize(locale, 'pattern.tooMany', { limit: limits.userPatterns }) });
      return;
    }
    if (source.length > limits.userPatternLength) {
      invalid.push({ pattern: source.slice(0, 40), reason: localize(locale, 'pattern.tooLong', { length: source.length, limit: limits.userPatternLength }) });
      return;
    }
    try {
      const pattern = RE2JS.compile(source);
      if (pattern.matcher('').find()) invalid.push({ pattern: source, reason: localize(locale, 'pattern.empty') });
      else patterns.push({ id: `extra-${index + 1}`, regex: new LinearExpression(pattern) });
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

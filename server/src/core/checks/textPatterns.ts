import type { ReportDiagnostic, Severity } from '../diagnostics.js';
import { localize, type Locale } from '../l10n.js';
import type { ReportModel } from '../model.js';
import { placeholderPatterns, scanSpans, vagueQuantityPatterns, type PatternMatch, type TextPattern } from '../patterns.js';

/** The built-in placeholder patterns followed by the user's, one array per user list (the block memo's key). */
const withExtra = new WeakMap<readonly TextPattern[], readonly TextPattern[]>();

function placeholderPatternsWith(extra: readonly TextPattern[]): readonly TextPattern[] {
  if (!extra.length) return placeholderPatterns;
  let patterns = withExtra.get(extra);
  if (!patterns) withExtra.set(extra, (patterns = [...placeholderPatterns, ...extra]));
  return patterns;
}

/**
 * Calls `found` with each match of `patterns` in the prose, in order, block by block: matches never cross
 * a prose span, so each block's are found once, kept in its memo relative to its start, and reused while
 * its text stays the same.
 */
function scanProse(model: ReportModel, patterns: readonly TextPattern[], found: (id: string, start: number, end: number) => void): void {
  for (const block of model.blocks) {
    let relative = block.memo.get(patterns) as readonly PatternMatch[] | undefined;
    if (!relative) {
      relative = scanSpans(model.text, block.prose, patterns, block.start);
      block.memo.set(patterns, relative);
    }
    for (const m of relative) found(m.id, m.start + block.start, m.end + block.start);
  }
}

/** Placeholders left in the prose: `XX%`, `XX万元`, `【待补充】`, `TBD`, `某款`… */
export function findPlaceholders(model: ReportModel, extra: readonly TextPattern[]): PatternMatch[] {
  const matches: PatternMatch[] = [];
  scanProse(model, placeholderPatternsWith(extra), (id, start, end) => matches.push({ id, start, end }));
  return matches;
}

export function checkPlaceholders(model: ReportModel, matches: readonly PatternMatch[], locale: Locale): ReportDiagnostic[] {
  return matches.map((m) => ({
    code: 'placeholder',
    severity: 'warning',
    start: m.start,
    end: m.end,
    message: localize(locale, 'placeholder', { text: model.text.slice(m.start, m.end) }),
    data: { kind: 'pattern', pattern: m.id },
  }));
}

/** Amounts without a figure: 数十项, 数万元, 近千项… A vague quantity inside a placeholder is not reported twice. */
export function checkVagueQuantities(model: ReportModel, placeholders: readonly PatternMatch[], severity: Severity, locale: Locale): ReportDiagnostic[] {
  // Both lists are sorted and free of overlaps, so one forward pointer finds the placeholder that could overlap.
  let next = 0;
  const diagnostics: ReportDiagnostic[] = [];
  scanProse(model, vagueQuantityPatterns, (id, start, end) => {
    while (next < placeholders.length && placeholders[next]!.end <= start) next++;
    if (next < placeholders.length && placeholders[next]!.start < end) return;
    diagnostics.push({
      code: 'vague-quantity',
      severity,
      start,
      end,
      message: localize(locale, 'vagueQuantity', { text: model.text.slice(start, end) }),
      data: { kind: 'pattern', pattern: id },
    });
  });
  return diagnostics;
}

import type { ReportDiagnostic, Severity } from '../diagnostics.js';
import { localize, type Locale } from '../l10n.js';
import type { ReportModel } from '../model.js';
import { placeholderPatterns, scanSpans, vagueQuantityPatterns, type PatternMatch, type TextPattern } from '../patterns.js';

/** Placeholders left in the prose: `XX%`, `XX万元`, `【待补充】`, `TBD`, `某款`… */
export function findPlaceholders(model: ReportModel, extra: readonly TextPattern[]): PatternMatch[] {
  return scanSpans(model.text, model.prose, extra.length ? [...placeholderPatterns, ...extra] : placeholderPatterns);
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
  const overlapsPlaceholder = (m: PatternMatch) => {
    while (next < placeholders.length && placeholders[next]!.end <= m.start) next++;
    return next < placeholders.length && placeholders[next]!.start < m.end;
  };
  return scanSpans(model.text, model.prose, vagueQuantityPatterns)
    .filter((m) => !overlapsPlaceholder(m))
    .map((m) => ({
      code: 'vague-quantity',
      severity,
      start: m.start,
      end: m.end,
      message: localize(locale, 'vagueQuantity', { text: model.text.slice(m.start, m.end) }),
      data: { kind: 'pattern', pattern: m.id },
    }));
}

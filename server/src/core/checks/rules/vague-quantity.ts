import type { ReportDiagnostic } from '../../report/diagnostics.js';
import { vagueQuantityPatterns } from '../../report/patterns.js';
import type { Rule } from '../rule.js';

/** Amounts without a figure: 数十项, 数万元, 近千项… A vague quantity inside a placeholder is not reported twice. */
export const vagueQuantity: Rule = {
  code: 'vague-quantity',
  defaultSeverity: 'information',
  severitySetting: 'vagueQuantitySeverity',
  messages: ['vagueQuantity'],
  run: (context) =>
    context.eachBlock((view) => {
      const placeholders = view.matches(context.placeholderPatterns);
      // Both lists are sorted and free of overlaps, so one forward pointer finds the placeholder that could overlap.
      let next = 0;
      const diagnostics: ReportDiagnostic[] = [];
      for (const m of view.matches(vagueQuantityPatterns)) {
        while (next < placeholders.length && placeholders[next]!.end <= m.start) next++;
        if (next < placeholders.length && placeholders[next]!.start < m.end) continue;
        diagnostics.push(context.diagnostic(m, 'vagueQuantity', { text: view.text(m) }, { kind: 'pattern', pattern: m.id }));
      }
      return diagnostics;
    }),
};

import type { ReportDiagnostic } from '../../report/diagnostics.js';
import { unitsConflict } from '../../goals/verdict.js';
import { judged, statesUnit, unitName } from '../goals.js';
import type { Rule } from '../rule.js';

/** An outcome in a unit its goal cannot be compared with (`%` and `个百分点`, `天` and `万元`). */
export const unitMismatch: Rule = {
  code: 'unit-mismatch',
  defaultSeverity: 'warning',
  messages: ['unitMismatch.points', 'unitMismatch.units'],
  run: ({ goals, locale, diagnostic, lineOf }) => {
    const diagnostics: ReportDiagnostic[] = [];
    for (const result of goals) {
      const { goal } = result;
      const target = goal.target;
      const reading = result.outcome?.reading;
      if (!judged(result) || !target || !reading || !statesUnit(target.quantity) || !statesUnit(reading.quantity) || !unitsConflict(target, reading)) continue;
      const points = [target.quantity.unit.dimension, reading.quantity.unit.dimension].sort().join() === 'percent,percentage-point';
      diagnostics.push(
        diagnostic(reading.quantity, points ? 'unitMismatch.points' : 'unitMismatch.units', {
          outcome: reading.quantity.text,
          outcomeUnit: unitName(reading.quantity, locale),
          metric: goal.metric,
          line: lineOf(goal.start),
          goalUnit: unitName(target.quantity, locale),
        }),
      );
    }
    return diagnostics;
  },
};

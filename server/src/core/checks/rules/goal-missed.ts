import type { ReportDiagnostic } from '../../report/diagnostics.js';
import { formatAchievement } from '../../goals/scorecard.js';
import { judged } from '../goals.js';
import type { Rule } from '../rule.js';

/** A goal whose outcome falls short, and the report does not say so. */
export const goalMissed: Rule = {
  code: 'goal-missed',
  defaultSeverity: 'information',
  messages: ['goal.missed'],
  run: ({ goals, diagnostic, lineOf }) => {
    const diagnostics: ReportDiagnostic[] = [];
    for (const result of goals) {
      const { goal, verdict, achievement, acknowledged } = result;
      const reading = result.outcome?.reading;
      if (!judged(result) || verdict !== 'missed' || acknowledged || !reading) continue;
      diagnostics.push(
        diagnostic(goal, 'goal.missed', {
          metric: goal.metric,
          target: goal.targetText ?? '',
          actual: reading.quantity.text,
          line: lineOf(reading.quantity.start),
          achievement: achievement === undefined ? '—' : formatAchievement(achievement),
        }),
      );
    }
    return diagnostics;
  },
};

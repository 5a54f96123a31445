import type { ReportDiagnostic } from '../../report/diagnostics.js';
import { shortText } from '../goals.js';
import type { Rule } from '../rule.js';

/** A goal the results mention without naming it clearly: its verdict cannot be told. */
export const goalUnclearOutcome: Rule = {
  code: 'goal-unclear-outcome',
  defaultSeverity: 'information',
  messages: ['goal.unclearOutcome'],
  run: ({ goals, diagnostic, lineOf }) => {
    const diagnostics: ReportDiagnostic[] = [];
    for (const { goal, verdict, reason, alternatives } of goals) {
      const mention = alternatives[0];
      if (verdict === 'no-outcome' || reason !== 'unclear-outcome' || !mention) continue;
      const args = { goal: shortText(goal.text), line: lineOf(mention.statement.start), text: shortText(mention.statement.text) };
      diagnostics.push(diagnostic(goal, 'goal.unclearOutcome', args));
    }
    return diagnostics;
  },
};

import { shortText } from '../goals.js';
import type { Rule } from '../rule.js';

/** A goal the results chapter and the KPI tables say nothing about. */
export const goalNoOutcome: Rule = {
  code: 'goal-no-outcome',
  defaultSeverity: 'warning',
  messages: ['goal.noOutcome'],
  run: ({ goals, diagnostic }) =>
    goals.filter((r) => r.verdict === 'no-outcome').map(({ goal }) => diagnostic(goal, 'goal.noOutcome', { goal: shortText(goal.text) })),
};

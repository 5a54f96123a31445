import { unsupportedClaims } from '../goals.js';
import type { Rule } from '../rule.js';

const keys = { placeholder: 'claim.placeholder', vague: 'claim.vague', 'no-figure': 'claim.noFigure', count: 'claim.count' } as const;

/** A claim of success (`超出了初期设定的目标`, `完成了既定目标`) over a placeholder, a vague figure, no figure, or a count the figures cannot allow. */
export const unsupportedClaim: Rule = {
  code: 'unsupported-claim',
  defaultSeverity: 'warning',
  messages: Object.values(keys),
  run: (context) => {
    const { model, diagnostic } = context;
    return unsupportedClaims(context).flatMap((claim) => {
      if (claim.problem === 'contradicts') return [];
      const claimed = model.text.slice(claim.start, claim.end);
      const args: Record<string, string> =
        claim.problem === 'count'
          ? { claim: claimed, claimed: String(claim.count!.claimed), possible: String(claim.count!.possible), metric: claim.goal!.goal.metric }
          : { claim: claimed, figure: claim.figure?.text ?? '' };
      return [diagnostic(claim, keys[claim.problem], args)];
    });
  },
};

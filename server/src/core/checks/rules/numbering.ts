import { numberingFindings } from '../numbering.js';
import type { Rule } from '../rule.js';

/** Heading numbers that skip, repeat, start wrong, mix styles or stand under the wrong parent (3.1 under 第二章). */
export const numbering: Rule = {
  code: 'numbering',
  defaultSeverity: 'warning',
  messages: ['numbering.mixed', 'numbering.parent', 'numbering.repeat', 'numbering.first', 'numbering.gap'],
  run: (context) => numberingFindings(context).filter((f) => f.code === 'numbering').map((f) => context.diagnostic(f, f.key, f.args, f.data)),
};

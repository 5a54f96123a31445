import type { Rule } from '../rule.js';

/** Placeholders left in the prose: `XX%`, `XX万元`, `【待补充】`, `TBD`, `某款`… Matches never cross a prose span. */
export const placeholder: Rule = {
  code: 'placeholder',
  defaultSeverity: 'warning',
  messages: ['placeholder'],
  run: (context) =>
    context.eachBlock((view) =>
      view.matches(context.placeholderPatterns).map((m) => context.diagnostic(m, 'placeholder', { text: view.text(m) }, { kind: 'pattern', pattern: m.id })),
    ),
};

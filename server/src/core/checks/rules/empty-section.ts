import { emptySections } from '../../report/chapters.js';
import type { Rule } from '../rule.js';

/**
 * One empty section is named where it is; several (a fresh skeleton has twenty) are one to-do note on the
 * first of them, and the Report Checklist lists them all.
 */
export const emptySection: Rule = {
  code: 'empty-section',
  defaultSeverity: 'information',
  messages: ['emptySection', 'emptySection.many'],
  run: ({ model, diagnostic }) => {
    const empty = emptySections(model.chapters);
    const first = empty[0];
    if (!first) return [];
    return [
      empty.length === 1
        ? diagnostic(first.heading, 'emptySection', { heading: first.heading.text })
        : diagnostic(first.heading, 'emptySection.many', { count: empty.length, heading: first.heading.text }),
    ];
  },
};

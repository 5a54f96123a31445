import type { Rule } from '../rule.js';

/** A required slot covered by a section inside another chapter only: at most information (a setting may silence it). */
export const coveredBySection: Rule = {
  code: 'covered-by-section',
  defaultSeverity: 'information',
  severitySetting: 'coveredBySectionSeverity',
  messages: ['coveredBySection'],
  run: ({ covered, language, diagnostic }) =>
    covered.map(({ slot, section, chapter }) =>
      diagnostic(
        section.heading,
        'coveredBySection',
        { chapter: slot.title[language], section: section.heading.text, parent: chapter.heading.text },
        { kind: 'covered-by-section', slot: slot.id },
      ),
    ),
};

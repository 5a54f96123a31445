import type { Span } from '../../parse/model.js';
import { headingLabel } from '../structure.js';
import type { Rule } from '../rule.js';

/** A required slot no chapter fills (the analysis finds them: `findMissingChapters`), where it belongs. */
export const missingChapter: Rule = {
  code: 'missing-chapter',
  defaultSeverity: 'warning',
  messages: ['missingChapter.after', 'missingChapter.before', 'missingChapter.none'],
  run: ({ model, schema, missing, locale, language, diagnostic }) => {
    const fallback: Span = model.titleHeading ?? { start: 0, end: 0 };
    return missing.map(({ slot, after, before, insertAt }) => {
      const anchor = after ?? before;
      // The chapter is named in the report's language, the rest of the message in the writer's.
      const args = { chapter: slot.title[language], schema: schema.name[locale] };
      const data = { kind: 'missing-chapter', slot: slot.id, insertAt } as const;
      const span = anchor ? anchor.section.heading : fallback;
      if (after) return diagnostic(span, 'missingChapter.after', { ...args, after: headingLabel(after) }, data);
      if (before) return diagnostic(span, 'missingChapter.before', { ...args, before: headingLabel(before) }, data);
      return diagnostic(span, 'missingChapter.none', args, data);
    });
  },
};

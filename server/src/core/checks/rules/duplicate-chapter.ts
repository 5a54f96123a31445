import type { ReportDiagnostic } from '../../report/diagnostics.js';
import type { ClassifiedChapter } from '../../report/chapters.js';
import { normalizeTitle } from '../../schema/recognize.js';
import { numberingFindings } from '../numbering.js';
import { headingLabel } from '../structure.js';
import type { Rule } from '../rule.js';

/** The same chapter title twice, or the same chapter number twice (found by the numbering walk). */
export const duplicateChapter: Rule = {
  code: 'duplicate-chapter',
  defaultSeverity: 'warning',
  messages: ['duplicateChapter.title', 'duplicateChapter.number'],
  run: (context) => {
    const seen = new Map<string, ClassifiedChapter>();
    const diagnostics: ReportDiagnostic[] = [];
    for (const chapter of context.chapters) {
      const key = normalizeTitle(chapter.section.heading.title);
      if (key === '') continue;
      const first = seen.get(key);
      if (first) diagnostics.push(context.diagnostic(chapter.section.heading, 'duplicateChapter.title', { chapter: headingLabel(chapter), first: headingLabel(first) }));
      else seen.set(key, chapter);
    }
    for (const finding of numberingFindings(context)) if (finding.code === 'duplicate-chapter') diagnostics.push(context.diagnostic(finding, finding.key, finding.args, finding.data));
    return diagnostics;
  },
};

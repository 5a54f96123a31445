/**
 * The rules the analysis runs, in this order, each as a stage of its own (see `analyzeSteps`). A new
 * diagnostic is a file under `rules/` named by its code and a line here; test/unit/rules.test.ts checks that
 * every code has one rule, its messages in both languages and its section in docs/diagnostics.md.
 */
import type { DiagnosticCode } from '../report/diagnostics.js';
import type { Rule } from './rule.js';
import { analysisLimit } from './rules/analysis-limit.js';
import { chapterOrder } from './rules/chapter-order.js';
import { coveredBySection } from './rules/covered-by-section.js';
import { duplicateChapter } from './rules/duplicate-chapter.js';
import { emptySection } from './rules/empty-section.js';
import { frontmatter } from './rules/frontmatter.js';
import { goalMissed } from './rules/goal-missed.js';
import { goalNoOutcome } from './rules/goal-no-outcome.js';
import { goalUnclearOutcome } from './rules/goal-unclear-outcome.js';
import { kpiTable } from './rules/kpi-table.js';
import { milestoneTable } from './rules/milestone-table.js';
import { missingChapter } from './rules/missing-chapter.js';
import { numbering } from './rules/numbering.js';
import { placeholder } from './rules/placeholder.js';
import { statusContradiction } from './rules/status-contradiction.js';
import { tableTotal } from './rules/table-total.js';
import { unitMismatch } from './rules/unit-mismatch.js';
import { unknownSchema } from './rules/unknown-schema.js';
import { unsupportedClaim } from './rules/unsupported-claim.js';
import { vagueQuantity } from './rules/vague-quantity.js';

/** Diagnostics are sorted by place after the rules ran; the order here decides between two at the same place. */
export const rules: readonly Rule[] = [
  unknownSchema,
  frontmatter,
  placeholder,
  vagueQuantity,
  missingChapter,
  coveredBySection,
  chapterOrder,
  duplicateChapter,
  numbering,
  emptySection,
  analysisLimit,
  goalNoOutcome,
  goalUnclearOutcome,
  goalMissed,
  statusContradiction,
  unitMismatch,
  unsupportedClaim,
  kpiTable,
  milestoneTable,
  tableTotal,
];

/** Codes the analysis writes about itself rather than about the report, and where. */
export const producedElsewhere: Readonly<Partial<Record<DiagnosticCode, string>>> = {
  'too-many-problems': 'limitDiagnostics (report/diagnostics.ts): the note in place of the diagnostics past reportWriter.maxNumberOfProblems',
  'analysis-limit': 'also analyzeSteps (a rule that throws is skipped with a note) and capFindings (a code past its cap of findings)',
};

import type { ReportAnalysis } from '../analyze.js';
import { extractGoals } from '../goals/extract.js';
import type { Span } from '../parse/model.js';

/** One objective the report states in its goals chapter (or its front matter's `goals:`). */
export interface GoalStatement extends Span {
  readonly text: string;
  /** A short name for the objective: the label before a colon, or the start of the sentence. */
  readonly label: string;
  /** The target as written (`XX%以上`, `提升XX%`, `30天以内`), when the statement has one. */
  readonly target: string | undefined;
  /** The normalized name of what the goal measures (市场渗透率, 流程周期). */
  readonly metric: string;
}

/**
 * The objectives of the goals chapter(s): each item of a goal list, each part of a sentence that
 * enumerates goals after a colon (项目的核心目标包括：A；B；C), and the front matter's `goals:`.
 * The outline and the KPI table completion show them; `ReportAnalysis.goals` has the full model.
 */
export function findGoalStatements(analysis: ReportAnalysis): GoalStatement[] {
  return extractGoals(analysis.model, analysis.chapters).map((goal) => ({
    start: goal.start,
    end: goal.end,
    text: goal.text,
    label: goal.label,
    target: goal.targetText,
    metric: goal.metric,
  }));
}

import type { Span } from './model.js';

/** Diagnostic codes are a public contract (CLI JSON, `source: report-writer` in editors): extend, never rename. */
export type DiagnosticCode =
  | 'placeholder'
  | 'vague-quantity'
  | 'missing-chapter'
  | 'chapter-order'
  | 'duplicate-chapter'
  | 'numbering'
  | 'empty-section'
  | 'frontmatter'
  | 'unknown-schema'
  | 'goal-no-outcome'
  | 'goal-missed'
  | 'unsupported-claim'
  | 'unit-mismatch'
  | 'kpi-table'
  | 'milestone-table';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What a quick fix needs, carried with the diagnostic. */
export type DiagnosticData =
  | { readonly kind: 'missing-chapter'; readonly slot: string; readonly insertAt: number }
  | { readonly kind: 'numbering'; readonly replacement: string }
  | { readonly kind: 'pattern'; readonly pattern: string };

export interface ReportDiagnostic extends Span {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly data?: DiagnosticData;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Document order, then the more severe first. */
export function compareDiagnostics(a: ReportDiagnostic, b: ReportDiagnostic): number {
  return a.start - b.start || severityRank[a.severity] - severityRank[b.severity] || a.end - b.end;
}

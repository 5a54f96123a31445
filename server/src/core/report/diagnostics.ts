import { localize, type Locale } from './l10n.js';
import type { Span } from '../parse/model.js';

/** Diagnostic codes are a public contract (CLI JSON, `source: report-writer` in editors): extend, never rename. */
export const diagnosticCodes = [
  'placeholder',
  'vague-quantity',
  'missing-chapter',
  'covered-by-section',
  'chapter-order',
  'duplicate-chapter',
  'numbering',
  'empty-section',
  'frontmatter',
  'unknown-schema',
  'goal-no-outcome',
  'goal-unclear-outcome',
  'goal-missed',
  'unsupported-claim',
  'status-contradiction',
  'unit-mismatch',
  'kpi-table',
  'milestone-table',
  'table-total',
  'too-many-problems',
  'analysis-limit',
] as const;

export type DiagnosticCode = (typeof diagnosticCodes)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** What a quick fix needs, carried with the diagnostic. */
export type DiagnosticData =
  | { readonly kind: 'missing-chapter'; readonly slot: string; readonly insertAt: number }
  | { readonly kind: 'covered-by-section'; readonly slot: string }
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

/**
 * At most `maximum` of the diagnostics (sorted by `compareDiagnostics`), or all of them when `maximum` is
 * 0: the most severe first and, within a severity, the first in the document, which are the ones VS Code
 * shows, since it keeps 1 000 per file and drops the rest. The last place goes to a `too-many-problems`
 * note at the first one left out, saying how many are. A 5 MB report can have thousands: sending what
 * the editor drops costs most of the time of a keystroke.
 */
export function limitDiagnostics(diagnostics: readonly ReportDiagnostic[], maximum: number, locale: Locale): readonly ReportDiagnostic[] {
  if (maximum <= 0 || diagnostics.length <= maximum) return diagnostics;
  const room = maximum - 1;
  const counts = [0, 0, 0, 0];
  for (const d of diagnostics) counts[severityRank[d.severity]]!++;
  // Every diagnostic more severe than `cutoff` fits, and the first `left` of severity `cutoff`.
  let cutoff = 0;
  let left = room;
  while (cutoff < counts.length && counts[cutoff]! <= left) left -= counts[cutoff++]!;
  const kept: ReportDiagnostic[] = [];
  let firstLeftOut: ReportDiagnostic | undefined;
  for (const d of diagnostics) {
    const rank = severityRank[d.severity];
    if (rank < cutoff || (rank === cutoff && left-- > 0)) kept.push(d);
    else firstLeftOut ??= d;
  }
  const note: ReportDiagnostic = {
    code: 'too-many-problems',
    severity: 'information',
    start: firstLeftOut!.start,
    end: firstLeftOut!.end,
    message: localize(locale, 'tooManyProblems', { omitted: diagnostics.length - room, total: diagnostics.length, maximum }),
  };
  return [...kept, note].sort(compareDiagnostics);
}

/**
 * The first `cap` diagnostics of each code (sorted by `compareDiagnostics`, so the first in the document);
 * a code with more gets one `analysis-limit` note, at the first it leaves out, saying how many are left
 * out. Past the cap a document is not a report with that many problems but text of another kind, and
 * listing each costs the editor and the terminal more than it tells.
 */
export function capFindings(diagnostics: readonly ReportDiagnostic[], cap: number, locale: Locale): readonly ReportDiagnostic[] {
  const counts = new Map<DiagnosticCode, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  if ([...counts.values()].every((count) => count <= cap)) return diagnostics;
  const seen = new Map<DiagnosticCode, number>();
  const kept: ReportDiagnostic[] = [];
  for (const d of diagnostics) {
    const index = seen.get(d.code) ?? 0;
    seen.set(d.code, index + 1);
    if (index < cap) kept.push(d);
    else if (index === cap) {
      const total = counts.get(d.code)!;
      kept.push({ code: 'analysis-limit', severity: 'information', start: d.start, end: d.end, message: localize(locale, 'limit.findings', { code: d.code, total, shown: cap, omitted: total - cap }) });
    }
  }
  return kept.sort(compareDiagnostics);
}

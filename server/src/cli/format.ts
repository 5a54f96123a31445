import type { ReportAnalysis, ReportDiagnostic, TextDocumentLike } from '../core/index.js';

/** One file in the CLI's JSON output (a public contract: extend, never rename). */
export interface FileResult {
  path: string;
  isReport: boolean;
  schema: string | null;
  title: string | null;
  chapters: { line: number; title: string; slots: string[] }[];
  missingChapters: string[];
  diagnostics: DiagnosticResult[];
  /** Present when the file was not analysed: `binary` or `too-large`. */
  skipped?: 'binary' | 'too-large';
}

export interface DiagnosticResult {
  code: string;
  severity: string;
  /** 1-based; columns count UTF-16 code units; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The exact source text of the range. */
  text: string;
}

export interface SchemaProblemResult {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface CheckOutput {
  version: 1;
  files: FileResult[];
  schemaProblems: SchemaProblemResult[];
}

function diagnosticResult(document: TextDocumentLike, d: ReportDiagnostic): DiagnosticResult {
  const start = document.positionAt(d.start);
  const end = document.positionAt(d.end);
  return {
    code: d.code,
    severity: d.severity,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message: d.message,
    text: document.getText().slice(d.start, d.end),
  };
}

export function fileResult(path: string, document: TextDocumentLike, analysis: ReportAnalysis): FileResult {
  return {
    path,
    isReport: analysis.isReport,
    schema: analysis.schema.id,
    title: analysis.title ?? null,
    chapters: analysis.chapters.map((c) => ({
      line: document.positionAt(c.section.heading.start).line + 1,
      title: c.section.heading.text,
      slots: [...c.slots],
    })),
    missingChapters: analysis.missing.map((m) => m.slot.id),
    diagnostics: analysis.diagnostics.map((d) => diagnosticResult(document, d)),
  };
}

export function skippedResult(path: string, reason: 'binary' | 'too-large'): FileResult {
  return { path, isReport: false, schema: null, title: null, chapters: [], missingChapters: [], diagnostics: [], skipped: reason };
}

/** `path:line:col severity code message`, one line per diagnostic. */
export function formatText(output: CheckOutput): string[] {
  const lines: string[] = [];
  for (const file of output.files) {
    for (const d of file.diagnostics) lines.push(`${file.path}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  }
  return lines;
}

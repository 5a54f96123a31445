import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/**
 * What the client and the server share: settings and custom messages. The client imports only this file
 * from the server side, so it must not import anything else of the server.
 */

/** Settings under `reportWriter.*`; `reportWriter` is also the language client's id. */
export interface ReportWriterSettings {
  /** `auto`, or the id of the schema for reports whose front matter names none. */
  readonly schema: string;
  /** Extra schema files or folders, relative to the workspace folder or absolute. */
  readonly schemaPaths: readonly string[];
  readonly placeholders: { readonly extraPatterns: readonly string[] };
  readonly vagueQuantities: { readonly severity: 'off' | 'hint' | 'information' | 'warning' };
  /** How a required chapter written only as a section of another chapter is noted (`covered-by-section`). */
  readonly coveredBySection: { readonly severity: 'off' | 'hint' | 'information' | 'warning' };
  readonly reportDetection: 'auto' | 'always' | 'frontMatterOnly';
  /** Problems a document gets at most; 0 for no limit. */
  readonly maxNumberOfProblems: number;
}

export const defaultReportWriterSettings: ReportWriterSettings = {
  schema: 'auto',
  schemaPaths: [],
  placeholders: { extraPatterns: [] },
  vagueQuantities: { severity: 'information' },
  coveredBySection: { severity: 'information' },
  reportDetection: 'auto',
  // VS Code shows 1 000 problems per file: sending more only costs time.
  maxNumberOfProblems: 1000,
};

export const settingsSection = 'reportWriter';
export const diagnosticSource = 'report-writer';
/** Each diagnostic's `codeDescription` points here, at the code's anchor. */
export const diagnosticsDocumentation = 'https://github.com/report-writer/report-writer/blob/main/docs/diagnostics.md';

export interface RangeLike {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface DocumentParams {
  readonly uri: string;
}

/** `reportWriter/checklist`: the schema's slots and whether the report has them. */
export interface ChecklistResult {
  readonly uri: string;
  readonly version: number;
  readonly isReport: boolean;
  readonly schema: { readonly id: string; readonly name: string };
  readonly items: readonly {
    readonly slot: string;
    readonly title: string;
    readonly required: boolean;
    readonly present: boolean;
    readonly chapters: readonly { readonly title: string; readonly range: RangeLike }[];
    readonly placeholders: number;
    /** Sections of those chapters (or the chapters themselves) with nothing written yet. */
    readonly emptySections: readonly { readonly title: string; readonly range: RangeLike }[];
  }[];
  readonly placeholders: number;
  readonly missingRequired: number;
}

/** `reportWriter/skeleton`: the edits that write a whole skeleton (empty document) or the missing chapters. */
export interface SkeletonParams extends DocumentParams {
  /** For an empty document: the schema to write. */
  readonly schema?: string;
  /** For an empty document: `zh-cn` or `en` (default: the document's, see `DocumentLanguageRequest`, else the editor's display language). */
  readonly language?: 'zh-cn' | 'en';
  /** Insert these slots (missing or optional) instead of every missing required chapter. */
  readonly slots?: readonly string[];
}

export interface SkeletonResult {
  readonly edits: readonly { readonly range: RangeLike; readonly newText: string }[];
  /** Titles of the chapters written, for the client's message. */
  readonly chapters: readonly string[];
}

/** `reportWriter/schemas`: the schemas a report can use, built-in and from the workspace. */
export interface SchemaSummary {
  readonly id: string;
  /** In the editor's display language. */
  readonly name: string;
  /** In each language, for a pick that offers a report in either. */
  readonly names: { readonly 'zh-cn': string; readonly en: string };
  readonly description: string | undefined;
  readonly builtin: boolean;
}

export const ChecklistRequest = new RequestType<DocumentParams, ChecklistResult | null, void>('reportWriter/checklist');
export const SkeletonRequest = new RequestType<SkeletonParams, SkeletonResult | null, void>('reportWriter/skeleton');
/**
 * `reportWriter/schemas`: the schemas to choose from. With a document, those that apply to it (the built-in
 * ones, its nearest `.report-schemas`, its `schemaPaths`); without one, every schema read so far.
 */
export const SchemasRequest = new RequestType<Partial<DocumentParams> | null | undefined, SchemaSummary[], void>('reportWriter/schemas');

/**
 * `reportWriter/documentLanguage`: the language a document asks for — front matter `lang`, the text it
 * has, its file name (新报告.md) — or null when nothing decides and the writer should choose.
 */
export const DocumentLanguageRequest = new RequestType<DocumentParams, { readonly language: 'zh-cn' | 'en' | null }, void>('reportWriter/documentLanguage');

export type GoalVerdict = 'met' | 'missed' | 'unverifiable' | 'no-outcome';

/** One goal of the scorecard, ready to show: numbers already formatted, reasons localized. */
export interface GoalCheckRow {
  readonly range: RangeLike;
  readonly text: string;
  readonly metric: string;
  /** The target as the tool reads it, e.g. `≥ 600 m³/h`, `XX%`. */
  readonly target: string;
  readonly outcome: { readonly range: RangeLike; readonly text: string; readonly actual: string } | null;
  readonly verdict: GoalVerdict;
  /** Why the verdict could not be reached (unverifiable), in the editor's language. */
  readonly reason: string | undefined;
  /** Actual against target (1 = exactly met), when it can be computed. */
  readonly achievement: number | null;
}

/** `reportWriter/goalCheck`: every goal of the report against the outcome the report gives for it. */
export interface GoalCheckResult {
  readonly uri: string;
  readonly version: number;
  readonly isReport: boolean;
  readonly title: string | undefined;
  readonly schema: { readonly id: string; readonly name: string };
  readonly goals: readonly GoalCheckRow[];
  readonly totals: { readonly met: number; readonly missed: number; readonly unverifiable: number; readonly noOutcome: number };
  readonly placeholders: number;
  /** Titles of the required chapters the report lacks. */
  readonly missingChapters: readonly string[];
  /** The scorecard as a Markdown table in the report's language, for "Copy as Markdown". */
  readonly markdown: string;
}

export const GoalCheckRequest = new RequestType<DocumentParams, GoalCheckResult | null, void>('reportWriter/goalCheck');

/** `reportWriter/insertScorecard`: the edit that writes the scorecard into the report ("Insert into report"). */
export interface InsertScorecardParams extends DocumentParams {
  /** Where to write it when the report has neither a scorecard to update nor a results chapter: the cursor. */
  readonly position?: { readonly line: number; readonly character: number };
}

export interface EditsResult {
  readonly edits: readonly { readonly range: RangeLike; readonly newText: string }[];
}

export const InsertScorecardRequest = new RequestType<InsertScorecardParams, EditsResult | null, void>('reportWriter/insertScorecard');

/**
 * `reportWriter/status`: what the server holds, for troubleshooting and for the tests that check a closed
 * document leaves nothing behind.
 */
export interface ServerStatus {
  /** Documents the client has open. */
  readonly documents: number;
  /** Documents with a parsed model cached (their blocks, for incremental parsing). */
  readonly models: number;
  /** Documents with a cached analysis. */
  readonly analyses: number;
  /** Model builds under way. */
  readonly builds: number;
  /** The server's JavaScript heap in use, in bytes. */
  readonly heapUsed: number;
}

export const StatusRequest = new RequestType0<ServerStatus, void>('reportWriter/status');

/** `reportWriter/exportDocx`: writes the report as a Word document (Report: Export to Word). */
export interface ExportDocxParams extends DocumentParams {
  /** File path of the .docx to write; by default beside the report, with its name. Needed for a report that is no file. */
  readonly out?: string;
  /** File path of the organisation's template (.docx), `reportWriter.export.template` resolved by the client. */
  readonly template?: string;
  /** Export even with placeholders left in the report (the writer confirmed it). */
  readonly allowPlaceholders?: boolean;
  /** Append the goal scorecard as a table. */
  readonly withScorecard?: boolean;
}

export type ExportDocxResult =
  | { readonly kind: 'written'; readonly path: string; readonly missingChapters: readonly string[] }
  /** Nothing written: placeholders are left. Missing chapters are named with them. */
  | { readonly kind: 'blocked'; readonly placeholders: readonly { readonly range: RangeLike; readonly text: string }[]; readonly missingChapters: readonly string[] }
  /** Nothing written, for the reason `message` gives in the editor's language. */
  | { readonly kind: 'failed'; readonly message: string };

export const ExportDocxRequest = new RequestType<ExportDocxParams, ExportDocxResult | null, void>('reportWriter/exportDocx');

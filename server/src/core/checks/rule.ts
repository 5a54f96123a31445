/**
 * A check is a rule: one diagnostic code, its default severity, the message keys it writes and a `run` that
 * reads a `RuleContext` — the way markdownlint's rules are objects a registry runs (see `registry.ts`).
 * Adding a diagnostic is its rule file under `rules/`, a line in the registry, its messages in
 * server/l10n/*.yaml and its section in docs/diagnostics.md; test/unit/rules.test.ts holds the four together.
 */
import type { DiagnosticCode, DiagnosticData, ReportDiagnostic, Severity } from '../report/diagnostics.js';
import type { ClassifiedChapter, CoveredSlot, MissingChapter } from '../report/chapters.js';
import type { Locale } from '../report/l10n.js';
import type { PatternMatch, TextPattern } from '../report/patterns.js';
import type { BlockModel, ReportModel, Span } from '../parse/model.js';
import type { GoalResult } from '../goals/evaluate.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { ChapterSchema } from '../schema/types.js';

export interface AnalysisSettings {
  readonly locale: Locale;
  /** `auto`, or the id of the schema to use when front matter names none. */
  readonly schema: string;
  readonly reportDetection: 'auto' | 'always' | 'frontMatterOnly';
  readonly vagueQuantitySeverity: Severity | 'off';
  /** How a required chapter written only as a section of another is noted (`covered-by-section`). */
  readonly coveredBySectionSeverity: Severity | 'off';
  readonly extraPlaceholderPatterns: readonly TextPattern[];
  /** Diagnostics a report gets at most (see `limitDiagnostics`); 0 for all of them, as the command line has. */
  readonly maxNumberOfProblems: number;
}

export const defaultSettings: AnalysisSettings = {
  locale: 'en',
  schema: 'auto',
  reportDetection: 'auto',
  vagueQuantitySeverity: 'information',
  coveredBySectionSeverity: 'information',
  extraPlaceholderPatterns: [],
  maxNumberOfProblems: 0,
};

/** The settings that give a rule's severity in place of its default ('off' turns the rule off). */
export type SeveritySetting = 'vagueQuantitySeverity' | 'coveredBySectionSeverity';

/** How the schema was chosen: named in front matter, set by the user, guessed from the title, or the default. */
export type SchemaReason = 'front-matter' | 'setting' | 'title' | 'default';

/** A rule's view of one block, in offsets relative to the block's start, as the block's memo keeps them. */
export interface BlockView {
  readonly block: BlockModel;
  /** The text of a span of the block. */
  text(span: Span): string;
  /** The block's matches of `patterns` in its prose, found once while the block's text stays the same. */
  matches(patterns: readonly TextPattern[]): readonly PatternMatch[];
}

/** What a rule reads: the report as the analysis has understood it, and helpers that write its diagnostics. */
export interface RuleContext {
  readonly model: ReportModel;
  readonly schema: ChapterSchema;
  readonly schemaReason: SchemaReason;
  /** The front matter's `schema:` or `type:` entry, when it has one. */
  readonly namedSchema: { readonly key: string; readonly value: string } | undefined;
  readonly schemas: SchemaRegistry;
  readonly chapters: readonly ClassifiedChapter[];
  readonly missing: readonly MissingChapter[];
  readonly covered: readonly CoveredSlot[];
  /** Every goal with its outcome and verdict. */
  readonly goals: readonly GoalResult[];
  readonly settings: AnalysisSettings;
  /** The language of the messages. */
  readonly locale: Locale;
  /** The language the report is written in, for the chapter titles a message names. */
  readonly language: Locale;
  /** The built-in placeholder patterns followed by the user's. */
  readonly placeholderPatterns: readonly TextPattern[];
  /** The severity this rule reports at: its default, or the setting's. */
  readonly severity: Severity;
  /** A diagnostic of this rule's code and severity on `span`, with the message `key` in the messages' language. */
  diagnostic(span: Span, key: string, args?: Readonly<Record<string, string | number>>, data?: DiagnosticData): ReportDiagnostic;
  /** The message `key` in the messages' language. */
  message(key: string, args?: Readonly<Record<string, string | number>>): string;
  /** The 1-based line of an offset. */
  lineOf(offset: number): number;
  /**
   * What `compute` gives, computed once per analysis for all the rules that ask with the same `key`:
   * for findings several rules split by code (the numbering walk, the unsupported claims).
   */
  shared<T>(key: object, compute: () => T): T;
  /**
   * The diagnostics `make` gives each block, in the block's offsets, placed in the document. They are kept
   * in the block's memo, so after an edit only the changed blocks' are made again. `make` may depend on the
   * block's text, the messages' language, the severity and the placeholder patterns only.
   */
  eachBlock(make: (view: BlockView) => ReportDiagnostic[]): ReportDiagnostic[];
}

export interface Rule {
  /** The one code the rule reports; its name, its file under `rules/` and its docs anchor. */
  readonly code: DiagnosticCode;
  readonly defaultSeverity: Severity;
  /** The setting that overrides `defaultSeverity`, if any. */
  readonly severitySetting?: SeveritySetting;
  /** The message keys the rule writes (server/l10n/*.yaml). */
  readonly messages: readonly string[];
  run(context: RuleContext): ReportDiagnostic[];
}
